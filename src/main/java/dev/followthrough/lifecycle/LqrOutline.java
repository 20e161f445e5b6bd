package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.LQR_OUTLINE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code lqrOutline}: R10. The Last Quality Response goes when the engineer has ticked
 * each point of the outline (the reopen offer stays optional: only when the customer hesitates).
 */
@Component("lqrOutline")
public class LqrOutline {

  public void check(DelegateTask task) {
    Drafts.reject(problems(task));
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    for (ProcessVariable<Boolean> point : LQR_OUTLINE) {
      if (!point.find(task).orElse(false)) {
        problems.add(point.name() + ": tick this point of the LQR outline once the email covers it");
      }
    }
    problems.addAll(Drafts.ofDraft(task));
    return problems;
  }
}
