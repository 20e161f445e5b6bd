package dev.followthrough.local;

import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.cases.CaseNumbers;
import dev.followthrough.mail.PlainText;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/outbox}: every email the embedded mail server received, newest first, as the
 * customer would read it (the page {@code /outbox.html} shows the same). Only in the local profile
 * and when the embedded server runs; in production the mail goes to the real SMTP server.
 */
@RestController
@Profile("local")
@ConditionalOnBean(GreenMail.class)
class EmbeddedOutboxController {

  record ReceivedEmail(String messageId, Instant sentAt, String from, List<String> to, List<String> cc,
                       String subject, String inReplyTo, String text) {}

  private final GreenMail server;

  EmbeddedOutboxController(GreenMail server) {
    this.server = server;
  }

  @GetMapping("/api/outbox")
  List<ReceivedEmail> outbox(@RequestParam(required = false) String caseNumber) throws MessagingException {
    // the server keeps one copy per recipient; the outbox shows each email once
    Map<String, ReceivedEmail> emails = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      String subject = message.getSubject();
      if (caseNumber != null && !CaseNumbers.mentionedIn(subject, caseNumber)) {
        continue;
      }
      emails.putIfAbsent(message.getMessageID(), new ReceivedEmail(message.getMessageID(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          addresses(message.getFrom()).stream().findFirst().orElse(null),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          addresses(message.getRecipients(Message.RecipientType.CC)),
          subject, message.getHeader("In-Reply-To", null), PlainText.of(message)));
    }
    List<ReceivedEmail> newestFirst = new java.util.ArrayList<>(emails.values());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

}
