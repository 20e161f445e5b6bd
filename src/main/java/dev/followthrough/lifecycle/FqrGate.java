package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_NAME;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_ORIGINAL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_SUBJECT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.FQR_PERSONALIZED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.FQR_PREPARED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.FQR_PROGRESS;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PROBLEM_DESCRIPTION;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The bean {@code fqrGate}: R2, enforced when the FQR task is completed. */
@Component("fqrGate")
public class FqrGate {

  public void check(DelegateTask task) {
    Drafts.reject(problems(task));
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    for (ProcessVariable<Boolean> confirmation : List.of(FQR_PREPARED, FQR_PERSONALIZED, FQR_PROGRESS)) {
      if (!confirmation.find(task).orElse(false)) {
        problems.add(confirmation.name() + ": confirm it before sending (Prepared, Personalized, Progress)");
      }
    }
    problems.addAll(FirstResponseQuality.problems(DRAFT_SUBJECT.find(task).orElse(null),
        DRAFT_BODY.find(task).orElse(null), CUSTOMER_NAME.get(task), DRAFT_ORIGINAL.find(task).orElse(""),
        PROBLEM_DESCRIPTION.find(task).orElse(""), TemplateModels.customerText(task)));
    return problems;
  }
}
