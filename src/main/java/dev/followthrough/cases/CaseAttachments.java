package dev.followthrough.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code ft_inbound_attachment}: the files customers sent with their replies (R29), kept in our
 * own table with the message they came with, and so with its case; never in process variables.
 * A file over the limits is listed with the reason it was not kept, without its bytes.
 */
@Repository
public class CaseAttachments {

  /** One file as the case shows it; {@code downloadUrl} is null when it was not kept. */
  public record Attachment(long id, String name, long size, String contentType, Instant receivedAt, boolean kept,
                           String notKeptReason, String secretsRedacted, String downloadUrl) {}

  /** A kept file's bytes, for download. */
  public record Content(String name, String contentType, byte[] bytes) {}

  private final JdbcTemplate jdbc;

  CaseAttachments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a file of an inbound message; {@code content} null when it was not kept, with the reason. */
  public void add(long inboundMessageId, String name, String contentType, long size, byte[] content,
                  String notKeptReason, String secretsRedacted) {
    jdbc.update("insert into ft_inbound_attachment (inbound_message_id, file_name, content_type, size_bytes, content, "
            + "kept, not_kept_reason, secrets_found) values (?, ?, ?, ?, ?, ?, ?, ?)",
        inboundMessageId, Preview.cut(name, 500), Preview.cut(contentType, 200), size, content, content != null,
        Preview.cut(notKeptReason, 200), Preview.cut(secretsRedacted, 500));
  }

  /** The files of the case's messages, oldest first. */
  public List<Attachment> ofCase(String caseNumber) {
    return jdbc.query("select a.id, a.file_name, a.size_bytes, a.content_type, m.received_at, a.kept, a.not_kept_reason, "
            + "a.secrets_found from ft_inbound_attachment a join ft_inbound_message m on m.id = a.inbound_message_id "
            + "where m.case_number = ? order by m.received_at, a.id",
        (rs, row) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getLong("size_bytes"),
            rs.getString("content_type"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
            rs.getBoolean("kept"), rs.getString("not_kept_reason"), rs.getString("secrets_found"),
            rs.getBoolean("kept") ? "/api/cases/" + caseNumber + "/attachments/" + rs.getLong("id") : null),
        caseNumber);
  }

  /** A kept file of this case; empty when the case has no such file or it was not kept. */
  public Optional<Content> content(String caseNumber, long id) {
    return jdbc.query("select a.file_name, a.content_type, a.content from ft_inbound_attachment a "
            + "join ft_inbound_message m on m.id = a.inbound_message_id where a.id = ? and m.case_number = ? and a.kept",
        (rs, row) -> new Content(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")),
        id, caseNumber).stream().findFirst();
  }

}
