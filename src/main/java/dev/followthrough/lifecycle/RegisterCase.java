package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.OPENED_AT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.STRIKES_REACHED;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CaseValidation;
import dev.followthrough.cases.CaseConflict;
import dev.followthrough.cases.NewCase;
import java.time.Instant;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerCase}} on "Case opened": however the case was opened (REST or the Tasklist start
 * form), it is checked the same way, the case number becomes the business key Cockpit shows (R25),
 * the variables are stored normalised, and the case's record is created in the same transaction.
 */
@Component("registerCase")
public class RegisterCase implements ExecutionListener {

  private final CaseValidation validation;
  private final CaseRecords records;

  RegisterCase(CaseValidation validation, CaseRecords records) {
    this.validation = validation;
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    NewCase newCase = validation.check(execution::getVariable);
    execution.setProcessBusinessKey(newCase.caseNumber());
    // only what normalising changed: setting a variable to the value it has is an update all the same
    CaseVariables.of(newCase).forEach((name, value) -> {
      if (!execution.hasVariable(name) || !Objects.equals(execution.getVariable(name), value)) {
        execution.setVariable(name, value);
      }
    });
    Instant now = EngineClock.now();
    OPENED_AT.set(execution, now);
    LAST_SUCCESSFUL_CONTACT_AT.set(execution, now);
    STRIKES_REACHED.set(execution, 0);
    try {
      records.insert(newCase, execution.getProcessInstanceId(), now);
    } catch (DuplicateKeyException e) {
      throw new CaseConflict("Case " + newCase.caseNumber() + " exists already");
    }
  }
}
