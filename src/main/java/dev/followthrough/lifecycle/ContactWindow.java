package dev.followthrough.lifecycle;

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
}
