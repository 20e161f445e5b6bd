package dev.followthrough.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailTemplatesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailTemplatesConfiguration.class);

  /** Verified at start-up: a broken override stops the app here, not at the first send. */
  @Bean
  MailTemplates mailTemplates(MailProperties properties) {
    MailTemplates templates = new MailTemplates(properties.templateOverrideDirectory());
    templates.verifyAll();
    if (properties.templateOverrideDirectory() != null) {
      log.info("Mail templates: overrides from {}", properties.templateOverrideDirectory().toAbsolutePath());
    }
    return templates;
  }
}
