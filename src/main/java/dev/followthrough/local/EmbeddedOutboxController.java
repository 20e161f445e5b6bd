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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /api/outbox}: every email the embedded mail server received, newest first, as the
 * customer would read it (the page {@code /outbox.html} shows the same); {@code GET
 * /outbox/email?messageId=…}: one email's HTML part as the customer's mail program shows it. Only in
 * the local profile and when the embedded server runs; in production the mail goes to the real SMTP
 * server.
 */
@RestController
@Profile("local")
@ConditionalOnBean(GreenMail.class)
class EmbeddedOutboxController {

  /**
   * The HTML part is content from outside (anyone may send to the embedded server, and a customer's
   * words are quoted in it): it may show itself and its own {@code data:} images and styles, and
   * nothing else. {@code sandbox} gives it an opaque origin and no script, even when opened on its
   * own rather than in the outbox page's sandboxed frame.
   */
  static final String CUSTOMER_VIEW_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  record ReceivedEmail(String messageId, Instant sentAt, String from, List<String> to, List<String> cc,
                       String subject, String inReplyTo, String text, String customerView) {}

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
      String messageId = message.getMessageID();
      emails.putIfAbsent(messageId, new ReceivedEmail(messageId,
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          addresses(message.getFrom()).stream().findFirst().orElse(null),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          addresses(message.getRecipients(Message.RecipientType.CC)),
          subject, message.getHeader("In-Reply-To", null), PlainText.of(message),
          messageId == null ? null : UriComponentsBuilder.fromPath("/outbox/email")
              .queryParam("messageId", "{id}").encode().buildAndExpand(messageId).toUriString()));
    }
    List<ReceivedEmail> newestFirst = new java.util.ArrayList<>(emails.values());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The email's HTML part, its inline images in place, under {@link #CUSTOMER_VIEW_POLICY}; 404 without one. */
  @GetMapping("/outbox/email")
  ResponseEntity<String> customerView(@RequestParam String messageId) throws MessagingException {
    for (MimeMessage message : server.getReceivedMessages()) {
      if (messageId.equals(message.getMessageID())) {
        String html = CustomerView.of(message);
        if (html == null) {
          break;
        }
        return ResponseEntity.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
            .header("Content-Security-Policy", CUSTOMER_VIEW_POLICY)
            .header("X-Content-Type-Options", "nosniff")
            .header("Referrer-Policy", "no-referrer")
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(html);
      }
    }
    return ResponseEntity.notFound().build();
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

}
