package dev.followthrough.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps of process variables. The history level stays {@code full}:
 * instances, activities, tasks, each variable with its last value ({@code ACT_HI_VARINST}),
 * incidents, the job log and the user operation log. What is left out by default is a row in
 * {@code ACT_HI_DETAIL} for every change of every variable: opening a case sets two dozen
 * variables, and those rows were 40 of the 104 rows it wrote (README, "Performance"). Cockpit in
 * the community edition does not show them, and the case's own timeline ({@code ft_case_event})
 * records what happened in the lifecycle's words. {@code followthrough.history.variable-changes=true}
 * keeps them (a database already on {@code full} needs no change either way).
 */
@Component
public class VariableChangeHistory extends AbstractProcessEnginePlugin {

  private final boolean keepEveryChange;

  VariableChangeHistory(@Value("${followthrough.history.variable-changes:false}") boolean keepEveryChange) {
    this.keepEveryChange = keepEveryChange;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (keepEveryChange) {
      return;
    }
    // the engine's own database handler, less the variable details; custom handlers (Spring's
    // history events) stay as they are
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new LastValuesOnly());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history handler that writes no {@code ACT_HI_DETAIL} row for a variable change. */
  static final class LastValuesOnly extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
