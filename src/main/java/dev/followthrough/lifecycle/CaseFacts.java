package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PREFERRED_CHANNEL;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.ClosureReason;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.mail.EmailKind;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bean {@code caseFacts}: records what happened to the case as the process runs, in the same
 * transaction as the step (the case timeline, and later the metrics, read these facts).
 */
@Component("caseFacts")
public class CaseFacts {

  private final CaseRecords records;

  CaseFacts(CaseRecords records) {
    this.records = records;
  }

  public void emailSent(VariableScope scope, EmailKind kind, String subject, Instant at) {
    String caseNumber = CASE_NUMBER.get(scope);
    records.addEvent(caseNumber, at, TimelineEvent.EMAIL_SENT, kind.id() + ": " + subject);
    if (kind == EmailKind.FIRST_QUALITY_RESPONSE) {
      String channel = PREFERRED_CHANNEL.get(scope).name();
      records.recordFirstResponse(caseNumber, at, channel);
      records.addEvent(caseNumber, at, TimelineEvent.FIRST_RESPONSE_SENT, "First Quality Response by " + channel.toLowerCase());
    }
    if (kind.strike() > 0) {
      records.recordStrikes(caseNumber, kind.strike());
      records.addEvent(caseNumber, at, TimelineEvent.STRIKE_REACHED, "Strike " + kind.strike() + " sent");
    }
  }

  /** The customer was reached (a reply, or a call that got through): R13 counts from here. */
  public void successfulContact(VariableScope scope, Instant at) {
    LAST_SUCCESSFUL_CONTACT_AT.set(scope, at);
    records.recordSuccessfulContact(CASE_NUMBER.get(scope), at);
  }

  public void event(VariableScope scope, TimelineEvent type, String summary) {
    records.addEvent(CASE_NUMBER.get(scope), EngineClock.now(), type, summary);
  }

  /** End listener of the closing end events: {@code ${caseFacts.closed(execution, 'RESOLVED')}}. */
  public void closed(DelegateExecution execution, String reason) {
    ClosureReason closure = ClosureReason.valueOf(reason);
    Instant now = EngineClock.now();
    records.recordClosure(CASE_NUMBER.get(execution), closure, now);
    records.addEvent(CASE_NUMBER.get(execution), now, TimelineEvent.CASE_CLOSED,
        "Case closed: " + closure.name().toLowerCase().replace('_', ' '));
  }
}
