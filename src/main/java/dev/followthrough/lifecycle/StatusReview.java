package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_STANDING;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.InvalidInput;
import dev.followthrough.cases.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code statusReview}: the status task needs a standing (R3), a promised update in the
 * future for pending research (R4), a readable customer date, and a draft that is ready to go.
 */
@Component("statusReview")
public class StatusReview {

  private final CaseCalendars zones;
  private final CaseRecords records;
  private final CaseFacts facts;

  StatusReview(CaseCalendars zones, CaseRecords records, CaseFacts facts) {
    this.zones = zones;
    this.records = records;
    this.facts = facts;
  }

  public void check(DelegateTask task) {
    Drafts.reject(problems(task));

    CaseStanding standing = CASE_STANDING.get(task);
    records.recordStanding(CASE_NUMBER.get(task), standing.name());
    facts.event(task, TimelineEvent.STANDING_CHOSEN, "Standing: " + standing.name().toLowerCase().replace('_', ' '));
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    CaseStanding standing = null;
    try {
      standing = CASE_STANDING.find(task).orElse(null);
    } catch (IllegalArgumentException e) {
      problems.add("caseStanding: choose one of the listed standings");
    }
    if (standing == null && problems.isEmpty()) {
      problems.add("caseStanding: say where the case stands");
    }
    Instant now = EngineClock.now();
    try {
      if (standing == CaseStanding.PENDING_INTERNAL_RESEARCH) {
        Instant promised = zones.promisedUpdate(task).orElse(null);
        if (promised == null) {
          problems.add("nextUpdateAt: say when you will update the customer");
        } else {
          // the email that makes the promise waits for the customer's business hours (R14)
          Instant emailGoes = zones.customerNextOpening(task, now);
          if (!promised.isAfter(emailGoes)) {
            problems.add("nextUpdateAt: the status email reaches the customer " + (emailGoes.equals(now) ? "now"
                : "at " + zones.formatForEngineer(task, emailGoes) + ", in their business hours")
                + "; promise an update after that");
          }
        }
      }
      zones.customerDate(task);
    } catch (InvalidInput e) {
      e.fields().forEach((field, problem) -> problems.add(field + ": " + problem));
    }
    problems.addAll(Drafts.ofDraft(task));
    return problems;
  }
}
