package dev.followthrough.mail;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class SmtpConfiguration {

  /**
   * The sender for {@code followthrough.smtp.*}: always in production; in the local profile when
   * {@code FOLLOWTHROUGH_SMTP_HOST} is set, else the embedded mail server's sender stands in.
   * Missing settings are reported at start-up, not found out when the first email fails.
   */
  @Bean
  @ConditionalOnExpression("!${followthrough.mail.embedded-server.enabled:false} or !'${followthrough.smtp.host:}'.isBlank()")
  JavaMailSenderImpl smtpMailSender(SmtpProperties properties) {
    List<String> missing = properties.missing();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Emails are sent through the SMTP server (followthrough.smtp), but "
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set");
    }
    return new SmtpMailSender(properties, Clock.systemUTC());
  }
}
