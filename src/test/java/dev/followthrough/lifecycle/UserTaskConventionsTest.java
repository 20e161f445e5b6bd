package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The lifecycle's task conventions, seen from where people meet them: a refusal in Tasklist reads as
 * the rule's words (400, nothing logged above INFO), each task says in one line what to do and by
 * when, and the conventions stay on the lifecycle's own tasks, so another model deploys and runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class UserTaskConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROGRESS = "I checked the export logs you attached: the connection resets when the "
      + "warehouse rotates its certificates. Could you send me the time of the last successful run?";

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.context.ApplicationContext context;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void mondayMorningAndTheLogWatched() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void realTime() {
    root().detachAppender(logged);
    ClockUtil.reset();
  }

  @Test
  void theFqrGateRefusesAHandshakeInTasklist_with400AndItsOwnWords_andLogsNothingAboveInfo() throws Exception {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    TasklistWebapp tasklist = TasklistWebapp.logIn(port, engine.getName(), "engineer", "engineer");
    Map<String, Object> handshake = lifecycle.fqrForm(fqr, "");

    HttpResponse<String> refused = whileWatchingTheLog(() -> tasklist.submitTaskForm(fqr.getId(), variables(handshake)));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    String message = JSON.readTree(refused.body()).path("message").asText();
    assertThat(message).as("Camunda's prefix, then the gate's own words, field by field")
        .startsWith("Cannot submit task form " + fqr.getId() + ": draftBody: ")
        .containsIgnoringCase("progress")
        .doesNotContain("ENGINE-").doesNotContain("Exception").doesNotContain("TaskListener");
    assertThat(engine.getTaskService().createTaskQuery().taskId(fqr.getId()).count()).as("the task stays open").isOne();
    assertThat(engine.getTaskService().getVariable(fqr.getId(), "fqrPrepared"))
        .as("nothing of the refused form is kept").isNotEqualTo(true);

    HttpResponse<String> sent = tasklist.submitTaskForm(fqr.getId(), variables(lifecycle.fqrForm(fqr, PROGRESS)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
    lifecycle.runDueJobs();
    assertThat(lifecycle.emails(instance)).hasSize(1);
  }

  @Test
  void theStatusRuleRefusesAFormWithoutStanding_andTheStartFormRefusesAnUnknownTimeZone() throws Exception {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    Task status = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    TasklistWebapp tasklist = TasklistWebapp.logIn(port, engine.getName(), "engineer", "engineer");

    HttpResponse<String> noStanding = whileWatchingTheLog(
        () -> tasklist.submitTaskForm(status.getId(), variables(lifecycle.draftWith(status, PROGRESS))));
    assertThat(noStanding.statusCode()).as(noStanding.body()).isEqualTo(400);
    assertThat(JSON.readTree(noStanding.body()).path("message").asText())
        .isEqualTo("Cannot submit task form " + status.getId() + ": caseStanding: say where the case stands");

    Map<String, Object> opened = new LinkedHashMap<>(Lifecycle.aCasePosted("CASE-START-FORM-1"));
    opened.put("customerTimeZone", "Europe/Berlln");
    HttpResponse<String> badZone = whileWatchingTheLog(
        () -> tasklist.submitStartForm(CaseCommunicationProcess.PROCESS_KEY, variables(opened)));
    assertThat(badZone.statusCode()).as(badZone.body()).isEqualTo(400);
    assertThat(JSON.readTree(badZone.body()).path("message").asText())
        .contains("customerTimeZone: must be a time zone id").doesNotContain("ENGINE-");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CASE-START-FORM-1")
        .count()).as("no case is started from a refused start form").isZero();

    Map<String, Object> again = new LinkedHashMap<>(Lifecycle.aCasePosted(instance.getBusinessKey()));
    HttpResponse<String> taken = whileWatchingTheLog(
        () -> tasklist.submitStartForm(CaseCommunicationProcess.PROCESS_KEY, variables(again)));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(400);
    assertThat(JSON.readTree(taken.body()).path("message").asText())
        .contains("caseNumber: case " + instance.getBusinessKey() + " exists already").doesNotContain("ENGINE-");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).count()).as("the first case alone").isOne();
  }

  @Test
  void eachTaskSaysWhatToDoNextAndByWhen_inOneLine() {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    Task fqr = lifecycle.task(instance, PREPARE_FQR);

    assertThat(fqr.getDueDate()).isNotNull();
    assertThat(fqr.getDescription())
        .isEqualTo("Write the First Quality Response in your own words and confirm the three P's — due Monday, "
            + "23 November 2026 at 14:00 CET")
        .doesNotContain("\n");
  }

  @Test
  void anotherModel_aOneTaskProcessWithoutForm_deploysAndRunsAsModelled() {
    Deployment deployment = engine.getRepositoryService().createDeployment().name("a process owner's second model")
        .addModelInstance("look-at-it.bpmn", Bpmn.createExecutableProcess("look-at-it").camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_LookAtIt").name("Look at it").camundaAssignee("engineer").endEvent().done())
        .deploy();
    try {
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("look-at-it", Map.of("caseNumber", "X-1"));
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getName()).as("the lifecycle's naming stays on the lifecycle").isEqualTo("Look at it");
      assertThat(task.getDescription()).isNull();

      engine.getTaskService().complete(task.getId());
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getState()).isEqualTo("COMPLETED");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  /** The form handler checks each rule of the model through its twin: every rule has one. */
  @Test
  void everyRuleOfTheModelHasATwinThatOnlySaysWhatIsWrong() throws Exception {
    String model = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn", "case-communication.bpmn"));
    java.util.regex.Matcher rule = java.util.regex.Pattern
        .compile("expression=\"\\$\\{(\\w+)\\.check\\(([^)]*)\\)}\" event=\"complete\"").matcher(model);
    int rules = 0;
    while (rule.find()) {
      rules++;
      Object bean = context.getBean(rule.group(1));
      int arity = rule.group(2).split(",").length;
      assertThat(java.util.Arrays.stream(org.springframework.aop.support.AopUtils.getTargetClass(bean).getMethods())
          .filter(method -> method.getName().equals("problems") && method.getParameterCount() == arity
              && List.class.isAssignableFrom(method.getReturnType())))
          .as("%s.problems with %d arguments", rule.group(1), arity).isNotEmpty();
    }
    assertThat(rules).as("the model's complete-listener rules").isGreaterThanOrEqualTo(7);
  }

  // ------------------------------------------------------------------

  private <T> T whileWatchingTheLog(Supplier<T> call) {
    logged.list.clear();
    T result = call.get();
    List<String> loud = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
    assertThat(loud).as("a refusal is no failure: nothing logged above INFO").isEmpty();
    return result;
  }

  private static String variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, java.util.Collections.singletonMap("value", value)));
    try {
      return JSON.writeValueAsString(variables);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
