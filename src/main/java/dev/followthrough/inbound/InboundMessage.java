package dev.followthrough.inbound;

import java.time.Instant;
import java.util.Map;

/**
 * A message that came in, from the mailbox or the REST API, as the intake needs it.
 * {@code caseNumber} is known for REST replies; for email it is found from the subject or the
 * thread headers. {@code deliveryReport} is what a mail server said about an email it could not
 * deliver, when the message is such a report ({@link DeliveryReports}); null otherwise.
 */
public record InboundMessage(
    String messageId,
    String from,
    String subject,
    String inReplyTo,
    String references,
    Map<String, String> headers,
    String contentType,
    String text,
    Instant receivedAt,
    String caseNumber,
    DeliveryReport deliveryReport) {

  public InboundMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    text = text == null ? "" : text;
  }

  /** A message that is no delivery report. */
  public InboundMessage(String messageId, String from, String subject, String inReplyTo, String references,
                        Map<String, String> headers, String contentType, String text, Instant receivedAt,
                        String caseNumber) {
    this(messageId, from, subject, inReplyTo, references, headers, contentType, text, receivedAt, caseNumber, null);
  }

  /** The same message with another subject (the intake stores the subject with its secrets redacted). */
  public InboundMessage withSubject(String newSubject) {
    return new InboundMessage(messageId, from, newSubject, inReplyTo, references, headers, contentType, text, receivedAt,
        caseNumber, deliveryReport);
  }
}
