package dev.followthrough.inbound;

import dev.followthrough.mail.OAuth2Tokens;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

  /**
   * The mailbox from configuration: always in production; in the local profile when
   * {@code FOLLOWTHROUGH_IMAP_HOST} is set, else the embedded mail server's mailbox stands in.
   */
  @Bean
  @ConditionalOnExpression("!${followthrough.mail.embedded-server.enabled:false} or !'${followthrough.inbound.host:}'.isBlank()")
  Mailbox configuredMailbox(InboundProperties properties) {
    List<String> missing = properties.missing();
    if (!missing.isEmpty()) {
      // reported at start-up, not found out when replies go unread
      throw new IllegalStateException("Replies are read from the support mailbox (followthrough.inbound.polling), but "
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set");
    }
    Mailbox mailbox = new Mailbox(properties.host(), properties.port(), properties.tls(), properties.user(),
        properties.password(), properties.folder(), properties.starttls(), properties.trustStore(),
        properties.trustStorePassword(), properties.oauth2() != null && properties.oauth2().configured()
            ? new OAuth2Tokens(properties.oauth2(), Clock.systemUTC()) : null);
    if (mailbox.configured()) {
      mailbox.sessionProperties(); // a trust store that cannot be read is reported now
    }
    return mailbox;
  }

  /** With {@code followthrough.inbound.polling}, the mailbox is read every poll interval (and on IDLE). */
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

    /** With {@code followthrough.inbound.idle} (the default), new mail is read at once where the server offers IDLE. */
    @Bean
    @ConditionalOnProperty(name = "followthrough.inbound.idle", havingValue = "true", matchIfMissing = true)
    MailboxWatcher mailboxWatcher(Mailbox mailbox) {
      return new MailboxWatcher(mailbox, poller);
    }
  }
}
