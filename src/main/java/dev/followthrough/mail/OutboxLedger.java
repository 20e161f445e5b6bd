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
 * own short transactions, before and after the SMTP call, so that a job rolled back after the server
 * accepted the email still finds it marked as sent when it is retried.
 *
 * <p>Each of those transactions borrows a second database connection while the send job holds the
 * engine's; they never nest further, so a send needs at most two connections at a time. The job
 * executor is sized for that ({@code SendingCapacity} checks it at start-up), so the second
 * connection is always there and no send waits for one while holding the first.
 *
 * <p>States: {@code SENDING} while the email is handed to the mail server (if the row is still
 * {@code SENDING} when the job runs again, the earlier attempt ended without knowing whether the
 * server accepted it); {@code FAILED} when the server or the connection certainly did not take it
 * (a temporary failure: the job retries); {@code SENT}; {@code REJECTED} for good.
 */
@Repository
public class OutboxLedger {

  public enum Status { SENDING, FAILED, SENT, REJECTED }

  /**
   * A claimed email. {@code outcomeUnknown}: an earlier attempt found the row {@code SENDING} and
   * ended without recording what the server said, so the server may have it already.
   */
  public record Entry(String idempotencyKey, String messageId, String inReplyTo, String references, Status status,
                      boolean outcomeUnknown) {}

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
    return ownTransaction.execute(status -> find(email.idempotencyKey()).map(this::again).orElseGet(() -> {
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
      return new Entry(email.idempotencyKey(), messageId, inReplyTo, references, Status.SENDING, false);
    }));
  }

  /**
   * A later attempt of the same email. After a known failure it is simply sent again. Found
   * {@code SENDING}, the earlier attempt crashed between handing the email to the server and
   * recording the answer: the rule is to send it again with the same Message-ID and threading
   * headers (mail clients show one email per Message-ID), and to count that it happened.
   */
  private Entry again(Entry earlier) {
    return switch (earlier.status()) {
      case FAILED -> {
        jdbc.update("update ft_outbound_email set status = 'SENDING' where idempotency_key = ?", earlier.idempotencyKey());
        yield new Entry(earlier.idempotencyKey(), earlier.messageId(), earlier.inReplyTo(), earlier.references(),
            Status.SENDING, false);
      }
      case SENDING -> {
        jdbc.update("update ft_outbound_email set resent_after_unknown_outcome = resent_after_unknown_outcome + 1 "
            + "where idempotency_key = ?", earlier.idempotencyKey());
        yield new Entry(earlier.idempotencyKey(), earlier.messageId(), earlier.inReplyTo(), earlier.references(),
            Status.SENDING, true);
      }
      case SENT, REJECTED -> earlier;
    };
  }

  /** The server or the connection certainly did not take the email: the next attempt is a plain retry. */
  public void markFailed(String idempotencyKey) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update ft_outbound_email set status = 'FAILED' where idempotency_key = ? and status = 'SENDING'", idempotencyKey));
  }

  /** How many emails were sent again because an earlier attempt's outcome was unknown (the crash window). */
  public long resentAfterUnknownOutcome() {
    return jdbc.queryForObject("select coalesce(sum(resent_after_unknown_outcome), 0) from ft_outbound_email", Long.class);
  }

  public void markSent(String idempotencyKey, Instant now) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update ft_outbound_email set status = 'SENT', sent_at = ? where idempotency_key = ?", utc(now), idempotencyKey));
  }

  /** The server refused the email for good (a 5xx, an address that does not exist). */
  public void markRejected(String idempotencyKey, Instant now) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update ft_outbound_email set status = 'REJECTED', sent_at = ? where idempotency_key = ?", utc(now), idempotencyKey));
  }

  /** The case an email of ours belongs to, by its Message-ID (for replies that keep our thread). */
  public Optional<String> caseOf(String messageId) {
    return jdbc.queryForList("select case_number from ft_outbound_email where message_id = ?", String.class, messageId)
        .stream().findFirst();
  }

  public Optional<Entry> find(String idempotencyKey) {
    return jdbc.query("select idempotency_key, message_id, in_reply_to, thread_references, status "
            + "from ft_outbound_email where idempotency_key = ?",
        (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Status.valueOf(rs.getString(5)), false), idempotencyKey).stream().findFirst();
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
