package dev.followthrough.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves open cases to the newest version of the lifecycle with Camunda's migration API (R31). Per
 * older version that still has cases: a plan generated with {@code mapEqualActivities()} (a step
 * keeps its id, so it maps to itself) and validated by the engine; then each case is migrated on
 * its own, in its own transaction, so one that cannot move does not hold back the others. A case
 * waiting at a step the new version no longer has (or has changed beyond what the engine can map)
 * stays where it is and is listed, with the steps and the engine's reasons.
 *
 * <p>A dry run does exactly the same, each migration rolled back: the report is the one the real
 * run would give. Timers keep their due dates (the engine's default); to apply a changed interval
 * to timers already waiting, recalculate them afterwards ({@link TimerRecalculation}).
 */
@Service
public class CaseMigration {

  private static final Logger log = LoggerFactory.getLogger(CaseMigration.class);

  /** A case that stays on its version, where it waits, and why. */
  public record Stuck(String caseNumber, String processInstanceId, List<String> steps, List<String> reasons) {}

  /** One older version: how many cases it had, how many moved, which did not. */
  public record FromVersion(int version, String processDefinitionId, int cases, int migrated, List<String> mappedSteps,
                            List<String> planErrors, List<Stuck> notMigrated) {}

  public record Report(boolean dryRun, int targetVersion, String targetProcessDefinitionId, List<FromVersion> sources) {
    public int migrated() {
      return sources.stream().mapToInt(FromVersion::migrated).sum();
    }

    public int notMigrated() {
      return sources.stream().mapToInt(source -> source.notMigrated().size()).sum();
    }
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;

  CaseMigration(RepositoryService repository, RuntimeService runtime, TransactionTemplate transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.transactions = transactions;
  }

  /** Every open case of an older version to the newest; {@code dryRun} reports without moving anything. */
  public Report toLatestVersion(boolean dryRun) {
    ProcessDefinition target = repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY).latestVersion().singleResult();
    List<FromVersion> sources = new ArrayList<>();
    repository.createProcessDefinitionQuery().processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY).list().stream()
        .filter(source -> source.getVersion() < target.getVersion())
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
        .forEach(source -> {
          List<ProcessInstance> cases = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
              .orderByProcessInstanceId().asc().list();
          if (!cases.isEmpty()) {
            sources.add(migrate(source, target, cases, dryRun));
          }
        });
    Report report = new Report(dryRun, target.getVersion(), target.getId(), sources);
    log.info("{} open cases to version {} of {}: {} {}, {} cannot move", dryRun ? "Dry run of moving" : "Moved",
        target.getVersion(), CaseCommunicationProcess.PROCESS_KEY, report.migrated(), dryRun ? "would move" : "moved",
        report.notMigrated());
    return report;
  }

  private FromVersion migrate(ProcessDefinition source, ProcessDefinition target, List<ProcessInstance> cases,
                              boolean dryRun) {
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException invalid) {
      List<String> errors = invalid.getValidationReport().getInstructionReports().stream()
          .map(CaseMigration::describe).toList();
      List<Stuck> stuck = cases.stream()
          .map(instance -> new Stuck(instance.getBusinessKey(), instance.getId(), waitingSteps(instance.getId()),
              List.of("no valid migration plan from version " + source.getVersion())))
          .toList();
      return new FromVersion(source.getVersion(), source.getId(), cases.size(), 0, List.of(), errors, stuck);
    }
    Set<String> mapped = new LinkedHashSet<>();
    plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).forEach(mapped::add);

    int migrated = 0;
    List<Stuck> stuck = new ArrayList<>();
    for (ProcessInstance instance : cases) {
      List<String> waiting = waitingSteps(instance.getId());
      List<String> unmapped = waiting.stream().filter(step -> !mapped.contains(step)).toList();
      if (!unmapped.isEmpty()) {
        stuck.add(new Stuck(instance.getBusinessKey(), instance.getId(), unmapped,
            List.of("not in version " + target.getVersion() + " with the same id and kind")));
        continue;
      }
      try {
        transactions.executeWithoutResult(status -> {
          runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
          if (dryRun) {
            status.setRollbackOnly();
          }
        });
        migrated++;
      } catch (MigratingProcessInstanceValidationException refused) {
        List<String> reasons = new ArrayList<>();
        refused.getValidationReport().getActivityInstanceReports().forEach(report -> reasons.add(describe(report)));
        refused.getValidationReport().getTransitionInstanceReports().forEach(report -> reasons.add(describe(report)));
        refused.getValidationReport().getFailures().forEach(reasons::add);
        stuck.add(new Stuck(instance.getBusinessKey(), instance.getId(), waiting, reasons));
      }
    }
    return new FromVersion(source.getVersion(), source.getId(), cases.size(), migrated, List.copyOf(mapped), List.of(),
        stuck);
  }

  /** Every step a case is in: waiting states, the subprocesses around them, and async continuations. */
  private List<String> waitingSteps(String processInstanceId) {
    Set<String> steps = new LinkedHashSet<>();
    ActivityInstance root = runtime.getActivityInstance(processInstanceId);
    if (root != null) {
      collect(root, steps);
      steps.remove(root.getActivityId());
    }
    return List.copyOf(steps);
  }

  private static void collect(ActivityInstance instance, Set<String> steps) {
    steps.add(instance.getActivityId());
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      steps.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, steps);
    }
  }

  private static String describe(MigrationInstructionValidationReport report) {
    return report.getMigrationInstruction().getSourceActivityId() + " → "
        + report.getMigrationInstruction().getTargetActivityId() + ": " + String.join("; ", report.getFailures());
  }

  private static String describe(MigratingActivityInstanceValidationReport report) {
    return report.getSourceScopeId() + ": " + String.join("; ", report.getFailures());
  }

  private static String describe(MigratingTransitionInstanceValidationReport report) {
    return report.getSourceScopeId() + ": " + String.join("; ", report.getFailures());
  }
}
