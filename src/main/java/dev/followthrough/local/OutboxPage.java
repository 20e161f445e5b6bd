package dev.followthrough.local;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /outbox.html}, the embedded mail server's page: served in the local profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class OutboxPage implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/outbox.html").addResourceLocations("classpath:/local/");
  }
}
