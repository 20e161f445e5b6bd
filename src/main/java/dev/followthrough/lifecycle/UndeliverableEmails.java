package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_ADDRESS_BOUNCED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_SUBJECT;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * An email to the customer bounced after it was sent (a mail server sent it back): the case takes
 * the same path as an email the server refused at once ({@link SendEmail}): the model's
 * "Customer email undeliverable" event subprocess, where the engineer corrects the address and
 * the email goes again, and the follow-ups hold until then ({@link AddressCorrection}).
 */
@Service
public class UndeliverableEmails {

  /** What became of a bounce. */
  public enum Outcome {
    /** The engineer has the task to correct the address now. */
    CORRECTION_STARTED,
    /** The engineer already has that task: nothing more to do. */
    CORRECTION_PENDING,
    /** The case has no running lifecycle (closed). */
    NO_LIFECYCLE
  }

  private final RuntimeService runtime;

  UndeliverableEmails(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * @param subject the bounced email's subject, for the email that goes again
   * @param body its text when the mail server returned it, else a draft with a fill-in marker
   */
  public Outcome bounced(String caseNumber, String subject, String body) {
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).active().singleResult();
    if (instance == null) {
      return Outcome.NO_LIFECYCLE;
    }
    if (Boolean.TRUE.equals(runtime.getVariable(instance.getId(), CUSTOMER_ADDRESS_BOUNCED.name()))) {
      return Outcome.CORRECTION_PENDING;
    }
    runtime.setVariables(instance.getId(), Map.of(
        REJECTED_EMAIL_SUBJECT.name(), REJECTED_EMAIL_SUBJECT.toStored(subject),
        REJECTED_EMAIL_BODY.name(), REJECTED_EMAIL_BODY.toStored(body)));
    runtime.createMessageCorrelation(CaseCommunicationProcess.Messages.CUSTOMER_ADDRESS_REJECTED)
        .processInstanceId(instance.getId())
        .correlateWithResult();
    return Outcome.CORRECTION_STARTED;
  }
}
