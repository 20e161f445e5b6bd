package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_SUBJECT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.STRIKES_REACHED;

import dev.followthrough.mail.Audience;
import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.EmailLayout;
import dev.followthrough.mail.OutboundMail;
import dev.followthrough.mail.OutgoingEmail;
import java.time.Instant;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The send tasks ({@code ${sendEmail}}, input {@code email} names the {@link EmailKind}). Every send
 * runs in a job: its own ({@code camunda:asyncBefore}) after a person's task or an incoming message,
 * or the job of the timer right before it; the idempotency key is the case, its process instance,
 * the task and the id of that job. A job keeps its id
 * through every retry (the backoff, or Retry in Cockpit), so a retried send gets the same key and
 * the outbox does not send it twice; a loop's next turn, or the same step after the case was
 * reopened, runs a new job and so gets a new key. The key reads nothing from history, so it is the
 * same with every history level.
 *
 * <p>An email to the customer goes out only while the customer's business hours are open (R14),
 * checked here, at the moment of sending: a retry that comes due at night or on a holiday waits for
 * the next opening ({@link ContactWindow.Closed}).
 */
@Component("sendEmail")
public class SendEmail implements JavaDelegate {

  static final String EMAIL_INPUT = "email";

  private final EmailComposer composer;
  private final OutboundMail outbound;
  private final CaseFacts facts;
  private final CaseCalendars calendars;

  SendEmail(EmailComposer composer, OutboundMail outbound, CaseFacts facts, CaseCalendars calendars) {
    this.composer = composer;
    this.outbound = outbound;
    this.facts = facts;
    this.calendars = calendars;
  }

  /**
   * The mail server refused the email for good: the lifecycle goes on, and the engineer gets a task
   * to correct the customer's address, after which the email goes again (the model's
   * "Customer address rejected" event subprocess).
   */
  private void addressRejected(DelegateExecution execution, OutgoingEmail email) {
    REJECTED_EMAIL_SUBJECT.set(execution, email.subject());
    REJECTED_EMAIL_BODY.set(execution, EmailLayout.bodyOf(email.text()));
    facts.event(execution, dev.followthrough.cases.TimelineEvent.EMAIL_BOUNCED,
        "The mail server refused " + email.kind().id() + ": the customer's address needs correcting");
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CaseCommunicationProcess.Messages.CUSTOMER_ADDRESS_REJECTED)
        .processInstanceId(execution.getProcessInstanceId())
        .correlateWithResult();
  }

  /**
   * The id of the job running this send (its own, or its timer's): the same for every retry of it,
   * new for every turn.
   */
  private static String continuationJobId(DelegateExecution execution) {
    var job = Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    if (job == null) {
      throw new IllegalStateException(execution.getCurrentActivityId()
          + " sends email outside a job: a send task must be asyncBefore, or follow a timer (README, \"Exactly once\")");
    }
    return job.getId();
  }

  @Override
  public void execute(DelegateExecution execution) {
    EmailKind kind = EmailKind.fromId((String) execution.getVariableLocal(EMAIL_INPUT));
    Instant now = EngineClock.now();
    if (kind.audience() == Audience.CUSTOMER) {
      Instant opening = calendars.customerNextOpening(execution, now);
      if (opening.isAfter(now)) {
        throw new ContactWindow.Closed(CASE_NUMBER.get(execution), kind, opening);
      }
    }
    // a reopened case runs a new process instance: its emails are new emails
    String key = CASE_NUMBER.get(execution) + "/" + execution.getProcessInstanceId() + "/"
        + execution.getCurrentActivityId() + "/" + continuationJobId(execution);

    OutgoingEmail email = composer.compose(kind, execution, key);
    if (outbound.send(email, now) == OutboundMail.Outcome.REJECTED) {
      addressRejected(execution, email);
      return;
    }

    facts.emailSent(execution, kind, email.subject(), now);
    if (kind.strike() > 0) {
      STRIKES_REACHED.set(execution, kind.strike());
    }
  }
}
