package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_SUBJECT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.STRIKES_REACHED;

import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.EmailLayout;
import dev.followthrough.mail.OutboundMail;
import dev.followthrough.mail.OutgoingEmail;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The send tasks ({@code ${sendEmail}}, input {@code email} names the {@link EmailKind}). The
 * idempotency key is the case, its process instance, the task and how many times this task finished
 * before, so a retried job gets the same key and the outbox never sends it twice, while a loop's
 * next turn, or the same step after the case was reopened, gets a new one.
 */
@Component("sendEmail")
public class SendEmail implements JavaDelegate {

  static final String EMAIL_INPUT = "email";

  private final EmailComposer composer;
  private final OutboundMail outbound;
  private final CaseFacts facts;
  private final HistoryService history;

  SendEmail(EmailComposer composer, OutboundMail outbound, CaseFacts facts, HistoryService history) {
    this.composer = composer;
    this.outbound = outbound;
    this.facts = facts;
    this.history = history;
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

  @Override
  public void execute(DelegateExecution execution) {
    EmailKind kind = EmailKind.fromId((String) execution.getVariableLocal(EMAIL_INPUT));
    String caseNumber = CASE_NUMBER.get(execution);
    long earlierTurns = history.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .finished()
        .count();
    // a reopened case runs a new process instance: its emails are new emails
    String key = caseNumber + "/" + execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/"
        + (earlierTurns + 1);

    OutgoingEmail email = composer.compose(kind, execution, key);
    Instant now = EngineClock.now();
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
