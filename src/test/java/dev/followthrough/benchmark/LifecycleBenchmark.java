package dev.followthrough.benchmark;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.FIRST_RESPONSE_AT_RISK;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.FollowthroughApplication;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.lifecycle.CaseVariables;
import dev.followthrough.lifecycle.Lifecycle;
import dev.followthrough.support.LocalPostgres;
import dev.followthrough.support.SmtpTransactions;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Followthrough against a bare Camunda process, in one run, on one database and one JVM (issue 12).
 * Not a test: surefire's default includes do not match {@code *Benchmark}, so it runs only when
 * named. The README ("Performance") gives the command; figures go to the console and to
 * {@code docs/benchmark/results-{db}-{label}.txt}.
 *
 * <p>The application runs as in the local profile (embedded SMTP server, H2 file database or a
 * fresh PostgreSQL database, the job executor as configured in {@code application.yaml}); the bare
 * processes are deployed into the same engine, so both share the database, the pool, the job
 * executor, the history level and the JVM:
 *
 * <ul>
 *   <li>P1 cases opened per second through {@code POST /api/cases}, one client after the other,
 *       against starts of a bare start → user task process (in the engine; the engine's REST API is
 *       closed in this application); and, to show where the gap is, {@code SupportCases.open}
 *       in-process, the same bare start carrying the variables a case's start carries, and the bare
 *       start behind the same HTTP stack ({@link BareStartOverHttp}). After a warm-up of
 *       {@code benchmark.p1.warmup} of each (the JIT compiles both paths alike), the five take turns
 *       in every round. {@code benchmark.p1.only=true} measures P1 alone, in a minute or two;</li>
 *   <li>P2 a burst of {@code benchmark.burst} "first response at risk" warnings made due at one
 *       moment (their due dates spread over a few milliseconds, oldest first) until all are handed
 *       to SMTP, against as many bare timer → no-op jobs; with the order they went in. After a
 *       warm-up burst each way ({@code benchmark.p2.warmup}, not counted: nothing before it sends
 *       email, so the send path would still be warming up in the first burst),
 *       {@code benchmark.p2.rounds} bursts each way, taking turns;</li>
 *   <li>P3 lateness (due → handed to SMTP, or → the no-op ran) of timers falling due one by one
 *       while all open cases' timers wait;</li>
 *   <li>P4 heap after the open cases, and start-up (JVM start → ready) of the application and of a
 *       bare Camunda app with the same jars ({@link BareCamundaApp}), each in a JVM of its own;</li>
 *   <li>P5 completing an engineer's FQR task with 1,000 and with {@code benchmark.open} cases open,
 *       against completing a bare user task at the same two points.</li>
 * </ul>
 *
 * <p>Filling: the open cases are opened through {@link SupportCases#open}, the same transaction as
 * {@code POST /api/cases} without HTTP, from a few threads at once: the real process, its
 * registration, its FQR draft and its timers.
 */
class LifecycleBenchmark {

  private static final String BARE_TASK = "benchmark-bare-task";
  private static final String BARE_TIMER = "benchmark-bare-timer";
  private static final Date FAR_AWAY = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
  private static final String ENGINEER_WORDS = "I checked the export logs you attached: the connection resets when "
      + "the warehouse rotates its certificates. Could you send me the time of the last successful run?";

  private final String db = System.getProperty("benchmark.db", "h2");
  private final String label = System.getProperty("benchmark.label", "run");
  private final int open = Integer.getInteger("benchmark.open", 100_000);
  private final int burst = Integer.getInteger("benchmark.burst", 5_000);
  private final int burstRounds = Integer.getInteger("benchmark.p2.rounds", 5);
  /** A burst each way before the measured ones: the start-up warm-up sends no email. */
  private final int burstWarmUp = Integer.getInteger("benchmark.p2.warmup", 1_000);
  private final int rounds = Integer.getInteger("benchmark.rounds", 5);
  private final int casesPerRound = Integer.getInteger("benchmark.p1.cases", 200);
  /** Posts and bare starts before P1 counts, as many each way: the JIT compiles both paths alike. */
  private final int p1WarmUp = Integer.getInteger("benchmark.p1.warmup", 2_000);
  /** Only P1, on a fresh database: to try a change to the open without filling 100,000 cases. */
  private final boolean p1Only = Boolean.getBoolean("benchmark.p1.only");
  private final int lateTimers = Integer.getInteger("benchmark.p3.timers", 200);
  private final int completions = Integer.getInteger("benchmark.p5.tasks", 40);
  private final int fillThreads = Integer.getInteger("benchmark.fill.threads", 3);
  private final boolean jfr = Boolean.getBoolean("benchmark.jfr");
  private final boolean startups = Boolean.parseBoolean(System.getProperty("benchmark.startup", "true"));

  private final List<String> lines = new ArrayList<>();
  private boolean headed;
  private final AtomicInteger caseNumbers = new AtomicInteger();
  private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private ConfigurableApplicationContext app;
  private ProcessEngine engine;
  private SupportCases cases;
  private Lifecycle lifecycle;
  private JdbcTemplate jdbc;
  private TransactionTemplate transaction;
  private GreenMail mailServer;
  private int port;
  private int opened;

  private record Delivery(String messageId, long atMillis) {}

  @Test
  void followthroughAgainstBareCamunda() throws Exception {
    Path results = Path.of("docs", "benchmark", "results-" + db + "-" + label + ".txt");
    say("# LifecycleBenchmark " + label + " on " + db + ", " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, open=" + open + " burst=" + burst
        + " rounds=" + rounds + (p1Only ? " (P1 only)" : ""));
    String databaseUrl = database(benchmarkDatabase());
    try {
      startApplication(databaseUrl);
      warmUp();
      p1CasesOpenedPerSecond();
      if (!p1Only) {
        fillTo(1_000);
        p5Completion(1_000);
        fillTo(Math.max(burstWarmUp + burst * burstRounds + completions + 100, 1_000));
        p2Burst();
        fillTo(open);
        p3Lateness();
        p5Completion(open);
        p4Heap();
      }
    } finally {
      if (app != null) {
        app.close();
      }
      dropDatabase(benchmarkDatabase());
    }
    if (startups && !p1Only) {
      p4StartUp();
    }
    Files.createDirectories(results.getParent());
    Files.write(results, lines, StandardCharsets.UTF_8);
    System.out.println("Written to " + results.toAbsolutePath());
  }

  // ---- the application and the bare processes

  private void startApplication(String databaseUrl) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", databaseUrl);
    properties.put("spring.datasource.username", db.equals("postgres") ? LocalPostgres.USER : "sa");
    properties.put("spring.datasource.password", "");
    properties.put("server.port", "0");
    properties.put("followthrough.mail.embedded-server.smtp-port", "0");
    properties.put("followthrough.mail.embedded-server.imap-port", "0");
    properties.put("followthrough.inbound.polling", "false");
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "warn");
    // a variant to compare, e.g. -Dbenchmark.properties=camunda.bpm.job-execution.max-pool-size=10
    for (String setting : System.getProperty("benchmark.properties", "").split(",")) {
      String[] keyAndValue = setting.split("=", 2);
      if (keyAndValue.length == 2) {
        properties.put(keyAndValue[0].trim(), keyAndValue[1].trim());
      }
    }
    long began = System.nanoTime();
    // as arguments: they must win over the local profile's own database and ports
    app = new SpringApplicationBuilder(FollowthroughApplication.class, BareStartOverHttp.class).profiles("local")
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    say(String.format(Locale.ROOT, "application started in-process in %.1f s on %s", (System.nanoTime() - began) / 1e9,
        app.getEnvironment().getProperty("spring.datasource.url")));
    engine = app.getBean(ProcessEngine.class);
    cases = app.getBean(SupportCases.class);
    lifecycle = app.getBean(Lifecycle.class);
    jdbc = app.getBean(JdbcTemplate.class);
    transaction = app.getBean(TransactionTemplate.class);
    mailServer = app.getBean(GreenMail.class);
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    app.getBeanProvider(SmtpTransactions.class).ifAvailable(recorded -> recorded.keepMessages(false));
    var delivering = mailServer.getUserManager().getMessageDeliveryHandler();
    mailServer.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      var user = delivering.handle(message, recipient);
      try {
        deliveries.add(new Delivery(message.getMessage().getMessageID(), System.currentTimeMillis()));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
      return user;
    });

    BpmnModelInstance task = Bpmn.createExecutableProcess(BARE_TASK).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Bare_Task").name("Bare task").camundaAssignee("engineer")
        // our engine plugin (UserTaskConventions) reads every user task's formRef and fails without one
        .camundaFormRef("benchmark-bare").camundaFormRefBinding("latest").endEvent().done();
    BpmnModelInstance timer = Bpmn.createExecutableProcess(BARE_TIMER).camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("Bare_Timer").name("Bare timer").timerWithDate("${due}")
        .serviceTask("Bare_NoOp").name("No-op").camundaClass(BareProbe.class.getName()).endEvent().done();
    engine.getRepositoryService().createDeployment().name("benchmark-bare")
        .addModelInstance(BARE_TASK + ".bpmn", task).addModelInstance(BARE_TIMER + ".bpmn", timer).deploy();
  }

  private void warmUp() throws Exception {
    for (int i = 0; i < p1WarmUp; i++) {
      post();
      startBareTask();
      postBare();
    }
    completeFqrs(20);
    completeBareTasks(100);
    say("warm-up done");
  }

  // ---- P1

  private void p1CasesOpenedPerSecond() throws Exception {
    // where the gap is: the same bare start carrying the variables a case's start carries
    Map<String, Object> caseVariables = CaseVariables.of(Lifecycle.aCase(UnaryOperator.identity()));
    Recording recording = profile("p1");
    List<Double> followthrough = new ArrayList<>();
    List<Double> inProcess = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> bareWithVariables = new ArrayList<>();
    List<Double> bareOverHttp = new ArrayList<>();
    int bareStarts = casesPerRound * 5;
    // the five take turns in every round, so that a slower moment of the machine falls on all alike
    for (int round = 0; round < rounds; round++) {
      followthrough.add(perSecond(casesPerRound, this::post));
      inProcess.add(perSecond(casesPerRound, this::openInProcess));
      bare.add(perSecond(bareStarts, this::startBareTask));
      bareOverHttp.add(perSecond(bareStarts, this::postBare));
      bareWithVariables.add(perSecond(bareStarts,
          () -> engine.getRuntimeService().startProcessInstanceByKey(BARE_TASK, caseVariables)));
    }
    stop(recording);
    say("P1 raw cases/s POST /api/cases " + followthrough + " | in-process SupportCases.open " + inProcess
        + " | bare start->user task " + bare + " | the same with the " + caseVariables.size() + " variables of a case "
        + bareWithVariables + " | bare start over HTTP " + bareOverHttp);
    row("P1 cases opened per second (POST /api/cases)", followthrough, bare, "/s", true);
    row("P1' cases opened per second in-process (SupportCases.open)", inProcess, bare, "/s", true);
    row("P1'' (where the gap is) bare start->user task with the " + caseVariables.size() + " variables of a case",
        bareWithVariables, bare, "/s", true);
    row("P1* (HTTP alike) POST /api/cases against the bare start behind the same HTTP stack", followthrough,
        bareOverHttp, "/s", true);
  }

  private interface Action {
    void run() throws Exception;
  }

  /** Runs the action so many times, one after the other; how many a second. */
  private static double perSecond(int times, Action action) throws Exception {
    long began = System.nanoTime();
    for (int i = 0; i < times; i++) {
      action.run();
    }
    return times / seconds(began);
  }

  private void post() throws Exception {
    postACase("/api/cases", "BENCH-");
    opened++;
  }

  /** Posts a case, as a client posts it to {@code POST /api/cases}, with a fresh number. */
  private void postACase(String path, String numberPrefix) throws Exception {
    String number = numberPrefix + caseNumbers.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Lifecycle.aCasePosted(number)))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private void openInProcess() {
    cases.open(Lifecycle.aCase(UnaryOperator.identity())); // numbered CASE-1, CASE-2, … in this JVM
  }

  private void startBareTask() {
    engine.getRuntimeService().startProcessInstanceByKey(BARE_TASK);
  }

  private void postBare() throws Exception {
    postACase(BareStartOverHttp.PATH, "BARE-");
  }

  /**
   * The bare start behind the same HTTP stack as {@code POST /api/cases} (Tomcat, the API's filter
   * chain, Spring MVC, the same JSON body read): what HTTP costs, apart from opening a case. Only the
   * benchmark's application has it: nested in a test class, no test's component scan picks it up.
   */
  @RestController
  static class BareStartOverHttp {

    static final String PATH = "/api/benchmark/bare-start";

    private final ProcessEngine engine;

    BareStartOverHttp(ProcessEngine engine) {
      this.engine = engine;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, String>> start(@RequestBody Map<String, Object> body) {
      String caseNumber = String.valueOf(body.get("caseNumber"));
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(BARE_TASK, caseNumber);
      return ResponseEntity.created(URI.create(PATH + "/" + caseNumber))
          .body(Map.of("caseNumber", caseNumber, "processInstanceId", instance.getId()));
    }
  }

  // ---- filling

  private void fillTo(int target) throws Exception {
    int missing = target - openCases();
    if (missing <= 0) {
      return;
    }
    long began = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(fillThreads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < fillThreads; t++) {
        int share = missing / fillThreads + (t < missing % fillThreads ? 1 : 0);
        work.add(threads.submit(() -> {
          for (int i = 0; i < share; i++) {
            openInProcess();
            int n = done.incrementAndGet();
            if (n % 5_000 == 0) {
              System.out.printf(Locale.ROOT, "  filled %d of %d (%.0f/s)%n", n, missing, n / seconds(began));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
    say(String.format(Locale.ROOT, "filled to %d open cases: %d opened by %d threads in %.0f s (%.0f/s)", openCases(),
        missing, fillThreads, seconds(began), missing / seconds(began)));
    analyze("after filling");
  }

  /**
   * PostgreSQL plans by its statistics, which autovacuum keeps up to date as tables grow. A server
   * without autovacuum (a CI server, for instance) plans the queries of 100,000 cases as if the
   * tables were as small as when they were last analyzed: loading a case's variables read every
   * variable row through the wrong index (134 ms instead of 0.4 ms), and the outbox ledger, last
   * analyzed empty, was read row by row for every email. So the benchmark analyzes where autovacuum
   * would have: after filling, and before every burst (each adds 5,000 emails to the ledger).
   */
  private void analyze(String when) {
    if (!db.equals("postgres")) {
      return;
    }
    long began = System.nanoTime();
    jdbc.execute("analyze");
    say(String.format(Locale.ROOT, "ANALYZE %s, %.1f s (autovacuum on this server: %s)", when, seconds(began),
        jdbc.queryForObject("show autovacuum", String.class)));
  }

  private int openCases() {
    return jdbc.queryForObject("select count(*) from ft_case where status = 'OPEN'", Integer.class);
  }

  // ---- P5

  private void p5Completion(int openNow) {
    List<Double> followthrough = completeFqrs(completions);
    for (int i = 0; i < completions; i++) {
      startBareTask();
    }
    List<Double> bare = completeBareTasks(completions);
    int tasks = (int) engine.getTaskService().createTaskQuery().count();
    say("P5 raw ms with " + openCases() + " open cases, " + tasks + " open tasks: followthrough " + round(followthrough)
        + " | bare " + round(bare));
    row("P5 completing an FQR task, ms, " + openNow + " open cases", followthrough, bare, " ms", false);
  }

  private List<Double> completeFqrs(int count) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey(PREPARE_FQR)
        .orderByTaskCreateTime().desc().listPage(0, count);
    List<Double> millis = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> form = lifecycle.fqrForm(task, ENGINEER_WORDS);
      long began = System.nanoTime();
      engine.getTaskService().complete(task.getId(), form);
      millis.add((System.nanoTime() - began) / 1e6);
    }
    return millis;
  }

  private List<Double> completeBareTasks(int count) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(BARE_TASK)
        .orderByTaskCreateTime().desc().listPage(0, count);
    List<Double> millis = new ArrayList<>();
    for (Task task : tasks) {
      long began = System.nanoTime();
      engine.getTaskService().complete(task.getId());
      millis.add((System.nanoTime() - began) / 1e6);
    }
    return millis;
  }

  // ---- P2

  /** Every burst uses at-risk timers of other cases, and as many fresh bare timers. */
  private void p2Burst() throws Exception {
    int needed = burstWarmUp + burst * burstRounds;
    List<String> timers = engine.getManagementService().createJobQuery().activityId(FIRST_RESPONSE_AT_RISK).timers()
        .listPage(0, needed).stream().map(Job::getId).toList();
    if (timers.size() < needed) {
      throw new IllegalStateException("only " + timers.size() + " at-risk timers wait");
    }
    if (burstWarmUp > 0) {
      burst("followthrough", timers.subList(0, burstWarmUp), this::deliveredSince, Duration.ofMinutes(10));
      burst("bare", bareTimers(burstWarmUp), this::probedSince, Duration.ofMinutes(10));
      say("P2 warm-up: a burst of " + burstWarmUp + " each way, not counted");
    }
    List<Double> followthroughRates = new ArrayList<>();
    List<Double> bareRates = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    for (int round = 0; round < burstRounds; round++) {
      List<String> bareTimers = bareTimers(burst);
      analyze("before burst " + (round + 1));
      Recording recording = round == 0 ? profile("p2") : null;
      int from = burstWarmUp + round * burst;
      Burst followthrough = burst("followthrough", timers.subList(from, from + burst), this::deliveredSince,
          Duration.ofMinutes(40));
      stop(recording);
      Burst bare = burst("bare", bareTimers, this::probedSince, Duration.ofMinutes(10));
      say(String.format(Locale.ROOT, "P2 raw burst of %d, round %d: followthrough %.1f s (%.1f/s), order rho %.3f,"
              + " oldest due sent as #%d, failed jobs %d | bare %.1f s (%.1f/s), order rho %.3f, oldest as #%d", burst,
          round + 1, followthrough.seconds, burst / followthrough.seconds, followthrough.rho, followthrough.oldestAt + 1,
          failedJobs(), bare.seconds, burst / bare.seconds, bare.rho, bare.oldestAt + 1));
      followthroughRates.add(burst / followthrough.seconds);
      bareRates.add(burst / bare.seconds);
      orders.add(String.format(Locale.ROOT, "rho %.3f, oldest as #%d", followthrough.rho, followthrough.oldestAt + 1)
          + " / " + String.format(Locale.ROOT, "rho %.3f, oldest as #%d", bare.rho, bare.oldestAt + 1));
      mailServer.purgeEmailFromAllMailboxes();
    }
    row("P2 burst of " + burst + ": handed on per second, " + burstRounds + " rounds", followthroughRates, bareRates,
        "/s", true);
    lines.add("| P2 burst of " + burst + ": oldest due first (Spearman rho of due order vs send order; 1 = exactly),"
        + " each round followthrough / bare | " + String.join("; ", orders) + " | | |");
  }

  private record Burst(double seconds, double rho, int oldestAt) {}

  /** Makes these timer jobs due at one moment, oldest first by a millisecond each, and waits until all ran. */
  private Burst burst(String who, List<String> jobs, LongSupplier doneSinceMark, Duration atMost) throws Exception {
    long now = System.currentTimeMillis();
    Map<String, Integer> dueOrder = new HashMap<>();
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      updates.add(new Object[] {new Timestamp(now - jobs.size() + i), jobs.get(i)});
    }
    Map<String, String> instanceOfJob = instancesOf(jobs);
    for (int i = 0; i < jobs.size(); i++) {
      dueOrder.put(instanceOfJob.get(jobs.get(i)), i);
    }
    mark();
    long began = System.nanoTime();
    transaction.executeWithoutResult(status ->
        jdbc.batchUpdate("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?", updates));
    long deadline = System.nanoTime() + atMost.toNanos();
    while (doneSinceMark.getAsLong() < jobs.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(who + ": only " + doneSinceMark.getAsLong() + " of " + jobs.size() + " after " + atMost);
      }
      Thread.sleep(50);
    }
    double seconds = seconds(began);
    List<String> order = who.equals("bare") ? probedInstancesSinceMark() : sentCaseInstancesSinceMark();
    List<Integer> ranks = order.stream().map(dueOrder::get).filter(java.util.Objects::nonNull).toList();
    return new Burst(seconds, spearman(ranks), ranks.indexOf(0));
  }

  /** As many bare timer processes, waiting far in the future; their timer jobs. */
  private List<String> bareTimers(int count) {
    for (int i = 0; i < count; i++) {
      engine.getRuntimeService().createProcessInstanceByKey(BARE_TIMER).setVariable("due", FAR_AWAY).execute();
    }
    return bareTimerJobs(count);
  }

  private List<String> bareTimerJobs(int count) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(BARE_TIMER).timers()
        .duedateHigherThan(Date.from(Instant.parse("2098-01-01T00:00:00Z"))).listPage(0, count).stream()
        .map(Job::getId).toList();
  }

  private Map<String, String> instancesOf(List<String> jobs) {
    Map<String, String> instances = new HashMap<>();
    for (int from = 0; from < jobs.size(); from += 500) {
      List<String> page = jobs.subList(from, Math.min(jobs.size(), from + 500));
      String in = page.stream().map(id -> "?").collect(Collectors.joining(","));
      jdbc.query("select ID_, PROCESS_INSTANCE_ID_ from ACT_RU_JOB where ID_ in (" + in + ")",
          rs -> { instances.put(rs.getString(1), rs.getString(2)); }, page.toArray());
    }
    return instances;
  }

  // ---- what reached SMTP, and what the bare no-op saw

  private int deliveryMark;
  private int probeMark;

  private void mark() {
    deliveryMark = deliveries.size();
    probeMark = BareProbe.HITS.size();
  }

  private List<Delivery> deliveriesSinceMark() {
    return deliveries.stream().skip(deliveryMark).toList();
  }

  private long deliveredSince() {
    return deliveries.stream().skip(deliveryMark).map(Delivery::messageId).distinct().count();
  }

  private long probedSince() {
    return BareProbe.HITS.size() - probeMark;
  }

  private List<BareProbe.Hit> probesSinceMark() {
    return BareProbe.HITS.stream().skip(probeMark).toList();
  }

  private List<String> probedInstancesSinceMark() {
    return probesSinceMark().stream().map(BareProbe.Hit::processInstanceId).toList();
  }

  /** The process instances of the emails delivered since the mark, in the order of their first delivery. */
  private List<String> sentCaseInstancesSinceMark() {
    Map<String, String> instanceOfMessage = instanceOfMessage();
    return deliveriesSinceMark().stream().map(Delivery::messageId).distinct().map(instanceOfMessage::get).toList();
  }

  private Map<String, Long> firstDeliverySinceMark() {
    Map<String, String> instanceOfMessage = instanceOfMessage();
    Map<String, Long> first = new HashMap<>();
    for (Delivery d : deliveriesSinceMark()) {
      String instance = instanceOfMessage.get(d.messageId());
      if (instance != null) {
        first.merge(instance, d.atMillis(), Math::min);
      }
    }
    return first;
  }

  private Map<String, String> instanceOfMessage() {
    Map<String, String> byMessage = new HashMap<>();
    jdbc.query("select o.message_id, c.process_instance_id from ft_outbound_email o join ft_case c "
            + "on c.case_number = o.case_number where o.kind = 'first-response-at-risk'",
        rs -> { byMessage.put(rs.getString(1), rs.getString(2)); });
    return byMessage;
  }

  private long failedJobs() {
    return engine.getManagementService().createJobQuery().withException().count();
  }

  // ---- P3

  private void p3Lateness() throws Exception {
    long waiting = engine.getManagementService().createJobQuery().timers().count();
    List<String> timers = engine.getManagementService().createJobQuery().activityId(FIRST_RESPONSE_AT_RISK).timers()
        .listPage(0, lateTimers).stream().map(Job::getId).toList();
    List<String> bareTimers = bareTimers(lateTimers);
    List<Double> followthrough = lateness(timers, false);
    List<Double> bare = lateness(bareTimers, true);
    say("P3 raw lateness ms with " + waiting + " timers waiting: followthrough " + summary(followthrough) + " | bare "
        + summary(bare));
    for (double p : new double[] {50, 99, 100}) {
      String name = p == 100 ? "max" : "p" + (int) p;
      lines.add(String.format(Locale.ROOT, "| P3 timer lateness %s, s, %d timers waiting | %.2f | %.2f | %.2f |",
          name, waiting, percentile(followthrough, p) / 1000, percentile(bare, p) / 1000,
          percentile(followthrough, p) / Math.max(1, percentile(bare, p))));
    }
    mailServer.purgeEmailFromAllMailboxes();
  }

  /** Timers due one after the other, 100 ms apart from 3 s from now; how late each was handed on. */
  private List<Double> lateness(List<String> jobs, boolean bare) throws Exception {
    long first = System.currentTimeMillis() + 3_000;
    Map<String, String> instanceOfJob = instancesOf(jobs);
    Map<String, Long> dueOfInstance = new HashMap<>();
    List<Object[]> updates = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      long due = first + i * 100L;
      updates.add(new Object[] {new Timestamp(due), jobs.get(i)});
      dueOfInstance.put(instanceOfJob.get(jobs.get(i)), due);
    }
    mark();
    transaction.executeWithoutResult(status ->
        jdbc.batchUpdate("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?", updates));
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    LongSupplier done = bare ? this::probedSince : this::deliveredSince;
    while (done.getAsLong() < jobs.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("P3: only " + done.getAsLong() + " of " + jobs.size());
      }
      Thread.sleep(50);
    }
    Map<String, Long> handedOn = new HashMap<>();
    if (bare) {
      probesSinceMark().forEach(hit -> handedOn.merge(hit.processInstanceId(), hit.atMillis(), Math::min));
    } else {
      handedOn.putAll(firstDeliverySinceMark());
    }
    List<Double> late = new ArrayList<>();
    dueOfInstance.forEach((instance, due) -> {
      Long at = handedOn.get(instance);
      if (at != null) {
        late.add((double) Math.max(0, at - due));
      }
    });
    return late;
  }

  // ---- P4

  private void p4Heap() {
    long used = heapAfterGc();
    say(String.format(Locale.ROOT, "P4 raw heap after GC with %d open cases: %d MiB (max heap %d MiB)", openCases(),
        used >> 20, Runtime.getRuntime().maxMemory() >> 20));
    heapWithCases = used;
  }

  private long heapWithCases;

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void p4StartUp() throws Exception {
    List<Double> followthrough = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> followthroughHeap = new ArrayList<>();
    List<Double> bareHeap = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      double[] ft = startChild(false, round);
      followthrough.add(ft[0]);
      followthroughHeap.add(ft[1]);
      double[] b = startChild(true, round);
      bare.add(b[0]);
      bareHeap.add(b[1]);
    }
    say("P4 raw start-up s (JVM start -> ready, -Xmx1g): followthrough " + followthrough + " | bare " + bare
        + "; heap after GC when ready, MiB: followthrough " + followthroughHeap + " | bare " + bareHeap);
    row("P4 start-up, s (JVM start -> ready)", followthrough, bare, " s", false);
    row("P4 heap after GC when ready (empty database), MiB", followthroughHeap, bareHeap, " MiB", false);
    lines.add(String.format(Locale.ROOT, "| P4 heap after GC with %d open cases (in the benchmark JVM), MiB | %d | %s | |",
        open, heapWithCases >> 20, "-"));
  }

  /** Starts the app (or the bare app) in a JVM of its own on a fresh database; [seconds to ready, MiB heap]. */
  private double[] startChild(boolean bare, int round) throws Exception {
    String name = "followthrough_startup_" + (bare ? "bare" : "app") + round;
    String url = database(name);
    Path log = Path.of("target", "benchmark", name + ".log");
    Files.createDirectories(log.getParent());
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // the application without the tests' beans; the bare app without the application (its META-INF
    // hooks check production settings in any Spring Boot app on the class path)
    Path leftOut = bare ? Path.of("target", "classes") : Path.of("target", "test-classes");
    classpath = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).normalize().endsWith(leftOut))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", classpath, bare ? BareCamundaApp.class.getName() : FollowthroughApplication.class.getName(),
        "--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + (db.equals("postgres") ? LocalPostgres.USER : "sa"),
        "--spring.datasource.password="));
    if (bare) {
      command.addAll(List.of("--spring.config.name=bare-camunda", "--spring.flyway.enabled=false",
          "--camunda.bpm.auto-deployment-enabled=false", "--camunda.bpm.admin-user.id=demo",
          "--camunda.bpm.admin-user.password=demo"));
    } else {
      command.addAll(List.of("--spring.profiles.active=local", "--followthrough.mail.embedded-server.smtp-port=0",
          "--followthrough.mail.embedded-server.imap-port=0", "--followthrough.inbound.polling=false"));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Pattern started = Pattern.compile("Started \\w+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (System.nanoTime() < deadline) {
        Matcher m = started.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        if (m.find()) {
          double ready = Double.parseDouble(m.group(1));
          return new double[] {ready, heapOf(process.pid())};
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("The " + (bare ? "bare app" : "application") + " did not start; see " + log);
    } finally {
      process.destroy();
      process.waitFor();
      dropDatabase(name);
    }
  }

  /** Used heap of another JVM after a full GC, in MiB (jcmd). */
  private static double heapOf(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, String.valueOf(pid), "GC.run");
    String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  // ---- databases

  /** One per label, so that a run before and one after a change can share the server. */
  private String benchmarkDatabase() {
    return "followthrough_benchmark_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }

  private String database(String name) {
    if (db.equals("postgres")) {
      return LocalPostgres.freshDatabase(name);
    }
    return "jdbc:h2:file:./target/benchmark/h2-" + name + "-" + UUID.randomUUID() + "/followthrough;DB_CLOSE_ON_EXIT=FALSE";
  }

  private void dropDatabase(String name) {
    if (!db.equals("postgres")) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(LocalPostgres.SERVER + "postgres", LocalPostgres.USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (Exception e) {
      System.out.println("Could not drop " + name + ": " + e.getMessage());
    }
  }

  // ---- profiling

  private Recording profile(String phase) throws Exception {
    if (!jfr) {
      return null;
    }
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    // where the threads wait, not only where they run: every wait of a millisecond or more
    for (String wait : List.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.SocketWrite")) {
      recording.enable(wait).withThreshold(Duration.ofMillis(1)).withStackTrace();
    }
    Path file = Path.of("target", "benchmark", db + "-" + label + "-" + phase + ".jfr");
    Files.createDirectories(file.getParent());
    recording.setDestination(file);
    recording.start();
    return recording;
  }

  private void stop(Recording recording) {
    if (recording != null) {
      recording.stop();
      say("profile written to " + recording.getDestination());
      recording.close();
    }
  }

  // ---- statistics and output

  private void say(String line) {
    System.out.println(line);
    lines.add(line);
  }

  /** One table row: medians with the spread (min..max), and the ratio of the medians Followthrough / bare. */
  private void row(String figure, List<Double> followthrough, List<Double> bare, String unit, boolean higherIsBetter) {
    if (!headed) {
      headed = true;
      say("| figure | Followthrough, median (min..max) | bare, median (min..max) | ratio Followthrough / bare |");
      say("| --- | --- | --- | --- |");
    }
    double ft = percentile(followthrough, 50);
    double b = percentile(bare, 50);
    String line = String.format(Locale.ROOT, "| %s | %s | %s | %.2fx |", figure, spread(followthrough, unit),
        spread(bare, unit), ft / b);
    System.out.println(line);
    lines.add(line);
  }

  private static String spread(List<Double> values, String unit) {
    return String.format(Locale.ROOT, "%.1f%s (%.1f..%.1f)", percentile(values, 50), unit,
        values.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
        values.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
  }

  private static String summary(List<Double> values) {
    return String.format(Locale.ROOT, "n=%d p50=%.0f p90=%.0f p99=%.0f max=%.0f", values.size(), percentile(values, 50),
        percentile(values, 90), percentile(values, 99), percentile(values, 100));
  }

  private static List<Long> round(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Spearman's rank correlation of the send positions 0..n-1 with the due ranks they carry. */
  static double spearman(List<Integer> dueRanksInSendOrder) {
    int n = dueRanksInSendOrder.size();
    if (n < 2) {
      return Double.NaN;
    }
    List<Integer> sorted = dueRanksInSendOrder.stream().sorted().toList();
    Map<Integer, Integer> rankOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rankOf.put(sorted.get(i), i);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = i - rankOf.get(dueRanksInSendOrder.get(i));
      sum += d * d;
    }
    return 1 - 6 * sum / ((double) n * ((double) n * n - 1));
  }

  private static double seconds(long beganNanos) {
    return (System.nanoTime() - beganNanos) / 1e9;
  }
}
