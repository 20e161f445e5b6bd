package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.inbound.Dovecot;
import dev.followthrough.inbound.MovableClock;
import dev.followthrough.inbound.OAuth2Server;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sending through real SMTP servers outside the JVM: dovecot's submission service (STARTTLS on one
 * port, TLS from the first byte on another, passwords and XOAUTH2 checked against the local token
 * provider) relays what it accepts to a GreenMail server, where the test looks for it. GreenMail
 * itself offers no STARTTLS, which makes it the server that must get nothing when STARTTLS is
 * required.
 */
class SmtpSendingTest {

  private static final String CUSTOMER = "customer@example.com";

  private GreenMail relay;

  @BeforeEach
  void relay() {
    relay = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    relay.start();
  }

  @AfterEach
  void stopRelay() {
    relay.stop();
  }

  @Test
  void starttlsRequired_aServerWithoutStarttls_getsNothing_notEvenInPlainText() {
    JavaMailSenderImpl sender = new SmtpMailSender(smtp("127.0.0.1", relay.getSmtp().getPort(), false, true, null,
        null, null, null), Clock.systemUTC());

    assertThatThrownBy(() -> sender.send(email(sender, "Status update")))
        .isInstanceOf(MailSendException.class)
        .hasStackTraceContaining("STARTTLS is required but host does not support STARTTLS");
    assertThat(relay.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttls_withTheTrustStore_andAPassword_delivers() throws Exception {
    try (Dovecot dovecot = Dovecot.startSubmission(null, relay.getSmtp().getPort())) {
      JavaMailSenderImpl sender = new SmtpMailSender(smtp("localhost", dovecot.submissionPort(), false, true,
          dovecot.trustStore(), Dovecot.USER, Dovecot.PASSWORD, null), Clock.systemUTC());
      String subject = "Status update " + UUID.randomUUID();

      sender.send(email(sender, subject));

      assertThat(delivered(1)).containsExactly(subject);
    }
  }

  @Test
  void starttls_withoutTheTrustStore_refusesTheServersCertificate_andSendsNothing() throws Exception {
    try (Dovecot dovecot = Dovecot.startSubmission(null, relay.getSmtp().getPort())) {
      JavaMailSenderImpl sender = new SmtpMailSender(smtp("localhost", dovecot.submissionPort(), false, true, null,
          Dovecot.USER, Dovecot.PASSWORD, null), Clock.systemUTC());

      assertThatThrownBy(() -> sender.send(email(sender, "Status update")))
          .isInstanceOf(MailSendException.class).hasStackTraceContaining("SSLHandshakeException");
      assertThat(relay.getReceivedMessages()).isEmpty();
    }
  }

  @Test
  void implicitTls_likePort465_delivers() throws Exception {
    try (Dovecot dovecot = Dovecot.startSubmission(null, relay.getSmtp().getPort())) {
      JavaMailSenderImpl sender = new SmtpMailSender(smtp("localhost", dovecot.submissionsPort(), true, false,
          dovecot.trustStore(), Dovecot.USER, Dovecot.PASSWORD, null), Clock.systemUTC());
      String subject = "Solution " + UUID.randomUUID();

      sender.send(email(sender, subject));

      assertThat(delivered(1)).containsExactly(subject);
    }
  }

  @Test
  void withOAuth2_theSenderLogsInWithXoauth2_andRenewsTheTokenBeforeItExpires() throws Exception {
    try (OAuth2Server provider = OAuth2Server.start();
         Dovecot dovecot = Dovecot.startSubmission(provider.introspectionUri(), relay.getSmtp().getPort())) {
      MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
      JavaMailSenderImpl sender = new SmtpMailSender(smtp("localhost", dovecot.submissionPort(), false, true,
          dovecot.trustStore(), Dovecot.USER, null, new OAuth2Settings(provider.tokenUri(), "followthrough",
              "client-secret", OAuth2Server.REFRESH_TOKEN, "https://outlook.office.com/SMTP.Send")), clock);

      sender.send(email(sender, "first"));
      assertThat(provider.tokenRequests()).singleElement().satisfies(request -> assertThat(request)
          .containsEntry("grant_type", "refresh_token").containsEntry("client_id", "followthrough")
          .containsEntry("scope", "https://outlook.office.com/SMTP.Send"));
      assertThat(provider.introspected()).as("dovecot checked the token we sent").containsExactly("access-token-1");

      clock.move(Duration.ofSeconds(OAuth2Server.LIFETIME_SECONDS).minus(OAuth2Tokens.EARLY).minusSeconds(1));
      sender.send(email(sender, "second"));
      assertThat(provider.tokensIssued()).as("still valid for more than a minute: kept").isEqualTo(1);

      clock.move(Duration.ofSeconds(1));
      provider.expireAll();
      sender.send(email(sender, "third"));
      assertThat(provider.tokensIssued()).as("renewed a minute before it expired").isEqualTo(2);
      assertThat(provider.introspected()).last().isEqualTo("access-token-2");
      assertThat(delivered(3)).containsExactlyInAnyOrder("first", "second", "third");
    }
  }

  @Test
  void withOAuth2_aTokenEndpointThatGivesNoToken_failsTheSendLikeAnUnreachableServer() throws Exception {
    try (OAuth2Server provider = OAuth2Server.start();
         Dovecot dovecot = Dovecot.startSubmission(provider.introspectionUri(), relay.getSmtp().getPort())) {
      JavaMailSenderImpl sender = new SmtpMailSender(smtp("localhost", dovecot.submissionPort(), false, true,
          dovecot.trustStore(), Dovecot.USER, null, new OAuth2Settings(provider.tokenUri(), "followthrough", null,
              "not-the-refresh-token", null)), Clock.systemUTC());

      assertThatThrownBy(() -> sender.send(email(sender, "never")))
          .isInstanceOf(MailSendException.class).hasStackTraceContaining("without an access token");
      assertThat(relay.getReceivedMessages()).isEmpty();
    }
  }

  private static SmtpProperties smtp(String host, int port, boolean tls, boolean starttls, String trustStore,
                                     String user, String password, OAuth2Settings oauth2) {
    return new SmtpProperties(host, port, tls, starttls, trustStore, Dovecot.TRUST_STORE_PASSWORD, user, password,
        oauth2);
  }

  private static MimeMessage email(JavaMailSenderImpl sender, String subject) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom(Dovecot.USER);
    helper.setTo(CUSTOMER);
    helper.setSubject(subject);
    helper.setText("Your case is being worked on.");
    return message;
  }

  /** The subjects of what reached the relay, once dovecot has passed it on. */
  private String[] delivered(int expected) throws MessagingException {
    relay.waitForIncomingEmail(10_000, expected);
    MimeMessage[] received = relay.getReceivedMessages();
    String[] subjects = new String[received.length];
    for (int i = 0; i < received.length; i++) {
      subjects[i] = received[i].getSubject();
    }
    return Arrays.stream(subjects).sorted().toArray(String[]::new);
  }
}
