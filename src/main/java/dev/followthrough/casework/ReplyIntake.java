package dev.followthrough.casework;

import dev.followthrough.cases.CaseConflict;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.CaseRecord;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CustomerReply;
import dev.followthrough.cases.TimelineEvent;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_REPLY_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_REPLY_TEXT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.STRIKES_REACHED;

import dev.followthrough.lifecycle.CaseCommunicationProcess;
import dev.followthrough.lifecycle.CaseCommunicationProcess.Messages;
import dev.followthrough.lifecycle.Policy;
import dev.followthrough.lifecycle.EngineClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every customer reply comes in (R23). In one transaction: the reply is stored, the case's
 * last successful contact moves (R13) and the strikes reset (R7), and the process hears about it:
 * the step waiting for an answer moves on; when no step waits, the engineer gets the reply as a
 * task; a case closed recently is reopened; for one closed long ago, the engineer gets a task.
 * A reply is never dropped.
 */
@Service
public class ReplyIntake {

  /** A reply as kept in {@code ft_customer_reply}: the whole text (the process holds a preview). */
  public record Kept(Instant receivedAt, String from, String subject, String body, String handledAs) {}

  private final CaseRecords records;
  private final RuntimeService runtime;
  private final StandaloneTasks tasks;
  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final Policy policy;

  ReplyIntake(CaseRecords records, RuntimeService runtime, StandaloneTasks tasks, JdbcTemplate jdbc, HistoryService history,
              Policy policy) {
    this.records = records;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.history = history;
    this.policy = policy;
  }

  @Transactional
  public HandledAs receive(String caseNumber, CustomerReply reply) {
    CaseRecord theCase = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    Instant now = EngineClock.now();
    HandledAs handledAs = theCase.open() ? tellTheProcess(caseNumber, reply, now)
        : closedRecently(theCase, now) ? reopen(theCase, reply, now) : keepForClosedCase(theCase, reply);
    jdbc.update("insert into ft_customer_reply (case_number, received_at, sender, subject, body, handled_as) "
            + "values (?, ?, ?, ?, ?, ?)",
        caseNumber, now.atOffset(ZoneOffset.UTC), reply.from(), reply.subject(), reply.body(), handledAs.name());
    records.addEvent(caseNumber, now, TimelineEvent.REPLY_RECEIVED, "Customer replied"
        + (reply.subject() == null ? "" : ": " + reply.subject()));
    if (theCase.open() || handledAs == HandledAs.REOPENED) {
      records.recordSuccessfulContact(caseNumber, now);
      if (theCase.strikesReached() > 0) {
        records.recordStrikes(caseNumber, 0);
        records.addEvent(caseNumber, now, TimelineEvent.STRIKES_RESET, "Strikes reset by the customer's reply");
      }
    }
    return handledAs;
  }

  /** Every reply of the case, oldest first, whole. */
  @Transactional(readOnly = true)
  public java.util.List<Kept> replies(String caseNumber) {
    records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    return jdbc.query("select received_at, sender, subject, body, handled_as from ft_customer_reply "
            + "where case_number = ? order by received_at, id",
        (rs, row) -> new Kept(rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getString("sender"), rs.getString("subject"), rs.getString("body"), rs.getString("handled_as")),
        caseNumber);
  }

  private HandledAs tellTheProcess(String caseNumber, CustomerReply reply, Instant now) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    if (instance == null) {
      throw new CaseConflict("Case " + caseNumber + " is open but its process is not running");
    }
    Map<String, Object> variables = Variables.createVariables()
        .putValue(LAST_REPLY_TEXT.name(), LAST_REPLY_TEXT.toStored(reply.body()))
        .putValue(LAST_REPLY_AT.name(), LAST_REPLY_AT.toStored(now))
        .putValue(LAST_SUCCESSFUL_CONTACT_AT.name(), LAST_SUCCESSFUL_CONTACT_AT.toStored(now))
        .putValue(STRIKES_REACHED.name(), 0);
    boolean aStepWaits = runtime.createEventSubscriptionQuery()
        .processInstanceId(instance.getId())
        .eventType("message")
        .eventName(Messages.CUSTOMER_REPLIED)
        .count() > 0;
    runtime.createMessageCorrelation(aStepWaits ? Messages.CUSTOMER_REPLIED : Messages.CUSTOMER_REPLY_OUTSIDE_WAIT)
        .processInstanceId(instance.getId())
        .setVariables(variables)
        .correlateWithResult();
    return aStepWaits ? HandledAs.ANSWERED_WAITING_STEP : HandledAs.SHOWN_AS_TASK;
  }

  private boolean closedRecently(CaseRecord theCase, Instant now) {
    return theCase.closedAt() != null
        && !theCase.closedAt().plus(java.time.Duration.ofDays(policy.getReopenWithinDays())).isBefore(now);
  }

  /**
   * The case comes back to the engineer's "status and next steps", with everything it knew; the
   * reopen is recorded on the case and its timeline for the metrics.
   */
  private HandledAs reopen(CaseRecord theCase, CustomerReply reply, Instant now) {
    Map<String, Object> variables = new java.util.HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(theCase.processInstanceId()).list().stream()
        .filter(variable -> variable.getActivityInstanceId() == null
            || variable.getActivityInstanceId().equals(theCase.processInstanceId()))
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    variables.put(LAST_REPLY_TEXT.name(), LAST_REPLY_TEXT.toStored(reply.body()));
    variables.put(LAST_REPLY_AT.name(), LAST_REPLY_AT.toStored(now));
    variables.put(LAST_SUCCESSFUL_CONTACT_AT.name(), LAST_SUCCESSFUL_CONTACT_AT.toStored(now));
    variables.put(STRIKES_REACHED.name(), 0);
    ProcessInstance reopened = runtime.createProcessInstanceByKey(CaseCommunicationProcess.PROCESS_KEY)
        .businessKey(theCase.caseNumber())
        .setVariables(variables)
        .startBeforeActivity(CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE)
        .execute();
    records.recordReopened(theCase.caseNumber(), reopened.getId(), now);
    records.addEvent(theCase.caseNumber(), now, TimelineEvent.CASE_REOPENED, "Reopened by the customer's reply");
    return HandledAs.REOPENED;
  }

  private HandledAs keepForClosedCase(CaseRecord theCase, CustomerReply reply) {
    tasks.forTheEngineer(theCase, "Reply after closing",
        "The customer replied after the case was closed. Decide whether to reopen it or answer.\n\n"
            + LAST_REPLY_TEXT.toStored(reply.body()));
    return HandledAs.AFTER_CLOSURE;
  }
}
