package dev.followthrough.inbound;

import dev.followthrough.cases.Preview;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code ft_mailbox_message}: each message read from the support mailbox, as its source bytes, by
 * mailbox, UIDVALIDITY and UID. What was stored decides what is new (the highest UID stored), not
 * the {@code \Seen} flag, which people reading the shared mailbox set too.
 */
@Repository
class MailboxMessages {

  enum Status { STORED, READ, UNREADABLE }

  record Raw(long id, long uidValidity, long uid, Instant fetchedAt, byte[] source, int attempts) {}

  private final JdbcTemplate jdbc;

  MailboxMessages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest UID stored for this mailbox under this UIDVALIDITY; 0 when none. */
  long highestUid(String mailbox, long uidValidity) {
    Long uid = jdbc.queryForObject("select max(uid) from ft_mailbox_message where mailbox = ? and uid_validity = ?",
        Long.class, mailbox, uidValidity);
    return uid == null ? 0 : uid;
  }

  /** Stores the message's source; false when this UID was stored already (another node read it too). */
  boolean store(String mailbox, long uidValidity, long uid, byte[] source, Instant fetchedAt) {
    try {
      jdbc.update("insert into ft_mailbox_message (mailbox, uid_validity, uid, fetched_at, raw_message, status, attempts) "
          + "values (?, ?, ?, ?, ?, 'STORED', 0)", mailbox, uidValidity, uid, utc(fetchedAt), source);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Stored messages not read into the inbox (nor set aside) yet, oldest first. */
  List<Long> unread(int limit) {
    return jdbc.queryForList("select id from ft_mailbox_message where status = 'STORED' "
        + "order by id fetch first " + limit + " rows only", Long.class);
  }

  String lastError(long id) {
    return jdbc.queryForObject("select last_error from ft_mailbox_message where id = ?", String.class, id);
  }

  Raw load(long id) {
    return jdbc.queryForObject("select id, uid_validity, uid, fetched_at, raw_message, attempts from ft_mailbox_message "
        + "where id = ?", (rs, row) -> new Raw(rs.getLong("id"), rs.getLong("uid_validity"), rs.getLong("uid"),
        rs.getObject("fetched_at", OffsetDateTime.class).toInstant(), rs.getBytes("raw_message"),
        rs.getInt("attempts")), id);
  }

  /**
   * Read into the inbox (as {@code inboundId}, or null when that Message-ID was there already). The
   * source is emptied then (R18): it may hold a secret the inbox now keeps redacted; the row stays,
   * because its UID tells the next poll where to start.
   */
  void read(long id, Long inboundId, Instant at) {
    jdbc.update("update ft_mailbox_message set status = 'READ', inbound_message_id = ?, read_at = ?, raw_message = ? "
        + "where id = ?", inboundId, utc(at), new byte[0], id);
  }

  /** Records a failed attempt to read it; returns the attempts so far. */
  int failed(long id, String error) {
    jdbc.update("update ft_mailbox_message set attempts = attempts + 1, last_error = ? where id = ?",
        Preview.cut(error, 1000), id);
    return jdbc.queryForObject("select attempts from ft_mailbox_message where id = ?", Integer.class, id);
  }

  /** Given up on reading it: a person has a triage task for it; its source stays here. */
  void unreadable(long id, Instant at) {
    jdbc.update("update ft_mailbox_message set status = 'UNREADABLE', read_at = ? where id = ?", utc(at), id);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
