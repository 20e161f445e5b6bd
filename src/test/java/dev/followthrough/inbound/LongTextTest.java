package dev.followthrough.inbound;

import dev.followthrough.casework.HandledAs;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.lifecycle.CaseCommunicationProcess;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Long customer text never breaks the engine's columns (4,000 characters for a string variable,
 * 255 for a task name): customers paste stack traces and reply with long quoted threads. The whole
 * text is kept in our tables, the process variables Tasklist shows hold a preview, and the case
 * moves on as with short text, through the API and through the mail intake.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class LongTextTest {

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final int ENGINE_TEXT_COLUMN = 4000;

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired InboundIntake intake;

  @BeforeEach
  void mondayMorning() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aProblemDescriptionOf20000Characters_opensTheCase_andTheFqrCanBeCompleted() throws Exception {
    String caseNumber = "LONG-" + CASES.incrementAndGet();
    String description = log("java.sql.SQLRecoverableException: IO Error: Connection reset at oracle.jdbc.Driver", 20_000);
    Map<String, Object> body = Lifecycle.aCasePosted(caseNumber);
    body.put("problemDescription", description);

    ProcessInstance instance = open(body);

    assertThat(jdbc.queryForObject("select problem_description from ft_case where case_number = ?", String.class,
        caseNumber)).as("the whole description, in our case table").isEqualTo(description);
    http.perform(get("/api/cases/{n}/problem-description", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problemDescription").value(description));
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    String preview = (String) tasks.getVariable(fqr.getId(), CaseCommunicationProcess.PROBLEM_DESCRIPTION.name());
    assertThat(preview).as("what the FQR form shows").hasSizeLessThanOrEqualTo(1500)
        .startsWith(description.substring(0, 1000)).contains("20000 characters in all");
    assertThat((String) tasks.getVariable(fqr.getId(), CaseCommunicationProcess.DRAFT_BODY.name()))
        .as("the draft quotes the preview and fits the engine's column").hasSizeLessThan(ENGINE_TEXT_COLUMN)
        .contains(description.substring(0, 200));

    lifecycle.sendFirstQualityResponse(instance);

    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).as("the FQR went to the customer").hasSize(1);
    assertThat(lifecycle.emails(instance).get(0).text()).contains(description.substring(0, description.indexOf("\n")));
  }

  @Test
  void aReplyOf100000Characters_throughTheApi_reachesItsCase_andMovesTheWaitingStep() throws Exception {
    ProcessInstance instance = waitingForTheCustomer(Lifecycle.aCasePosted("LONG-" + CASES.incrementAndGet()));
    String caseNumber = instance.getBusinessKey();
    String reply = log("Here is the full log of last night's run, as you asked", 100_000);

    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("from", "dana.whitfield@customer.example",
                "subject", "Re: Case " + caseNumber, "body", reply))))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.handledAs").value("ANSWERED_WAITING_STEP"));
    lifecycle.runDueJobs();

    assertTheLongReplyMovedTheCase(instance, reply);
    http.perform(get("/api/cases/{n}/replies", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].body").value(reply))
        .andExpect(jsonPath("$[0].handledAs").value("ANSWERED_WAITING_STEP"));
  }

  @Test
  void aReplyOf100000Characters_byEmail_reachesItsCase_andMovesTheWaitingStep() throws Exception {
    ProcessInstance instance = waitingForTheCustomer(Lifecycle.aCasePosted("LONG-" + CASES.incrementAndGet()));
    String caseNumber = instance.getBusinessKey();
    String reply = log("Here is the full log of last night's run, as you asked", 100_000);

    long id = intake.store(new InboundMessage("<long-reply-" + caseNumber + "@mail.customer.example>",
        "dana.whitfield@customer.example", "Re: Case " + caseNumber + ": Nightly export to the warehouse fails",
        null, null, Map.of(), "text/plain", reply, lifecycle.now(), null)).orElseThrow();
    assertThat(intake.handle(id)).as("handled at the first attempt, with its case")
        .isEqualTo(HandledAs.ANSWERED_WAITING_STEP);
    lifecycle.runDueJobs();

    assertTheLongReplyMovedTheCase(instance, reply);
    assertThat(jdbc.queryForObject("select attempts from ft_inbound_message where id = ?", Integer.class, id)).isZero();
  }

  @Test
  void aCaseNumberOf64Characters_andACustomerNameOf200_giveTaskNamesThatFit() throws Exception {
    String caseNumber = ("LONG-" + CASES.incrementAndGet() + "-").concat("X".repeat(64)).substring(0, 64);
    String customerName = "Dana " + "Whitfield-Oberhausen-".repeat(10).substring(0, 195);
    Map<String, Object> body = Lifecycle.aCasePosted(caseNumber);
    body.put("customerName", customerName);

    ProcessInstance instance = open(body);
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    assertThat(fqr.getName()).hasSizeLessThanOrEqualTo(255).contains(caseNumber).endsWith("…");

    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("body", "The logs are attached."))))
        .andExpect(status().isAccepted());
    lifecycle.runDueJobs();
    http.perform(post("/api/cases/{n}/dissatisfaction", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("reason", "Waiting too long."))))
        .andExpect(status().isAccepted());
    lifecycle.runDueJobs();

    List<HistoricTaskInstance> all = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list();
    assertThat(all).hasSizeGreaterThanOrEqualTo(3);
    assertThat(all).allSatisfy(task -> assertThat(task.getName()).hasSizeLessThanOrEqualTo(255).contains(caseNumber));
  }

  private ProcessInstance open(Map<String, Object> body) throws Exception {
    String created = http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceId(json.readTree(created).get("processInstanceId").asText()).singleResult();
    lifecycle.runDueJobs();
    return instance;
  }

  private ProcessInstance waitingForTheCustomer(Map<String, Object> body) throws Exception {
    ProcessInstance instance = open(body);
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(runtime.getActiveActivityIds(instance.getId())).doesNotContain(PREPARE_STATUS_UPDATE);
    lifecycle.clockAt(berlin("2026-11-24T11:00"));
    return instance;
  }

  private void assertTheLongReplyMovedTheCase(ProcessInstance instance, String reply) {
    assertThat(runtime.getActiveActivityIds(instance.getId())).as("the reply moved the waiting step")
        .contains(PREPARE_STATUS_UPDATE);
    assertThat(jdbc.queryForList("select body from ft_customer_reply where case_number = ?", String.class,
        instance.getBusinessKey())).as("the whole reply, once, in our reply table").containsExactly(reply);
    Task status = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    assertThat((String) tasks.getVariable(status.getId(), CaseCommunicationProcess.LAST_REPLY_TEXT.name()))
        .as("the preview the engineer's form shows").hasSizeLessThanOrEqualTo(3500)
        .startsWith(reply.substring(0, 3000)).contains("100000 characters in all");
  }

  /** Lines of a log, numbered, cut to exactly {@code length} characters. */
  private static String log(String first, int length) {
    StringBuilder text = new StringBuilder(first).append('\n');
    for (int line = 1; text.length() < length; line++) {
      text.append("2026-11-22 23:").append(String.format("%02d:%02d", line / 60 % 60, line % 60))
          .append(" INFO  export.worker-").append(line % 7).append(" step ").append(line)
          .append(" wrote batch ").append(line * 31).append(" to warehouse table sales_fact\n");
    }
    return text.substring(0, length);
  }
}
