package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Each lifecycle task's description in Tasklist: what to do next and by when, in one line, e.g.
 * "Write the First Quality Response in your own words and confirm the three P's — due Monday,
 * 23 November 2026 at 11:00 CET". The time is the task's due date in the engineer's time zone.
 */
@Component
public class NextSteps {

  static final Map<String, String> WHAT_TO_DO = Map.ofEntries(
      Map.entry(Elements.PREPARE_FQR, "Write the First Quality Response in your own words and confirm the three P's"),
      Map.entry(Elements.CALL_FOR_FQR, "Call the customer for the first response, then send the summary email"),
      Map.entry(Elements.PREPARE_STATUS_UPDATE, "Choose where the case stands, then email the status and next steps"),
      Map.entry(Elements.CALL_CUSTOMER, "Call the customer or share a screen, and record how it went"),
      Map.entry(Elements.REACH_OUT_TO_TAM, "Ask the TAM to help you reach the customer"),
      Map.entry(Elements.CALL_ABOUT_SOLUTION, "Call the customer to check that the solution works"),
      Map.entry(Elements.REVIEW_CUSTOMER_ANSWER, "Read the customer's answer and record whether they approve closing"),
      Map.entry(Elements.PREPARE_LQR, "Write the Last Quality Response and check it against the outline"),
      Map.entry(Elements.REVIEW_DISSATISFIED_CUSTOMER, "Find out why the customer is unhappy and plan the recovery"),
      Map.entry(Elements.READ_CUSTOMER_REPLY, "Read the customer's reply and act on it"),
      Map.entry(Elements.CORRECT_CUSTOMER_ADDRESS, "Correct the customer's email address so the email goes again"));

  private final CaseCalendars calendars;

  NextSteps(CaseCalendars calendars) {
    this.calendars = calendars;
  }

  /** One line: what to do, and the due date in the engineer's zone (or that there is none). */
  public String describe(DelegateTask task) {
    String what = WHAT_TO_DO.getOrDefault(task.getTaskDefinitionKey(), task.getName());
    if (task.getDueDate() == null) {
      return what + " — no due date";
    }
    return what + " — due " + calendars.formatForEngineer(task, task.getDueDate().toInstant());
  }
}
