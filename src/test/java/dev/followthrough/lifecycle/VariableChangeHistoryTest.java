package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's history keeps each variable's last value, the job log and everything else of level
 * {@code full}, but by default not a row for every change of every variable (README, "Performance").
 */
class VariableChangeHistoryTest {

  @Nested
  @SpringBootTest
  @ActiveProfiles({"local", "test"})
  class ByDefault {
    @Autowired Lifecycle lifecycle;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void mondayMorning() {
      lifecycle.mondayMorning();
    }

    @AfterEach
    void realTimeAgain() {
      lifecycle.realTime();
    }

    @Test
    void aSentFqrLeavesEachVariablesLastValueAndTheJobLog_butNoRowPerChange() {
      ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
      lifecycle.sendFirstQualityResponse(instance);
      HistoryService history = engine.getHistoryService();

      assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel())
          .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(CaseCommunicationProcess.CASE_NUMBER.name()).singleResult().getValue())
          .isEqualTo(instance.getBusinessKey());
      assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).isPositive();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(CaseCommunicationProcess.Elements.SEND_FQR).finished().count()).isEqualTo(1);
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    }
  }

  @Nested
  @SpringBootTest(properties = "followthrough.history.variable-changes=true")
  @ActiveProfiles({"local", "test"})
  class WhenAskedFor {
    @Autowired Lifecycle lifecycle;
    @Autowired ProcessEngine engine;

    @Test
    void everyChangeOfAVariableIsKept() {
      ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));

      assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
          .variableUpdates().count()).isGreaterThanOrEqualTo(20);
    }
  }
}
