package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.*;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.NewCase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
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
  @Autowired Policy policy;
  @Autowired TimerRecalculation timers;
  @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
  org.springframework.mail.javamail.JavaMailSenderImpl mailSender;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired dev.followthrough.casework.SupportCases cases;
  @Autowired dev.followthrough.mail.OutboxLedger ledger;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
    org.mockito.Mockito.reset(mailSender);
  }

  // ------------------------------------------------------------------ the paths

  @Test
  void fqrByEmail_resolutionProvided_customerConfirms_lastQualityResponseClosesTheCase() {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    assertThat(instance).isWaitingAt(PREPARE_FQR);

    lifecycle.sendFirstQualityResponse(instance);
    Lifecycle.Email fqr = lifecycle.lastEmail(instance);
    assertThat(fqr.to()).containsExactly(CUSTOMER);
    assertThat(fqr.cc()).contains(ARCHIVE);
    assertThat(fqr.subject()).contains(instance.getBusinessKey());
    assertThat(fqr.text()).startsWith("Hello Dana Whitfield").contains("I checked the export logs")
        .contains("Erin Engineer").contains("Manager: Morgan Manager");
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);

    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    assertThat(instance).isWaitingAt(SOLUTION_CALL_DUE);

    lifecycle.timePassesUntil(berlin("2026-11-23T15:00"));
    lifecycle.customerReplies(instance, "That fixed it, thank you. You can close the case.");
    assertThat(instance).isWaitingAt(REVIEW_CUSTOMER_ANSWER);

    lifecycle.answer(instance, CustomerAnswer.CONFIRMED, "Dana Whitfield");
    assertThat(instance).isWaitingAt(PREPARE_LQR);
    lifecycle.writeLastQualityResponse(instance);

    assertThat(instance).isEnded().hasPassed(CLOSED_RESOLVED);
    assertThat(lifecycle.emails(instance)).extracting(Lifecycle.Email::subject).hasSize(3);
    Lifecycle.Email lqr = lifecycle.lastEmail(instance);
    assertThat(lqr.text()).contains("Dana");
    assertThat(lqr.inReplyTo()).as("the LQR continues the case's thread")
        .isEqualTo(lifecycle.emails(instance).get(1).messageId());
    assertThat(lqr.references()).as("the thread starts at the FQR").startsWith(fqr.messageId())
        .endsWith(lifecycle.emails(instance).get(1).messageId());
    // case, process instance, send task and the id of the job that sent it (the same for every retry)
    assertThat(fqr.messageId()).matches(java.util.regex.Pattern.quote("<" + instance.getBusinessKey() + "."
        + instance.getId().replaceAll("[^A-Za-z0-9.-]", ".") + ".Task.SendFirstQualityResponse.")
        + "[A-Za-z0-9.-]+@followthrough\\.local>");
    var closed = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(closed.open()).isFalse();
    assertThat(closed.approvalBy()).isEqualTo("Dana Whitfield");
    assertThat(closed.approvalAt()).isEqualTo(berlin("2026-11-23T15:00"));
    assertThat(closed.firstResponseChannel()).isEqualTo("EMAIL");
  }


  @Test
  void fqrByCall_thenTheEmailWithWhatWeDiscussed_laterACallThatReachesTheCustomer() {
    ProcessInstance instance = lifecycle.open(aCase(Lifecycle::prefersPhone));
    lifecycle.sendFirstQualityResponse(instance);
    assertThat(instance).isWaitingAt(CALL_FOR_FQR);
    assertThat(lifecycle.emails(instance)).as("no email before the call").isEmpty();

    lifecycle.call(instance, CALL_FOR_FQR, CallOutcome.REACHED);
    assertThat(lifecycle.lastEmail(instance).text()).contains("I checked the export logs");
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().firstResponseChannel()).isEqualTo("PHONE");

    lifecycle.timePassesUntil(berlin("2026-11-23T14:00"));
    lifecycle.writeStatus(instance, CaseStanding.NEEDS_CALL, Map.of());
    assertThat(instance).isWaitingAt(CALL_CUSTOMER);
    lifecycle.call(instance, CALL_CUSTOMER, CallOutcome.REACHED);

    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).as("FQR and one status email; no email after a call that got through")
        .hasSize(2);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().lastSuccessfulContactAt())
        .isEqualTo(berlin("2026-11-23T14:00"));
  }

  @Test
  void pendingCustomerInformation_followUpOnTheCustomersDate_replyReturnsToTheStatusEmail() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of("customerFollowUpDate", "2026-11-30"));

    assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
    assertThat(lifecycle.nextTimer(instance)).as("when the customer's business hours open that day")
        .isEqualTo(berlin("2026-11-30T09:00"));

    lifecycle.timePassesUntil(berlin("2026-11-25T09:30"));
    lifecycle.customerReplies(instance, "Here are the logs you asked for.");

    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).as("no reminder: the customer answered first").hasSize(2);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().lastSuccessfulContactAt())
        .isEqualTo(berlin("2026-11-25T09:30"));
  }

  @Test
  void theCustomersDate_holdsForItsOwnRoundOnly() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of("customerFollowUpDate", "2026-12-04"));
    lifecycle.customerReplies(instance, "I found part of the logs; the rest comes next week.");

    assertThat(lifecycle.variables(lifecycle.task(instance, PREPARE_STATUS_UPDATE)))
        .as("the status form asks for a new date").containsEntry("customerFollowUpDate", null);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(lifecycle.nextTimer(instance)).as("3 business days after this status email, not the earlier round's date")
        .isEqualTo(berlin("2026-11-26T10:00"));
  }

  @Test
  void pendingCustomerInformation_silence_reachOutToTheTam_threeStrikes_unresponsiveClosure() {
    ProcessInstance instance = lifecycle.open(aCase(Lifecycle::premierWithTam));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(lifecycle.nextTimer(instance)).as("3 business days").isEqualTo(berlin("2026-11-26T10:00"));

    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    assertThat(lifecycle.lastEmail(instance).subject()).contains(instance.getBusinessKey());
    assertThat(lifecycle.emails(instance)).as("the reminder").hasSize(3);
    assertThat(lifecycle.nextTimer(instance)).as("3 business days after the reminder").isEqualTo(berlin("2026-12-01T10:00"));

    lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));
    assertThat(instance).as("no answer to the reminder: the unresponsive path").isWaitingAt(REACH_OUT_TO_TAM);
    Task tam = lifecycle.task(instance, REACH_OUT_TO_TAM);
    lifecycle.complete(tam, lifecycle.draftWith(tam, "We have not heard back since our reminder on Thursday."));
    Lifecycle.Email toTam = lifecycle.lastEmail(instance);
    assertThat(toTam.to()).containsExactly("terry.account@tam.example");
    assertThat(toTam.cc()).contains(MANAGER, ARCHIVE);
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-12-04T10:00"));

    lifecycle.timePassesUntil(berlin("2026-12-04T10:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_ONE);
    Lifecycle.Email strikeOne = lifecycle.lastEmail(instance);
    assertThat(strikeOne.to()).containsExactly(CUSTOMER);
    assertThat(strikeOne.cc()).as("TAM and manager copied on the unresponsive path")
        .contains("terry.account@tam.example", MANAGER, ARCHIVE);

    lifecycle.timePassesUntil(berlin("2026-12-09T10:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_TWO);
    lifecycle.timePassesUntil(berlin("2026-12-14T10:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_THREE).isWaitingAt(CLOSING_DATE);
    assertThat(lifecycle.lastEmail(instance).text()).contains("Thursday, 17 December 2026");
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-12-17T10:00"));
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().strikesReached()).isEqualTo(3);

    lifecycle.timePassesUntil(berlin("2026-12-17T10:00"));
    assertThat(instance).isEnded().hasPassed(SEND_UNRESPONSIVE_CLOSURE, CLOSED_UNRESPONSIVE);
    Lifecycle.Email closure = lifecycle.lastEmail(instance);
    assertThat(closure.cc()).contains("terry.account@tam.example", MANAGER);
    assertThat(closure.text()).contains("Morgan Manager");
    var closed = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(closed.closureReason()).isEqualTo(dev.followthrough.cases.ClosureReason.UNRESPONSIVE);
    assertThat(closed.approvalBy()).as("the unresponsive path closes without approval (R12)").isNull();
    assertThat(closed.closedAt()).isAfterOrEqualTo(closed.lastSuccessfulContactAt().plus(java.time.Duration.ofDays(14)));
  }

  @Test
  void pendingCustomerInformation_remindsAsOftenAsThePolicySays() {
    int usual = policy.getPendingInformationReminders();
    policy.setPendingInformationReminders(2);
    try {
      ProcessInstance instance = lifecycle.open(standardCase());
      lifecycle.sendFirstQualityResponse(instance);
      lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
      lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
      assertThat(instance).as("a second reminder is due").isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
      assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-12-01T10:00"));
      lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));
      assertThat(lifecycle.emails(instance)).as("FQR, status, two reminders").hasSize(4);
      assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
      lifecycle.timePassesUntil(berlin("2026-12-04T10:00"));
      assertThat(lifecycle.emails(instance)).as("then strike 1").hasSize(5);
      assertThat(instance).isWaitingAt(AFTER_STRIKE_ONE);
    } finally {
      policy.setPendingInformationReminders(usual);
    }
  }

  @Test
  void customerUnresponsive_replyDuringStrikeTwo_resetsTheStrikes() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    assertThat(instance).as("no TAM: strike 1 right away").hasPassed(SEND_STRIKE_ONE).isWaitingAt(AFTER_STRIKE_ONE);

    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_TWO).isWaitingAt(AFTER_STRIKE_TWO);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().strikesReached()).isEqualTo(2);

    lifecycle.timePassesUntil(berlin("2026-11-27T11:00"));
    lifecycle.customerReplies(instance, "Sorry, I was travelling. The problem is still there.");
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    var afterReply = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(afterReply.strikesReached()).isZero();
    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .contains(dev.followthrough.cases.TimelineEvent.STRIKES_RESET);

    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    assertThat(instance).as("the strikes start over").isWaitingAt(AFTER_STRIKE_ONE);
    assertThat(lifecycle.emails(instance).stream().filter(email -> email.subject().contains("Case"))
        .count()).isEqualTo(lifecycle.emails(instance).size());
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().strikesReached()).isEqualTo(1);
  }

  @Test
  void twoWeekRule_pushesTheClosingDateBeyondTheStrikeInterval() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));

    assertThat(instance).hasPassed(SEND_STRIKE_THREE).isWaitingAt(CLOSING_DATE);
    assertThat(lifecycle.nextTimer(instance))
        .as("14 days after the last contact (Mon 23 Nov), later than 3 business days after strike 3 (Fri 4 Dec)")
        .isEqualTo(berlin("2026-12-07T10:00"));
    assertThat(lifecycle.lastEmail(instance).text()).contains("Monday, 7 December 2026");

    lifecycle.timePassesUntil(berlin("2026-12-04T10:00"));
    assertThat(instance).as("not closed before its 14 days").isWaitingAt(CLOSING_DATE);
    lifecycle.timePassesUntil(berlin("2026-12-07T10:00"));
    assertThat(instance).isEnded().hasPassed(CLOSED_UNRESPONSIVE);
  }

  @Test
  void customerAway_theFirstStrikeWaitsUntilTheyAreBack() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    cases.customerAway(instance.getBusinessKey(), java.time.LocalDate.parse("2026-11-30"));
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());

    assertThat(instance).isWaitingAt(STRIKE_ONE_IN_BUSINESS_HOURS);
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-11-30T09:00"));
    lifecycle.timePassesUntil(berlin("2026-11-30T09:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_ONE).isWaitingAt(AFTER_STRIKE_ONE);
  }

  @Test
  void customerAwayAfterStrikeThree_theCaseClosesWhenTheyAreBack() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));
    assertThat(instance).isWaitingAt(CLOSING_DATE);
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-12-07T10:00"));

    cases.customerAway(instance.getBusinessKey(), java.time.LocalDate.parse("2026-12-10"));
    assertThat(lifecycle.nextTimer(instance)).as("not closed while the customer is away")
        .isEqualTo(berlin("2026-12-10T09:00"));
    lifecycle.timePassesUntil(berlin("2026-12-07T10:00"));
    assertThat(instance).isWaitingAt(CLOSING_DATE);
    lifecycle.timePassesUntil(berlin("2026-12-10T09:00"));
    assertThat(instance).isEnded().hasPassed(CLOSED_UNRESPONSIVE);
  }

  @Test
  void pendingInternalResearch_caseComesBackBeforeThePromise_managerToldWhenItIsMissed() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_INTERNAL_RESEARCH, Map.of("nextUpdateAt", "2026-11-27T15:00"));

    assertThat(lifecycle.lastEmail(instance).text())
        .contains("My next update will reach you by Friday, 27 November 2026 at 15:00");
    assertThat(instance).isWaitingAt(PROMISED_UPDATE_DUE);
    assertThat(lifecycle.nextTimer(instance)).as("one business day ahead").isEqualTo(berlin("2026-11-26T15:00"));

    lifecycle.timePassesUntil(berlin("2026-11-26T15:00"));
    Task update = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    assertThat(update.getDueDate().toInstant()).isEqualTo(berlin("2026-11-27T15:00"));
    assertThat(update.getName()).contains(instance.getBusinessKey()).contains("Dana Whitfield");
    assertThat(lifecycle.variables(update)).as("the form asks afresh where the case stands")
        .containsEntry("caseStanding", null);

    lifecycle.timePassesUntil(berlin("2026-11-27T15:00"));
    Lifecycle.Email overdue = lifecycle.lastEmail(instance);
    assertThat(overdue.to()).containsExactly(MANAGER);
    assertThat(overdue.cc()).contains("erin.engineer@followthrough.local");
    assertThat(instance).hasPassed(TELL_MANAGER_UPDATE_OVERDUE).isWaitingAt(PREPARE_STATUS_UPDATE);

    lifecycle.writeStatus(instance, CaseStanding.PENDING_INTERNAL_RESEARCH, Map.of("nextUpdateAt", "2026-12-03T12:00"));
    lifecycle.timePassesUntil(berlin("2026-11-30T09:00"));
    lifecycle.customerReplies(instance, "Any news? We have a deadline on Thursday.");
    assertThat(instance).as("a reply brings the case back early").isWaitingAt(PREPARE_STATUS_UPDATE);
  }

  @Test
  void upsetCustomer_callLeavesAVoicemail_emailSaysWeCalledWithNextSteps() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.NEEDS_CALL, Map.of());

    lifecycle.call(instance, CALL_CUSTOMER, CallOutcome.VOICEMAIL);
    Lifecycle.Email voicemail = lifecycle.lastEmail(instance);
    assertThat(voicemail.to()).containsExactly(CUSTOMER);
    assertThat(voicemail.text()).contains("tried to reach you by phone").contains("renewing the client certificate");
    assertThat(instance).hasPassed(SEND_VOICEMAIL_FOLLOW_UP).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().lastSuccessfulContactAt())
        .as("a voicemail is not a successful contact").isEqualTo(berlin("2026-11-23T10:00"));
  }

  @Test
  void resolutionProvided_noReply_callNotReached_email_dailyFollowUps_thenTheStrikes() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    assertThat(lifecycle.nextTimer(instance)).as("1 business day").isEqualTo(berlin("2026-11-24T10:00"));

    lifecycle.timePassesUntil(berlin("2026-11-24T10:00"));
    lifecycle.call(instance, CALL_ABOUT_SOLUTION, CallOutcome.NO_ANSWER);
    assertThat(instance).hasPassed(SEND_SOLUTION_CHECK_IN).isWaitingAt(DAILY_FOLLOW_UP);
    assertThat(lifecycle.emails(instance)).hasSize(3);

    lifecycle.timePassesUntil(berlin("2026-11-25T10:00"));
    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-11-27T10:00"));
    lifecycle.timePassesUntil(berlin("2026-11-27T10:00"));
    assertThat(lifecycle.emails(instance)).as("three daily follow-ups").hasSize(6);
    assertThat(lifecycle.nextTimer(instance)).as("the weekend is skipped").isEqualTo(berlin("2026-11-30T10:00"));

    lifecycle.timePassesUntil(berlin("2026-11-30T10:00"));
    assertThat(instance).hasPassed(SEND_STRIKE_ONE).isWaitingAt(AFTER_STRIKE_ONE);
    assertThat(lifecycle.emails(instance)).hasSize(7);
  }

  @Test
  void resolutionProvided_customerFixedItThemselves_lqrAsksWhatTheyChanged() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    lifecycle.customerReplies(instance, "I changed the proxy setting myself and it works now. Please close.");

    lifecycle.answer(instance, CustomerAnswer.RESOLVED_BY_CUSTOMER, "Dana Whitfield");
    Task lqr = lifecycle.task(instance, PREPARE_LQR);
    assertThat((String) lifecycle.variables(lqr).get("draftBody")).as("the resolved-by-customer draft").isNotBlank();
    lifecycle.writeLastQualityResponse(instance);

    assertThat(instance).isEnded().hasPassed(CLOSED_RESOLVED_BY_CUSTOMER);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().closureReason())
        .isEqualTo(dev.followthrough.cases.ClosureReason.RESOLVED_BY_CUSTOMER);

    lifecycle.timePassesUntil(berlin("2026-12-21T10:00"));
    assertThat(lifecycle.customerReplies(instance, "One more question about the proxy."))
        .as("a reply long after closing is kept and shown to the engineer")
        .isEqualTo(dev.followthrough.casework.HandledAs.AFTER_CLOSURE);
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("engineer")
        .taskNameLike("Reply after closing · " + instance.getBusinessKey() + "%").count()).isEqualTo(1);
  }

  @Test
  void aReplySoonAfterClosing_reopensTheCaseAtTheStatusEmail() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    lifecycle.customerReplies(instance, "Works, please close.");
    lifecycle.answer(instance, CustomerAnswer.CONFIRMED, "Dana Whitfield");
    lifecycle.writeLastQualityResponse(instance);
    assertThat(instance).isEnded();

    lifecycle.timePassesUntil(berlin("2026-11-30T11:00"));
    assertThat(lifecycle.customerReplies(instance, "It broke again last night."))
        .isEqualTo(dev.followthrough.casework.HandledAs.REOPENED);
    ProcessInstance reopened = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
    assertThat(reopened).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.variables(lifecycle.task(reopened, PREPARE_STATUS_UPDATE)))
        .containsEntry("lastReplyText", "It broke again last night.").containsEntry("customerName", "Dana Whitfield");
    var theCase = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(theCase.open()).isTrue();
    assertThat(jdbc.queryForObject("select reopened_count from ft_case where case_number = ?", Integer.class,
        instance.getBusinessKey())).isEqualTo(1);
    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .contains(dev.followthrough.cases.TimelineEvent.CASE_REOPENED);
  }

  @Test
  void resolutionProvided_customerReachedOnTheCall_butNotResolvedYet_backToTheStatusEmail() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of("customerFollowUpDate", "2026-11-26"));
    assertThat(lifecycle.nextTimer(instance)).as("the customer's own date, as their business hours open")
        .isEqualTo(berlin("2026-11-26T09:00"));

    lifecycle.timePassesUntil(berlin("2026-11-26T09:00"));
    lifecycle.call(instance, CALL_ABOUT_SOLUTION, CallOutcome.REACHED);
    assertThat(instance).isWaitingAt(REVIEW_CUSTOMER_ANSWER);

    lifecycle.answer(instance, CustomerAnswer.NOT_RESOLVED, null);
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
  }

  @Test
  void dissatisfiedCustomer_advisorsGetATask_tamIsTold_lifecycleGoesOn() {
    ProcessInstance instance = lifecycle.open(aCase(Lifecycle::premierWithTam));
    cases.flagDissatisfied(instance.getBusinessKey(), "Third escalation this week; the customer asked for a manager.");
    lifecycle.runDueJobs();

    Lifecycle.Email alert = lifecycle.lastEmail(instance);
    assertThat(alert.to()).containsExactly("technical-advisors@followthrough.local");
    assertThat(alert.cc()).contains("terry.account@tam.example", MANAGER);
    Task review = lifecycle.task(instance, REVIEW_DISSATISFIED_CUSTOMER);
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId())
        .taskCandidateGroup("technical-advisors").count()).isEqualTo(1);
    assertThat(instance).as("the lifecycle does not stop").isWaitingAt(PREPARE_FQR, REVIEW_DISSATISFIED_CUSTOMER);

    lifecycle.complete(review, Map.of("advisorNotes", "Recovery call booked for tomorrow.", "recoveryCallOffered", true));
    assertThat(instance).isWaitingAt(PREPARE_FQR);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().dissatisfied()).isTrue();
  }

  @Test
  void replyWhileNoStepWaits_isShownToTheEngineerAsATask() {
    ProcessInstance instance = lifecycle.open(standardCase());
    assertThat(lifecycle.customerReplies(instance, "I forgot to mention: it also fails on staging."))
        .isEqualTo(dev.followthrough.casework.HandledAs.SHOWN_AS_TASK);

    Task read = lifecycle.task(instance, READ_CUSTOMER_REPLY);
    assertThat(lifecycle.variables(read)).containsEntry("lastReplyText", "I forgot to mention: it also fails on staging.");
    lifecycle.complete(read, Map.of("replyAcknowledged", true));
    assertThat(instance).isWaitingAt(PREPARE_FQR);
  }

  // ------------------------------------------------------------------ contact policy (R14, R17)

  @Test
  void aStatusEmailWrittenAfterHours_waitsForTheCustomersBusinessHours() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.timePassesUntil(berlin("2026-11-27T19:30"));

    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(instance).as("Friday evening: the email waits").isWaitingAt(STATUS_IN_BUSINESS_HOURS);
    assertThat(emailsToTheCustomer(instance)).hasSize(1);
    assertThat(lifecycle.nextTimer(instance)).as("Monday's opening").isEqualTo(berlin("2026-11-30T09:00"));

    lifecycle.timePassesUntil(berlin("2026-11-30T09:00"));
    assertThat(emailsToTheCustomer(instance)).hasSize(2);
    assertThat(ledger.lastSentAt(instance.getBusinessKey(), java.util.List.of("status-update")).orElseThrow()).isEqualTo(berlin("2026-11-30T09:00"));
    assertThat(lifecycle.nextTimer(instance)).as("3 business days after the email went")
        .isEqualTo(berlin("2026-12-03T09:00"));
  }

  @Test
  void aPromisedUpdate_mustComeAfterTheEmailThatPromisesIt() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.timePassesUntil(berlin("2026-11-27T19:30"));

    assertThatThrownBy(() -> lifecycle.writeStatus(instance, CaseStanding.PENDING_INTERNAL_RESEARCH,
        Map.of("nextUpdateAt", "2026-11-29T12:00")))
        .hasMessageContaining("nextUpdateAt").hasMessageContaining("Monday, 30 November 2026 at 09:00");
    lifecycle.writeStatus(instance, CaseStanding.PENDING_INTERNAL_RESEARCH, Map.of("nextUpdateAt", "2026-12-01T12:00"));
    assertThat(instance).isWaitingAt(STATUS_IN_BUSINESS_HOURS);
  }

  @Test
  void firstResponseTarget_warnsTheEngineer_thenFlagsTheTaskAndTellsTheManager() {
    ProcessInstance instance = lifecycle.open(standardCase());
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    assertThat(fqr.getDueDate().toInstant()).as("severity B: 4 business hours").isEqualTo(berlin("2026-11-23T14:00"));
    assertThat(fqr.getPriority()).isEqualTo(70);

    lifecycle.timePassesUntil(berlin("2026-11-23T13:00"));
    Lifecycle.Email warning = lifecycle.lastEmail(instance);
    assertThat(warning.to()).containsExactly("erin.engineer@followthrough.local");
    assertThat(warning.subject()).contains("due soon");

    lifecycle.timePassesUntil(berlin("2026-11-23T14:00"));
    Lifecycle.Email missed = lifecycle.lastEmail(instance);
    assertThat(missed.to()).containsExactly(MANAGER);
    assertThat(missed.subject()).contains("target missed");
    Task flagged = lifecycle.task(instance, PREPARE_FQR);
    assertThat(flagged.getPriority()).isEqualTo(100);
    assertThat(engine.getTaskService().getVariableLocal(flagged.getId(), "firstResponseTargetMissed")).isEqualTo(true);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().firstResponseTargetMissed()).isTrue();
    assertThat(instance).as("still the engineer's task").isWaitingAt(PREPARE_FQR);
  }

  @Test
  void severityA_firstResponseTargetRunsAroundTheClock() {
    lifecycle.clockAt(berlin("2026-11-28T22:00"));
    ProcessInstance instance = lifecycle.open(aCase(c -> new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(),
        dev.followthrough.cases.Severity.A, c.product(), c.customerName(), c.customerEmail(), c.customerPhone(),
        c.customerTimeZone(), c.customerCountry(), c.customerRegion(), c.customerLanguage(), c.preferredChannel(),
        c.customerTier(), c.tamName(), c.tamEmail(), c.engineerId())));
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    assertThat(fqr.getDueDate().toInstant()).as("Saturday night, one hour later").isEqualTo(berlin("2026-11-28T23:00"));
    assertThat(fqr.getPriority()).isEqualTo(90);
  }

  @Test
  void customerAway_followUpsWaitUntilTheyAreBack() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-11-26T10:00"));

    var moved = cases.customerAway(instance.getBusinessKey(), java.time.LocalDate.parse("2026-12-07"));
    assertThat(moved).extracting(TimerRecalculation.Change::step).contains(INFORMATION_FOLLOW_UP_DUE);
    assertThat(lifecycle.nextTimer(instance)).as("the morning they are back").isEqualTo(berlin("2026-12-07T09:00"));

    lifecycle.timePassesUntil(berlin("2026-12-04T10:00"));
    assertThat(emailsToTheCustomer(instance)).as("no reminder while away").hasSize(2);
    lifecycle.timePassesUntil(berlin("2026-12-07T09:00"));
    assertThat(emailsToTheCustomer(instance)).hasSize(3);
    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .contains(dev.followthrough.cases.TimelineEvent.CUSTOMER_AWAY);
  }

  @Test
  void afterAPolicyChange_waitingFollowUpsAreRecalculatedFromTheirLastEmail() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    lifecycle.timePassesUntil(berlin("2026-11-24T16:00"));

    int usual = policy.getFollowUpIntervalBusinessDays();
    policy.setFollowUpIntervalBusinessDays(5);
    try {
      var moved = timers.recalculateAll("follow-up interval 3 -> 5 business days");
      assertThat(moved).extracting(TimerRecalculation.Change::processInstanceId).contains(instance.getId());
      assertThat(lifecycle.nextTimer(instance)).as("5 business days after the status email of Monday 10:00")
          .isEqualTo(berlin("2026-11-30T10:00"));
    } finally {
      policy.setFollowUpIntervalBusinessDays(usual);
      timers.recalculateAll("back to the usual policy");
    }
  }

  @Test
  void theMailServerRefusesTheAddress_theEngineerCorrectsIt_andTheEmailGoesAgain() {
    ProcessInstance instance = lifecycle.open(standardCase());
    jakarta.mail.internet.InternetAddress[] invalid = {};
    try {
      invalid = new jakarta.mail.internet.InternetAddress[] {
          new jakarta.mail.internet.InternetAddress("dana.whitfield@customer.example")};
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalStateException(e);
    }
    MimeMessage anyMessage = new MimeMessage((jakarta.mail.Session) null);
    doThrow(new MailSendException(Map.of(anyMessage,
        new jakarta.mail.SendFailedException("550 5.1.1 no such user", null, new jakarta.mail.Address[0], invalid, invalid))))
        .doCallRealMethod().when(mailSender).send(any(MimeMessage.class));

    lifecycle.sendFirstQualityResponse(instance);

    assertThat(instance).as("the lifecycle goes on").isWaitingAt(PREPARE_STATUS_UPDATE, CORRECT_CUSTOMER_ADDRESS);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(lifecycle.emails(instance)).isEmpty();
    assertThat(jdbc.queryForObject("select status from ft_outbound_email where case_number = ?", String.class,
        instance.getBusinessKey())).isEqualTo("REJECTED");

    Task correct = lifecycle.task(instance, CORRECT_CUSTOMER_ADDRESS);
    assertThat(lifecycle.variables(correct).get("rejectedEmailBody").toString()).contains("I checked the export logs");
    lifecycle.complete(correct, Map.of("customerEmail", "dana.whitfield@customer-corp.example"));

    assertThat(lifecycle.emails(instance)).hasSize(1);
    assertThat(lifecycle.lastEmail(instance).to()).containsExactly("dana.whitfield@customer-corp.example");
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().customerEmail())
        .isEqualTo("dana.whitfield@customer-corp.example");
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
  }

  // ------------------------------------------------------------------ the rules the server enforces

  @Test
  void fqrGate_rejectsAHandshake_placeholders_andAMissingName() {
    ProcessInstance instance = lifecycle.open(standardCase());
    Task task = lifecycle.task(instance, PREPARE_FQR);
    Map<String, Object> threePs = Map.of("fqrPrepared", true, "fqrPersonalized", true, "fqrProgress", true);

    Map<String, Object> handshake = new HashMap<>(lifecycle.draftWith(task, ""));
    handshake.putAll(threePs);
    assertThatThrownBy(() -> lifecycle.complete(task, handshake)).hasMessageContaining("progress");

    Map<String, Object> placeholders = new HashMap<>(lifecycle.variables(task));
    placeholders.putAll(threePs);
    assertThatThrownBy(() -> lifecycle.complete(task, placeholders)).hasMessageContaining("[[...]]");

    Map<String, Object> noName = new HashMap<>(lifecycle.draftWith(task,
        "Could you send me the time of the last successful run?"));
    noName.put("draftBody", ((String) noName.get("draftBody")).replace("Dana Whitfield", "there").replace("Dana", "there"));
    noName.putAll(threePs);
    assertThatThrownBy(() -> lifecycle.complete(task, noName)).hasMessageContaining("by name");

    Map<String, Object> headerInjection = new HashMap<>(lifecycle.draftWith(task,
        "Could you send me the time of the last successful run?"));
    headerInjection.put("draftSubject", "Case update\r\nBcc: someone@elsewhere.example");
    headerInjection.putAll(threePs);
    assertThatThrownBy(() -> lifecycle.complete(task, headerInjection)).hasMessageContaining("single line");

    Map<String, Object> unconfirmed = new HashMap<>(lifecycle.draftWith(task,
        "Could you send me the time of the last successful run?"));
    assertThatThrownBy(() -> lifecycle.complete(task, unconfirmed)).hasMessageContaining("fqrPrepared");

    assertThat(instance).isWaitingAt(PREPARE_FQR);
    assertThat(lifecycle.emails(instance)).isEmpty();
  }

  @Test
  void closingNeedsTheCustomersExplicitApproval() {
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
    lifecycle.customerReplies(instance, "Looks good.");

    Task review = lifecycle.task(instance, REVIEW_CUSTOMER_ANSWER);
    assertThatThrownBy(() -> lifecycle.complete(review, Map.of("customerAnswer", "CONFIRMED")))
        .hasMessageContaining("approvalBy").hasMessageContaining("approvalChannel");
    assertThat(instance).isWaitingAt(REVIEW_CUSTOMER_ANSWER);
  }

  @Test
  void followUpsSkipWeekendsAndHolidays() {
    lifecycle.clockAt(berlin("2026-12-23T10:00"));
    ProcessInstance instance = lifecycle.open(standardCase());
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());

    assertThat(lifecycle.nextTimer(instance))
        .as("Thu 24 and Fri 25 December are holidays, then the weekend")
        .isEqualTo(berlin("2026-12-28T10:00"));

    lifecycle.timePassesUntil(berlin("2026-12-28T10:00"));
    lifecycle.call(instance, CALL_ABOUT_SOLUTION, CallOutcome.NO_ANSWER);
    lifecycle.timePassesUntil(berlin("2026-12-29T10:00"));
    lifecycle.timePassesUntil(berlin("2026-12-30T10:00"));
    assertThat(lifecycle.nextTimer(instance)).as("New Year's Eve and Day are holidays, then the weekend")
        .isEqualTo(berlin("2027-01-04T10:00"));
  }

  // ------------------------------------------------------------------ how the engineer works

  private java.util.List<Lifecycle.Email> emailsToTheCustomer(ProcessInstance instance) {
    return lifecycle.emails(instance).stream().filter(email -> email.to().contains(CUSTOMER)).toList();
  }

  static NewCase standardCase() {
    return aCase(UnaryOperator.identity());
  }
}
