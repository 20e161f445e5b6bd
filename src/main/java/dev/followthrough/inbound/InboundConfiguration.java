package dev.followthrough.inbound;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

  /** The mailbox from configuration, unless the embedded mail server provides one. */
  @Bean
  @ConditionalOnProperty(name = "followthrough.mail.embedded-server.enabled", havingValue = "false", matchIfMissing = true)
  Mailbox configuredMailbox(InboundProperties properties) {
    return new Mailbox(properties.host(), properties.port(), properties.tls(), properties.user(), properties.password(),
        properties.folder());
  }

  /** With {@code followthrough.inbound.polling}, the mailbox is read every poll interval. */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(name = "followthrough.inbound.polling", havingValue = "true")
  static class Polling {

    private final MailboxPoller poller;

    Polling(MailboxPoller poller) {
      this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${followthrough.inbound.poll-interval:PT30S}", initialDelayString = "PT10S")
    void poll() {
      poller.pollOnce();
    }
  }
}
