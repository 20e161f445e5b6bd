package dev.followthrough.casework;

import dev.followthrough.cases.CaseAttachments;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.Channel;
import dev.followthrough.cases.ClosureReason;
import dev.followthrough.cases.Severity;
import dev.followthrough.cases.Tier;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/cases/{caseNumber}}: where the case stands, what comes next, and its timeline. */
public record CaseView(
    String caseNumber,
    String title,
    Severity severity,
    String status,
    String standing,
    Customer customer,
    String engineerId,
    Instant openedAt,
    Instant firstResponseAt,
    String firstResponseChannel,
    Instant lastSuccessfulContactAt,
    int strikesReached,
    boolean dissatisfied,
    List<String> waitingAt,
    List<OpenTask> openTasks,
    NextFollowUp nextFollowUp,
    Closure closure,
    List<CaseRecords.TimelineEntry> timeline,
    List<CaseAttachments.Attachment> attachments) {

  public record Customer(String name, String email, Tier tier) {}

  public record OpenTask(String name, String assignee, Instant due) {}

  public record NextFollowUp(Instant at, String step) {}

  public record Closure(ClosureReason reason, Instant closedAt, String approvedBy, Instant approvedAt, Channel approvalChannel) {}
}
