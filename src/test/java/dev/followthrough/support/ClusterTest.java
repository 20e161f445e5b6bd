package dev.followthrough.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.FollowthroughApplication;
import dev.followthrough.lifecycle.Lifecycle;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes, one database, one node killed in the middle of a burst (R27, R28; issue 9 "Several
 * nodes"). Everything runs as in production, in separate processes:
 *
 * <ul>
 *   <li>two application JVMs ({@code java -cp <main classes and dependencies> FollowthroughApplication},
 *       without {@code local}: the production profile, authorization on, settings from the
 *       environment) on one fresh PostgreSQL database, each on its own HTTP port, with the job
 *       executor as configured in {@code application.yaml} except its lock time, 30 s instead of
 *       Camunda's 5 minutes ({@value #LOCK_TIME_MILLIS} ms, so that the takeover fits in the test);
 *       their logs go to {@code target/cluster/};</li>
 *   <li>an SMTP server outside both JVMs (GreenMail in this test's JVM, plain SMTP, hence
 *       {@code FOLLOWTHROUGH_SMTP_STARTTLS=false}) that records every transaction it accepted, per
 *       Message-ID and recipient, duplicates counted ({@link SmtpTransactions});</li>
 *   <li>{@value #CASES} cases opened through our API with HTTP Basic by an engineer whom the admin
 *       (from {@code FOLLOWTHROUGH_ADMIN_USER}) created through the REST API of Camunda's webapp.</li>
 * </ul>
 *
 * <p><b>How the follow-ups fall due during the test.</b> The nodes run on real time, and a case's
 * first reminder, the "first response at risk" warning to its engineer, falls due hours after it
 * was opened. Rather than wait, the test moves the due date of those {@value #CASES} waiting timers
 * ({@code ACT_RU_JOB.DUEDATE_} of the jobs of {@code Timer_FirstResponseAtRisk}) to now, in one
 * update: exactly what a burst looks like when business hours open and thousands of timers come due
 * at one moment. Everything after that is the nodes' own work: their job executors fire the timers
 * and run the send tasks' asynchronous continuations, each email through the outbox ledger to the
 * SMTP server. The warning goes to the engineer, so the customer's contact window does not hold it
 * back on whatever hour the test runs.
 *
 * <p><b>The kill.</b> When about a third of the emails are out, node A gets SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), while it holds locked jobs; it is restarted at once.
 * The jobs it had locked stay locked until their lock expires; then a node acquires and runs them.
 * Which node locked which job is read from {@code ACT_RU_JOB.LOCK_OWNER_} (sampled during the
 * burst) and the job log's host name ({@code ACT_HI_JOB_LOG.HOSTNAME_}; each node has its own,
 * Camunda's {@code hostname} engine property).
 *
 * <p><b>Afterwards:</b> every email of the ledger was delivered to each of its recipients, none
 * lost; a (Message-ID, recipient) delivered more than once is one whose ledger row was re-sent after
 * an unknown outcome (the crash-window rule of {@code OutboxLedger}), never more often than that was
 * counted; the dead node's locked jobs were all run by another node (the survivor or the restarted
 * one) within the lock time plus one acquisition round. The figures are printed and written to
 * {@code target/cluster/figures.txt}; the README ("Running several nodes") quotes them.
 */
@LocalPostgres.Required
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

  static final int CASES = 1000;
  static final long LOCK_TIME_MILLIS = 30_000;
  /**
   * A job found after its lock expired: the next acquisition round (max-wait 5 s), then its turn
   * behind the jobs the node had already acquired, on a machine shared with other builds (16 s seen).
   */
  static final Duration PICK_UP_AFTER_EXPIRY = Duration.ofSeconds(30);

  private static final String DATABASE = "followthrough_cluster_test";
  private static final String ADMIN = "clusteradmin";
  private static final String ADMIN_PASSWORD = "Seven-nodes-of-2026";
  private static final String ENGINEER = "erin";
  private static final String ENGINEER_PASSWORD = "erin-pass-2026!";
  private static final String AT_RISK_TIMER = "Timer_FirstResponseAtRisk";
  private static final String AT_RISK_EMAIL = "first-response-at-risk";
  private static final Path LOGS = Path.of("target", "cluster");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Node> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private GreenMail smtp;
  private SmtpTransactions transactions;
  private String databaseUrl;

  /** One application JVM. */
  private final class Node {
    final String name;
    final int port;
    final Path log;
    final Process process;

    Node(String name, int generation) throws IOException {
      this.name = name;
      this.port = freePort();
      this.log = LOGS.resolve(name + "-" + generation + ".log");
      List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-XX:+UseSerialGC",
          "-Duser.timezone=" + TimeZone.getDefault().getID(), "-cp", applicationClasspath(),
          FollowthroughApplication.class.getName(),
          "--server.port=" + port,
          // each node's name in the job log (ACT_HI_JOB_LOG.HOSTNAME_)
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          // Camunda's default is 5 minutes: a dead node's jobs wait that long before another node takes them
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
          // the mailbox is the inbound tests' subject; here it would poll an IMAP server that is not there
          "--followthrough.inbound.polling=false"));
      command.addAll(engineerProfile());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
      Map<String, String> environment = builder.environment();
      environment.put("FOLLOWTHROUGH_DB_URL", databaseUrl);
      environment.put("FOLLOWTHROUGH_DB_USER", LocalPostgres.USER);
      environment.put("FOLLOWTHROUGH_DB_PASSWORD", "");
      environment.put("FOLLOWTHROUGH_ADMIN_USER", ADMIN);
      environment.put("FOLLOWTHROUGH_ADMIN_PASSWORD", ADMIN_PASSWORD);
      environment.put("FOLLOWTHROUGH_SMTP_HOST", "127.0.0.1");
      environment.put("FOLLOWTHROUGH_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
      // GreenMail offers no STARTTLS, which production requires unless told otherwise
      environment.put("FOLLOWTHROUGH_SMTP_STARTTLS", "false");
      environment.put("FOLLOWTHROUGH_MAIL_FROM", "support@cluster-test.example");
      environment.put("FOLLOWTHROUGH_ADVISORS_ADDRESS", "advisors@cluster-test.example");
      environment.put("FOLLOWTHROUGH_MESSAGE_ID_DOMAIN", "cluster-test.example");
      environment.put("FOLLOWTHROUGH_ARCHIVE_ADDRESS", "");
      environment.put("FOLLOWTHROUGH_IMAP_HOST", "127.0.0.1");
      environment.put("FOLLOWTHROUGH_IMAP_POLLING", "false");
      environment.put("FOLLOWTHROUGH_SURVEY_SECRET", "cluster-test-survey-secret-of-at-least-32-characters");
      environment.put("FOLLOWTHROUGH_PUBLIC_URL", "https://support.cluster-test.example");
      Files.writeString(LOGS.resolve(name + "-" + generation + ".command"), String.join("\n", command));
      this.process = builder.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }

    /** Until it answers HTTP on its API (Tomcat starts after the engine and the deployment). */
    Node awaitReady(Duration atMost) {
      waitUntil(name + " answers HTTP", atMost, () -> {
        if (!process.isAlive()) {
          int exit = process.exitValue();
          throw new AssertionError(name + " exited with " + exit + (exit == 143 || exit == 137
              ? " (" + (exit == 143 ? "SIGTERM" : "SIGKILL") + " from outside this test)" : "") + ":\n" + tail(log, 60));
        }
        try {
          HttpResponse<String> answer = send(ADMIN, ADMIN_PASSWORD, "GET", "/api/cases/CLUSTER-NONE", null);
          return answer.statusCode() == 404 || answer.statusCode() == 403;
        } catch (IOException e) {
          return false;
        }
      });
      return this;
    }

    HttpResponse<String> send(String user, String password, String method, String path, String body) throws IOException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
          .header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  @BeforeAll
  void mailServerAndDatabase() throws IOException {
    Files.createDirectories(LOGS);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    transactions = new SmtpTransactions(smtp);
    transactions.keepMessages(false);
    databaseUrl = LocalPostgres.freshDatabase(DATABASE);
    // should this JVM end without @AfterAll (a surefire timeout, Ctrl-C), the nodes end with it
    Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(node -> node.process.destroyForcibly())));
  }

  @AfterAll
  void stopEverything() {
    nodes.forEach(node -> {
      node.process.destroyForcibly();
      try {
        node.process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void twoNodes_oneKilledInABurst_everyEmailDeliveredAndTheDeadNodesJobsTakenOver() throws Exception {
    try {
      run();
    } catch (Throwable failure) {
      for (Node node : nodes) {
        System.out.println("---- last lines of " + node.log + " ----\n" + tail(node.log, 80));
      }
      throw failure;
    }
  }

  private void run() throws Exception {
    long began = System.nanoTime();
    // one after the other: both would create the engine's schema on the empty database at once
    Node a = start("node-a", 1).awaitReady(Duration.ofSeconds(150));
    createEngineer(a);
    Node b = start("node-b", 1);

    openCases(a, b);
    b.awaitReady(Duration.ofSeconds(150));
    waitUntil("every case's at-risk timer is there", Duration.ofSeconds(60), () -> atRiskTimers() == CASES);

    // the burst: every at-risk timer falls due now
    Instant burst = Instant.now();
    int due = update("update act_ru_job set duedate_ = ? where job_def_id_ in "
        + "(select id_ from act_ru_jobdef where act_id_ = ?)", Timestamp.from(burst), AT_RISK_TIMER);
    assertThat(due).as("timers made due").isEqualTo(CASES);

    // which lock owner is which node: the jobs each owner locked, and the host that logged them done
    Map<String, String> ownerOfJob = new HashMap<>();
    waitUntil("a third of the emails are out", Duration.ofSeconds(180), () -> {
      ownerOfJob.putAll(lockedJobs());
      return sent() >= CASES / 3;
    });
    ownerOfJob.putAll(lockedJobs());
    Instant killed = Instant.now();
    a.process.destroyForcibly();
    assertThat(a.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("node-a killed").isTrue();
    long sentAtKill = sent();
    String deadOwner = ownerOf("node-a", ownerOfJob, killed);
    Map<String, Instant> orphaned = lockedBy(deadOwner);
    assertThat(orphaned).as("jobs node-a held locked when it was killed").isNotEmpty();

    Node restarted = start("node-a", 2);
    restarted.awaitReady(Duration.ofSeconds(150));
    waitUntil("every email sent and no job left to run", Duration.ofSeconds(240),
        () -> sent() == CASES && executableJobs() == 0);
    Instant[] lastSent = new Instant[1];
    query("select max(sent_at) from ft_outbound_email", rs -> lastSent[0] = rs.getObject(1, java.time.OffsetDateTime.class)
        .toInstant());

    // delivered: every (Message-ID, recipient) of the ledger, at the server
    Map<SmtpTransactions.Key, Integer> expected = new LinkedHashMap<>();
    Map<String, Integer> resentOf = new HashMap<>();
    query("select message_id, recipients, status, resent_after_unknown_outcome from ft_outbound_email", rs -> {
      assertThat(rs.getString(3)).as("ledger status of " + rs.getString(1)).isEqualTo("SENT");
      for (String recipient : rs.getString(2).split(",\\s*")) {
        expected.put(new SmtpTransactions.Key(rs.getString(1), recipient.trim().toLowerCase(Locale.ROOT)), 0);
      }
      resentOf.put(rs.getString(1), rs.getInt(4));
    });
    Map<SmtpTransactions.Key, Integer> delivered = transactions.countsByKey(delivery -> true);
    long emails = count("select count(*) from ft_outbound_email where kind = ?", AT_RISK_EMAIL);
    assertThat(emails).as("at-risk emails in the ledger").isEqualTo(CASES);
    assertThat(delivered.keySet()).as("(Message-ID, recipient) delivered vs. due").isEqualTo(expected.keySet());

    Map<SmtpTransactions.Key, Integer> duplicates = transactions.duplicates(delivery -> true);
    long extraDeliveries = duplicates.values().stream().mapToLong(times -> times - 1).sum();
    long resent = resentOf.values().stream().mapToLong(Integer::longValue).sum();
    duplicates.forEach((key, times) -> assertThat(times - 1)
        .as("deliveries beyond the first of %s: only its re-sends after an unknown outcome", key)
        .isLessThanOrEqualTo(resentOf.getOrDefault(key.messageId(), 0)));
    assertThat(extraDeliveries).as("duplicates vs. resent_after_unknown_outcome").isLessThanOrEqualTo(resent);
    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();

    // the takeover: each job node-a held was run by another node once its lock had expired
    Map<String, Execution> runs = executions(orphaned.keySet());
    assertThat(runs.keySet()).as("node-a's locked jobs that were run afterwards").isEqualTo(orphaned.keySet());
    orphaned.forEach((job, lockExpiry) -> {
      Execution run = runs.get(job);
      assertThat(run.at()).as("job %s, locked until %s, run by %s", job, lockExpiry, run.host())
          .isAfterOrEqualTo(lockExpiry).isBefore(lockExpiry.plus(PICK_UP_AFTER_EXPIRY));
    });
    Instant lastTakenOver = runs.values().stream().map(Execution::at).max(Instant::compareTo).orElseThrow();
    double takeover = seconds(killed, lastTakenOver);
    assertThat(takeover).as("seconds from the kill to the last of node-a's locked jobs run")
        .isLessThanOrEqualTo((LOCK_TIME_MILLIS + PICK_UP_AFTER_EXPIRY.toMillis()) / 1000.0);

    String takenBy = runs.values().stream().collect(Collectors.groupingBy(Execution::host, java.util.TreeMap::new,
        Collectors.counting())).toString();
    String figures = String.format(Locale.ROOT, """
        Cluster test: 2 application JVMs on one PostgreSQL database, job lock time %d s, SMTP server outside both
          cases opened through the API                 %d
          emails due in the burst                       %d (first-response-at-risk, 1 recipient each)
          (Message-ID, recipient) due / delivered       %d / %d, none lost
          SMTP transactions accepted in all             %d
          duplicates (deliveries beyond the first)      %d
          resent after unknown outcome (ledger)         %d
          sent when node-a was killed (SIGKILL)         %d
          node-a's locked jobs at the kill              %d, run afterwards by %s
          takeover: kill -> last of them run            %.1f s
          burst: due -> last email sent                 %.1f s
          whole test                                    %.1f s
        """, LOCK_TIME_MILLIS / 1000, CASES, emails, expected.size(), delivered.size(), transactions.count(),
        extraDeliveries, resent, sentAtKill, orphaned.size(), takenBy, takeover, seconds(burst, lastSent[0]),
        (System.nanoTime() - began) / 1e9);
    System.out.println(figures);
    Files.writeString(LOGS.resolve("figures.txt"), figures);
  }

  private Node start(String name, int generation) throws IOException {
    Node node = new Node(name, generation);
    nodes.add(node);
    return node;
  }

  // ---- people and cases, over HTTP

  /** The admin creates the engineer through the REST API of Camunda's webapp, logged in as in a browser. */
  private void createEngineer(Node node) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    assertThat(webapp(browser, cookies, node, "GET", "/camunda/app/admin/default/", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> login = webapp(browser, cookies, node, "POST", "/camunda/api/admin/auth/user/default/login/admin",
        "username=" + URLEncoder.encode(ADMIN, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).as("admin login: " + login.body()).isEqualTo(200);
    // the login starts a new session; its first read hands out that session's XSRF token
    assertThat(webapp(browser, cookies, node, "GET", "/camunda/api/admin/auth/user/default", null, null).statusCode())
        .isEqualTo(200);
    String user = JSON.writeValueAsString(Map.of(
        "profile", Map.of("id", ENGINEER, "firstName", "Erin", "lastName", "Engineer", "email", "erin@cluster-test.example"),
        "credentials", Map.of("password", ENGINEER_PASSWORD)));
    HttpResponse<String> created = webapp(browser, cookies, node, "POST", "/camunda/api/engine/engine/default/user/create",
        user, "application/json");
    assertThat(created.statusCode()).as("user created: " + created.body()).isEqualTo(204);
    HttpResponse<String> member = webapp(browser, cookies, node, "PUT",
        "/camunda/api/engine/engine/default/group/engineers/members/" + ENGINEER, null, null);
    assertThat(member.statusCode()).as("member of engineers: " + member.body()).isEqualTo(204);
  }

  private static HttpResponse<String> webapp(HttpClient browser, CookieManager cookies, Node node, String method,
                                             String path, String body, String contentType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@value #CASES} cases through {@code POST /api/cases}, spread over the nodes as they come up. */
  private void openCases(Node a, Node b) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 1; i <= CASES; i++) {
        String caseNumber = "CLUSTER-" + i;
        opened.add(clients.submit(() -> {
          Map<String, Object> body = new LinkedHashMap<>(Lifecycle.aCasePosted(caseNumber));
          body.put("engineerId", ENGINEER);
          Node node = b.process.isAlive() && answers(b) && caseNumber.hashCode() % 2 == 0 ? b : a;
          HttpResponse<String> created = node.send(ENGINEER, ENGINEER_PASSWORD, "POST", "/api/cases",
              JSON.writeValueAsString(body));
          assertThat(created.statusCode()).as(caseNumber + " on " + node.name + ": " + created.body()).isEqualTo(201);
          return null;
        }));
      }
      for (Future<?> each : opened) {
        each.get(5, java.util.concurrent.TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private final Set<Node> answering = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private boolean answers(Node node) {
    if (answering.contains(node)) {
      return true;
    }
    try {
      node.send(ADMIN, ADMIN_PASSWORD, "GET", "/api/cases/CLUSTER-NONE", null);
      answering.add(node);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- the database, read as an operator would

  private record Execution(String host, Instant at) {}

  private long atRiskTimers() {
    return count("select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_ where d.act_id_ = ?",
        AT_RISK_TIMER);
  }

  private long sent() {
    return count("select count(*) from ft_outbound_email where kind = ? and status = 'SENT'", AT_RISK_EMAIL);
  }

  /** Jobs due now or earlier with retries left, whether locked or not. */
  private long executableJobs() {
    return count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 "
        + "and (duedate_ is null or duedate_ <= ?)", Timestamp.from(Instant.now()));
  }

  private Map<String, String> lockedJobs() {
    Map<String, String> locked = new HashMap<>();
    query("select id_, lock_owner_ from act_ru_job where lock_owner_ is not null", rs -> locked.put(rs.getString(1),
        rs.getString(2)));
    return locked;
  }

  /** The lock owner whose jobs this host logged done before the kill (exactly one). */
  private String ownerOf(String host, Map<String, String> ownerOfJob, Instant before) {
    Set<String> owners = new HashSet<>();
    query("select job_id_ from act_hi_job_log where job_state_ = 2 and hostname_ = ? and timestamp_ < ?", rs -> {
      String owner = ownerOfJob.get(rs.getString(1));
      if (owner != null) {
        owners.add(owner);
      }
    }, host, Timestamp.from(before));
    assertThat(owners).as("lock owners of " + host + "'s jobs").hasSize(1);
    return owners.iterator().next();
  }

  /** The jobs still locked by this owner, with when their lock expires. */
  private Map<String, Instant> lockedBy(String owner) {
    Map<String, Instant> locked = new HashMap<>();
    query("select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ?",
        rs -> locked.put(rs.getString(1), rs.getTimestamp(2).toInstant()), owner);
    return locked;
  }

  /** When each of these jobs was logged done, and by which node. */
  private Map<String, Execution> executions(Set<String> jobs) {
    Map<String, Execution> runs = new HashMap<>();
    query("select job_id_, hostname_, timestamp_ from act_hi_job_log where job_state_ = 2", rs -> {
      if (jobs.contains(rs.getString(1))) {
        runs.put(rs.getString(1), new Execution(rs.getString(2), rs.getTimestamp(3).toInstant()));
      }
    });
    return runs;
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Row row, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(databaseUrl, LocalPostgres.USER, "");
         PreparedStatement statement = prepared(connection, sql, parameters);
         ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        row.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private long count(String sql, Object... parameters) {
    long[] count = new long[1];
    query(sql, rs -> count[0] = rs.getLong(1), parameters);
    return count[0];
  }

  private int update(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(databaseUrl, LocalPostgres.USER, "");
         PreparedStatement statement = prepared(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  // ---- processes

  private static List<String> engineerProfile() {
    String prefix = "--followthrough.engineers." + ENGINEER + ".";
    return List.of(prefix + "name=Erin Engineer", prefix + "email=erin@cluster-test.example",
        prefix + "title=Support Engineer", prefix + "team=Data Platform", prefix + "working-hours=Mon-Fri 09:00-17:00",
        prefix + "time-zone=Europe/Berlin", prefix + "manager-name=Morgan Manager",
        prefix + "manager-email=morgan@cluster-test.example");
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The application's classes and its dependencies, as this test runs with them, without the test
   * classes: those hold beans for the tests (the scenario helper, the recorded SMTP transactions)
   * that are no part of the application.
   */
  private static String applicationClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static void waitUntil(String what, Duration atMost, BooleanSupplier done) {
    Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(100)).until(done::getAsBoolean);
  }
}
