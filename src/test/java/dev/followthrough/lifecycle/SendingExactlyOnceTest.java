package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.FQR_IN_BUSINESS_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.mail.OutboxLedger;
import dev.followthrough.support.SmtpTransactions;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Transactions on purpose, counted at the mail server (every SMTP delivery, see
 * {@link SmtpTransactions}): a send job that fails after the ledger recorded the email is retried
 * without emailing the customer twice; one that ended between the server's acceptance and the
 * ledger's record is sent again with the same Message-ID, and counted; a mail server that keeps
 * failing ends in an incident Cockpit shows, not a silent loss (R25); a retry that comes due after
 * the customer's business hours waits for the next opening (R14).
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
@ExtendWith(OutputCaptureExtension.class)
class SendingExactlyOnceTest {

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired CaseRecords records;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxLedger ledger;
  @MockitoSpyBean CaseFacts facts;
  @MockitoSpyBean JavaMailSenderImpl mailSender;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
    reset(facts, mailSender);
  }

  @Test
  void aJobRetriedAfterTheServerAcceptedTheEmail_doesNotSendItAgain() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    // the first attempt crashes after the SMTP server accepted the FQR, before the job commits
    doThrow(new IllegalStateException("crash after sending")).doCallRealMethod()
        .when(facts).emailSent(any(), any(), any(), any());

    completeFqr(instance);
    Job send = onlyJob(instance);
    assertThat(attempt(send)).hasMessageContaining("crash after sending");
    assertThat(lifecycle.emails(instance)).as("the server accepted it once").hasSize(1);
    assertThat(instance).as("the job rolled back to its timer").isWaitingAt(FQR_IN_BUSINESS_HOURS);

    lifecycle.timePassesUntil(lifecycle.now().plus(Duration.ofMinutes(2)));

    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).as("the retry did not send it again").hasSize(1);
    assertThat(records.timeline(instance.getBusinessKey()).stream()
        .filter(entry -> entry.type() == TimelineEvent.EMAIL_SENT)).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from ft_outbound_email where case_number = ? and status = 'SENT'",
        Integer.class, instance.getBusinessKey())).isEqualTo(1);
  }

  @Test
  void aMailServerThatKeepsFailing_endsInAnIncidentInCockpit() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    doThrow(new MailSendException("451 try again later")).when(mailSender).send(any(MimeMessage.class));

    completeFqr(instance);
    ManagementService management = engine.getManagementService();
    for (int attempt = 0; attempt < 10 && management.createJobQuery().processInstanceId(instance.getId())
        .noRetriesLeft().count() == 0; attempt++) {
      attempt(onlyJob(instance));
      // the next try when the backoff says, still inside the customer's business hours
      lifecycle.clockAt(onlyJob(instance).getDuedate().toInstant());
    }

    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).list();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getActivityId()).as("the timer whose job sends the FQR").isEqualTo(FQR_IN_BUSINESS_HOURS);
    assertThat(incidents.get(0).getIncidentMessage()).contains("451 try again later");
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
        .failureLog().count()).as("tried five times, backing off 1, 5, 15, 60 minutes").isEqualTo(5);
    assertThat(lifecycle.emails(instance)).isEmpty();
    assertThat(instance).as("the case waits for an operator, nothing is lost").isWaitingAt(FQR_IN_BUSINESS_HOURS);

    doCallRealMethod().when(mailSender).send(any(MimeMessage.class));
    management.setJobRetries(onlyJob(instance).getId(), 1);
    lifecycle.runDueJobs();
    assertThat(instance).as("after the operator retries in Cockpit").isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).hasSize(1);
  }

  @Test
  void anAttemptThatEndedBeforeTheServersAnswerWasRecorded_isSentAgainWithTheSameMessageId_andCounted() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    // the server accepts the FQR, then the node dies before the ledger records it: the row stays SENDING
    doAnswer(call -> {
      call.callRealMethod();
      throw new IllegalStateException("crash after the server accepted it");
    }).doCallRealMethod().when(mailSender).send(any(MimeMessage.class));

    completeFqr(instance);
    assertThat(attempt(onlyJob(instance))).hasMessageContaining("crash after the server accepted it");
    assertThat(jdbc.queryForObject("select status from ft_outbound_email where case_number = ?", String.class,
        instance.getBusinessKey())).isEqualTo("SENDING");
    lifecycle.timePassesUntil(lifecycle.now().plus(Duration.ofMinutes(2)));

    // the rule: sent again, with the same Message-ID, and counted
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    List<SmtpTransactions.Delivery> toTheCustomer = lifecycle.deliveries(instance).stream()
        .filter(delivery -> delivery.recipient().equals("dana.whitfield@customer.example")).toList();
    assertThat(toTheCustomer).as("the server accepted it twice").hasSize(2);
    assertThat(toTheCustomer.get(1).messageId()).isEqualTo(toTheCustomer.get(0).messageId());
    assertThat(jdbc.queryForMap("select status, resent_after_unknown_outcome from ft_outbound_email "
        + "where case_number = ?", instance.getBusinessKey()))
        .containsEntry("STATUS", "SENT").containsEntry("RESENT_AFTER_UNKNOWN_OUTCOME", 1);
    assertThat(ledger.resentAfterUnknownOutcome()).isGreaterThanOrEqualTo(1);
    // and the exactly-once check sees the duplicate delivery and fails
    assertThatThrownBy(() -> lifecycle.emails(instance)).isInstanceOf(AssertionError.class)
        .hasMessageContaining(toTheCustomer.get(0).messageId()).hasMessageContaining("recipient=dana.whitfield@customer.example]=2");
  }

  @Test
  void aSendThatFailsDuringBusinessHours_andComesDueAfterClosing_goesOutAtTheNextOpening(CapturedOutput output) {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    completeFqr(instance);
    // 16:59:30 in Berlin: the mail server is busy; the backoff's first retry comes a minute later, after 17:00
    lifecycle.clockAt(Lifecycle.berlin("2026-11-23T16:59:30"));
    doThrow(new MailSendException("451 try again later")).doCallRealMethod().when(mailSender).send(any(MimeMessage.class));
    assertThat(attempt(onlyJob(instance))).hasMessageContaining("451");
    assertThat(onlyJob(instance).getDuedate().toInstant()).isEqualTo(Lifecycle.berlin("2026-11-23T17:00:30"));
    int retriesLeft = onlyJob(instance).getRetries();

    lifecycle.clockAt(Lifecycle.berlin("2026-11-23T17:01"));
    int logBefore = output.getAll().length();
    assertThat(attempt(onlyJob(instance))).isInstanceOf(ContactWindow.Closed.class);
    assertThat(output.getAll().substring(logBefore)).as("the end of the business day is no error in the log")
        .contains("waits for the customer's business hours").doesNotContain("ERROR")
        .doesNotContain(ContactWindow.Closed.class.getName());
    assertThat(lifecycle.emails(instance)).as("nothing after closing").isEmpty();
    Job waiting = onlyJob(instance);
    assertThat(waiting.getDuedate().toInstant()).as("moved to the customer's next opening")
        .isEqualTo(Lifecycle.berlin("2026-11-24T09:00"));
    assertThat(waiting.getRetries()).as("waiting for the opening uses up no retry").isEqualTo(retriesLeft);
    assertThat(instance).isWaitingAt(FQR_IN_BUSINESS_HOURS);

    lifecycle.timePassesUntil(Lifecycle.berlin("2026-11-24T08:59"));
    assertThat(lifecycle.emails(instance)).as("not before the opening").isEmpty();
    lifecycle.timePassesUntil(Lifecycle.berlin("2026-11-24T09:00"));
    assertThat(lifecycle.emails(instance)).hasSize(1);
    assertThat(ledger.sentFor(instance.getBusinessKey())).singleElement().extracting(OutboxLedger.SentEmail::sentAt)
        .isEqualTo(Lifecycle.berlin("2026-11-24T09:00"));
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /**
   * Completes the FQR task without running any job: Monday 10:00 is inside the customer's business
   * hours, so the contact-window timer is due now, and its job sends the FQR.
   */
  private void completeFqr(ProcessInstance instance) {
    Task task = lifecycle.task(instance, PREPARE_FQR);
    engine.getTaskService().complete(task.getId(), lifecycle.fqrForm(task,
        "I checked the export logs: could you send me the time of the last successful run?"));
    assertThat(instance).isWaitingAt(FQR_IN_BUSINESS_HOURS);
  }

  private Job onlyJob(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Throwable attempt(Job job) {
    try {
      engine.getManagementService().executeJob(job.getId());
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
