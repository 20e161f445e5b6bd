package dev.followthrough.inbound;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.INFORMATION_FOLLOW_UP_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Replies by email (R9, R18, R23): the support mailbox on the embedded IMAP server is read, each
 * message is stored once, classified, and moves the right case.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
@ExtendWith(OutputCaptureExtension.class)
class MailboxIntakeTest {

  private static final String SUPPORT = "support@followthrough.local";
  private static final String CUSTOMER = "dana.whitfield@customer.example";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired MailboxPoller poller;
  @Autowired GreenMail mailServer;
  @Autowired CaseRecords records;
  @Autowired JdbcTemplate jdbc;

  private GreenMailUser supportMailbox;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
    supportMailbox = mailServer.setUser(SUPPORT, SUPPORT, "embedded");
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aReplyByEmail_movesTheWaitingStep_onceEvenWhenDeliveredTwice() throws Exception {
    ProcessInstance instance = waitingForInformation();
    MimeMessage reply = email("<reply-1@customer.example>", "Re: Case " + instance.getBusinessKey() + ": logs",
        "Here are the logs you asked for.", Map.of());

    supportMailbox.deliver(reply);
    supportMailbox.deliver(email("<reply-1@customer.example>", "Re: Case " + instance.getBusinessKey() + ": logs",
        "Here are the logs you asked for.", Map.of()));
    assertThat(poller.pollOnce()).isEqualTo(2);
    lifecycle.runDueJobs();

    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(jdbc.queryForObject("select count(*) from ft_inbound_message where message_id = ?", Integer.class,
        "<reply-1@customer.example>")).isEqualTo(1);
    assertThat(records.timeline(instance.getBusinessKey()).stream()
        .filter(entry -> entry.type() == TimelineEvent.REPLY_RECEIVED)).hasSize(1);
  }

  @Test
  void aReplyWithoutTheCaseNumber_isFoundByItsThreadHeaders() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String ours = lifecycle.lastEmail(instance).messageId();
    supportMailbox.deliver(email("<reply-2@customer.example>", "Re: your email", "The logs are attached.",
        Map.of("In-Reply-To", ours, "References", ours)));

    poller.pollOnce();
    lifecycle.runDueJobs();
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
  }

  @Test
  void anOutOfOfficeReply_isNoResponse_andFollowUpsWaitUntilTheReturnDate() throws Exception {
    ProcessInstance instance = waitingForInformation();
    supportMailbox.deliver(email("<ooo-1@customer.example>", "Automatic reply: Case " + instance.getBusinessKey(),
        "I am out of the office until 7 December 2026 with limited access to email.",
        Map.of("Auto-Submitted", "auto-replied")));

    poller.pollOnce();
    lifecycle.runDueJobs();
    assertThat(instance).as("not a response").isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
    assertThat(lifecycle.nextTimer(instance)).isEqualTo(berlin("2026-12-07T09:00"));
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().lastSuccessfulContactAt())
        .isEqualTo(berlin("2026-11-23T10:00"));
  }

  @Test
  void aBounce_isNoContact_andTheEngineerGetsATask() throws Exception {
    ProcessInstance instance = waitingForInformation();
    supportMailbox.deliver(email("<bounce-1@mx.example>", "Undelivered Mail Returned to Sender",
        "This is the mail system. Your message about case " + instance.getBusinessKey() + " could not be delivered.",
        Map.of("In-Reply-To", lifecycle.lastEmail(instance).messageId())));

    poller.pollOnce();
    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("engineer")
        .taskNameLike("Customer email bounced%" + instance.getBusinessKey() + "%").count()).isEqualTo(1);
    assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
  }

  @Test
  void aSecretInAReply_isRedactedBeforeItIsStored_andNeverLogged(CapturedOutput output) throws Exception {
    ProcessInstance instance = waitingForInformation();
    supportMailbox.deliver(email("<secret-1@customer.example>", "Re: Case " + instance.getBusinessKey(),
        "You can log in yourself: user admin, password: Tr0ub4dor&3 - thanks!", Map.of()));

    poller.pollOnce();
    lifecycle.runDueJobs();
    assertThat(jdbc.queryForList("select body from ft_inbound_message where message_id = '<secret-1@customer.example>'",
        String.class).get(0)).doesNotContain("Tr0ub4dor&3").contains("log in yourself");
    assertThat(jdbc.queryForList("select body from ft_customer_reply where case_number = ?", String.class,
        instance.getBusinessKey())).allSatisfy(body -> assertThat(body).doesNotContain("Tr0ub4dor&3"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastReplyText").toString())
        .doesNotContain("Tr0ub4dor&3");
    assertThat(engine.getTaskService().createTaskQuery()
        .taskNameLike("Ask the customer to change a shared credential · " + instance.getBusinessKey() + "%").count())
        .isEqualTo(1);
    assertThat(output.getAll()).doesNotContain("Tr0ub4dor&3").doesNotContain(CUSTOMER);
  }

  @Test
  void aSecretInTheSubject_isRedactedWhereverTheSubjectIsKeptOrShown(CapturedOutput output) throws Exception {
    ProcessInstance instance = waitingForInformation();
    supportMailbox.deliver(email("<secret-2@customer.example>",
        "Re: Case " + instance.getBusinessKey() + " - password: Hunter2Hunter2!", "Works now, see subject.", Map.of()));

    poller.pollOnce();
    lifecycle.runDueJobs();
    assertThat(jdbc.queryForObject("select subject from ft_inbound_message where message_id = '<secret-2@customer.example>'",
        String.class)).contains("Case " + instance.getBusinessKey()).doesNotContain("Hunter2Hunter2!");
    assertThat(jdbc.queryForList("select subject from ft_customer_reply where case_number = ?", String.class,
        instance.getBusinessKey())).isNotEmpty().allSatisfy(subject -> assertThat(subject).doesNotContain("Hunter2Hunter2!"));
    assertThat(records.timeline(instance.getBusinessKey())).allSatisfy(entry ->
        assertThat(String.valueOf(entry)).doesNotContain("Hunter2Hunter2!"));
    assertThat(engine.getTaskService().createTaskQuery()
        .taskNameLike("Ask the customer to change a shared credential · " + instance.getBusinessKey() + "%").count())
        .as("a secret in the subject is a shared credential as much as one in the body").isEqualTo(1);
    assertThat(output.getAll()).doesNotContain("Hunter2Hunter2!");
  }

  @Test
  void anEmailForNoCase_goesToTriage() throws Exception {
    supportMailbox.deliver(email("<stray-1@customer.example>", "Question about my licence",
        "Hello, I have a question about my licence.", Map.of()));

    poller.pollOnce();
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("engineers")
        .taskNameLike("Triage an inbound email · Question about my licence%").count()).isEqualTo(1);
  }

  private ProcessInstance waitingForInformation() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
    return instance;
  }

  private static MimeMessage email(String messageId, String subject, String text, Map<String, String> headers)
      throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(CUSTOMER));
    message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(SUPPORT));
    message.setSubject(subject);
    message.setText(text, "UTF-8");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    message.saveChanges();
    return message;
  }

}
