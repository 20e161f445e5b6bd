package dev.followthrough.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * After a holiday or policy change, or when a customer is away, waiting timers are recalculated
 * with the engine's own due-date recalculation: each timer's expression is evaluated again with
 * today's calendars and policy. Follow-ups count from the last email, so only what changed moves.
 * The engineer's "update overdue" timers count from when their task came back, so they stay.
 */
@Service
public class TimerRecalculation {

  private static final Logger log = LoggerFactory.getLogger(TimerRecalculation.class);
  private static final List<String> NOT_RECALCULATED = List.of(CaseCommunicationProcess.Elements.STATUS_UPDATE_OVERDUE);

  public record Change(String processInstanceId, String step, Instant before, Instant after) {}

  private final ManagementService management;

  TimerRecalculation(ManagementService management) {
    this.management = management;
  }

  /** Every waiting timer of the lifecycle; returns the timers whose due date moved. */
  public List<Change> recalculateAll(String reason) {
    List<Change> changes = recalculate(management.createJobQuery().timers());
    log.info("Recalculated the lifecycle's waiting timers ({}): {} moved", reason, changes.size());
    return changes;
  }

  /** The waiting timers of one case. */
  public List<Change> recalculate(String processInstanceId, String reason) {
    List<Change> changes = recalculate(management.createJobQuery().timers().processInstanceId(processInstanceId));
    log.info("Recalculated the waiting timers of process instance {} ({}): {} moved", processInstanceId, reason,
        changes.size());
    return changes;
  }

  private List<Change> recalculate(JobQuery timers) {
    Map<String, String> activityByDefinition = management.createJobDefinitionQuery()
        .processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY).list().stream()
        .filter(definition -> definition.getActivityId() != null)
        .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId, (a, b) -> a));
    List<Change> changes = new ArrayList<>();
    for (Job job : timers.processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY).list()) {
      String step = activityByDefinition.get(job.getJobDefinitionId());
      if (step == null || NOT_RECALCULATED.contains(step)) {
        continue;
      }
      Instant before = job.getDuedate().toInstant();
      management.recalculateJobDuedate(job.getId(), false);
      Instant after = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant();
      if (!after.equals(before)) {
        changes.add(new Change(job.getProcessInstanceId(), step, before, after));
      }
    }
    return changes;
  }
}
