package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.AFTER_STRIKE_ONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_ABOUT_SOLUTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.INFORMATION_FOLLOW_UP_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PROMISED_UPDATE_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_TWO;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SOLUTION_CALL_DUE;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A process owner changes the lifecycle (a step added on the strike path, a timer's rule changed,
 * and one waiting step renamed) and deploys it while cases wait at every kind of wait state: a user
 * task, a timer, the customer's reply, the strikes. The migration moves every case it can, lists the
 * one it cannot with where it waits, and the moved cases go on — on the new version.
 */
@SpringBootTest(properties = "followthrough.test.context=case-migration")
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext
class CaseMigrationTest {

  private static final String ADDED_STEP = "Task_NoteTheSilence";
  private static final String RENAMED_TIMER = "Timer_PromisedUpdateReminder";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired CaseMigration migration;
  @Autowired MockMvc http;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTime() {
    lifecycle.realTime();
  }

  @Test
  void aChangedLifecycle_reachesTheOpenCases_andWhatCannotMoveIsListed() throws Exception {
    ProcessInstance preparingFqr = lifecycle.open(aCase(UnaryOperator.identity()));
    assertThat(preparingFqr).isWaitingAt(PREPARE_FQR);

    ProcessInstance awaitingInformation = afterTheFqr(CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(awaitingInformation).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);

    ProcessInstance onStrikeOne = afterTheFqr(CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    assertThat(onStrikeOne).isWaitingAt(AFTER_STRIKE_ONE);

    ProcessInstance awaitingConfirmation = afterTheFqr(CaseStanding.RESOLUTION_PROVIDED, Map.of());
    assertThat(awaitingConfirmation).isWaitingAt(SOLUTION_CALL_DUE);
    Instant solutionCallDue = lifecycle.nextTimer(awaitingConfirmation);

    ProcessInstance researching = afterTheFqr(CaseStanding.PENDING_INTERNAL_RESEARCH,
        Map.of("nextUpdateAt", "2026-11-27T15:00"));
    assertThat(researching).isWaitingAt(PROMISED_UPDATE_DUE);

    ProcessDefinition first = definitionOf(preparingFqr);
    ProcessDefinition changed = deploy(theOwnersChange());
    assertThat(changed.getVersion()).isEqualTo(first.getVersion() + 1);

    // the dry run: what would move, what would not, and nothing moved
    http.perform(post("/api/admin/migrations").contentType(MediaType.APPLICATION_JSON).content("{\"dryRun\":true}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.targetVersion").value(changed.getVersion()))
        .andExpect(jsonPath("$.sources[0].version").value(first.getVersion()))
        .andExpect(jsonPath("$.sources[0].cases").value(5))
        .andExpect(jsonPath("$.sources[0].migrated").value(4))
        .andExpect(jsonPath("$.sources[0].notMigrated[0].caseNumber").value(researching.getBusinessKey()))
        .andExpect(jsonPath("$.sources[0].notMigrated[0].steps[0]").value(PROMISED_UPDATE_DUE));
    for (ProcessInstance instance : List.of(preparingFqr, awaitingInformation, onStrikeOne, awaitingConfirmation, researching)) {
      assertThat(definitionOf(instance).getId()).as("a dry run moves nothing").isEqualTo(first.getId());
    }
    http.perform(post("/api/admin/migrations").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.dryRun").exists());

    CaseMigration.Report report = migration.toLatestVersion(false);

    assertThat(report.migrated()).isEqualTo(4);
    assertThat(report.sources()).singleElement().satisfies(source -> {
      assertThat(source.planErrors()).isEmpty();
      assertThat(source.notMigrated()).singleElement().satisfies(stuck -> {
        assertThat(stuck.caseNumber()).isEqualTo(researching.getBusinessKey());
        assertThat(stuck.steps()).containsExactly(PROMISED_UPDATE_DUE);
      });
    });
    for (ProcessInstance instance : List.of(preparingFqr, awaitingInformation, onStrikeOne, awaitingConfirmation)) {
      assertThat(definitionOf(instance).getId()).as(instance.getBusinessKey()).isEqualTo(changed.getId());
    }
    assertThat(definitionOf(researching).getId()).as("listed, and still on the version it can finish on")
        .isEqualTo(first.getId());
    assertThat(lifecycle.nextTimer(awaitingConfirmation)).as("a waiting timer keeps its due date")
        .isEqualTo(solutionCallDue);

    // each moved case goes on, on the new version
    lifecycle.sendFirstQualityResponse(preparingFqr);
    assertThat(preparingFqr).hasPassed(SEND_FQR).isWaitingAt(PREPARE_STATUS_UPDATE);

    lifecycle.customerReplies(awaitingInformation, "Here is the log from last night's run.");
    assertThat(awaitingInformation).isWaitingAt(PREPARE_STATUS_UPDATE);

    lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));
    assertThat(onStrikeOne).as("the step added on the strike path runs").hasPassed(ADDED_STEP, SEND_STRIKE_TWO);
    assertThat(awaitingConfirmation).isWaitingAt(CALL_ABOUT_SOLUTION);
    assertThat(researching).as("the listed case goes on as before, on its old version")
        .hasPassed(PROMISED_UPDATE_DUE).isWaitingAt(PREPARE_STATUS_UPDATE);

    for (ProcessInstance instance : List.of(preparingFqr, awaitingInformation, onStrikeOne, awaitingConfirmation)) {
      assertThat(definitionOf(instance).getId()).as(instance.getBusinessKey() + " after moving on")
          .isEqualTo(changed.getId());
    }
    Job nextStrike = engine.getManagementService().createJobQuery().processInstanceId(onStrikeOne.getId()).timers()
        .singleResult();
    assertThat(nextStrike.getProcessDefinitionId()).isEqualTo(changed.getId());

    CaseMigration.Report again = migration.toLatestVersion(false);
    assertThat(again.migrated()).as("the listed case has left the renamed step: run again, it moves").isEqualTo(1);
    assertThat(again.notMigrated()).isZero();
    assertThat(definitionOf(researching).getId()).isEqualTo(changed.getId());
    assertThat(migration.toLatestVersion(true).sources()).as("nothing left on version 1").isEmpty();
  }

  private ProcessInstance afterTheFqr(CaseStanding standing, Map<String, Object> more) {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, standing, more);
    return instance;
  }

  private ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(id);
  }

  /**
   * What a process owner does in Modeler: a step on the strike path, the solution call's timer on a
   * new rule, and the research timer renamed (which a case waiting there cannot follow).
   */
  private static BpmnModelInstance theOwnersChange() throws IOException {
    BpmnModelInstance model;
    try (InputStream xml = Files.newInputStream(Path.of("bpmn/case-communication.bpmn"))) {
      model = Bpmn.readModelFromStream(xml);
    }
    SequenceFlow silence = model.getModelElementById("Flow_NoResponseToStrikeOne");
    FlowNode strikeTwo = silence.getTarget();
    SubProcess strikes = (SubProcess) silence.getParentElement();
    Task note = model.newInstance(Task.class);
    note.setId(ADDED_STEP);
    note.setName("Note the silence");
    strikes.addChildElement(note);
    strikeTwo.getIncoming().remove(silence);
    silence.setTarget(note);
    note.getIncoming().add(silence);
    SequenceFlow onward = model.newInstance(SequenceFlow.class);
    onward.setId("Flow_SilenceNoted");
    strikes.addChildElement(onward);
    onward.setSource(note);
    onward.setTarget(strikeTwo);
    note.getOutgoing().add(onward);
    strikeTwo.getIncoming().add(onward);

    IntermediateCatchEvent solutionCall = model.getModelElementById(SOLUTION_CALL_DUE);
    TimeDate rule = solutionCall.getChildElementsByType(TimerEventDefinition.class).iterator().next().getTimeDate();
    rule.setTextContent("${followUps.businessDaysLater(execution, 2)}");

    IntermediateCatchEvent research = model.getModelElementById(PROMISED_UPDATE_DUE);
    research.setId(RENAMED_TIMER);
    return model;
  }

  private ProcessDefinition deploy(BpmnModelInstance model) throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("case-communication")
        .addModelInstance("case-communication.bpmn", model);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        deployment.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    String deploymentId = deployment.deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }
}
