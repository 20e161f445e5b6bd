package dev.followthrough.reporting;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_ABOUT_SOLUTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REACH_OUT_TO_TAM;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.cases.NewCase;
import dev.followthrough.cases.Severity;
import dev.followthrough.lifecycle.CallOutcome;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.CustomerAnswer;
import dev.followthrough.lifecycle.Lifecycle;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Six cases with known outcomes run through the real lifecycle (real timers on the engine's clock,
 * a real SMTP server), two customers answer the LQR's survey, and the metrics must say exactly what
 * happened, the same in JSON, CSV and Prometheus:
 * <ol>
 *   <li>resolved in the first contact, confirmed: FCR (severity B, standard);</li>
 *   <li>the same for a severity A premier case, whose FQR missed its 1-hour target: FCR;</li>
 *   <li>the customer fixed it themselves: closed with approval, never FCR;</li>
 *   <li>confirmed after a call and a check-in email: not FCR, one follow-up;</li>
 *   <li>silence: reminder, TAM, three strikes, unresponsive closure: never FCR;</li>
 *   <li>resolved in the first contact but reopened within the window, then closed again: not FCR.</li>
 * </ol>
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"local", "test"})
class MetricsEndToEndTest {

  private static final Pattern SURVEY_LINK = Pattern.compile("https?://\\S+/survey/([A-Za-z0-9_.-]+)\\?rating=(\\d)");

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void sixCasesWithKnownOutcomes_theSameFiguresInJsonCsvAndPrometheus() throws Exception {
    lifecycle.mondayMorning();
    ProcessInstance fcr = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance fcrSeverityA = lifecycle.open(aCase(c -> severity(Lifecycle.premierWithTam(c), Severity.A)));
    ProcessInstance byCustomer = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance afterFollowUp = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance unresponsive = lifecycle.open(aCase(Lifecycle::premierWithTam));
    ProcessInstance reopened = lifecycle.open(aCase(UnaryOperator.identity()));
    List<ProcessInstance> all = List.of(fcr, fcrSeverityA, byCustomer, afterFollowUp, unresponsive, reopened);

    // every FQR goes 90 minutes after opening: severity A's target (1 hour, around the clock) is missed
    lifecycle.timePassesUntil(berlin("2026-11-23T11:30"));
    for (ProcessInstance instance : all) {
      lifecycle.sendFirstQualityResponse(instance);
    }
    for (ProcessInstance instance : List.of(fcr, fcrSeverityA, byCustomer, afterFollowUp, reopened)) {
      lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    }
    lifecycle.writeStatus(unresponsive, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());

    for (ProcessInstance instance : List.of(fcr, fcrSeverityA, reopened)) {
      closeConfirmed(instance, CustomerAnswer.CONFIRMED);
    }
    closeConfirmed(byCustomer, CustomerAnswer.RESOLVED_BY_CUSTOMER);

    // Tuesday: no word on case 4, the call finds nobody, the check-in email goes; then the customer confirms
    lifecycle.timePassesUntil(berlin("2026-11-24T11:30"));
    lifecycle.call(afterFollowUp, CALL_ABOUT_SOLUTION, CallOutcome.NO_ANSWER);
    closeConfirmed(afterFollowUp, CustomerAnswer.CONFIRMED);
    // case 6 comes back within the reopen window, and closes again
    lifecycle.timePassesUntil(berlin("2026-11-24T12:00"));
    assertThat(lifecycle.customerReplies(reopened, "It broke again last night."))
        .isEqualTo(dev.followthrough.casework.HandledAs.REOPENED);
    ProcessInstance secondRound = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reopened.getBusinessKey()).singleResult();
    lifecycle.writeStatus(secondRound, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    closeConfirmed(secondRound, CustomerAnswer.CONFIRMED);

    // case 5: the reminder, the TAM, three strikes, the unresponsive closure
    lifecycle.timePassesUntil(berlin("2026-11-26T11:30"));
    lifecycle.timePassesUntil(berlin("2026-12-01T11:30"));
    Task tam = lifecycle.task(unresponsive, REACH_OUT_TO_TAM);
    lifecycle.complete(tam, lifecycle.draftWith(tam, "We have not heard back since our reminder on Thursday."));
    for (String day : List.of("2026-12-04T11:30", "2026-12-09T11:30", "2026-12-14T11:30", "2026-12-17T11:30")) {
      lifecycle.timePassesUntil(berlin(day));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(unresponsive.getId()).count())
        .as("case 5 closed as unresponsive").isZero();
    assertThat(lifecycle.lastEmail(unresponsive).subject()).as("the unresponsive closure").isNotNull();
    assertThat(lifecycle.emails(unresponsive)).as("no survey on an unresponsive closure")
        .noneMatch(email -> email.text().contains("/survey/"));

    // ---- the survey: case 1 rates 5 and comments, case 3 rates 2 (dissatisfied)
    Map<Integer, String> fcrLinks = surveyLinks(fcr);
    assertThat(fcrLinks).containsOnlyKeys(1, 2, 3, 4, 5);
    String fcrToken = token(fcrLinks.get(5));
    String page = mvc.perform(get("/survey/" + fcrToken).param("rating", "5")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("value=\"5\" checked").contains(fcr.getBusinessKey());
    assertThat(answers()).as("opening the link (a mail scanner may) records nothing").isZero();

    assertThat(mvc.perform(post("/survey/" + fcrToken).param("rating", "5")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString()).contains("Thank you").contains("textarea");
    assertThat(mvc.perform(post("/survey/" + fcrToken).param("rating", "1")).andExpect(status().isConflict())
        .andReturn().getResponse().getContentAsString()).as("answered twice").contains("answered already");
    mvc.perform(post("/survey/" + fcrToken + "/comment").param("comment", "Quick and clear, thank you."))
        .andExpect(status().isOk());
    mvc.perform(get("/survey/" + fcrToken)).andExpect(status().isOk());
    String tampered = fcrToken.substring(0, fcrToken.length() - 3) + "AAA";
    mvc.perform(post("/survey/" + tampered).param("rating", "1")).andExpect(status().isBadRequest());
    mvc.perform(get("/survey/not-a-token").param("rating", "1")).andExpect(status().isBadRequest());
    assertThat(jdbc.queryForObject("select rating from ft_survey_answer where case_number = ?", Integer.class,
        fcr.getBusinessKey())).as("the replay and the tampered token changed nothing").isEqualTo(5);
    assertThat(jdbc.queryForObject("select answer_comment from ft_survey_answer where case_number = ?", String.class,
        fcr.getBusinessKey())).isEqualTo("Quick and clear, thank you.");

    mvc.perform(post("/survey/" + token(surveyLinks(byCustomer).get(2))).param("rating", "2")).andExpect(status().isOk());
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("technical-advisors")
        .processVariableValueEquals("caseNumber", byCustomer.getBusinessKey()).count()
        + engine.getTaskService().createTaskQuery().taskCandidateGroup("technical-advisors")
        .taskVariableValueEquals("caseNumber", byCustomer.getBusinessKey()).count())
        .as("a low rating gives the technical advisors a task (R15)").isEqualTo(1);
    assertThat(answers()).isEqualTo(2);

    // ---- JSON
    JsonNode metrics = json.readTree(mvc.perform(get("/api/metrics").param("from", "2026-11-01").param("to", "2026-12-31")
        .param("segment", "severity")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    JsonNode overall = metrics.get("overall");
    assertThat(overall.get("closed").asLong()).isEqualTo(6);
    assertThat(overall.get("closedWithApproval").asLong()).isEqualTo(5);
    assertThat(overall.get("firstContactResolutions").asLong()).isEqualTo(2);
    assertThat(overall.get("fcrRate").asDouble()).isEqualTo(2.0 / 6);
    assertThat(overall.get("fcrRateOfApproved").asDouble()).isEqualTo(2.0 / 5);
    assertThat(overall.get("unresponsiveClosures").asLong()).isEqualTo(1);
    assertThat(overall.get("resolvedByCustomer").asLong()).isEqualTo(1);
    assertThat(overall.get("firstResponseMedianBusinessHours").asDouble()).isEqualTo(1.5);
    assertThat(overall.get("firstResponseP90BusinessHours").asDouble()).isEqualTo(1.5);
    assertThat(overall.get("firstResponseTargetHitRate").asDouble()).isEqualTo(5.0 / 6);
    assertThat(json.convertValue(overall.get("firstResponseDistribution"), long[].class)).containsExactly(0, 6, 0, 0, 0, 0);
    // case 4: the check-in email; case 5: the reminder, the TAM outreach and three strikes
    assertThat(overall.get("followUpsPerCase").asDouble()).isEqualTo(6.0 / 6);
    assertThat(json.convertValue(overall.get("strikesFunnel"), long[].class)).containsExactly(5, 0, 0, 1);
    assertThat(overall.get("reopened").asLong()).isEqualTo(1);
    assertThat(overall.get("reopenRate").asDouble()).isEqualTo(1.0 / 6);
    assertThat(overall.get("dissatisfied").asLong()).isEqualTo(1);
    assertThat(overall.get("surveyAnswers").asLong()).isEqualTo(2);
    assertThat(overall.get("satisfactionAverage").asDouble()).isEqualTo(3.5);
    assertThat(overall.get("satisfiedRate").asDouble()).isEqualTo(0.5);
    assertThat(overall.get("resolutionMedianHours").asDouble()).isPositive();
    assertThat(metrics.get("definitions").findValuesAsText("figure")).contains("firstContactResolutions", "fcrRate");
    JsonNode bySeverity = metrics.get("segments");
    assertThat(bySeverity).hasSize(2);
    assertThat(bySeverity.get(0).get("segment").asText()).isEqualTo("A");
    assertThat(bySeverity.get(0).get("closed").asLong()).isEqualTo(1);
    assertThat(bySeverity.get(0).get("firstContactResolutions").asLong()).isEqualTo(1);
    assertThat(bySeverity.get(0).get("firstResponseTargetHitRate").asDouble()).isEqualTo(0.0);
    assertThat(bySeverity.get(1).get("segment").asText()).isEqualTo("B");
    assertThat(bySeverity.get(1).get("closed").asLong()).isEqualTo(5);
    assertThat(bySeverity.get(1).get("firstContactResolutions").asLong()).isEqualTo(1);
    assertThat(bySeverity.get(1).get("firstResponseTargetHitRate").asDouble()).isEqualTo(1.0);

    JsonNode byWeek = segments("week");
    assertThat(byWeek).hasSize(2);
    assertThat(byWeek.get(0).get("segment").asText()).isEqualTo("2026-11-23");
    assertThat(byWeek.get(0).get("closed").asLong()).isEqualTo(5);
    assertThat(byWeek.get(0).get("firstContactResolutions").asLong()).isEqualTo(2);
    assertThat(byWeek.get(1).get("segment").asText()).isEqualTo("2026-12-14");
    assertThat(byWeek.get(1).get("unresponsiveClosures").asLong()).isEqualTo(1);
    JsonNode byTier = segments("tier");
    assertThat(byTier.get(0).get("segment").asText()).isEqualTo("PREMIER");
    assertThat(byTier.get(0).get("closed").asLong()).isEqualTo(2);
    assertThat(byTier.get(1).get("closed").asLong()).isEqualTo(4);
    assertThat(segments("team").get(0).get("segment").asText()).isEqualTo("Data Platform");
    assertThat(segments("product").get(0).get("segment").asText()).isEqualTo("Data Pipelines");
    assertThat(segments("engineer").get(0).get("closed").asLong()).isEqualTo(6);
    assertThat(json.readTree(mvc.perform(get("/api/metrics").param("from", "2026-12-01").param("to", "2026-12-31"))
        .andReturn().getResponse().getContentAsString()).get("overall").get("closed").asLong())
        .as("the range counts the closing day").isEqualTo(1);

    // ---- bad parameters: 400 naming each field
    JsonNode refused = json.readTree(mvc.perform(get("/api/metrics").param("from", "last week").param("segment", "customer"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
    assertThat(refused.get("fields").has("from")).isTrue();
    assertThat(refused.get("fields").has("segment")).isTrue();

    // ---- CSV, read back with the CSV library
    String csv = mvc.perform(get("/api/metrics/export.csv").param("from", "2026-11-01").param("to", "2026-12-31")
        .param("segment", "severity")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv)).getRecords();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get("segment")).isEqualTo("B");
    assertThat(rows.get(1).get("closed")).isEqualTo("5");
    assertThat(rows.get(1).get("firstContactResolutions")).isEqualTo("1");
    assertThat(Double.parseDouble(rows.get(1).get("fcrRate"))).isEqualTo(0.2);
    assertThat(rows.get(1).get("strikesReached3")).isEqualTo("1");

    // ---- Prometheus: severity and tier only
    String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
    assertThat(scrape)
        .contains("followthrough_cases_closed{severity=\"A\",tier=\"PREMIER\"} 1.0")
        .contains("followthrough_cases_closed{severity=\"B\",tier=\"STANDARD\"} 4.0")
        .contains("followthrough_cases_closed{severity=\"B\",tier=\"PREMIER\"} 1.0")
        .contains("followthrough_fcr_cases{severity=\"A\",tier=\"PREMIER\"} 1.0")
        .contains("followthrough_fcr_cases{severity=\"B\",tier=\"STANDARD\"} 1.0")
        .contains("followthrough_unresponsive_closures{severity=\"B\",tier=\"PREMIER\"} 1.0")
        .doesNotContain(fcr.getBusinessKey()).doesNotContain("engineer=");
    System.out.println("[metrics] " + overall);
  }

  private JsonNode segments(String segment) throws Exception {
    return json.readTree(mvc.perform(get("/api/metrics").param("from", "2026-11-01").param("to", "2026-12-31")
        .param("segment", segment)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("segments");
  }

  private void closeConfirmed(ProcessInstance instance, CustomerAnswer answer) {
    lifecycle.customerReplies(instance, "That fixed it, thank you. You can close the case.");
    lifecycle.answer(instance, answer, "Dana Whitfield");
    lifecycle.writeLastQualityResponse(instance);
  }

  private Map<Integer, String> surveyLinks(ProcessInstance instance) {
    String lqr = lifecycle.lastEmail(instance).text();
    Map<Integer, String> links = new java.util.TreeMap<>();
    Matcher link = SURVEY_LINK.matcher(lqr);
    while (link.find()) {
      links.put(Integer.parseInt(link.group(2)), link.group(0));
    }
    return links;
  }

  private static String token(String link) {
    Matcher matcher = SURVEY_LINK.matcher(link);
    assertThat(matcher.matches()).isTrue();
    return matcher.group(1);
  }

  private long answers() {
    return jdbc.queryForObject("select count(*) from ft_survey_answer", Long.class);
  }

  private static NewCase severity(NewCase c, Severity severity) {
    return new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(), severity, c.product(), c.customerName(),
        c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(), c.customerRegion(),
        c.customerLanguage(), c.preferredChannel(), c.customerTier(), c.tamName(), c.tamEmail(), c.engineerId());
  }
}
