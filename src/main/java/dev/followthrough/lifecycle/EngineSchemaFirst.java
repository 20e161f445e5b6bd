package dev.followthrough.lifecycle;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates our database after the engine created or updated its own schema: some of our
 * migrations add indexes to the engine's tables (V11), which do not exist before the engine ran on
 * a fresh database. Without this, the order of the two would be the order Spring happens to create
 * the beans in. Asking for the starter's {@code processEngineFactoryBean} builds the engine (its
 * schema update included) before {@code flywayInitializer} runs.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaFirst {

  static final String ENGINE = "processEngineFactoryBean";
  static final String FLYWAY = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor flywayAfterTheEngine() {
    return beanFactory -> migrateAfterEngine(beanFactory);
  }

  private static void migrateAfterEngine(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(FLYWAY) || !beanFactory.containsBeanDefinition(ENGINE)) {
      return;
    }
    BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY);
    String[] dependsOn = flyway.getDependsOn() == null ? new String[0] : flyway.getDependsOn();
    String[] withEngine = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
    withEngine[dependsOn.length] = ENGINE;
    flyway.setDependsOn(withEngine);
  }
}
