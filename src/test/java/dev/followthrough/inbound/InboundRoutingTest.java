package dev.followthrough.inbound;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.AFTER_STRIKE_ONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CORRECT_CUSTOMER_ADDRESS;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.AFTER_STRIKE_TWO;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_ONE;
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
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where the classes of message go, through the running process and the embedded IMAP mailbox,
 * with messages of the corpus: a real Postfix-shaped bounce (RFC 3464, no thread headers of its
 * own) reaches its case by the returned email's Message-ID, gives the engineer the bounced task,
 * and no further strike goes to the dead address until it is corrected; a delay warning is only a
 * line on the timeline; a message the classifier is unsure about is a task for the case's engineer
 * that shows it; a list's acknowledgement for no case is kept, not triaged.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class InboundRoutingTest {

  private static final String SUPPORT = "support@followthrough.local";
  private static final Path CORPUS = Path.of("src/test/resources/mail-corpus");
  /** What the corpus's returned email carries, replaced by the case's real strike email. */
  private static final String CORPUS_ID = "<2611270041.fqr.1@followthrough.local>";
  private static final String CORPUS_SUBJECT = "Case CASE-2041: Nightly export fails";

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
  void aPostfixBounceOnTheStrikePath_reachesItsCase_theEngineerCorrectsTheAddress_andNoStrikeGoesToTheDeadOne()
      throws Exception {
    ProcessInstance instance = onTheStrikePath();
    Lifecycle.Email strikeOne = lifecycle.lastEmail(instance);
    int emailsBefore = lifecycle.emails(instance).size();

    supportMailbox.deliver(reportFromTheCorpus("bounces/postfix-bounce-rfc3464.eml", strikeOne));
    poller.pollOnce();
    lifecycle.runDueJobs();

    assertThat(jdbc.queryForMap("select case_number, classification, handled_as from ft_inbound_message "
        + "where subject = 'Undelivered Mail Returned to Sender' and case_number = ?", instance.getBusinessKey()))
        .containsEntry("CLASSIFICATION", "BOUNCE").containsEntry("HANDLED_AS", "BOUNCE_TASK");
    Task bounced = lifecycle.task(instance, CORRECT_CUSTOMER_ADDRESS);
    assertThat(bounced.getAssignee()).isEqualTo("engineer");
    assertThat(bounced.getName()).startsWith("Customer email bounced").contains(instance.getBusinessKey());
    assertThat(lifecycle.variables(bounced).get("rejectedEmailSubject")).isEqualTo(strikeOne.subject());
    assertThat(lifecycle.variables(bounced).get("rejectedEmailBody").toString())
        .as("the returned email's text, to send again").isNotBlank().doesNotContain("[[");
    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .contains(TimelineEvent.EMAIL_BOUNCED);
    assertThat(engine.getTaskService().createTaskQuery().taskNameLike("Triage an inbound email%")
        .taskNameLike("%Undelivered%").count()).isZero();

    lifecycle.timePassesUntil(berlin("2026-12-01T10:00"));
    assertThat(instance).as("strike 2 was due on 26 November: it waits for the address")
        .isWaitingAt(AFTER_STRIKE_ONE, CORRECT_CUSTOMER_ADDRESS);
    assertThat(lifecycle.emails(instance)).hasSize(emailsBefore);
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().strikesReached()).isEqualTo(1);

    lifecycle.complete(lifecycle.task(instance, CORRECT_CUSTOMER_ADDRESS),
        Map.of("customerEmail", "dana.whitfield@customer-corp.example"));

    assertThat(instance).as("then the strikes go on, to the corrected address").isWaitingAt(AFTER_STRIKE_TWO);
    var afterTheBounce = lifecycle.emails(instance);
    assertThat(afterTheBounce.subList(emailsBefore, afterTheBounce.size())).as("strike 1 again, then strike 2")
        .hasSize(2).allSatisfy(email -> assertThat(email.to()).containsExactly("dana.whitfield@customer-corp.example"));
  }

  @Test
  void aBounceOfAnotherAddress_isATask_andHoldsNothing() throws Exception {
    ProcessInstance instance = onTheStrikePath();
    MimeMessage copyBounced = reportFromTheCorpus("bounces/postfix-bounce-rfc3464.eml", lifecycle.lastEmail(instance),
        text -> text.replace("Final-Recipient: rfc822; dana.whitfield@customer.example",
            "Final-Recipient: rfc822; former.tam@customer.example"));
    supportMailbox.deliver(copyBounced);
    poller.pollOnce();
    lifecycle.runDueJobs();

    assertThat(engine.getTaskService().createTaskQuery().taskAssignee("engineer")
        .taskNameLike("Email bounced · " + instance.getBusinessKey() + "%").count()).isEqualTo(1);
    assertThat(instance).as("the customer's address is fine: no correction, strikes go on").isWaitingAt(AFTER_STRIKE_ONE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(CORRECT_CUSTOMER_ADDRESS).count()).isZero();
  }

  @Test
  void aDelayWarning_isALineOnTheTimeline_noTask_andTheStrikesGoOn() throws Exception {
    ProcessInstance instance = onTheStrikePath();
    long tasksBefore = engine.getTaskService().createTaskQuery().count();

    supportMailbox.deliver(reportFromTheCorpus("bounces/postfix-delay-warning.eml", lifecycle.lastEmail(instance)));
    poller.pollOnce();
    lifecycle.runDueJobs();

    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .contains(TimelineEvent.EMAIL_DELAYED).doesNotContain(TimelineEvent.EMAIL_BOUNCED);
    assertThat(engine.getTaskService().createTaskQuery().count()).as("no task, no triage").isEqualTo(tasksBefore);
    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    assertThat(instance).isWaitingAt(AFTER_STRIKE_TWO);
  }

  @Test
  void aMessageTheClassifierIsUnsureAbout_isATaskForTheCasesEngineer_andDoesNotMoveTheCase() throws Exception {
    ProcessInstance instance = onTheStrikePath();

    supportMailbox.deliver(reportFromTheCorpus("acknowledgements/human-reply-through-a-group.eml",
        lifecycle.lastEmail(instance)));
    poller.pollOnce();
    lifecycle.runDueJobs();

    Task check = engine.getTaskService().createTaskQuery().taskAssignee("engineer")
        .taskNameLike("Check an email that may be automatic · " + instance.getBusinessKey() + "%").singleResult();
    assertThat(check).isNotNull();
    assertThat(check.getDescription()).contains("Precedence: list").contains("the export ran at 02:00 without errors");
    assertThat(instance).as("not taken as the customer's answer").isWaitingAt(AFTER_STRIKE_ONE);
  }

  @Test
  void aListAcknowledgementForNoCase_isKept_notTriaged() throws Exception {
    long triageBefore = engine.getTaskService().createTaskQuery().taskNameLike("Triage an inbound email%").count();
    MimeMessage ack = MailCorpusTest.parse("acknowledgements/google-groups-auto-ack.eml");
    ack.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
    ack.setSubject("Re: something we never sent");
    supportMailbox.deliver(ack);

    poller.pollOnce();

    assertThat(jdbc.queryForObject("select handled_as from ft_inbound_message where message_id = ?", String.class,
        ack.getMessageID())).isEqualTo("AUTOMATIC_REPLY");
    assertThat(engine.getTaskService().createTaskQuery().taskNameLike("Triage an inbound email%").count())
        .isEqualTo(triageBefore);
  }

  private ProcessInstance onTheStrikePath() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    assertThat(instance).hasPassed(SEND_STRIKE_ONE).isWaitingAt(AFTER_STRIKE_ONE);
    return instance;
  }

  /** A report of the corpus about this email of ours: its Message-ID and subject in the returned part. */
  private static MimeMessage reportFromTheCorpus(String file, Lifecycle.Email ours) throws Exception {
    return reportFromTheCorpus(file, ours, UnaryOperator.identity());
  }

  private static MimeMessage reportFromTheCorpus(String file, Lifecycle.Email ours, UnaryOperator<String> edit)
      throws Exception {
    String text = edit.apply(Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8))
        .replace(CORPUS_ID, ours.messageId())
        .replace(CORPUS_SUBJECT, ours.subject())
        .replaceFirst("(?m)^Message-Id: <[^>]+>", "Message-Id: <" + UUID.randomUUID() + "@mx.followthrough.local>");
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
