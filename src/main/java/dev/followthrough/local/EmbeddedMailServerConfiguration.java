package dev.followthrough.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.inbound.Mailbox;
import dev.followthrough.mail.MailProperties;
import dev.followthrough.mail.ReusedSmtpConnections;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code followthrough.mail.embedded-server.enabled}, an in-JVM SMTP + IMAP server
 * (GreenMail) on 127.0.0.1 receives everything the app sends, so the local profile and the tests
 * need no outside mail service. Port 0 picks a free port (the tests do that). Only in the local
 * profile: production refuses to start with the property set ({@code security.ProductionSettings}).
 * It stands in for each side whose real server is not named: {@code FOLLOWTHROUGH_SMTP_HOST} set,
 * the app sends through that server ({@code mail.SmtpConfiguration}); {@code FOLLOWTHROUGH_IMAP_HOST}
 * set, it reads replies from that mailbox ({@code inbound.InboundConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnProperty(name = "followthrough.mail.embedded-server.enabled", havingValue = "true")
class EmbeddedMailServerConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail embeddedMailServer(MailProperties properties) {
    MailProperties.EmbeddedServer server = properties.embeddedServer();
    return new GreenMail(new ServerSetup[] {
        new ServerSetup(server.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(server.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /** Replies to the support mailbox arrive here; the poller reads them over IMAP. */
  @Bean
  @ConditionalOnExpression("'${followthrough.inbound.host:}'.isBlank()")
  Mailbox embeddedMailbox(GreenMail embeddedMailServer, MailProperties properties) {
    return new Mailbox("127.0.0.1", embeddedMailServer.getImap().getPort(), false, properties.from(), "embedded", "INBOX");
  }

  /** Everything the app sends arrives here. */
  @Bean
  @ConditionalOnExpression("'${followthrough.smtp.host:}'.isBlank()")
  JavaMailSenderImpl embeddedMailSender(GreenMail embeddedMailServer) {
    JavaMailSenderImpl sender = new ReusedSmtpConnections(Clock.systemUTC());
    sender.setHost("127.0.0.1");
    sender.setPort(embeddedMailServer.getSmtp().getPort());
    // GreenMail writes its multi-line EHLO reply line by line; with Nagle's algorithm and delayed
    // ACKs every connection stalled for tens of milliseconds. The one-line HELO reply does not.
    sender.getJavaMailProperties().put("mail.smtp.ehlo", "false");
    return sender;
  }
}
