package dev.followthrough.lifecycle;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R14 at the moment of sending: when a send job stops because the customer's business hours are
 * closed ({@link ContactWindow.Closed}), the job is not counted as failed; its due date moves to the
 * customer's next opening and its retries stay as they were. Cockpit shows the case waiting at the
 * send task with its job due at the opening; the log says why. (The job's exception message is left
 * alone: the engine reads an empty one as "never failed" and then starts the task's retry cycle.)
 * Every other failure goes to the engine's own retry handling (the task's
 * {@code failedJobRetryTimeCycle}).
 */
@Component
public class ContactWindowRetries extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ContactWindowRetries.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, failure) -> closedWindow(failure)
        .<Command<Object>>map(closed -> waitForOpening(jobId, closed))
        .orElseGet(() -> engineDefault.getCommand(jobId, failure)));
  }

  private static java.util.Optional<ContactWindow.Closed> closedWindow(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContactWindow.Closed closed) {
        return java.util.Optional.of(closed);
      }
    }
    return java.util.Optional.empty();
  }

  private static Command<Object> waitForOpening(String jobId, ContactWindow.Closed closed) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null) {
        job.unlock();
        job.setDuedate(Date.from(closed.opening()));
        log.info("Job {}: {}", jobId, closed.getMessage());
      }
      return null;
    };
  }
}
