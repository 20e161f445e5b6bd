package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_ADDRESS_BOUNCED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_SUBJECT;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.mail.DraftRules;
import dev.followthrough.mail.HeaderValues;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code addressCorrection}: while an email to the customer is refused or bounced, the
 * address is dead and every follow-up to the customer waits ({@link FollowUps}); completing
 * "Customer email bounced: correct the address" needs a real address and an email that may go; the
 * case's record takes the new address and the follow-ups run again.
 */
@Component("addressCorrection")
public class AddressCorrection {

  private final CaseRecords records;
  private final CaseFacts facts;
  private final TimerRecalculation timers;

  AddressCorrection(CaseRecords records, CaseFacts facts, TimerRecalculation timers) {
    this.records = records;
    this.facts = facts;
    this.timers = timers;
  }

  /** The address is dead (start of "Customer email undeliverable"): the waiting follow-ups hold. */
  public void hold(DelegateExecution execution) {
    CUSTOMER_ADDRESS_BOUNCED.set(execution.getProcessInstance(), true);
    timers.recalculate(execution.getProcessInstanceId(), "customer address dead");
  }

  public void check(DelegateTask task) {
    Drafts.reject(problems(task));
    String address = CUSTOMER_EMAIL.get(task).strip();
    CUSTOMER_EMAIL.set(task.getExecution(), address);
    records.recordCustomerEmail(CASE_NUMBER.get(task), address);
    facts.event(task, TimelineEvent.EMAIL_ADDRESS_CORRECTED, "The customer's email address was corrected");
    CUSTOMER_ADDRESS_BOUNCED.set(task.getExecution().getProcessInstance(), false);
    timers.recalculate(task.getProcessInstanceId(), "customer address corrected");
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    String address = CUSTOMER_EMAIL.find(task).map(String::strip).orElse(null);
    try {
      HeaderValues.requireAddress("customer", address);
    } catch (IllegalArgumentException e) {
      problems.add("customerEmail: " + e.getMessage());
    }
    problems.addAll(DraftRules.problems(REJECTED_EMAIL_SUBJECT.name(), REJECTED_EMAIL_SUBJECT.find(task).orElse(null),
        REJECTED_EMAIL_BODY.name(), REJECTED_EMAIL_BODY.find(task).orElse(null), TemplateModels.customerText(task)));
    return problems;
  }
}
