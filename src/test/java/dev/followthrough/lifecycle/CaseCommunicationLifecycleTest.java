package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.*;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.NewCase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One scenario per path of the lifecycle, in its own words, on the real process: real timers
 * moved by the engine's clock, and a real SMTP server receiving what the customer would.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
@Import({CoverageGate.class, ProcessEngineCoverageConfiguration.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CaseCommunicationLifecycleTest {

  private static final String ARCHIVE = "case-archive@followthrough.local";
  private static final String MANAGER = "morgan.manager@followthrough.local";
  private static final String CUSTOMER = "dana.whitfield@customer.example";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired CaseRecords records;

  @BeforeEach
  void mondayMorning() {
    BpmnAwareTests.init(engine);
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ the paths

  @Test
  void fqrByEmail_resolutionProvided_customerConfirms_lastQualityResponseClosesTheCase() {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    assertThat(instance).isWaitingAt(PREPARE_FQR);

    sendFirstQualityResponse(instance);
    Lifecycle.Email fqr = lifecycle.lastEmail(instance);
    assertThat(fqr.to()).containsExactly(CUSTOMER);
    assertThat(fqr.cc()).contains(ARCHIVE);
    assertThat(fqr.subject()).contains(instance.getBusinessKey());
    assertThat(fqr.text()).startsWith("Hello Dana Whitfield").contains("I checked the export logs")
        .contains("Erin Engineer").contains("Manager: Morgan Manager");
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);

    writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    assertThat(instance).isWaitingAt(SOLUTION_CALL_DUE);

    lifecycle.timePassesUntil(berlin("2026-11-23T15:00"));
    lifecycle.customerReplies(instance, "That fixed it, thank you. You can close the case.");
    assertThat(instance).isWaitingAt(REVIEW_CUSTOMER_ANSWER);

    answer(instance, CustomerAnswer.CONFIRMED, "Dana Whitfield");
    assertThat(instance).isWaitingAt(PREPARE_LQR);
    writeLastQualityResponse(instance);

    assertThat(instance).isEnded().hasPassed(CLOSED_RESOLVED);
    assertThat(lifecycle.emails(instance)).extracting(Lifecycle.Email::subject).hasSize(3);
    Lifecycle.Email lqr = lifecycle.lastEmail(instance);
    assertThat(lqr.text()).contains("Dana");
    assertThat(lqr.inReplyTo()).as("the LQR continues the case's thread").isNotNull();
    var closed = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(closed.open()).isFalse();
    assertThat(closed.approvalBy()).isEqualTo("Dana Whitfield");
    assertThat(closed.approvalAt()).isEqualTo(berlin("2026-11-23T15:00"));
    assertThat(closed.firstResponseChannel()).isEqualTo("EMAIL");
  }

  // ------------------------------------------------------------------ how the engineer works

  private void sendFirstQualityResponse(ProcessInstance instance) {
    Task task = lifecycle.task(instance, PREPARE_FQR);
    Map<String, Object> form = new HashMap<>(lifecycle.draftWith(task,
        "I checked the export logs you attached: the connection resets when the warehouse rotates its "
            + "certificates. Could you send me the time of the last successful run?"));
    form.put("fqrPrepared", true);
    form.put("fqrPersonalized", true);
    form.put("fqrProgress", true);
    lifecycle.complete(task, form);
  }

  private void writeStatus(ProcessInstance instance, CaseStanding standing, Map<String, Object> more) {
    Task task = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    Map<String, Object> form = new HashMap<>(lifecycle.draftWith(task,
        "Status: the certificate rotation breaks the export. Next step: renew the client certificate as described."));
    form.put("caseStanding", standing.name());
    form.putAll(more);
    lifecycle.complete(task, form);
  }

  private void answer(ProcessInstance instance, CustomerAnswer answer, String approvedBy) {
    Task task = lifecycle.task(instance, REVIEW_CUSTOMER_ANSWER);
    Map<String, Object> form = new HashMap<>();
    form.put("customerAnswer", answer.name());
    if (approvedBy != null) {
      form.put("approvalBy", approvedBy);
      form.put("approvalChannel", "EMAIL");
    }
    lifecycle.complete(task, form);
  }

  private void writeLastQualityResponse(ProcessInstance instance) {
    Task task = lifecycle.task(instance, PREPARE_LQR);
    Map<String, Object> form = new HashMap<>(lifecycle.draftWith(task,
        "The export failed because the client certificate expired; renewing it fixed the nightly run."));
    for (ProcessVariable<Boolean> point : CaseCommunicationProcess.LQR_OUTLINE) {
      form.put(point.name(), true);
    }
    lifecycle.complete(task, form);
  }

  static NewCase standardCase() {
    return aCase(UnaryOperator.identity());
  }
}
