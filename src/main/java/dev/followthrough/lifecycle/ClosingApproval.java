package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.APPROVAL_BY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.APPROVAL_CHANNEL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_ANSWER;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.Channel;
import dev.followthrough.cases.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The bean {@code closingApproval}: R12. A case goes to its Last Quality Response only with the
 * customer's explicit approval, recorded on the case: who gave it, how, and when (the server's time).
 */
@Component("closingApproval")
public class ClosingApproval {

  private final CaseRecords records;
  private final CaseFacts facts;

  ClosingApproval(CaseRecords records, CaseFacts facts) {
    this.records = records;
    this.facts = facts;
  }

  public void check(DelegateTask task) {
    Drafts.reject(problems(task));

    CustomerAnswer answer = CUSTOMER_ANSWER.get(task);
    if (answer.closesTheCase()) {
      Channel channel = APPROVAL_CHANNEL.get(task);
      Instant now = EngineClock.now();
      String by = APPROVAL_BY.get(task);
      records.recordApproval(CASE_NUMBER.get(task), by, now, channel);
      facts.event(task, TimelineEvent.CLOSING_APPROVED,
          "Closing approved by " + by + " by " + channel.name().toLowerCase() + " (" + answer.name().toLowerCase().replace('_', ' ') + ")");
    }
  }

  /** The rule of {@link #check}, doing nothing: what Tasklist's form submission is refused for ({@link FormRefusals}). */
  public List<String> problems(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    CustomerAnswer answer = null;
    Channel channel = null;
    try {
      answer = CUSTOMER_ANSWER.find(task).orElse(null);
      channel = APPROVAL_CHANNEL.find(task).orElse(null);
    } catch (IllegalArgumentException e) {
      problems.add("customerAnswer: choose one of the listed answers");
    }
    if (answer == null && problems.isEmpty()) {
      problems.add("customerAnswer: say what the customer answered");
    }
    if (answer != null && answer.closesTheCase()) {
      if (APPROVAL_BY.find(task).isEmpty()) {
        problems.add("approvalBy: closing needs the customer's explicit approval: who gave it");
      }
      if (channel == null) {
        problems.add("approvalChannel: closing needs the customer's explicit approval: how it was given");
      }
    }
    return problems;
  }
}
