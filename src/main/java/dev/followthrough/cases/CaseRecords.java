package dev.followthrough.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Our own tables ({@code ft_case}, {@code ft_case_event}, created by Flyway): the case's facts and
 * its timeline. Writes join the surrounding transaction, which is the engine's when called from
 * the process, so a fact is stored exactly when the step that caused it commits.
 */
@Repository
public class CaseRecords {

  public record TimelineEntry(Instant at, TimelineEvent type, String summary) {}

  private final JdbcTemplate jdbc;

  CaseRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws org.springframework.dao.DuplicateKeyException when the case number exists */
  public void insert(NewCase newCase, String processInstanceId, Instant openedAt) {
    jdbc.update("insert into ft_case (case_number, process_instance_id, title, severity, customer_name, customer_email, "
            + "customer_tier, engineer_id, opened_at, status, last_successful_contact_at, strikes_reached, dissatisfied, "
            + "first_response_target_missed, problem_description, product) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, false, false, ?, ?)",
        newCase.caseNumber(), processInstanceId, newCase.caseTitle(), newCase.severity().name(), newCase.customerName(),
        newCase.customerEmail(), newCase.customerTier().name(), newCase.engineerId(), utc(openedAt), utc(openedAt),
        newCase.problemDescription(), newCase.product());
    addEvent(newCase.caseNumber(), openedAt, TimelineEvent.CASE_OPENED,
        "Case opened: severity " + newCase.severity() + ", prefers " + newCase.preferredChannel().name().toLowerCase());
  }

  /** The whole problem description (its process variable is a preview). */
  public void recordProblemDescription(String caseNumber, String problemDescription) {
    jdbc.update("update ft_case set problem_description = ? where case_number = ?", problemDescription, caseNumber);
  }

  public Optional<String> problemDescription(String caseNumber) {
    return jdbc.queryForList("select problem_description from ft_case where case_number = ?", String.class, caseNumber)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public Optional<CaseRecord> find(String caseNumber) {
    return jdbc.query("select * from ft_case where case_number = ?", CaseRecords::toRecord, caseNumber).stream().findFirst();
  }

  public void recordFirstResponse(String caseNumber, Instant at, String channel) {
    jdbc.update("update ft_case set first_response_at = ?, first_response_channel = ? "
        + "where case_number = ? and first_response_at is null", utc(at), channel, caseNumber);
  }

  public void recordFirstResponseTargetMissed(String caseNumber) {
    jdbc.update("update ft_case set first_response_target_missed = true where case_number = ?", caseNumber);
  }

  public void recordCustomerEmail(String caseNumber, String email) {
    jdbc.update("update ft_case set customer_email = ? where case_number = ?", email, caseNumber);
  }

  /** The standing of the status; the first one chosen is the first contact's (the metrics' FQR standing). */
  public void recordStanding(String caseNumber, String standing) {
    jdbc.update("update ft_case set standing = ?, fqr_standing = coalesce(fqr_standing, ?) where case_number = ?",
        standing, standing, caseNumber);
  }

  public void recordSuccessfulContact(String caseNumber, Instant at) {
    jdbc.update("update ft_case set last_successful_contact_at = ? where case_number = ?", utc(at), caseNumber);
  }

  public void recordStrikes(String caseNumber, int strikes) {
    jdbc.update("update ft_case set strikes_reached = ?, max_strikes = case when max_strikes < ? then ? else max_strikes end "
        + "where case_number = ?", strikes, strikes, strikes, caseNumber);
  }

  // ---- the facts the metrics count (issue 10)

  /** Minutes from opening to the First Quality Response, in the business hours its target counts. */
  public void recordFirstResponseBusinessMinutes(String caseNumber, long minutes) {
    jdbc.update("update ft_case set first_response_business_minutes = ? where case_number = ? "
        + "and first_response_business_minutes is null", minutes, caseNumber);
  }

  /**
   * The status email with the first standing completes the first contact; an engineer email or
   * call after it, before the customer approved closing, is a further contact.
   *
   * @param completesFirstContact this email is a status email, which completes the first contact
   *     when it is not complete yet
   */
  public void recordContact(String caseNumber, boolean completesFirstContact) {
    if (completesFirstContact && jdbc.update("update ft_case set first_contact_complete = true "
        + "where case_number = ? and first_contact_complete = false", caseNumber) > 0) {
      return;
    }
    jdbc.update("update ft_case set contacts_after_first_contact = contacts_after_first_contact + 1 "
        + "where case_number = ? and first_contact_complete = true and approval_at is null", caseNumber);
  }

  public void recordFollowUpSent(String caseNumber) {
    jdbc.update("update ft_case set follow_ups_sent = follow_ups_sent + 1 where case_number = ?", caseNumber);
  }

  /** Facts of the closing: the durations, the week, the team at closing, and whether it was FCR. */
  public void recordClosingFacts(String caseNumber, ClosingFacts facts) {
    jdbc.update("update ft_case set resolution_minutes = ?, resolution_business_minutes = ?, closed_week = ?, "
            + "team = ?, first_contact_resolution = ? where case_number = ?",
        facts.resolutionMinutes(), facts.resolutionBusinessMinutes(), facts.closedWeek(), facts.team(),
        facts.firstContactResolution(), caseNumber);
  }

  public record ClosingFacts(long resolutionMinutes, long resolutionBusinessMinutes, java.time.LocalDate closedWeek,
                             String team, boolean firstContactResolution) {}

  /** What the First Contact Resolution definition reads: see {@code metrics.CaseOutcome}. */
  public record FirstContactFacts(ClosureReason closureReason, Instant approvalAt, String fqrStanding,
                                  int contactsAfterFirstContact, int reopenedCount) {}

  public Optional<FirstContactFacts> firstContactFacts(String caseNumber) {
    return jdbc.query("select closure_reason, approval_at, fqr_standing, contacts_after_first_contact, reopened_count "
        + "from ft_case where case_number = ?", (rs, row) -> new FirstContactFacts(
            rs.getString("closure_reason") == null ? null : ClosureReason.valueOf(rs.getString("closure_reason")),
            instant(rs, "approval_at"), rs.getString("fqr_standing"), rs.getInt("contacts_after_first_contact"),
            rs.getInt("reopened_count")), caseNumber).stream().findFirst();
  }

  public void recordApproval(String caseNumber, String by, Instant at, Channel channel) {
    jdbc.update("update ft_case set approval_by = ?, approval_at = ?, approval_channel = ? where case_number = ?",
        by, utc(at), channel.name(), caseNumber);
  }

  public void recordDissatisfied(String caseNumber) {
    jdbc.update("update ft_case set dissatisfied = true where case_number = ?", caseNumber);
  }

  public void recordReopened(String caseNumber, String processInstanceId, Instant at) {
    jdbc.update("update ft_case set status = 'OPEN', process_instance_id = ?, reopened_count = reopened_count + 1, "
        + "last_reopened_at = ?, strikes_reached = 0, first_contact_resolution = false where case_number = ?", processInstanceId, utc(at), caseNumber);
  }

  public void recordClosure(String caseNumber, ClosureReason reason, Instant at) {
    jdbc.update("update ft_case set status = 'CLOSED', closure_reason = ?, closed_at = ? where case_number = ?",
        reason.name(), utc(at), caseNumber);
  }

  public void addEvent(String caseNumber, Instant at, TimelineEvent type, String summary) {
    jdbc.update("insert into ft_case_event (case_number, occurred_at, type, summary) values (?, ?, ?, ?)",
        caseNumber, utc(at), type.name(), Preview.line(summary, 1000));
  }

  public List<TimelineEntry> timeline(String caseNumber) {
    return jdbc.query("select occurred_at, type, summary from ft_case_event where case_number = ? order by occurred_at, id",
        (rs, row) -> new TimelineEntry(instant(rs, "occurred_at"), TimelineEvent.valueOf(rs.getString("type")),
            rs.getString("summary")), caseNumber);
  }

  private static CaseRecord toRecord(ResultSet rs, int row) throws SQLException {
    String reason = rs.getString("closure_reason");
    String approvalChannel = rs.getString("approval_channel");
    return new CaseRecord(rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("title"),
        Severity.valueOf(rs.getString("severity")), rs.getString("customer_name"), rs.getString("customer_email"),
        Tier.valueOf(rs.getString("customer_tier")), rs.getString("engineer_id"), instant(rs, "opened_at"),
        "OPEN".equals(rs.getString("status")), rs.getString("standing"), instant(rs, "first_response_at"),
        rs.getString("first_response_channel"), instant(rs, "last_successful_contact_at"), rs.getInt("strikes_reached"),
        instant(rs, "closed_at"), reason == null ? null : ClosureReason.valueOf(reason), rs.getString("approval_by"),
        instant(rs, "approval_at"), approvalChannel == null ? null : Channel.valueOf(approvalChannel),
        rs.getBoolean("dissatisfied"), rs.getBoolean("first_response_target_missed"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
