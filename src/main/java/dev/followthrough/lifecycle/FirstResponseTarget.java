package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.FIRST_RESPONSE_TARGET_MISSED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.OPENED_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.SEVERITY;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.Severity;
import dev.followthrough.cases.TimelineEvent;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The bean {@code firstResponseTarget} (R17): when the First Quality Response is due for the
 * case's severity (business hours of the customer, or around the clock), the warning before it,
 * the FQR task's priority, and the breach flag.
 */
@Component("firstResponseTarget")
public class FirstResponseTarget {

  private static final List<String> FQR_TASKS =
      List.of(CaseCommunicationProcess.Elements.PREPARE_FQR, CaseCommunicationProcess.Elements.CALL_FOR_FQR);

  private final Policy policy;
  private final CaseCalendars calendars;
  private final CaseRecords records;
  private final CaseFacts facts;
  private final TaskService tasks;

  FirstResponseTarget(Policy policy, CaseCalendars calendars, CaseRecords records, CaseFacts facts,
                       TaskService tasks) {
    this.policy = policy;
    this.calendars = calendars;
    this.records = records;
    this.facts = facts;
    this.tasks = tasks;
  }

  public Date due(VariableScope scope) {
    return Date.from(dueAt(scope));
  }

  public Date warning(VariableScope scope) {
    Policy.FirstResponseTarget target = policy.firstResponseTarget(SEVERITY.get(scope));
    // after the opening: the policy keeps the warning shorter than the target
    return Date.from(dueAt(scope).minus(target.getWarnBefore()));
  }

  /** Tasklist sorts by priority: severity A first. */
  public int priority(VariableScope scope) {
    return switch (SEVERITY.get(scope)) {
      case A -> 90;
      case B -> 70;
      case C -> 50;
    };
  }

  /** The target passed without a First Quality Response: flag the FQR task and the case. */
  public void missed(DelegateExecution execution) {
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(FQR_TASKS.toArray(String[]::new)).list()) {
      tasks.setVariableLocal(task.getId(), FIRST_RESPONSE_TARGET_MISSED.name(), true);
      task.setPriority(100);
      tasks.saveTask(task);
    }
    FIRST_RESPONSE_TARGET_MISSED.set(execution, true);
    records.recordFirstResponseTargetMissed(CASE_NUMBER.get(execution));
    facts.event(execution, TimelineEvent.FIRST_RESPONSE_TARGET_MISSED,
        "First-response target missed (severity " + SEVERITY.get(execution) + ")");
  }

  private Instant dueAt(VariableScope scope) {
    Severity severity = SEVERITY.get(scope);
    Policy.FirstResponseTarget target = policy.firstResponseTarget(severity);
    Instant opened = OPENED_AT.find(scope).orElse(EngineClock.now());
    BusinessCalendar calendar = target.isAroundTheClock()
        ? BusinessCalendar.aroundTheClock() : calendars.customerCalendar(scope);
    return calendar.plusBusinessHours(opened, target.getWithin(), calendars.customerZone(scope));
  }
}
