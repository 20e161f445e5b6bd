package dev.followthrough.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.inbound.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local profile's rule: naming a real SMTP server ({@code FOLLOWTHROUGH_SMTP_HOST}, here the
 * property it sets) sends every email there, while the embedded server still stands in for the
 * mailbox, whose host is not named.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class RealMailServersInLocalProfileTest {

  /** The organisation's SMTP server, outside the application (plain text: GreenMail has no STARTTLS). */
  static final GreenMail REAL_SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void realSmtpServer(DynamicPropertyRegistry registry) {
    REAL_SMTP.start();
    registry.add("followthrough.smtp.host", () -> "127.0.0.1");
    registry.add("followthrough.smtp.port", () -> REAL_SMTP.getSmtp().getPort());
    registry.add("followthrough.smtp.starttls", () -> "false");
  }

  @AfterAll
  static void stop() {
    REAL_SMTP.stop();
  }

  @Autowired JavaMailSenderImpl sender;
  @Autowired GreenMail embeddedMailServer;
  @Autowired Mailbox mailbox;

  @Test
  void withTheSmtpHostSet_emailsGoToThatServer_andRepliesAreStillReadFromTheEmbeddedOne() throws Exception {
    MimeMessage email = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(email, "UTF-8");
    helper.setFrom("support@followthrough.local");
    helper.setTo("customer@example.com");
    helper.setSubject("Through the real server");
    helper.setText("Your case is being worked on.");

    sender.send(email);

    assertThat(REAL_SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(REAL_SMTP.getReceivedMessages()).singleElement()
        .satisfies(received -> assertThat(received.getSubject()).isEqualTo("Through the real server"));
    assertThat(embeddedMailServer.getReceivedMessages()).isEmpty();
    assertThat(mailbox.port()).isEqualTo(embeddedMailServer.getImap().getPort());
  }
}
