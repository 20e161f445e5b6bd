package dev.followthrough.inbound;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.INFORMATION_FOLLOW_UP_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.casework.StandaloneTasks;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import dev.followthrough.mail.OAuth2Settings;
import dev.followthrough.mail.OAuth2Tokens;
import jakarta.mail.Flags;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The intake against a real IMAP server outside the JVM (dovecot): nothing lost, nothing doubled,
 * whatever the {@code \Seen} flag says and whatever one bad message does. The poller reads dovecot;
 * everything behind it is the application's own Spring context.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class DovecotIntakeTest {

  private static Dovecot dovecot;

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired CaseRecords records;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailboxMessages messages;
  @Autowired InboundIntake intake;
  @Autowired StandaloneTasks tasks;
  @Autowired InboundProperties properties;
  @Autowired PlatformTransactionManager transactions;

  private MailboxPoller poller;

  @AfterAll
  static void stopDovecot() throws Exception {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void mondayMorning() throws Exception {
    if (dovecot == null) {
      dovecot = Dovecot.start(); // once for the class; each test is skipped (or failed) when dovecot is missing
    }
    lifecycle.mondayMorning();
    poller = new MailboxPoller(dovecot.mailbox(), messages, intake, tasks, properties, transactions);
    poller.pollOnce(); // what earlier tests left is read now
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aCrashBetweenFetchAndStore_losesNothing() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    dovecot.deliver(reply(id, instance.getBusinessKey(), "The renewal fixed it, thank you."));

    jdbc.execute("create trigger ft_refuse_once before insert on ft_mailbox_message for each row call '"
        + RefuseOnce.class.getName() + "'");
    RefuseOnce.armed.set(true);
    try {
      assertThat(poller.pollOnce()).as("the database refused the message").isZero();
    } finally {
      jdbc.execute("drop trigger ft_refuse_once");
    }
    assertThat(RefuseOnce.armed).as("the insert was tried and refused").isFalse();
    assertThat(inboxRows(id)).isZero();
    assertThat(dovecot.seen(id)).as("fetching set no flag").isFalse();

    assertThat(poller.pollOnce()).isEqualTo(1);
    lifecycle.runDueJobs();
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(handledAs(id)).isEqualTo("ANSWERED_WAITING_STEP");
    assertThat(replies(instance)).isEqualTo(1);
    assertThat(dovecot.seen(id)).as("still unread for the people who share the mailbox").isFalse();
  }

  @Test
  void aMessageAPersonOpenedFirst_isStillHandled() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    dovecot.deliver(reply(id, instance.getBusinessKey(), "Here are the logs you asked for."), Flags.Flag.SEEN);
    assertThat(dovecot.seen(id)).isTrue();

    assertThat(poller.pollOnce()).isEqualTo(1);
    lifecycle.runDueJobs();
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(handledAs(id)).isEqualTo("ANSWERED_WAITING_STEP");
    assertThat(source(id)).containsEntry("status", "READ");
    assertThat((byte[]) source(id).get("raw_message")).as("the source is emptied once the inbox keeps it redacted")
        .isEmpty();
  }

  @Test
  void anUnreadableMessage_blocksNothing_isKept_andGoesToAPersonAfterItsAttempts() throws Exception {
    ProcessInstance first = waitingForInformation();
    ProcessInstance second = waitingForInformation();
    String unknownCharset = messageId();
    String broken = messageId();
    String next = messageId();
    dovecot.deliver("""
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: %s
        MIME-Version: 1.0
        Content-Type: text/plain; charset=unknown-8bit
        Content-Transfer-Encoding: 8bit

        Grüße aus Köln - the renewal fixed it.
        """.formatted(first.getBusinessKey(), unknownCharset));
    dovecot.deliver(nestedTooDeep(broken, second.getBusinessKey()));
    dovecot.deliver(reply(next, second.getBusinessKey(), "The second server is fine now too."));

    assertThat(poller.pollOnce()).isEqualTo(3);
    lifecycle.runDueJobs();
    assertThat(first).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(body(unknownCharset)).contains("Grüße aus Köln - the renewal fixed it.");
    assertThat(second).as("the message after the broken one").isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(handledAs(next)).isEqualTo("ANSWERED_WAITING_STEP");

    Map<String, Object> kept = source(broken);
    assertThat(kept.get("status")).isEqualTo("STORED");
    assertThat(kept.get("attempts")).isEqualTo(1);
    assertThat(kept.get("last_error").toString()).contains("nested deeper");

    for (int poll = 1; poll < properties.maxAttempts(); poll++) {
      assertThat(poller.pollOnce()).isZero();
    }
    assertThat(source(broken)).containsEntry("status", "UNREADABLE").containsEntry("attempts", properties.maxAttempts());
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("engineers")
        .taskNameLike("Triage an inbound email that could not be read%").list())
        .anySatisfy(task -> assertThat(task.getDescription()).contains(broken));
    assertThat(dovecot.seen(broken)).as("still in the mailbox, unread, for a person").isFalse();
  }

  @Test
  void anHtmlOnlyReply_reachesItsCase_withTheCustomersWords() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    dovecot.deliver("""
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: %s
        User-Agent: Mozilla Thunderbird
        MIME-Version: 1.0
        Content-Type: text/html; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        <html><head><style>p {color: red}</style></head><body>
        <p>Hi Erin,</p><p>the renewal fixed it &ndash; the import runs again.<br>Thanks!</p>
        <div class=3D"moz-cite-prefix">On 23/11/2026 Erin wrote:</div>
        <blockquote type=3D"cite"><p>Could you send the logs?</p></blockquote>
        </body></html>
        """.formatted(instance.getBusinessKey(), id));

    poller.pollOnce();
    lifecycle.runDueJobs();

    String words = "the renewal fixed it \u2013 the import runs again.\nThanks!";
    assertThat(body(id)).contains("Hi Erin,", words).contains("> Could you send the logs?")
        .doesNotContain("<p>", "color: red");
    assertThat(jdbc.queryForObject("select body from ft_customer_reply where case_number = ?", String.class,
        instance.getBusinessKey())).contains(words);
    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "lastReplyText").toString()).contains(words);
  }

  @Test
  void pollingTwice_handlesNothingTwice() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    dovecot.deliver(reply(id, instance.getBusinessKey(), "Here are the logs you asked for."));

    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(poller.pollOnce()).isZero();
    lifecycle.runDueJobs();
    assertThat(poller.pollOnce()).isZero();

    assertThat(inboxRows(id)).isEqualTo(1);
    assertThat(replies(instance)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from ft_mailbox_message where mailbox = ? and inbound_message_id = "
        + "(select id from ft_inbound_message where message_id = ?)", Integer.class, dovecot.mailbox().key(), id))
        .isEqualTo(1);
  }

  @Test
  void withIdle_aReplyIsReadWithinSeconds_withoutWaitingForAPoll() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    MailboxWatcher watcher = new MailboxWatcher(dovecot.mailbox(), poller);
    watcher.start();
    try {
      Thread.sleep(1000); // the watcher connects and waits in IDLE; a real server pushes the news
      dovecot.deliver(reply(id, instance.getBusinessKey(), "Here are the logs you asked for."));
      java.time.Instant until = java.time.Instant.now().plusSeconds(20);
      while (handledAsOrNull(id) == null && java.time.Instant.now().isBefore(until)) {
        Thread.sleep(100);
      }
    } finally {
      watcher.stop();
    }
    assertThat(handledAsOrNull(id)).as("read through IDLE, no poll called").isEqualTo("ANSWERED_WAITING_STEP");
    assertThat(watcher.isRunning()).isFalse();
  }

  @Test
  void starttlsRequired_readsOnlyFromAServerItTrusts_neverInPlainText() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String id = messageId();
    dovecot.deliver(reply(id, instance.getBusinessKey(), "Sent to a server that speaks TLS."));
    Mailbox plain = dovecot.mailbox();
    Mailbox untrusted = new Mailbox("localhost", plain.port(), false, plain.user(), plain.password(), plain.folder(),
        true, null, null);
    Mailbox trusted = new Mailbox("localhost", plain.port(), false, plain.user(), plain.password(), plain.folder(),
        true, dovecot.trustStore(), Dovecot.TRUST_STORE_PASSWORD);

    assertThat(new MailboxPoller(untrusted, messages, intake, tasks, properties, transactions).pollOnce())
        .as("a certificate the JVM does not trust: no login, nothing read").isZero();
    assertThat(inboxRows(id)).isZero();

    new MailboxPoller(trusted, messages, intake, tasks, properties, transactions).pollOnce();
    assertThat(handledAs(id)).as("read over STARTTLS with the trust store").isEqualTo("ANSWERED_WAITING_STEP");
  }

  @Test
  void starttlsRequired_refusesAServerWithoutIt() throws Exception {
    try (Dovecot withoutTls = Dovecot.startWithoutTls()) {
      String id = messageId();
      withoutTls.deliver(reply(id, "CASE-NONE", "Sent while the server offers no TLS."));
      Mailbox plain = withoutTls.mailbox();
      Mailbox starttls = new Mailbox(plain.host(), plain.port(), false, plain.user(), plain.password(), plain.folder(),
          true, null, null);

      assertThat(new MailboxPoller(starttls, messages, intake, tasks, properties, transactions).pollOnce())
          .as("this dovecot offers no STARTTLS: no login, nothing read").isZero();
      assertThat(new MailboxPoller(plain, messages, intake, tasks, properties, transactions).pollOnce())
          .as("the same server read without STARTTLS").isEqualTo(1);
    }
  }

  @Test
  void withOAuth2_theMailboxIsReadWithXoauth2_andTheTokenIsRenewedBeforeItExpires() throws Exception {
    try (OAuth2Server provider = OAuth2Server.start();
         Dovecot oauth = Dovecot.startWithOAuth2(provider.introspectionUri())) {
      ProcessInstance instance = waitingForInformation();
      String first = messageId();
      oauth.deliver(reply(first, instance.getBusinessKey(), "Here are the logs you asked for."));
      MovableClock clock = new MovableClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));
      OAuth2Tokens tokens = new OAuth2Tokens(new OAuth2Settings(provider.tokenUri(), "followthrough",
          "client-secret", OAuth2Server.REFRESH_TOKEN, "https://outlook.office.com/IMAP.AccessAsUser.All"), clock);
      Mailbox mailbox = new Mailbox("127.0.0.1", oauth.port(), false, Dovecot.USER, null, "INBOX", false, null, null,
          tokens);
      MailboxPoller oauthPoller = new MailboxPoller(mailbox, messages, intake, tasks, properties, transactions);

      assertThat(oauthPoller.pollOnce()).isEqualTo(1);
      assertThat(handledAs(first)).isEqualTo("ANSWERED_WAITING_STEP");
      assertThat(provider.tokenRequests()).singleElement().satisfies(request -> assertThat(request)
          .containsEntry("grant_type", "refresh_token").containsEntry("client_id", "followthrough")
          .containsEntry("scope", "https://outlook.office.com/IMAP.AccessAsUser.All"));
      assertThat(provider.introspected()).as("dovecot checked the token we sent").contains("access-token-1");

      clock.move(java.time.Duration.ofSeconds(OAuth2Server.LIFETIME_SECONDS).minus(OAuth2Tokens.EARLY).minusSeconds(1));
      assertThat(oauthPoller.pollOnce()).isZero();
      assertThat(provider.tokensIssued()).as("still valid for more than a minute: kept").isEqualTo(1);

      clock.move(java.time.Duration.ofSeconds(1));
      provider.expireAll();
      String second = messageId();
      oauth.deliver(reply(second, "CASE-NONE", "Sent after the first token expired."));
      assertThat(oauthPoller.pollOnce()).isEqualTo(1);
      assertThat(provider.tokensIssued()).as("renewed a minute before it expired").isEqualTo(2);
      assertThat(provider.introspected()).contains("access-token-2");
      assertThat(inboxRows(second)).isEqualTo(1);
    }
  }

  /** A database that refuses the next insert into the table it guards, once: a real failure, from H2. */
  public static final class RefuseOnce implements Trigger {
    static final AtomicBoolean armed = new AtomicBoolean();

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      if (armed.compareAndSet(true, false)) {
        throw new SQLException("refused once by the test: the database is gone");
      }
    }
  }

  private ProcessInstance waitingForInformation() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
    return instance;
  }

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@customer.example>";
  }

  private static String reply(String messageId, String caseNumber, String text) {
    return """
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: %s
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8

        %s
        """.formatted(caseNumber, messageId, text);
  }

  /** Multipart nested deeper than any mail program writes: the reader refuses it. */
  private static String nestedTooDeep(String messageId, String caseNumber) {
    StringBuilder source = new StringBuilder("""
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: %s
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b0"

        """.formatted(caseNumber, messageId));
    int depth = MimeReader.MAX_DEPTH + 3;
    for (int level = 0; level < depth; level++) {
      source.append("--b").append(level).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level + 1)
          .append("\"\n\n");
    }
    source.append("--b").append(depth).append("\nContent-Type: text/plain\n\ndeep inside\n");
    for (int level = depth; level >= 0; level--) {
      source.append("--b").append(level).append("--\n");
    }
    return source.toString();
  }

  /** The stored source of the message with this Message-ID, and its state. */
  private Map<String, Object> source(String messageId) {
    // a message read into the inbox has its source emptied (R18): it is found through the inbox row
    return jdbc.queryForList("select m.status, m.attempts, m.last_error, m.raw_message, i.message_id "
                + "from ft_mailbox_message m left join ft_inbound_message i on i.id = m.inbound_message_id "
                + "where m.mailbox = ?", dovecot.mailbox().key()).stream()
        .filter(row -> messageId.equals(row.get("message_id"))
            || new String((byte[]) row.get("raw_message"), StandardCharsets.UTF_8).contains(messageId))
        .reduce((one, two) -> {
          throw new AssertionError("stored twice: " + messageId);
        }).orElseThrow();
  }

  private int inboxRows(String messageId) {
    return jdbc.queryForObject("select count(*) from ft_inbound_message where message_id = ?", Integer.class, messageId);
  }

  private String handledAs(String messageId) {
    return jdbc.queryForObject("select handled_as from ft_inbound_message where message_id = ?", String.class, messageId);
  }

  private String handledAsOrNull(String messageId) {
    return jdbc.queryForList("select handled_as from ft_inbound_message where message_id = ?", String.class, messageId)
        .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private String body(String messageId) {
    return jdbc.queryForObject("select body from ft_inbound_message where message_id = ?", String.class, messageId);
  }

  private long replies(ProcessInstance instance) {
    return records.timeline(instance.getBusinessKey()).stream()
        .filter(entry -> entry.type() == TimelineEvent.REPLY_RECEIVED).count();
  }
}
