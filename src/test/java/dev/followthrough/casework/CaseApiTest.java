package dev.followthrough.casework;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.INFORMATION_FOLLOW_UP_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.READ_CUSTOMER_REPLY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REVIEW_DISSATISFIED_CUSTOMER;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.lifecycle.CaseCommunicationProcess;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The case API as a client sees it, over HTTP and JSON: opening cases, bad input named by field
 * (R28), replies (R23), dissatisfaction (R15), where a case stands, and the embedded outbox. The
 * API is open in the local profile; {@code ApiSecurityTest} covers it closed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class CaseApiTest {

  private static final AtomicInteger CASES = new AtomicInteger(100);
  private static final String CUSTOMER = "dana.whitfield@customer.example";

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void mondayMorning() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ opening a case

  @Test
  void openingACase_startsTheLifecycleWithTheCaseNumberAsBusinessKey() throws Exception {
    Map<String, Object> body = newCase();
    String caseNumber = (String) body.get("caseNumber");

    JsonNode created = json.readTree(http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/cases/" + caseNumber))
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
        .andReturn().getResponse().getContentAsString());

    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance).as("a running instance with the case number as business key (R25)").isNotNull();
    assertThat(instance.getId()).isEqualTo(created.get("processInstanceId").asText());
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(PREPARE_FQR);

    Task fqr = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PREPARE_FQR).singleResult();
    assertThat(fqr).isNotNull();
    assertThat(fqr.getAssignee()).isEqualTo("engineer");
    assertThat(fqr.getName()).contains(label(PREPARE_FQR)).contains(caseNumber).contains("Dana Whitfield");
  }

  static Stream<Arguments> badNewCases() {
    return Stream.of(
        Arguments.of("missing customer email", change(c -> c.remove("customerEmail")), List.of("customerEmail")),
        Arguments.of("blank customer email", change(c -> c.put("customerEmail", "  ")), List.of("customerEmail")),
        Arguments.of("customer email is no address", change(c -> c.put("customerEmail", "dana at customer")),
            List.of("customerEmail")),
        Arguments.of("unknown time zone", change(c -> c.put("customerTimeZone", "Mars/Base")), List.of("customerTimeZone")),
        Arguments.of("unknown engineer", change(c -> c.put("engineerId", "nobody")), List.of("engineerId")),
        Arguments.of("prefers phone but gave no number", change(c -> {
          c.put("preferredChannel", "PHONE");
          c.remove("customerPhone");
        }), List.of("customerPhone")),
        Arguments.of("case number with a slash", change(c -> c.put("caseNumber", "API/" + CASES.incrementAndGet())),
            List.of("caseNumber")),
        Arguments.of("two-line title", change(c -> c.put("caseTitle", "Export fails\nBcc: someone@else.example")),
            List.of("caseTitle")),
        Arguments.of("country is no code", change(c -> c.put("customerCountry", "Germany")), List.of("customerCountry")),
        Arguments.of("TAM without email", change(c -> c.put("tamName", "Terry Account")), List.of("tamEmail")),
        Arguments.of("chat is no channel for the lifecycle", change(c -> c.put("preferredChannel", "CHAT")),
            List.of("preferredChannel")),
        Arguments.of("several fields at once", change(c -> {
          c.remove("customerEmail");
          c.put("customerTimeZone", "Mars/Base");
          c.put("engineerId", "nobody");
        }), List.of("customerEmail", "customerTimeZone", "engineerId")),
        // values Jackson cannot map: the field is still named
        Arguments.of("unknown severity", change(c -> c.put("severity", "Z")), List.of("severity")),
        Arguments.of("unknown tier", change(c -> c.put("customerTier", "GOLD")), List.of("customerTier")),
        Arguments.of("severity is a list", change(c -> c.put("severity", List.of("A"))), List.of("severity")),
        // strict types: no number or boolean read as text, no choice that is almost right
        Arguments.of("case number is a boolean", change(c -> c.put("caseNumber", true)), List.of("caseNumber")),
        Arguments.of("title is a number", change(c -> c.put("caseTitle", 123)), List.of("caseTitle")),
        Arguments.of("severity with a space", change(c -> c.put("severity", " A")), List.of("severity")),
        Arguments.of("severity in lower case", change(c -> c.put("severity", "a")), List.of("severity")),
        Arguments.of("severity as a number", change(c -> c.put("severity", 1)), List.of("severity")),
        Arguments.of("name of no-break and zero-width spaces", change(c -> c.put("customerName", "\u00A0\u200B\u202F")),
            List.of("customerName")),
        Arguments.of("a field the API does not know", change(c -> c.put("customerMood", "happy")), List.of("customerMood")),
        Arguments.of("a bad choice hides no other bad field", change(c -> {
          c.put("severity", "Z");
          c.put("caseTitle", 123);
          c.put("customerEmail", "nobody");
          c.put("customerTimeZone", "Mars/Base");
        }), List.of("severity", "caseTitle", "customerEmail", "customerTimeZone")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNewCases")
  void badInput_isRefusedNamingEachWrongField_andNothingIsStored(String what, Consumer<Map<String, Object>> mistake,
                                                                 List<String> wrongFields) throws Exception {
    Map<String, Object> body = newCase();
    mistake.accept(body);
    String caseNumber = String.valueOf(body.get("caseNumber")); // "true" too: no case of that name is opened

    ResultActions response = http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.error").isNotEmpty());
    for (String field : wrongFields) {
      response.andExpect(jsonPath("$.fields." + field).isNotEmpty());
    }
    JsonNode fields = json.readTree(response.andReturn().getResponse().getContentAsString()).get("fields");
    assertThat(fields.properties()).extracting(Map.Entry::getKey).as("only the wrong fields are named")
        .containsExactlyInAnyOrderElementsOf(wrongFields);

    assertNothingStored(caseNumber);
  }

  static Stream<Arguments> malformedJson() {
    return Stream.of(
        Arguments.of("cut off after a comma", "{\"caseNumber\": \"%s\", "),
        Arguments.of("a comma missing", "{\"caseNumber\": \"%s\" \"caseTitle\": \"Export fails\"}"),
        Arguments.of("a value missing", "{\"caseNumber\": \"%s\", \"caseTitle\": }"),
        Arguments.of("not JSON at all", "caseNumber=%s&caseTitle=Export+fails"),
        // Jackson reports this one while reading the record's property, with that property as path
        Arguments.of("cut off inside a string", "{\"caseNumber\": \"%s\", \"engineerId\": \"engi"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJson_isRefusedAsSuch_andNothingIsStored(String what, String template) throws Exception {
    String caseNumber = nextCaseNumber();

    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(template.formatted(caseNumber)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.error", containsString("not valid JSON")))
        .andExpect(jsonPath("$.fields").doesNotExist());

    assertNothingStored(caseNumber);
  }

  @Test
  void aRepeatedKey_trailingGarbage_andBodiesThatAreNotJson_areRefused_andNothingIsStored() throws Exception {
    String caseNumber = nextCaseNumber();
    String valid = json.writeValueAsString(newCase(caseNumber));

    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(valid.replaceFirst("\\{", "{\"caseTitle\": \"First\", ")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.caseTitle").value("appears more than once"));
    for (String garbage : List.of(valid + "x", valid + valid, valid + " {}")) {
      http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(garbage))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error", containsString("not valid JSON")));
    }
    for (String contentType : new String[] {"*/*", "text/plain", "application/x-www-form-urlencoded"}) {
      http.perform(post("/api/cases").header("Content-Type", contentType).content(valid))
          .andExpect(status().isUnsupportedMediaType())
          .andExpect(jsonPath("$.status").value(415))
          .andExpect(jsonPath("$.error", containsString("application/json")));
    }
    http.perform(post("/api/cases").content(valid)).andExpect(status().isUnsupportedMediaType());
    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML).content(valid))
        .andExpect(status().isNotAcceptable());

    assertNothingStored(caseNumber);
  }

  @Test
  void unknownRoutesAndMethods_answerInTheApisShape() throws Exception {
    http.perform(get("/api/no-such-thing"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
    http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/cases"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.status").value(405));
  }

  @Test
  void aMissingBody_isRefused() throws Exception {
    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400));
    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("null"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400));
  }

  @Test
  void theSameCaseNumberTwice_isAConflict_andTheFirstCaseIsUntouched() throws Exception {
    String caseNumber = nextCaseNumber();
    String first = openCase(newCase(caseNumber));

    Map<String, Object> again = newCase(caseNumber);
    again.put("customerName", "Somebody Else");
    again.put("customerEmail", "somebody@else.example");
    http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(again)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.error", containsString(caseNumber)));

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
        .extracting(ProcessInstance::getId).containsExactly(first);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
        .as("no second instance was started and rolled forward").isEqualTo(1);
    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customer.name").value("Dana Whitfield"))
        .andExpect(jsonPath("$.customer.email").value(CUSTOMER))
        .andExpect(jsonPath("$.timeline[?(@.type == 'CASE_OPENED')]", hasSize(1)));
  }

  // ------------------------------------------------------------------ replies (R23)

  @Test
  void aReplyToAnUnknownCase_isNotFound() throws Exception {
    http.perform(post("/api/cases/{n}/replies", "NO-SUCH-CASE").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(reply("Hello?"))))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.error", containsString("NO-SUCH-CASE")));
  }

  @Test
  void aBlankReply_isRefusedNamingTheBody_andChangesNothing() throws Exception {
    String caseNumber = nextCaseNumber();
    String instanceId = openCase(newCase(caseNumber));

    for (String blank : new String[] {"", "   "}) {
      http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(reply(blank))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.fields.body").isNotEmpty());
    }
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content("{\"from\": \"" + CUSTOMER + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.body").isNotEmpty());

    assertThat(runtime.getActiveActivityIds(instanceId)).containsExactly(PREPARE_FQR);
    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(jsonPath("$.timeline[*].type", not(hasItem("REPLY_RECEIVED"))));
  }

  @Test
  void aReplyPostedAgainWithTheSameIdempotencyKey_isAnsweredWithTheFirstResult_andRecordedOnce() throws Exception {
    String caseNumber = nextCaseNumber();
    openCase(newCase(caseNumber));
    String reply = json.writeValueAsString(reply("The export ran fine last night."));

    String first = http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "retry-me-7f3c").content(reply))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.handledAs").value("SHOWN_AS_TASK"))
        .andReturn().getResponse().getContentAsString();
    lifecycle.runDueJobs();
    for (int retry = 0; retry < 2; retry++) {
      http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
              .header("Idempotency-Key", "retry-me-7f3c").content(reply))
          .andExpect(status().isAccepted())
          .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(first));
    }
    lifecycle.runDueJobs();

    assertThat(jdbc.queryForObject("select count(*) from ft_customer_reply where case_number = ?", Integer.class,
        caseNumber)).as("recorded once").isOne();
    assertThat(jdbc.queryForObject("select count(*) from ft_inbound_message where case_number = ?", Integer.class,
        caseNumber)).isOne();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(READ_CUSTOMER_REPLY)
        .count()).as("one task for the engineer").isOne();

    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "retry-me-7f3c").content(json.writeValueAsString(reply("Something else."))))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.fields.Idempotency-Key").isNotEmpty());
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "another-key").content(reply))
        .andExpect(status().isAccepted());
    assertThat(jdbc.queryForObject("select count(*) from ft_customer_reply where case_number = ?", Integer.class,
        caseNumber)).as("another key is another reply").isEqualTo(2);
  }

  @Test
  void aReplyWithTheClientsMessageId_isRecordedOnce_andTheIdCannotCarryAnotherReply() throws Exception {
    String caseNumber = nextCaseNumber();
    openCase(newCase(caseNumber));
    Map<String, Object> body = reply("Logs attached.");
    body.put("messageId", "<" + caseNumber + ".1@mail.customer.example>");

    for (int post = 0; post < 2; post++) {
      http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(body)))
          .andExpect(status().isAccepted())
          .andExpect(jsonPath("$.handledAs").value("SHOWN_AS_TASK"));
    }
    assertThat(jdbc.queryForObject("select count(*) from ft_customer_reply where case_number = ?", Integer.class,
        caseNumber)).isOne();

    body.put("body", "Different words.");
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.fields.messageId").isNotEmpty());
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", "k1").content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.Idempotency-Key").isNotEmpty());
    assertThat(jdbc.queryForObject("select count(*) from ft_customer_reply where case_number = ?", Integer.class,
        caseNumber)).isOne();
  }

  @Test
  void aReplyWhileNoStepWaits_isShownToTheEngineerAsATask() throws Exception {
    String caseNumber = nextCaseNumber();
    String instanceId = openCase(newCase(caseNumber));

    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(reply("I forgot to mention: it also fails on staging."))))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.handledAs").value("SHOWN_AS_TASK"));

    Task read = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(READ_CUSTOMER_REPLY).singleResult();
    assertThat(read).as("a task with the reply for the engineer").isNotNull();
    assertThat(read.getAssignee()).isEqualTo("engineer");
    assertThat(tasks.getVariable(read.getId(), "lastReplyText")).isEqualTo("I forgot to mention: it also fails on staging.");
    assertThat(runtime.getActiveActivityIds(instanceId)).as("the FQR still waits").contains(PREPARE_FQR);
  }

  // ------------------------------------------------------------------ where a case stands

  @Test
  void theCaseView_showsStatusCustomerWaitsTasksAndTimeline() throws Exception {
    String caseNumber = nextCaseNumber();
    openCase(newCase(caseNumber));
    lifecycle.clockAt(berlin("2026-11-23T10:30"));
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(reply("Here is the log file."))))
        .andExpect(status().isAccepted());

    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.title").value("Nightly export to the warehouse fails"))
        .andExpect(jsonPath("$.severity").value("B"))
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.customer.name").value("Dana Whitfield"))
        .andExpect(jsonPath("$.customer.email").value(CUSTOMER))
        .andExpect(jsonPath("$.customer.tier").value("STANDARD"))
        .andExpect(jsonPath("$.engineerId").value("engineer"))
        .andExpect(jsonPath("$.openedAt").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.lastSuccessfulContactAt").value("2026-11-23T09:30:00Z"))
        .andExpect(jsonPath("$.waitingAt", hasItems(label(PREPARE_FQR), label(READ_CUSTOMER_REPLY))))
        .andExpect(jsonPath("$.openTasks", hasSize(2)))
        .andExpect(jsonPath("$.openTasks[*].name", hasItem(containsString(label(PREPARE_FQR)))))
        .andExpect(jsonPath("$.openTasks[*].assignee", everyItem(org.hamcrest.Matchers.is("engineer"))))
        .andExpect(jsonPath("$.nextFollowUp.step").value("Target at risk"))
        .andExpect(jsonPath("$.nextFollowUp.at").value("2026-11-23T12:00:00Z"))
        .andExpect(jsonPath("$.closure").doesNotExist())
        .andExpect(jsonPath("$.timeline[*].type", contains("CASE_OPENED", "REPLY_RECEIVED")))
        .andExpect(jsonPath("$.timeline[0].at").value("2026-11-23T09:00:00Z"));
  }

  @Test
  void anUnknownCase_isNotFound() throws Exception {
    http.perform(get("/api/cases/{n}", "NO-SUCH-CASE"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void aCaseWaitingForTheCustomer_showsTheNextFollowUp_andAReplyMovesTheWaitingStep() throws Exception {
    String caseNumber = nextCaseNumber();
    ProcessInstance instance = instanceOf(openCase(newCase(caseNumber)));
    lifecycle.runDueJobs();
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());

    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openTasks", hasSize(0)))
        .andExpect(jsonPath("$.firstResponseAt").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.firstResponseChannel").value("EMAIL"))
        .andExpect(jsonPath("$.standing").value("PENDING_CUSTOMER_INFORMATION"))
        .andExpect(jsonPath("$.nextFollowUp.at").value(berlin("2026-11-26T10:00").toString()))
        .andExpect(jsonPath("$.nextFollowUp.step").value(label(INFORMATION_FOLLOW_UP_DUE)))
        .andExpect(jsonPath("$.timeline[*].type", hasItems("CASE_OPENED", "FIRST_RESPONSE_SENT")));

    lifecycle.clockAt(berlin("2026-11-24T11:00"));
    http.perform(post("/api/cases/{n}/replies", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(reply("Here are the logs you asked for."))))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.handledAs").value("ANSWERED_WAITING_STEP"));
    lifecycle.runDueJobs();

    assertThat(runtime.getActiveActivityIds(instance.getId())).contains(PREPARE_STATUS_UPDATE);
    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(jsonPath("$.lastSuccessfulContactAt").value(berlin("2026-11-24T11:00").toString()))
        .andExpect(jsonPath("$.timeline[*].type", hasItem("REPLY_RECEIVED")));
  }

  // ------------------------------------------------------------------ dissatisfaction (R15)

  @Test
  void flaggingDissatisfaction_givesTheTechnicalAdvisorsATask() throws Exception {
    String caseNumber = nextCaseNumber();
    String instanceId = openCase(newCase(caseNumber));

    http.perform(post("/api/cases/{n}/dissatisfaction", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("reason", "Third escalation this week."))))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.flagged").value("dissatisfied"));
    lifecycle.runDueJobs();

    List<Task> review = tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(REVIEW_DISSATISFIED_CUSTOMER).taskCandidateGroup("technical-advisors").list();
    assertThat(review).hasSize(1);
    assertThat(runtime.getActiveActivityIds(instanceId)).as("the lifecycle goes on").contains(PREPARE_FQR);
    http.perform(get("/api/cases/{n}", caseNumber))
        .andExpect(jsonPath("$.dissatisfied").value(true))
        .andExpect(jsonPath("$.timeline[*].type", hasItem("DISSATISFACTION_FLAGGED")));
  }

  @Test
  void flaggingDissatisfaction_onAnUnknownCase_isNotFound() throws Exception {
    http.perform(post("/api/cases/{n}/dissatisfaction", "NO-SUCH-CASE").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("reason", "Unhappy."))))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void aTooLongDissatisfactionReason_isRefusedNamingTheReason_andNothingIsFlagged() throws Exception {
    String caseNumber = nextCaseNumber();
    String instanceId = openCase(newCase(caseNumber));

    http.perform(post("/api/cases/{n}/dissatisfaction", caseNumber).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("reason", "x".repeat(2001)))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").isNotEmpty());
    lifecycle.runDueJobs();

    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(REVIEW_DISSATISFIED_CUSTOMER)
        .count()).isZero();
    http.perform(get("/api/cases/{n}", caseNumber)).andExpect(jsonPath("$.dissatisfied").value(false));
  }

  // ------------------------------------------------------------------ the embedded outbox

  @Test
  void theOutbox_listsWhatTheMailServerReceived_filteredByCase() throws Exception {
    String caseNumber = nextCaseNumber();
    ProcessInstance instance = instanceOf(openCase(newCase(caseNumber)));
    String otherNumber = nextCaseNumber();
    ProcessInstance other = instanceOf(openCase(newCase(otherNumber)));
    lifecycle.runDueJobs();
    http.perform(get("/api/outbox").param("caseNumber", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(0)));

    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.sendFirstQualityResponse(other);

    http.perform(get("/api/outbox").param("caseNumber", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].subject", containsString(caseNumber)))
        .andExpect(jsonPath("$[0].to", contains(CUSTOMER)))
        .andExpect(jsonPath("$[0].cc", hasItem("case-archive@followthrough.local")))
        .andExpect(jsonPath("$[0].messageId").isNotEmpty())
        .andExpect(jsonPath("$[0].text", containsString("Hello Dana Whitfield")))
        .andExpect(jsonPath("$[0].text", containsString("I checked the export logs")));

    http.perform(get("/api/outbox"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].subject", hasItems(containsString(caseNumber), containsString(otherNumber))));
  }

  @Test
  void theOutboxFilter_matchesWholeCaseNumbersOnly() throws Exception {
    String caseNumber = nextCaseNumber();
    String longerNumber = caseNumber + "-2";
    lifecycle.sendFirstQualityResponse(instanceOf(openCase(newCase(caseNumber))));
    lifecycle.sendFirstQualityResponse(instanceOf(openCase(newCase(longerNumber))));

    http.perform(get("/api/outbox").param("caseNumber", longerNumber))
        .andExpect(jsonPath("$", hasSize(1)));
    http.perform(get("/api/outbox").param("caseNumber", caseNumber))
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].subject", not(containsString(longerNumber))));
  }

  // ------------------------------------------------------------------ helpers

  private String openCase(Map<String, Object> body) throws Exception {
    String response = http.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(response).get("processInstanceId").asText();
  }

  private ProcessInstance instanceOf(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private void assertNothingStored(String caseNumber) throws Exception {
    if (caseNumber == null) {
      return;
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    http.perform(get("/api/cases/{n}", caseNumber)).andExpect(status().isNotFound());
  }

  /** The element's name in the deployed model: what Cockpit, Tasklist and the case view show. */
  private String label(String elementId) {
    String definitionId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(CaseCommunicationProcess.PROCESS_KEY).latestVersion().singleResult().getId();
    FlowElement element = repository.getBpmnModelInstance(definitionId).getModelElementById(elementId);
    assertThat(element).as(elementId).isNotNull();
    assertThat(element.getName()).as("name of " + elementId).isNotBlank();
    return element.getName();
  }

  private static String nextCaseNumber() {
    return "API-" + CASES.incrementAndGet();
  }

  private static Map<String, Object> newCase() {
    return newCase(nextCaseNumber());
  }

  private static Map<String, Object> newCase(String caseNumber) {
    return dev.followthrough.lifecycle.Lifecycle.aCasePosted(caseNumber);
  }


  private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
    return change;
  }

  private static Map<String, Object> reply(String body) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("from", CUSTOMER);
    reply.put("subject", "Re: your case");
    reply.put("body", body);
    return reply;
  }
}
