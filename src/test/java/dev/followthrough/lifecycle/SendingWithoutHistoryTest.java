package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_ABOUT_SOLUTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CLOSING_DATE;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.followthrough.mail.OutboxLedger;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The key of an email reads nothing from history: with history level {@code none} every turn of a
 * loop is its own email, so every daily follow-up and every strike goes out, once each.
 */
@SpringBootTest(properties = "camunda.bpm.history-level=none")
@ActiveProfiles({"local", "test"})
class SendingWithoutHistoryTest {

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired OutboxLedger ledger;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void withHistoryLevelNone_everyDailyFollowUpAndEveryStrikeGoesOut() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel())
        .isEqualTo(HistoryLevel.HISTORY_LEVEL_NONE);
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    lifecycle.timePassesUntil(berlin("2026-11-24T10:00"));
    lifecycle.call(instance, CALL_ABOUT_SOLUTION, CallOutcome.NO_ANSWER);

    for (int step = 0; step < 20 && !kindsSent(instance).contains("strike-3"); step++) {
      lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    }

    assertThat(kindsSent(instance)).containsExactly("first-quality-response", "status-update", "solution-check-in",
        "solution-follow-up", "solution-follow-up", "solution-follow-up", "strike-1", "strike-2", "strike-3");
    assertThat(lifecycle.emails(instance)).as("each received once by the mail server").hasSize(9);
    assertThat(instance).isWaitingAt(CLOSING_DATE);
  }

  private List<String> kindsSent(ProcessInstance instance) {
    return ledger.sentFor(instance.getBusinessKey()).stream().map(OutboxLedger.SentEmail::kind).toList();
  }
}
