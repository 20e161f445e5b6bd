package dev.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail library on the class path (Angus Mail from Spring Boot's BOM) is past CVE-2025-7962:
 * characters whose low byte is CR or LF (U+560D, U+560A) in an address used to end the SMTP
 * command early and smuggle in another recipient. Tried against a real SMTP server: the send is
 * refused and the smuggled recipient gets nothing.
 */
class MailLibraryInjectionTest {

  private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void anAddressCarryingCrLfInItsLowBytes_doesNotReachASecondRecipient() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
    Session session = Session.getInstance(properties);
    MimeMessage message = new MimeMessage(session);
    message.setFrom("support@followthrough.example");
    message.setSubject("Case CASE-1");
    message.setText("Hello");
    InternetAddress smuggling = new InternetAddress();
    smuggling.setAddress("customer@customer.example>\u560D\u560ARCPT TO:<intruder@evil.example");

    Throwable refused = catchThrowable(() -> Transport.send(message, new InternetAddress[] {smuggling}));

    assertThat(Arrays.stream(server.getReceivedMessages()).flatMap(received -> {
      try {
        return Arrays.stream(received.getAllRecipients() == null ? new jakarta.mail.Address[0] : received.getAllRecipients());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).map(Object::toString)).noneMatch(recipient -> recipient.contains("intruder"));
    assertThat(server.getReceivedMessagesForDomain("evil.example")).isEmpty();
    assertThat(refused).as("the library refuses the command (fixed in Angus Mail 2.0.4)").isNotNull()
        .rootCause().hasMessageContaining("illegal character");
    System.out.println("[probe] SMTP address with U+560D U+560A (CVE-2025-7962) -> refused: " + refused.getCause().getMessage());
  }
}
