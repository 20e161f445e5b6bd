package dev.followthrough.inbound;

import dev.followthrough.cases.Preview;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code ft_inbound_message}: every inbound message, once per Message-ID, until it is handled. */
@Repository
public class Inbox {

  public enum Status { RECEIVED, HANDLED }

  public record Stored(long id, String messageId, String sender, String subject, String inReplyTo, String references,
                       String body, String secretsFound, String caseNumber, Instant receivedAt, int attempts,
                       ReplyClassifier.Kind kind, String classifiedWhy, java.time.LocalDate returnDate) {}

  private final JdbcTemplate jdbc;

  Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the message with its body already redacted; empty when this Message-ID is stored already. */
  public Optional<Long> store(InboundMessage message, String redactedBody, List<String> secretsFound,
                              ReplyClassifier.Classification classification) {
    if (exists(message.messageId())) {
      return Optional.empty();
    }
    try {
      jdbc.update("insert into ft_inbound_message (message_id, received_at, sender, subject, in_reply_to, "
              + "thread_references, body, secrets_found, case_number, classification, classified_why, return_date, "
              + "status, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0)",
          message.messageId(), utc(message.receivedAt()), Preview.cut(message.from(), 320), Preview.cut(message.subject(), 1000),
          Preview.cut(message.inReplyTo(), 300), Preview.cut(message.references(), 2000), Preview.cut(redactedBody, 100000),
          secretsFound.isEmpty() ? null : String.join(", ", secretsFound), message.caseNumber(),
          classification.kind().name(), Preview.cut(classification.reason(), 300), classification.returnDate().orElse(null));
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(jdbc.queryForObject("select id from ft_inbound_message where message_id = ?", Long.class,
        message.messageId()));
  }

  /**
   * Locks the message for this transaction and says whether it still needs handling: two nodes
   * (or threads) handling the same message wait for each other, and the second finds it done.
   */
  public boolean lockUnhandled(long id) {
    return "RECEIVED".equals(jdbc.queryForObject("select status from ft_inbound_message where id = ? for update",
        String.class, id));
  }

  public boolean exists(String messageId) {
    return jdbc.queryForObject("select count(*) from ft_inbound_message where message_id = ?", Integer.class,
        messageId) > 0;
  }

  public Stored load(long id) {
    return jdbc.queryForObject("select * from ft_inbound_message where id = ?", (rs, row) -> new Stored(
        rs.getLong("id"), rs.getString("message_id"), rs.getString("sender"), rs.getString("subject"),
        rs.getString("in_reply_to"), rs.getString("thread_references"), rs.getString("body"),
        rs.getString("secrets_found"), rs.getString("case_number"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
        ReplyClassifier.Kind.valueOf(rs.getString("classification")), rs.getString("classified_why"),
        rs.getObject("return_date", java.time.LocalDate.class)), id);
  }

  /** Messages still to handle, oldest first, that have not used up their attempts. */
  public List<Long> pending(int maxAttempts, int limit) {
    return jdbc.queryForList("select id from ft_inbound_message where status = 'RECEIVED' and attempts < ? "
        + "order by received_at, id fetch first " + limit + " rows only", Long.class, maxAttempts);
  }

  public void handled(long id, String caseNumber, String handledAs, Instant at) {
    jdbc.update("update ft_inbound_message set status = 'HANDLED', case_number = ?, handled_as = ?, processed_at = ? "
        + "where id = ?", caseNumber, handledAs, utc(at), id);
  }

  public void failed(long id, String error) {
    jdbc.update("update ft_inbound_message set attempts = attempts + 1, last_error = ? where id = ?",
        Preview.cut(error, 1000), id);
  }

  /** The row of a Message-ID, if it was stored. */
  public Optional<Long> idOf(String messageId) {
    return jdbc.queryForList("select id from ft_inbound_message where message_id = ?", Long.class, messageId).stream()
        .findFirst();
  }

  /** How the message was handled, once it was. */
  public Optional<String> handledAs(long id) {
    return Optional.ofNullable(jdbc.queryForObject("select case when status = 'HANDLED' then handled_as end "
        + "from ft_inbound_message where id = ?", String.class, id));
  }


  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
