package dev.followthrough.mail;

import java.util.List;

/**
 * One email, ready to go. {@code idempotencyKey} names it for the outbox ledger: the same key is
 * never sent twice, however often a job is retried.
 */
public record OutgoingEmail(
    String idempotencyKey,
    String caseNumber,
    EmailKind kind,
    String fromName,
    List<String> to,
    List<String> cc,
    String subject,
    String text,
    String html) {

  public OutgoingEmail {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    HeaderValues.requireSingleLine("subject", subject);
    HeaderValues.requireSingleLine("sender name", fromName);
    to.forEach(address -> HeaderValues.requireAddress("to", address));
    cc.forEach(address -> HeaderValues.requireAddress("cc", address));
    if (to.isEmpty()) {
      throw new IllegalArgumentException("An email needs at least one recipient");
    }
  }
}
