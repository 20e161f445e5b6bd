package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.ENGINEER_ID;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.OPENED_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PREFERRED_CHANNEL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.SEVERITY;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.ClosureReason;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.engineers.EngineerDirectory;
import dev.followthrough.engineers.EngineerProfile;
import dev.followthrough.mail.EmailKind;
import dev.followthrough.metrics.BusinessTime;
import dev.followthrough.metrics.CaseOutcome;
import dev.followthrough.metrics.Weeks;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bean {@code caseFacts}: records what happened to the case as the process runs, in the same
 * transaction as the step (the case timeline and the metrics read these facts, never the engine's
 * history).
 */
@Component("caseFacts")
public class CaseFacts {

  private final CaseRecords records;
  private final CaseCalendars calendars;
  private final Policy policy;
  private final EngineerDirectory engineers;

  CaseFacts(CaseRecords records, CaseCalendars calendars, Policy policy, EngineerDirectory engineers) {
    this.records = records;
    this.calendars = calendars;
    this.policy = policy;
    this.engineers = engineers;
  }

  public void emailSent(VariableScope scope, EmailKind kind, String subject, Instant at) {
    String caseNumber = CASE_NUMBER.get(scope);
    records.addEvent(caseNumber, at, TimelineEvent.EMAIL_SENT, kind.id() + ": " + subject);
    if (kind == EmailKind.FIRST_QUALITY_RESPONSE) {
      String channel = PREFERRED_CHANNEL.get(scope).name();
      records.recordFirstResponse(caseNumber, at, channel);
      records.recordFirstResponseBusinessMinutes(caseNumber, firstResponseTime(scope, at).toMinutes());
      records.addEvent(caseNumber, at, TimelineEvent.FIRST_RESPONSE_SENT, "First Quality Response by " + channel.toLowerCase());
    }
    if (CaseOutcome.isFurtherContact(kind)) {
      records.recordContact(caseNumber, CaseOutcome.completesFirstContact(kind));
    }
    if (CaseOutcome.isFollowUp(kind)) {
      records.recordFollowUpSent(caseNumber);
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
    if (type == TimelineEvent.CALL_MADE) {
      // a call is an engineer contact like an email (the FQR's own call comes before the first contact completes)
      records.recordContact(CASE_NUMBER.get(scope), false);
    }
  }

  /** End listener of the closing end events: {@code ${caseFacts.closed(execution, 'RESOLVED')}}. */
  public void closed(DelegateExecution execution, String reason) {
    ClosureReason closure = ClosureReason.valueOf(reason);
    Instant now = EngineClock.now();
    String caseNumber = CASE_NUMBER.get(execution);
    records.recordClosure(caseNumber, closure, now);
    Instant opened = OPENED_AT.find(execution).orElse(now);
    CaseOutcome outcome = CaseOutcome.of(records.firstContactFacts(caseNumber).orElseThrow());
    records.recordClosingFacts(caseNumber, new CaseRecords.ClosingFacts(
        Duration.between(opened, now).toMinutes(),
        BusinessTime.between(calendars.customerCalendar(execution), opened, now, calendars.customerZone(execution)).toMinutes(),
        Weeks.mondayOf(now),
        ENGINEER_ID.find(execution).flatMap(engineers::find).map(EngineerProfile::team).orElse(null),
        outcome.firstContactResolution()));
    records.addEvent(caseNumber, now, TimelineEvent.CASE_CLOSED,
        "Case closed: " + closure.name().toLowerCase().replace('_', ' '));
  }

  /** Opening to FQR in the hours the first-response target counts (severity A: around the clock). */
  private Duration firstResponseTime(VariableScope scope, Instant at) {
    BusinessCalendar calendar = policy.firstResponseTarget(SEVERITY.get(scope)).isAroundTheClock()
        ? BusinessCalendar.aroundTheClock() : calendars.customerCalendar(scope);
    return BusinessTime.between(calendar, OPENED_AT.find(scope).orElse(at), at, calendars.customerZone(scope));
  }
}
