package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CALL_OUTCOME;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CALL_PLAN;

import dev.followthrough.cases.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code callReview}: completing a call task needs a call plan and an outcome (R6); the
 * email that follows (always after an FQR call, otherwise when the customer was not reached) must
 * be ready. A call that reached the customer is a successful contact (R13).
 */
@Component("callReview")
public class CallReview {

  private final CaseFacts facts;

  CallReview(CaseFacts facts) {
    this.facts = facts;
  }

  public void check(DelegateTask task, boolean emailFollowsEveryCall) {
    Drafts.reject(problems(task, emailFollowsEveryCall));

    CallOutcome outcome = CALL_OUTCOME.get(task);
    facts.event(task, TimelineEvent.CALL_MADE, "Call: " + outcome.name().toLowerCase().replace('_', ' '));
    if (outcome == CallOutcome.REACHED) {
      facts.successfulContact(task, EngineClock.now());
    }
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task, boolean emailFollowsEveryCall) {
    List<String> problems = new ArrayList<>();
    if (CALL_PLAN.find(task).isEmpty()) {
      problems.add("callPlan: write down the points to cover before the call");
    }
    CallOutcome outcome = CALL_OUTCOME.find(task).orElse(null);
    if (outcome == null) {
      problems.add("callOutcome: say how the call went (reached, voicemail or no answer)");
    }
    if (emailFollowsEveryCall || (outcome != null && outcome != CallOutcome.REACHED)) {
      problems.addAll(Drafts.ofDraft(task));
    }
    return problems;
  }
}
