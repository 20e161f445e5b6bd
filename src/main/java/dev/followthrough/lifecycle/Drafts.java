package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_ORIGINAL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_SUBJECT;

import dev.followthrough.cases.InvalidInput;
import dev.followthrough.mail.DraftRules;
import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.RenderedDraft;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bean {@code drafts}: when a task that writes to someone is created, it renders the email's
 * template into the task's draft (R20); when the task is completed, the draft must be ready to go.
 */
@Component("drafts")
public class Drafts {

  private final EmailComposer composer;

  Drafts(EmailComposer composer) {
    this.composer = composer;
  }

  /** Task listener on create: {@code ${drafts.prepare(task, 'status-update')}}. */
  public void prepare(DelegateTask task, String email) {
    RenderedDraft draft = composer.render(EmailKind.fromId(email), task);
    DRAFT_SUBJECT.set(task.getExecution(), draft.subject());
    DRAFT_BODY.set(task.getExecution(), draft.body());
    DRAFT_ORIGINAL.set(task.getExecution(), draft.body());
  }

  /** Task listener on complete: {@code ${drafts.check(task)}}. */
  public void check(DelegateTask task) {
    reject(problems(task));
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    return ofDraft(task);
  }

  /** What keeps the task's draft from going ({@link DraftRules}), the case's customer text taken as data. */
  static List<String> ofDraft(VariableScope task) {
    return DraftRules.problems(DRAFT_SUBJECT.find(task).orElse(null), DRAFT_BODY.find(task).orElse(null),
        TemplateModels.customerText(task));
  }

  /** Turns "field: problem" lines into one error that names each field; nothing if there are none. */
  static void reject(List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    throw new InvalidInput(FormRefusals.byField(problems));
  }
}
