package dev.followthrough.lifecycle;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
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
 * customer's next opening and its retries stay as they were. Cockpit shows the case waiting with
 * that job (the send task's own, or the timer's right before it) due at the opening; the log says
 * why. (The job's exception message is left alone: the engine reads an empty one as "never failed"
 * and then starts the retry cycle again.) Every other failure goes to the engine's own retry
 * handling (the {@code failedJobRetryTimeCycle} of the send task or of its timer).
 *
 * <p>A closed window is the business day ending, not an error: the engine's own ERROR with a stack
 * trace for it ("ENGINE-16004 Exception while closing command context") is left out of the log,
 * every evening; the INFO line above says it instead.
 */
@Component
public class ContactWindowRetries extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ContactWindowRetries.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
        && logging.getTurboFilterList().stream().noneMatch(QuietWhenClosed.class::isInstance)) {
      logging.addTurboFilter(new QuietWhenClosed());
    }
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

  /** Drops the engine's error and warning events whose exception is a closed contact window. */
  static final class QuietWhenClosed extends TurboFilter {

    @Override
    public FilterReply decide(org.slf4j.Marker marker, ch.qos.logback.classic.Logger logger, Level level,
                              String format, Object[] params, Throwable failure) {
      if (!level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm.engine")) {
        return FilterReply.NEUTRAL;
      }
      if (closedWindow(failure).isPresent()) {
        return FilterReply.DENY;
      }
      if (params != null) {
        for (Object param : params) {
          if (param instanceof Throwable thrown && closedWindow(thrown).isPresent()) {
            return FilterReply.DENY;
          }
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}
