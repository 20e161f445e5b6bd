package dev.followthrough.inbound;

import static dev.followthrough.inbound.ReplyClassifier.Kind.AUTOMATIC_REPLY;
import static dev.followthrough.inbound.ReplyClassifier.Kind.BOUNCE;
import static dev.followthrough.inbound.ReplyClassifier.Kind.CUSTOMER_REPLY;
import static dev.followthrough.inbound.ReplyClassifier.Kind.DELIVERY_DELAYED;
import static dev.followthrough.inbound.ReplyClassifier.Kind.UNSURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.followthrough.inbound.ReplyClassifier.Classification;
import dev.followthrough.inbound.ReplyClassifier.Kind;
import dev.followthrough.inbound.ReplyClassifier.Message;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Customer reply, automatic reply, delivery delay, bounce or unsure (R9, R23): the rules of
 * {@link ReplyClassifier}, one row per case, and where the return date is searched. The dates
 * themselves are {@link ReturnDatesTest}'s; whole real-world messages are {@link MailCorpusTest}'s.
 */
class ReplyClassifierTest {

  /** A Monday. */
  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 30);

  private static final String CUSTOMER = "Alex Berger <alex.berger@customer.example>";
  private static final String REPLY_SUBJECT = "Re: Case 2611270000123: Nightly export stops with a timeout";

  // ---------------------------------------------------------------------------------------------
  // Kinds

  static Stream<Arguments> messages() {
    return Stream.of(
        // --- bounces
        row("DSN content type", BOUNCE,
            mail().contentType("multipart/report; report-type=delivery-status; boundary=\"b1\"")
                .from("Mail Delivery System <MAILER-DAEMON@mx.customer.example>").subject("Undelivered Mail Returned to Sender")),
        row("DSN content type with quotes and odd spacing, ordinary sender", BOUNCE,
            mail().contentType("Multipart/Report;\r\n\treport-type = \"delivery-status\"").subject(REPLY_SUBJECT)),
        row("DSN content type only in the headers", BOUNCE,
            mail().header("content-type", "multipart/report; report-type=delivery-status").subject("Notice")),
        row("MAILER-DAEMON without display name", BOUNCE, mail().from("MAILER-DAEMON@mx.example.net").subject("Returned")),
        row("bare MAILER-DAEMON envelope sender", BOUNCE, mail().from("MAILER-DAEMON").subject("Message")),
        row("postmaster", BOUNCE, mail().from("postmaster@customer.example").subject("Notification")),
        row("Postfix subject", BOUNCE, mail().from("noreply@relay.example").subject("Undelivered Mail Returned to Sender")),
        row("Gmail failure subject", BOUNCE,
            mail().from("Mail Delivery Subsystem <mailer-daemon@googlemail.com>").subject("Delivery Status Notification (Failure)")),
        row("Exim subject", BOUNCE, mail().from("relay@mx.example").subject("Mail delivery failed: returning message to sender")),
        row("Exchange subject", BOUNCE, mail().from("Microsoft Outlook <x@customer.example>").subject("Undeliverable: " + REPLY_SUBJECT)),
        row("sendmail subject", BOUNCE, mail().from("relay@mx.example").subject("Returned mail: see transcript for details")),
        row("qmail subject", BOUNCE, mail().from("relay@mx.example").subject("failure notice")),
        row("German Exchange subject", BOUNCE, mail().from("relay@mx.example").subject("Unzustellbar: " + REPLY_SUBJECT)),
        row("French Exchange subject", BOUNCE, mail().from("relay@mx.example").subject("Non remis : " + REPLY_SUBJECT)),
        row("X-Failed-Recipients", BOUNCE,
            mail().header("X-Failed-Recipients", "alex.berger@customer.example").from("relay@mx.example").subject("Problem")),
        row("bounce wins over Auto-Submitted", BOUNCE,
            mail().header("Auto-Submitted", "auto-replied").from("MAILER-DAEMON@mx.example").subject("Undelivered Mail Returned to Sender")),

        // --- automatic replies: headers
        row("Auto-Submitted: auto-replied", AUTOMATIC_REPLY, mail().header("Auto-Submitted", "auto-replied").subject(REPLY_SUBJECT)),
        row("Auto-Submitted: auto-generated, lower-case header name", AUTOMATIC_REPLY,
            mail().header("auto-submitted", "auto-generated").subject(REPLY_SUBJECT)),
        row("Auto-Submitted with parameters", AUTOMATIC_REPLY,
            mail().header("AUTO-SUBMITTED", "auto-replied; owner-email=\"x@y\"").subject(REPLY_SUBJECT)),
        row("Auto-Submitted: no is a person", CUSTOMER_REPLY, customer("The export ran fine last night.").header("Auto-Submitted", "no")),
        row("X-Autoreply", AUTOMATIC_REPLY, mail().header("X-Autoreply", "yes").subject(REPLY_SUBJECT)),
        row("X-Autorespond", AUTOMATIC_REPLY, mail().header("X-Autorespond", REPLY_SUBJECT).subject(REPLY_SUBJECT)),
        row("Precedence: auto_reply", AUTOMATIC_REPLY, mail().header("Precedence", "auto_reply").subject(REPLY_SUBJECT)),
        row("Precedence: bulk with out-of-office wording in the text", AUTOMATIC_REPLY,
            mail().header("Precedence", "bulk").subject(REPLY_SUBJECT)
                .text("Hello, from 1 to 7 December I am out of the office. Please contact our helpdesk.")),
        row("X-Auto-Response-Suppress: All with out-of-office wording", AUTOMATIC_REPLY,
            mail().header("X-Auto-Response-Suppress", "All").subject(REPLY_SUBJECT)
                .text("Dear sender, our team is out of office until Monday.")),
        row("X-Auto-Response-Suppress alone is a normal client", CUSTOMER_REPLY,
            customer("Here are the logs you asked for.").header("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply")),
        row("Precedence: bulk alone reads like a person: a person decides", UNSURE,
            customer("Thanks, the patch works.").header("Precedence", "bulk")),
        row("Precedence: list with a vacation mentioned in passing: a person decides", UNSURE,
            customer("Thanks. I was on vacation last week, sorry for the delay.").header("Precedence", "list")),

        row("X-Autoresponder", AUTOMATIC_REPLY, mail().header("X-Autoresponder", "yes").subject(REPLY_SUBJECT)),
        row("Mailman administrivia", AUTOMATIC_REPLY, mail().header("X-List-Administrivia", "yes").subject("Your message awaits moderator approval")),
        row("group acknowledgement: Precedence: bulk, List-Id, automated-message wording", AUTOMATIC_REPLY,
            mail().header("Precedence", "bulk").header("List-Id", "<support.customer.example>").subject(REPLY_SUBJECT)
                .text("Thank you for contacting the IT team. This is an automated message: we will get back to you.")),
        row("ticket acknowledgement on a list", AUTOMATIC_REPLY,
            mail().header("list-id", "Helpdesk <helpdesk.customer.example>").subject("[#48213] " + REPLY_SUBJECT)
                .text("Hello,\n\nyour request (#48213) has been received and is being reviewed by our staff.")),
        row("automated message wording without headers", AUTOMATIC_REPLY,
            mail().from("helpdesk@customer.example").subject(REPLY_SUBJECT)
                .text("This is an automated message. Please do not reply to this email.")),
        row("List-Id alone reads like a person: a person decides", UNSURE,
            customer("Thanks, the renewal fixed it.").header("List-ID", "<it-team.customer.example>")),

        // --- automatic replies: subjects
        row("Outlook English", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Automatic reply: " + REPLY_SUBJECT)),
        row("old Exchange", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Out of Office AutoReply: " + REPLY_SUBJECT)),
        row("Out of office, lower case", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("out of office - back on Monday")),
        row("Autoreply", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Autoreply: " + REPLY_SUBJECT)),
        row("Auto-Reply in brackets", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("[Auto-Reply] " + REPLY_SUBJECT)),
        row("Auto-Reply at the end in brackets", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject(REPLY_SUBJECT + " (Out of Office)")),
        row("Sieve vacation", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Auto: " + REPLY_SUBJECT)),
        row("On vacation subject", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("On vacation until 7 December")),
        row("German Outlook", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Automatische Antwort: " + REPLY_SUBJECT)),
        row("German Abwesenheitsnotiz", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Abwesenheitsnotiz: " + REPLY_SUBJECT)),
        row("German Abwesend", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Abwesend: " + REPLY_SUBJECT)),
        row("German nicht im Büro", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Nicht im Büro bis 07.12.2026")),
        row("French Outlook", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Réponse automatique : " + REPLY_SUBJECT)),
        row("French Absence", AUTOMATIC_REPLY, mail().from(CUSTOMER).subject("Absence : " + REPLY_SUBJECT)),

        // --- no automatic-reply header or subject: the whole message must read like one
        row("leading statement with out-of-office boilerplate", AUTOMATIC_REPLY,
            customer("I am out of the office until 7 December with limited access to email.")),
        row("greeting, thanks, then the statement, nothing else: a person decides", UNSURE,
            customer("Hello,\n\nThank you for your email. I'm currently on annual leave and will be back on 7 December.")),
        row("thanks, however, away, nothing else: a person decides", UNSURE,
            customer("Thank you for your message, however I am away until Monday 7th December.")),
        row("out until next week, will reply on return", AUTOMATIC_REPLY,
            customer("I am away until next week and will reply on my return.")),
        row("out until tomorrow, nothing else: a person decides", UNSURE, customer("I'm out of the office until tomorrow.")),
        row("please note, on leave: a person decides", UNSURE, customer("Hi,\nplease note that I'm on leave until 2026-12-07.")),
        row("this is an automatic reply", AUTOMATIC_REPLY, customer("This is an automatic reply. Your message has been received.")),
        row("German statement with the date inside, nothing else: a person decides", UNSURE,
            customer("Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre Nachricht. Ich bin bis zum 07.12.2026 nicht im Büro.")),
        row("German statement with the deputy named", AUTOMATIC_REPLY,
            customer("Ich bin bis zum 07.12.2026 nicht im Büro. In dringenden Fällen wenden Sie sich an Frau Kurz.")),
        row("German automatic answer", AUTOMATIC_REPLY, customer("Dies ist eine automatische Antwort. Ich bin im Urlaub.")),
        row("French statement with urgent contact", AUTOMATIC_REPLY,
            customer("Bonjour,\n\nJe suis actuellement absente jusqu'au 7 décembre. En cas d'urgence, contactez Luc.")),
        row("HTML out-of-office with boilerplate", AUTOMATIC_REPLY,
            customer("<html><body><p>Hello,</p><p>I am out of the office until 7 December. For urgent matters call Kim.</p></body></html>")
                .contentType("text/html; charset=UTF-8")),
        row("a person travelling, answering quickly", CUSTOMER_REPLY,
            customer("Hi Sam,\n\nI'm travelling this week, so just a quick answer: the renewal fixed it, the export ran "
                + "fine last night. Thanks!\n\nAlex")),
        row("a person out of office today, with an answer", CUSTOMER_REPLY,
            customer("I'm out of the office today but wanted to confirm: the new licence key works.")),

        // --- customer replies, some of them tricky
        row("plain reply", CUSTOMER_REPLY, customer("The patch fixed it, thank you! You can close the case.")),
        row("vacation mentioned later", CUSTOMER_REPLY,
            customer("Hi Sam,\n\nthe fix worked. I'm going on vacation next week, so please close the case.\n\nBest, Alex")),
        row("was on vacation", CUSTOMER_REPLY, customer("Hi Sam, sorry for the late answer, I was on vacation. The logs are attached.")),
        row("automatic in a sentence", CUSTOMER_REPLY,
            customer("Hello, the automatic backup failed again last night. Error attached.")),
        row("automatic replies as the topic", CUSTOMER_REPLY,
            customer("Hi, automatic replies from our shared mailbox still loop. Any idea?")),
        row("thanks for the fix, then on leave later", CUSTOMER_REPLY,
            customer("Thanks for the fix, it works. Next week I'm on leave, my colleague takes over.")),
        row("out of office as the case topic in the subject", CUSTOMER_REPLY,
            mail().from(CUSTOMER).subject("Re: Case 2611270000124: Out of office rule does not fire").text("Still not working.")),
        row("mail delivery failure as the case topic", CUSTOMER_REPLY,
            mail().from(CUSTOMER).subject("Re: Case 2611270000125: Mail delivery failed for our invoices").text("Logs attached.")),
        row("quoted out-of-office below a human reply", CUSTOMER_REPLY,
            customer("Yes, please go ahead.\n\nOn Mon, 30 Nov 2026 Sam wrote:\n> I am out of the office until Friday.")),
        row("a person announcing an absence next week", CUSTOMER_REPLY, customer("Hi, I'm away next week, can we talk after?")),
        row("a person going on leave tomorrow", CUSTOMER_REPLY,
            customer("Hello Sam,\n\nI am on leave from tomorrow. The patch works, please close the case.")),
        row("German person on holiday from next week", CUSTOMER_REPLY,
            customer("Hallo,\nich bin ab nächster Woche im Urlaub. Der Fehler ist behoben.")),
        row("German reply mentioning Urlaub later", CUSTOMER_REPLY,
            customer("Guten Tag,\n\ndas Update hat funktioniert. Ab Montag bin ich im Urlaub, bitte schließen Sie den Fall.")),
        row("French reply with absence later", CUSTOMER_REPLY,
            customer("Bonjour,\n\nle correctif fonctionne. Je serai en congés la semaine prochaine.")),
        row("a new mail about undeliverable parcels", CUSTOMER_REPLY,
            mail().from(CUSTOMER).subject("Undeliverable parcels stuck in the export queue").text("See case 2611270000126.")),
        row("Lotus-style delivery failure", BOUNCE, mail().from("relay@mx.example").subject("DELIVERY FAILURE: User alex not listed")),
        row("postmaster in the display name only is a person", CUSTOMER_REPLY,
            mail().from("Pat Postmaster <pat@customer.example>").subject(REPLY_SUBJECT).text("Works now.")),
        row("read receipt is not a response", AUTOMATIC_REPLY,
            mail().contentType("multipart/report; report-type=disposition-notification").subject("Read: " + REPLY_SUBJECT)),
        row("delay notice is not a bounce", DELIVERY_DELAYED,
            mail().from("mailer-daemon@googlemail.com").subject("Delivery Status Notification (Delay)")),
        row("DSN reporting only a delay", DELIVERY_DELAYED,
            mail().contentType("multipart/report; report-type=delivery-status").subject("Delayed")
                .text("Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: delayed\nStatus: 4.4.7")),
        row("delivery report: failed", BOUNCE, mail().subject("Notice").report(DeliveryReport.Action.FAILED)),
        row("delivery report: delayed", DELIVERY_DELAYED, mail().subject("Notice").report(DeliveryReport.Action.DELAYED)),
        row("delivery report: delivered", AUTOMATIC_REPLY, mail().subject("Notice").report(DeliveryReport.Action.DELIVERED)),
        row("delivery report wins over a bounce subject", DELIVERY_DELAYED,
            mail().subject("Undelivered Mail Returned to Sender").report(DeliveryReport.Action.DELAYED)),
        row("nothing at all", CUSTOMER_REPLY, new Msg()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("messages")
  void classifies(String description, Kind expected, Msg message) {
    Classification classification = ReplyClassifier.classify(message.build(), RECEIVED);

    assertThat(classification.kind()).as(classification.reason()).isEqualTo(expected);
    assertThat(classification.reason()).isNotBlank().doesNotContain("customer.example").doesNotContain("2611270000");
    if (expected != AUTOMATIC_REPLY) {
      assertThat(classification.returnDate()).isEmpty();
    }
  }

  @Test
  void theReasonNamesTheRule() {
    assertThat(ReplyClassifier.classify(mail().header("Auto-Submitted", "auto-replied").build(), RECEIVED).reason())
        .isEqualTo("Auto-Submitted: auto-replied");
    assertThat(ReplyClassifier.classify(mail().subject("Undeliverable: Case 1").build(), RECEIVED).reason())
        .isEqualTo("bounce subject: \"Undeliverable\"");
    assertThat(ReplyClassifier.classify(mail().from("MAILER-DAEMON@x.example").build(), RECEIVED).reason())
        .isEqualTo("sender is MAILER-DAEMON");
    assertThat(ReplyClassifier.classify(customer("Works.").header("X-Auto-Response-Suppress", "All").build(), RECEIVED).reason())
        .isEqualTo("X-Auto-Response-Suppress: All alone is not an automatic reply");
  }

  @Test
  void headersAreLookedUpInAnyCaseAndNullsAreTolerated() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("PRECEDENCE", "Auto_Reply");
    headers.put(null, "ignored");
    headers.put("X-Empty", null);
    Message message = new Message(headers, null, null, null, null);

    assertThat(message.headers()).containsKey("precedence");
    assertThat(ReplyClassifier.classify(message, RECEIVED).kind()).isEqualTo(AUTOMATIC_REPLY);
    assertThat(ReplyClassifier.classify(new Message(null, null, null, null, null), RECEIVED))
        .isEqualTo(new Classification(CUSTOMER_REPLY, Optional.empty(), "no bounce or automatic-reply signal"));
  }

  @Test
  void requiresAMessageAndADay() {
    Message message = new Message(Map.of(), CUSTOMER, REPLY_SUBJECT, "Hi", null);
    assertThatNullPointerException().isThrownBy(() -> ReplyClassifier.classify(null, RECEIVED));
    assertThatNullPointerException().isThrownBy(() -> ReplyClassifier.classify(message, null));
  }

  // ---------------------------------------------------------------------------------------------
  // Return dates

  @Test
  void anOutOfOfficeReplyCarriesItsReturnDate() {
    Classification classification = ReplyClassifier.classify(
        mail().header("Auto-Submitted", "auto-replied").subject("Out of office").text("I am back on 7 December.").build(), RECEIVED);
    assertThat(classification.kind()).isEqualTo(AUTOMATIC_REPLY);
    assertThat(classification.returnDate()).contains(LocalDate.of(2026, 12, 7));
  }

  @Test
  void readsTheReturnDateInTheSubject() {
    Classification classification =
        ReplyClassifier.classify(mail().subject("Out of office until 14 December").text("Regards").build(), RECEIVED);
    assertThat(classification.returnDate()).contains(LocalDate.of(2026, 12, 14));
  }

  @Test
  void ignoresDatesInTheQuotedOriginal() {
    String text = "I am out of the office until 7 December.\n\n-----Original Message-----\nFrom: Sam\n"
        + "We will close the case on 21 December 2026 unless we hear from you.";
    assertThat(ReplyClassifier.classify(mail().subject("Automatic reply: Case 1").text(text).build(), RECEIVED).returnDate())
        .contains(LocalDate.of(2026, 12, 7));
  }

  @Test
  void aYearLessDateAroundNewYearIsTheNextOne() {
    Message message = mail().subject("Out of Office").text("Back on 4 January.").build();
    assertThat(ReplyClassifier.classify(message, LocalDate.of(2026, 12, 28)).returnDate()).contains(LocalDate.of(2027, 1, 4));
    assertThat(ReplyClassifier.classify(message, LocalDate.of(2027, 1, 2)).returnDate()).contains(LocalDate.of(2027, 1, 4));
  }

  @Test
  void delayNoticesAndReadReceiptsHaveNoReturnDate() {
    Classification delay = ReplyClassifier.classify(
        mail().subject("Delivery Status Notification (Delay)").text("We will keep trying until 2026-12-02.").build(), RECEIVED);
    assertThat(delay.kind()).isEqualTo(DELIVERY_DELAYED);
    assertThat(delay.returnDate()).isEmpty();

    Classification receipt = ReplyClassifier.classify(
        mail().contentType("multipart/report; report-type=disposition-notification").subject("Read: Case 1")
            .text("Your message was read on 2026-12-01.").build(), RECEIVED);
    assertThat(receipt.kind()).isEqualTo(AUTOMATIC_REPLY);
    assertThat(receipt.returnDate()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures

  private static Arguments row(String description, Kind kind, Msg message) {
    return Arguments.of(description, kind, message);
  }

  private static Msg mail() {
    return new Msg();
  }

  private static Msg customer(String text) {
    return new Msg().from(CUSTOMER).subject(REPLY_SUBJECT).text(text);
  }

  /** A message under construction; its toString keeps test names short. */
  static final class Msg {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String from;
    private String subject;
    private String text;
    private String contentType;
    private DeliveryReport report;

    Msg report(DeliveryReport.Action action) {
      report = new DeliveryReport(action, null, java.util.List.of(), null, null, null, null, null, null, true);
      return this;
    }

    Msg header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Msg from(String value) {
      from = value;
      return this;
    }

    Msg subject(String value) {
      subject = value;
      return this;
    }

    Msg text(String value) {
      text = value;
      return this;
    }

    Msg contentType(String value) {
      contentType = value;
      return this;
    }

    Message build() {
      return new Message(headers, from, subject, text, contentType, report);
    }

    @Override
    public String toString() {
      return "message";
    }
  }
}
