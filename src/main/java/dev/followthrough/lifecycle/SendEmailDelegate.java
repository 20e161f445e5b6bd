package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.STRIKES_REACHED;

import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.OutboundMail;
import dev.followthrough.mail.OutgoingEmail;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The send tasks ({@code ${sendEmail}}, input {@code email} names the {@link EmailKind}). The
 * idempotency key is the case, the task and how many times this task finished before, so a retried
 * job gets the same key and the outbox never sends it twice, while a loop's next turn gets a new one.
 */
@Component("sendEmail")
public class SendEmailDelegate implements JavaDelegate {

  static final String EMAIL_INPUT = "email";

  private final EmailComposer composer;
  private final OutboundMail outbound;
  private final CaseFacts facts;
  private final HistoryService history;

  SendEmailDelegate(EmailComposer composer, OutboundMail outbound, CaseFacts facts, HistoryService history) {
    this.composer = composer;
    this.outbound = outbound;
    this.facts = facts;
    this.history = history;
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
    String key = caseNumber + "/" + execution.getCurrentActivityId() + "/" + (earlierTurns + 1);

    OutgoingEmail email = composer.compose(kind, execution, key);
    Instant now = EngineClock.now();
    outbound.send(email, now);

    facts.emailSent(execution, kind, email.subject(), now);
    if (kind.strike() > 0) {
      STRIKES_REACHED.set(execution, kind.strike());
    }
  }
}
