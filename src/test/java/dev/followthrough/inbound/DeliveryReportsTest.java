package dev.followthrough.inbound;

import static dev.followthrough.inbound.MailCorpusTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.inbound.DeliveryReport.Action;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What {@link DeliveryReports} reads out of the corpus's bounces: the action, status, recipients and
 * diagnostic, and the returned email's headers that lead the bounce to its case.
 */
class DeliveryReportsTest {

  private static final String OUR_ID = "<2611270041.fqr.1@followthrough.local>";
  private static final String SUBJECT = "Case CASE-2041: Nightly export fails";

  @Test
  void postfixRfc3464_withTheWholeOriginal() throws Exception {
    DeliveryReport report = read("bounces/postfix-bounce-rfc3464.eml");

    assertThat(report.standard()).isTrue();
    assertThat(report.action()).isEqualTo(Action.FAILED);
    assertThat(report.permanent()).isTrue();
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.finalRecipients()).containsExactly("dana.whitfield@customer.example");
    assertThat(report.diagnostic()).startsWith("550 5.1.1").contains("User unknown in virtual mailbox table");
    assertThat(report.originalMessageId()).isEqualTo(OUR_ID);
    assertThat(report.originalSubject()).isEqualTo(SUBJECT);
    assertThat(report.originalThreadIds()).containsExactly(OUR_ID);
    assertThat(report.originalText()).contains("Could you renew the service token");
  }

  @Test
  void postfixRfc3464_withOnlyTheOriginalsHeaders() throws Exception {
    DeliveryReport report = read("bounces/postfix-bounce-headers-only.eml");

    assertThat(report.action()).isEqualTo(Action.FAILED);
    assertThat(report.status()).isEqualTo("5.2.2");
    assertThat(report.originalMessageId()).isEqualTo(OUR_ID);
    assertThat(report.originalSubject()).isEqualTo(SUBJECT);
    assertThat(report.originalText()).isNull();
  }

  @Test
  void aDelayIsNoBounce() throws Exception {
    DeliveryReport postfix = read("bounces/postfix-delay-warning.eml");
    assertThat(postfix.action()).isEqualTo(Action.DELAYED);
    assertThat(postfix.permanent()).isFalse();
    assertThat(postfix.status()).isEqualTo("4.4.1");
    assertThat(postfix.originalMessageId()).isEqualTo(OUR_ID);

    DeliveryReport exim = read("bounces/exim-delay-warning.eml");
    assertThat(exim.standard()).isFalse();
    assertThat(exim.action()).isEqualTo(Action.DELAYED);
  }

  @Test
  void exchangeAndGmailReports_nestTheirPartsDifferently() throws Exception {
    DeliveryReport exchange = read("bounces/exchange-ndr.eml");
    assertThat(exchange.action()).isEqualTo(Action.FAILED);
    assertThat(exchange.status()).isEqualTo("5.1.10");
    assertThat(exchange.finalRecipients()).containsExactly("raj.patel@customer.example");
    assertThat(exchange.originalMessageId()).isEqualTo(OUR_ID);

    DeliveryReport gmail = read("bounces/gmail-dsn-failure.eml");
    assertThat(gmail.finalRecipients()).containsExactly("lena.fischer.old@gmail.com");
    assertThat(gmail.originalSubject()).isEqualTo(SUBJECT);
  }

  @Test
  void nonStandardBounces_eximQmailAndALegacyNdr() throws Exception {
    DeliveryReport exim = read("bounces/exim-bounce.eml");
    assertThat(exim.standard()).isFalse();
    assertThat(exim.action()).isEqualTo(Action.FAILED);
    assertThat(exim.finalRecipients()).contains("olga@smallbiz.example");
    assertThat(exim.status()).isEqualTo("5.1.1");
    assertThat(exim.originalMessageId()).isEqualTo(OUR_ID);
    assertThat(exim.originalSubject()).isEqualTo(SUBJECT);

    DeliveryReport qmail = read("bounces/qmail-failure-notice.eml");
    assertThat(qmail.action()).isEqualTo(Action.FAILED);
    assertThat(qmail.finalRecipients()).containsExactly("tom@oldhost.example");
    assertThat(qmail.originalMessageId()).isEqualTo(OUR_ID);

    DeliveryReport legacy = read("bounces/exchange-ndr-legacy-attached-original.eml");
    assertThat(legacy.action()).isEqualTo(Action.FAILED);
    assertThat(legacy.originalMessageId()).isEqualTo(OUR_ID);
  }

  @Test
  void peopleAndOutOfOfficeRepliesAreNoReports() throws Exception {
    assertThat(DeliveryReports.read(parse("human/travelling-quick-answer.eml"))).isEmpty();
    assertThat(DeliveryReports.read(parse("out-of-office/exchange-oof-en.eml"))).isEmpty();
    assertThat(DeliveryReports.read(parse("human/read-receipt.eml"))).isEmpty();
  }

  @Test
  void aBrokenReportIsNoReport_andDoesNotThrow() throws Exception {
    String broken = "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\n"
        + "cut off here";
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII)));

    assertThat(DeliveryReports.read(message)).hasValueSatisfying(report -> {
      assertThat(report.action()).isEqualTo(Action.FAILED);
      assertThat(report.originalMessageId()).isNull();
    });
  }

  private static DeliveryReport read(String file) throws Exception {
    return DeliveryReports.read(parse(file)).orElseThrow(() -> new AssertionError(file + " is no report"));
  }
}
