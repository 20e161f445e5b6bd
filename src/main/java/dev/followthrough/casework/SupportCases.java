package dev.followthrough.casework;

import dev.followthrough.cases.CaseAttachments;

import dev.followthrough.cases.CaseConflict;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.CaseRecord;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CaseValidation;
import dev.followthrough.cases.InvalidInput;
import dev.followthrough.cases.NewCase;
import dev.followthrough.cases.TimelineEvent;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_AWAY_UNTIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIME_ZONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DISSATISFACTION_REASON;

import dev.followthrough.lifecycle.CaseCommunicationProcess;
import dev.followthrough.lifecycle.CaseCommunicationProcess.Messages;
import dev.followthrough.lifecycle.CaseVariables;
import dev.followthrough.lifecycle.EngineClock;
import dev.followthrough.lifecycle.TimerRecalculation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening cases, flagging dissatisfaction, and reading where a case stands. */
@Service
public class SupportCases {

  private final CaseValidation validation;
  private final CaseRecords records;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final TimerRecalculation timers;

  private final CaseAttachments attachments;
  private final StandaloneTasks standaloneTasks;

  SupportCases(CaseValidation validation, CaseRecords records, RuntimeService runtime, TaskService tasks,
              ManagementService management, RepositoryService repository, TimerRecalculation timers,
              CaseAttachments attachments, StandaloneTasks standaloneTasks) {
    this.attachments = attachments;
    this.standaloneTasks = standaloneTasks;
    this.validation = validation;
    this.records = records;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.timers = timers;
  }

  /** Starts the lifecycle; the case number is the business key. */
  @Transactional
  public ProcessInstance open(NewCase newCase) {
    validation.check(newCase);
    if (records.find(newCase.caseNumber()).isPresent()) {
      throw new CaseConflict("Case " + newCase.caseNumber() + " exists already");
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(CaseCommunicationProcess.PROCESS_KEY)
        .businessKey(newCase.caseNumber())
        .setVariables(CaseVariables.of(newCase))
        .execute();
    // the process holds a preview; the case's record the whole description
    records.recordProblemDescription(newCase.caseNumber(), newCase.problemDescription());
    return instance;
  }

  /** R15: raises the advisors' task and tells the TAM, without stopping the lifecycle. */
  @Transactional
  public void flagDissatisfied(String caseNumber, String reason) {
    CaseRecord theCase = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    if (!theCase.open()) {
      throw new CaseConflict("Case " + caseNumber + " is closed");
    }
    runtime.createMessageCorrelation(Messages.CUSTOMER_DISSATISFIED)
        .processInstanceBusinessKey(caseNumber)
        .setVariable(DISSATISFACTION_REASON.name(), reason)
        .correlateWithResult();
    records.recordDissatisfied(caseNumber);
    records.addEvent(caseNumber, EngineClock.now(), TimelineEvent.DISSATISFACTION_FLAGGED, "Flagged as dissatisfied");
  }

  /**
   * R15 from the LQR's survey: a low rating. While the case is open (a survey of an earlier
   * closing, the case since reopened) it is {@link #flagDissatisfied}; once closed, the lifecycle
   * has ended, so the technical advisors get a task of their own and the case is flagged.
   */
  @Transactional
  public void dissatisfiedBySurvey(String caseNumber, String reason) {
    CaseRecord theCase = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    if (theCase.open()) {
      flagDissatisfied(caseNumber, reason);
      return;
    }
    records.recordDissatisfied(caseNumber);
    records.addEvent(caseNumber, EngineClock.now(), TimelineEvent.DISSATISFACTION_FLAGGED, "Flagged as dissatisfied: " + reason);
    standaloneTasks.create(dev.followthrough.lifecycle.UserTaskConventions.caseTaskName("Review the dissatisfied customer",
            caseNumber, theCase.customerName()),
        "The customer rated the closed case low in the survey of the Last Quality Response: " + reason
            + "\nOffer a recovery call (R15)" + (theCase.customerTier() == dev.followthrough.cases.Tier.PREMIER
            ? " and tell the customer's TAM." : "."),
        null, dev.followthrough.security.Groups.TECHNICAL_ADVISORS, caseNumber);
  }

  /**
   * R9: the customer is away until {@code until} (their out-of-office said so, or they told the
   * engineer). Follow-ups and strikes wait until they are back; waiting timers move now.
   */
  @Transactional
  public List<TimerRecalculation.Change> customerAway(String caseNumber, LocalDate until) {
    Absence absence = absence(caseNumber);
    if (until == null || !absence.canLastUntil(until)) {
      throw InvalidInput.of("until", "must be a date from today (" + absence.today() + ") to a year ahead, such as "
          + absence.today().plusDays(7));
    }
    return markAway(absence, until);
  }

  /**
   * R9 from an out-of-office reply: the same, unless its return date has already passed in the
   * customer's zone (then there is nothing to wait for).
   */
  @Transactional
  public Optional<List<TimerRecalculation.Change>> customerAwayUnlessPast(String caseNumber, LocalDate until) {
    Absence absence = absence(caseNumber);
    return absence.canLastUntil(until) ? Optional.of(markAway(absence, until)) : Optional.empty();
  }

  /** An open case's process, and today in the customer's zone. */
  private record Absence(String caseNumber, String processInstanceId, LocalDate today) {
    boolean canLastUntil(LocalDate until) {
      return !until.isBefore(today) && !until.isAfter(today.plusYears(1));
    }
  }

  private Absence absence(String caseNumber) {
    CaseRecord theCase = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    if (!theCase.open()) {
      throw new CaseConflict("Case " + caseNumber + " is closed");
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    ZoneId zone = ZoneId.of((String) runtime.getVariable(instance.getId(), CUSTOMER_TIME_ZONE.name()));
    return new Absence(caseNumber, instance.getId(), EngineClock.now().atZone(zone).toLocalDate());
  }

  private List<TimerRecalculation.Change> markAway(Absence absence, LocalDate until) {
    runtime.setVariable(absence.processInstanceId(), CUSTOMER_AWAY_UNTIL.name(), until.toString());
    records.addEvent(absence.caseNumber(), EngineClock.now(), TimelineEvent.CUSTOMER_AWAY, "Customer away until " + until);
    return timers.recalculate(absence.processInstanceId(), "customer away until " + until);
  }

  @Transactional(readOnly = true)
  public CaseView view(String caseNumber) {
    CaseRecord c = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    List<String> waitingAt = List.of();
    List<CaseView.OpenTask> openTasks = List.of();
    CaseView.NextFollowUp next = null;
    ProcessInstance instance = c.open()
        ? runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
        : null;
    if (instance != null) {
      BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
      waitingAt = runtime.getActiveActivityIds(instance.getId()).stream().map(id -> label(model, id)).toList();
      openTasks = tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc().list().stream()
          .map(task -> new CaseView.OpenTask(task.getName(), task.getAssignee(),
              task.getDueDate() == null ? null : task.getDueDate().toInstant()))
          .toList();
      next = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
          .filter(job -> job.getDuedate() != null)
          .min(Comparator.comparing(Job::getDuedate))
          .map(job -> new CaseView.NextFollowUp(job.getDuedate().toInstant(), label(model, activityOf(job))))
          .orElse(null);
    }
    CaseView.Closure closure = c.open() && c.approvalBy() == null ? null
        : new CaseView.Closure(c.closureReason(), c.closedAt(), c.approvalBy(), c.approvalAt(), c.approvalChannel());
    return new CaseView(c.caseNumber(), c.title(), c.severity(), c.open() ? "OPEN" : "CLOSED", c.standing(),
        new CaseView.Customer(c.customerName(), c.customerEmail(), c.customerTier()), c.engineerId(), c.openedAt(),
        c.firstResponseAt(), c.firstResponseChannel(), c.lastSuccessfulContactAt(), c.strikesReached(), c.dissatisfied(),
        waitingAt, openTasks, next, closure, records.timeline(caseNumber), attachments.ofCase(caseNumber));
  }

  private String activityOf(Job job) {
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  private static String label(BpmnModelInstance model, String elementId) {
    FlowElement element = elementId == null ? null : model.getModelElementById(elementId);
    return element == null ? elementId : Objects.requireNonNullElse(element.getName(), elementId);
  }
}
