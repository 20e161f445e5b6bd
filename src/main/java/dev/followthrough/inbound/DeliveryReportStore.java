package dev.followthrough.inbound;

import dev.followthrough.cases.Preview;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code ft_inbound_delivery_report}: the delivery report of an inbound message, by its
 * Message-ID, stored with the message and read when it is handled. The returned email's text is
 * stored with secrets redacted, like every inbound body (R18).
 */
@Repository
public class DeliveryReportStore {

  private final JdbcTemplate jdbc;

  DeliveryReportStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void keep(String messageId, DeliveryReport report) {
    if (report == null || find(messageId).isPresent()) {
      return;
    }
    String text = report.originalText() == null ? null : SecretRedactor.redact(report.originalText()).text();
    jdbc.update("insert into ft_inbound_delivery_report (message_id, action, status_code, final_recipients, diagnostic, "
            + "original_message_id, original_in_reply_to, original_references, original_subject, original_text, "
            + "standard_report) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        messageId, report.action().name(), Preview.cut(report.status(), 16), Preview.cut(String.join(", ", report.finalRecipients()), 2000),
        Preview.cut(report.diagnostic(), 1000), Preview.cut(report.originalMessageId(), 300), Preview.cut(report.originalInReplyTo(), 300),
        Preview.cut(report.originalReferences(), 2000), Preview.cut(SecretRedactor.redact(report.originalSubject()).text(), 1000), Preview.cut(text, 100000),
        report.standard());
  }

  public Optional<DeliveryReport> find(String messageId) {
    return jdbc.query("select * from ft_inbound_delivery_report where message_id = ?", (rs, row) -> new DeliveryReport(
        DeliveryReport.Action.valueOf(rs.getString("action")), rs.getString("status_code"),
        recipients(rs.getString("final_recipients")), rs.getString("diagnostic"), rs.getString("original_message_id"),
        rs.getString("original_in_reply_to"), rs.getString("original_references"), rs.getString("original_subject"),
        rs.getString("original_text"), rs.getBoolean("standard_report")), messageId).stream().findFirst();
  }

  private static List<String> recipients(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",\\s*")).toList();
  }

}
