package dev.followthrough.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox ledger: one row per email, keyed by its idempotency key. Rows are written in their
 * own transactions, before and after the SMTP call, so that a job rolled back after the server
 * accepted the email still finds it marked as sent when it is retried.
 */
@Repository
public class OutboxLedger {

  public enum Status { SENDING, SENT, REJECTED }

  public record Entry(String idempotencyKey, String messageId, String inReplyTo, String references, Status status) {}

  public record SentEmail(String caseNumber, String kind, String subject, Instant sentAt) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  OutboxLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The ledger entry for this email: the existing one if it was claimed before (by an earlier try
   * of the same job), otherwise a new one threaded after the case's earlier customer emails.
   */
  public Entry claim(OutgoingEmail email, String messageId, boolean joinsCustomerThread, Instant now) {
    return ownTransaction.execute(status -> find(email.idempotencyKey()).orElseGet(() -> {
      String inReplyTo = null;
      String references = null;
      if (joinsCustomerThread) {
        List<String> thread = jdbc.queryForList(
            "select message_id from ft_outbound_email where case_number = ? and in_customer_thread = true "
                + "and status = 'SENT' order by created_at, idempotency_key", String.class, email.caseNumber());
        if (!thread.isEmpty()) {
          inReplyTo = thread.get(thread.size() - 1);
          references = thread.size() == 1 ? inReplyTo : thread.get(0) + " " + inReplyTo;
        }
      }
      jdbc.update("insert into ft_outbound_email (idempotency_key, case_number, kind, message_id, in_reply_to, "
              + "thread_references, in_customer_thread, recipients, subject, status, created_at) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', ?)",
          email.idempotencyKey(), email.caseNumber(), email.kind().id(), messageId, inReplyTo, references,
          joinsCustomerThread, String.join(", ", email.to()), email.subject(), utc(now));
      return new Entry(email.idempotencyKey(), messageId, inReplyTo, references, Status.SENDING);
    }));
  }

  public void markSent(String idempotencyKey, Instant now) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update ft_outbound_email set status = 'SENT', sent_at = ? where idempotency_key = ?", utc(now), idempotencyKey));
  }

  /** The case an email of ours belongs to, by its Message-ID (for replies that keep our thread). */
  /** The server refused the email for good (a 5xx, an address that does not exist). */
  public void markRejected(String idempotencyKey, Instant now) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update ft_outbound_email set status = 'REJECTED', sent_at = ? where idempotency_key = ?", utc(now), idempotencyKey));
  }

  public Optional<String> caseOf(String messageId) {
    return jdbc.queryForList("select case_number from ft_outbound_email where message_id = ?", String.class, messageId)
        .stream().findFirst();
  }

  public Optional<Entry> find(String idempotencyKey) {
    return jdbc.query("select idempotency_key, message_id, in_reply_to, thread_references, status "
            + "from ft_outbound_email where idempotency_key = ?",
        (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Status.valueOf(rs.getString(5))), idempotencyKey).stream().findFirst();
  }

  /** When the last of these kinds of email went out on the case. */
  public Optional<Instant> lastSentAt(String caseNumber, java.util.Collection<String> kinds) {
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    String placeholders = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
    List<Object> arguments = new java.util.ArrayList<>();
    arguments.add(caseNumber);
    arguments.addAll(kinds);
    OffsetDateTime last = jdbc.queryForObject("select max(sent_at) from ft_outbound_email where case_number = ? "
        + "and status = 'SENT' and kind in (" + placeholders + ")", OffsetDateTime.class, arguments.toArray());
    return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
  }

  public List<SentEmail> sentFor(String caseNumber) {
    return jdbc.query("select case_number, kind, subject, sent_at from ft_outbound_email "
            + "where case_number = ? and status = 'SENT' order by sent_at, idempotency_key",
        (rs, row) -> new SentEmail(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant()), caseNumber);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
