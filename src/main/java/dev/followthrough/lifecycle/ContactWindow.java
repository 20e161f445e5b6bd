package dev.followthrough.lifecycle;

import dev.followthrough.mail.EmailKind;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The bean {@code contactWindow}, read by the model's "Wait for the customer's business hours"
 * timers (R14): now when the customer's business hours are open, otherwise their next opening.
 * The wait is an engine timer, so Cockpit shows where each case waits and why.
 */
@Component("contactWindow")
public class ContactWindow {

  private final CaseCalendars calendars;

  ContactWindow(CaseCalendars calendars) {
    this.calendars = calendars;
  }

  public Date nextOpening(DelegateExecution execution) {
    return Date.from(calendars.customerNextOpening(execution, EngineClock.now()));
  }

  /**
   * A customer email came due while the customer's business hours are closed (a retry after the
   * backoff, Retry in Cockpit, a job executor running late). Thrown by the send task;
   * {@link ContactWindowRetries} then moves the job to {@code opening}, without using up a retry.
   */
  public static final class Closed extends RuntimeException {

    private final transient Instant opening;

    Closed(String caseNumber, EmailKind kind, Instant opening) {
      super("Case " + caseNumber + ": " + kind.id() + " waits for the customer's business hours, which open at "
          + opening + " (R14)", null, false, false);
      this.opening = opening;
    }

    public Instant opening() {
      return opening;
    }
  }
}
