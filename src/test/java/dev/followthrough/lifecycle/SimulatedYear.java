package dev.followthrough.lifecycle;

import dev.followthrough.casework.HandledAs;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_ABOUT_SOLUTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_CUSTOMER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CALL_FOR_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_LQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.READ_CUSTOMER_REPLY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REACH_OUT_TO_TAM;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REVIEW_CUSTOMER_ANSWER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REVIEW_DISSATISFIED_CUSTOMER;

import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.support.SmtpTransactions;
import dev.followthrough.cases.Channel;
import dev.followthrough.cases.CustomerReply;
import dev.followthrough.cases.NewCase;
import dev.followthrough.casework.ReplyIntake;
import dev.followthrough.cases.Severity;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.cases.Tier;
import dev.followthrough.mail.Audience;
import dev.followthrough.mail.EmailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of support cases run through the real lifecycle: customers in many countries and zones
 * open cases at any hour, engineers work their tasks (sometimes late, sometimes at night), and
 * customers reply, fall silent or go on holiday, at random but from a fixed seed. The engine's
 * clock jumps from one due timer or action to the next; every job due runs as the job executor
 * would run it.
 *
 * <p>Along the way it holds the process to the contact policy and keeps a {@link Findings} record:
 * each email to a customer inside their business hours (R14), no unresponsive closure before 14
 * days without contact (R13), and each follow-up on the business day the policy promises (R5, R7, R8, R9).
 * Business days and hours are judged by {@link SimulatedYearJudge}, not by the product's calendar:
 * a wrong holiday in the product shows as an email outside the window or a follow-up off its day.
 */
final class SimulatedYear {

  /** Where the simulated customers are: ten countries, thirteen zones from UTC-10 to UTC+13:45. */
  record Place(String country, String region, String zone, String language) {}

  static final List<Place> PLACES = List.of(
      new Place("US", "hi", "Pacific/Honolulu", "en"),
      new Place("US", "ca", "America/Los_Angeles", "en"),
      new Place("CA", "bc", "America/Vancouver", "en"),
      new Place("US", "ny", "America/New_York", "en"),
      new Place("BR", null, "America/Sao_Paulo", "pt-BR"),
      new Place("GB", null, "Europe/London", "en"),
      new Place("FR", null, "Europe/Paris", "fr"),
      new Place("DE", "by", "Europe/Berlin", "de"),
      new Place("DE", null, "Europe/Berlin", "en"),
      new Place("IN", null, "Asia/Kolkata", "en"),
      new Place("JP", null, "Asia/Tokyo", "en"),
      new Place("AU", "nsw", "Australia/Sydney", "en"),
      new Place("NZ", null, "Pacific/Auckland", "en"),
      new Place("NZ", null, "Pacific/Chatham", "en"));

  private static final List<String> NAMES = List.of("Ana Souza", "Ben Carter", "Chloé Martin", "Deepa Iyer",
      "Erik Lund", "Fumiko Sato", "Grace Kim", "Hannes Bauer", "Isla Walker", "Jack Nguyen", "Kiri Parata",
      "Liam O'Brien", "Maya Cohen", "Noah Tremblay", "Olivia Smith", "Priya Nair");

  /** What the simulation saw, and every place the process broke the contact policy. */
  static final class Findings {
    final Map<String, Long> counts = new LinkedHashMap<>();
    final Map<String, Long> followUpsOnTheirDay = new TreeMap<>();
    final List<String> outsideTheWindow = new ArrayList<>();
    final List<String> closedTooEarly = new ArrayList<>();
    final List<String> followUpsOffTheirDay = new ArrayList<>();
    final List<String> unfinished = new ArrayList<>();
    Duration shortestSilenceBeforeClosure;

    void count(String what) {
      counts.merge(what, 1L, Long::sum);
    }

    long count(String what, long fallback) {
      return counts.getOrDefault(what, fallback);
    }

    void followUpOnItsDay(String what) {
      followUpsOnTheirDay.merge(what, 1L, Long::sum);
    }

    long followUpsChecked() {
      return followUpsOnTheirDay.values().stream().mapToLong(Long::longValue).sum() + followUpsOffTheirDay.size();
    }
  }

  private record Action(Instant at, long order, Runnable run) {}

  private final Lifecycle lifecycle;
  private final SupportCases cases;
  private final ReplyIntake replies;
  private final ProcessEngine engine;
  private final Policy policy;
  private final JdbcTemplate jdbc;
  private final GreenMail mailServer;
  private final Random random;
  private final ZoneId engineerZone;

  private final PriorityQueue<Action> agenda =
      new PriorityQueue<>(Comparator.comparing(Action::at).thenComparingLong(Action::order));
  private long actionsPlanned;
  private final Map<String, SimulatedCase> byNumber = new LinkedHashMap<>();
  private final Map<String, String> caseByInstance = new HashMap<>();
  private final Set<String> tasksSeen = new HashSet<>();
  private final Set<String> emailsSeen = new HashSet<>();
  private final SmtpTransactions smtp;
  private int lastCollected;
  private Instant lastLook;
  final Findings findings = new Findings();

  SimulatedYear(Lifecycle lifecycle, SupportCases cases, ReplyIntake replies, ProcessEngine engine,
                Policy policy, JdbcTemplate jdbc, GreenMail mailServer, SmtpTransactions smtp,
                long seed, ZoneId engineerZone) {
    this.lifecycle = lifecycle;
    this.cases = cases;
    this.replies = replies;
    this.engine = engine;
    this.policy = policy;
    this.jdbc = jdbc;
    this.mailServer = mailServer;
    this.smtp = smtp;
    this.random = new Random(seed);
    this.engineerZone = engineerZone;
  }

  Map<String, SimulatedCase> cases() {
    return byNumber;
  }

  /** Cases open at random moments over a year from {@code start}; then time runs until every case is closed. */
  void run(int caseCount, Instant start, Instant giveUpAt) {
    // a year of emails: count every delivery, keep none of their content
    smtp.keepMessages(false);
    try {
      runYear(caseCount, start, giveUpAt);
    } finally {
      smtp.keepMessages(true);
    }
  }

  private void runYear(int caseCount, Instant start, Instant giveUpAt) {
    lifecycle.clockAt(start);
    lastLook = start;
    Duration year = Duration.ofDays(365);
    for (int i = 1; i <= caseCount; i++) {
      Instant openAt = start.plusSeconds((long) (random.nextDouble() * year.toSeconds()));
      NewCase newCase = aCustomerCase(i);
      plan(openAt, () -> open(newCase));
    }
    while (true) {
      Instant next = nextMoment();
      if (next == null) {
        break;
      }
      if (next.isAfter(giveUpAt)) {
        byNumber.values().stream().filter(c -> c.closedAt == null)
            .forEach(c -> findings.unfinished.add(c.number() + " still open at " + giveUpAt));
        break;
      }
      lifecycle.clockAt(next);
      findings.count("moments the clock stopped at");
      lifecycle.runDueJobs();
      look();
      while (!agenda.isEmpty() && !agenda.peek().at().isAfter(next)) {
        agenda.poll().run().run();
        look();
      }
    }
    collectReceivedMessages();
  }

  private void plan(Instant at, Runnable action) {
    agenda.add(new Action(at, actionsPlanned++, action));
  }

  private Instant nextMoment() {
    ManagementService management = engine.getManagementService();
    List<Job> timers = management.createJobQuery().timers().withRetriesLeft().orderByJobDuedate().asc().listPage(0, 1);
    Instant nextTimer = timers.isEmpty() ? null : timers.get(0).getDuedate().toInstant();
    Instant nextAction = agenda.isEmpty() ? null : agenda.peek().at();
    if (nextTimer == null || (nextAction != null && nextAction.isBefore(nextTimer))) {
      return nextAction;
    }
    return nextTimer;
  }

  // ------------------------------------------------------------------ customers

  private NewCase aCustomerCase(int i) {
    Place place = PLACES.get(random.nextInt(PLACES.size()));
    String name = NAMES.get(random.nextInt(NAMES.size()));
    Severity severity = pick(new Severity[] {Severity.A, Severity.B, Severity.C}, 10, 50, 40);
    boolean premier = random.nextDouble() < 0.2;
    Channel channel = random.nextDouble() < 0.25 ? Channel.PHONE : Channel.EMAIL;
    return new NewCase(String.format("SIM-%05d", i), "Simulated case " + i + ": exports stop overnight",
        "The nightly export stops with a connection reset.", severity, "Data Pipelines", name,
        "customer" + i + "@" + place.country().toLowerCase() + ".customer.example", "+1 555 0100",
        place.zone(), place.country(), place.region(), place.language(), channel,
        premier ? Tier.PREMIER : Tier.STANDARD, premier ? "Terry Account" : null,
        premier ? "tam" + i + "@tam.example" : null, "engineer");
  }

  private void open(NewCase newCase) {
    ProcessInstance instance = lifecycle.open(newCase);
    SimulatedCase theCase = new SimulatedCase(newCase,
        SimulatedYearJudge.forCustomer(newCase.customerCountry(), newCase.customerRegion()), lifecycle.now());
    byNumber.put(newCase.caseNumber(), theCase);
    caseByInstance.put(instance.getId(), newCase.caseNumber());
    findings.count("cases opened");
  }

  /** A customer reads an email: they may answer it, go quiet, or be away (their out-of-office answers). */
  private void customerReads(SimulatedCase theCase, EmailKind kind, Instant sentAt) {
    int generation = ++theCase.replyGeneration;
    boolean afterClosing = kind == EmailKind.LAST_QUALITY_RESPONSE || kind == EmailKind.UNRESPONSIVE_CLOSURE;
    if (!afterClosing && !theCase.awayOn(sentAt) && random.nextDouble() < 0.04) {
      plan(sentAt.plus(minutes(1, 10)), () -> outOfOffice(theCase));
      return;
    }
    double chance = switch (kind) {
      case FIRST_QUALITY_RESPONSE -> 0.25;
      case STATUS_UPDATE -> switch (theCase.standing) {
        case PENDING_CUSTOMER_INFORMATION -> 0.55;
        case RESOLUTION_PROVIDED -> 0.45;
        default -> 0.10;
      };
      case PENDING_INFORMATION_REMINDER, SOLUTION_CHECK_IN, VOICEMAIL_FOLLOW_UP -> 0.35;
      case SOLUTION_FOLLOW_UP -> 0.25;
      case STRIKE_1, STRIKE_2, STRIKE_3 -> 0.15;
      case LAST_QUALITY_RESPONSE -> theCase.reopens == 0 ? 0.02 : 0;
      case UNRESPONSIVE_CLOSURE -> theCase.reopens == 0 ? 0.06 : 0;
      default -> 0;
    };
    if (random.nextDouble() >= chance) {
      return;
    }
    Duration delay = afterClosing ? hours(1, 24 * 10) : hours(0.2, 24 * 6);
    Instant at = sentAt.plus(delay);
    if (theCase.awayOn(at)) {
      at = theCase.back().plus(delay.dividedBy(4));
    }
    String body = random.nextBoolean()
        ? "Thanks, that worked: the export ran last night. Here is the log you asked for."
        : "I tried that but the export still stops. Attached are the details you asked for.";
    plan(at, () -> {
      if (theCase.replyGeneration == generation) {
        reply(theCase, body);
      }
    });
  }

  private void reply(SimulatedCase theCase, String body) {
    HandledAs handledAs = replies.receive(theCase.number(),
        new CustomerReply(theCase.facts.customerEmail(), "Re: [Case " + theCase.number() + "]", body));
    findings.count("customer replies");
    if (handledAs != HandledAs.AFTER_CLOSURE) {
      theCase.lastContact = lifecycle.now();
    }
    if (handledAs == HandledAs.REOPENED) {
      theCase.reopens++;
      theCase.closedAt = null;
      findings.count("cases reopened by a reply soon after closing");
    }
    lifecycle.runDueJobs();
    if (theCase.closedAt == null && random.nextDouble() < 0.02) {
      cases.flagDissatisfied(theCase.number(), "The customer wrote that the case takes too long.");
      findings.count("customers flagged as dissatisfied");
      lifecycle.runDueJobs();
    }
  }

  private void outOfOffice(SimulatedCase theCase) {
    if (theCase.closedAt != null) {
      return;
    }
    LocalDate until = theCase.day(lifecycle.now()).plusDays(3 + random.nextInt(14));
    cases.customerAway(theCase.number(), until);
    theCase.awayUntil = until;
    findings.count("out-of-office pauses");
    lifecycle.runDueJobs();
  }

  // ------------------------------------------------------------------ engineers

  private void engineerWorksOn(Task task) {
    Duration delay;
    if (PREPARE_FQR.equals(task.getTaskDefinitionKey())) {
      double late = random.nextDouble();
      delay = late < 0.08 ? hours(4, 30) : late < 0.2 ? hours(1, 4) : minutes(5, 50);
    } else {
      double late = random.nextDouble();
      delay = late < 0.05 ? hours(30, 72) : late < 0.3 ? hours(4, 30) : minutes(15, 240);
    }
    String taskId = task.getId();
    plan(task.getCreateTime().toInstant().plus(delay), () -> complete(taskId));
  }

  private void complete(String taskId) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return; // the process moved on without it (a reply, a boundary event)
    }
    tasksSeen.remove(taskId);
    SimulatedCase theCase = caseOf(task);
    Map<String, Object> form = new HashMap<>();
    String key = task.getTaskDefinitionKey() == null ? READ_CUSTOMER_REPLY : task.getTaskDefinitionKey();
    switch (key) {
      case PREPARE_FQR -> form.putAll(lifecycle.fqrForm(task, "I went through the export logs: the connection "
          + "resets when the warehouse rotates its certificates. Could you send me the time of the last good run?"));
      case CALL_FOR_FQR, CALL_CUSTOMER, CALL_ABOUT_SOLUTION -> {
        double reached = CALL_FOR_FQR.equals(key) ? 0.7 : CALL_CUSTOMER.equals(key) ? 0.45 : 0.4;
        CallOutcome outcome = random.nextDouble() < reached ? CallOutcome.REACHED
            : random.nextBoolean() ? CallOutcome.VOICEMAIL : CallOutcome.NO_ANSWER;
        form.putAll(lifecycle.callForm(task, outcome, "I called to walk you through renewing the client certificate"));
        if (outcome == CallOutcome.REACHED) {
          theCase.lastContact = lifecycle.now();
          findings.count("calls that reached the customer");
        }
      }
      case PREPARE_STATUS_UPDATE -> writeStatus(task, theCase, form);
      case REACH_OUT_TO_TAM -> form.putAll(lifecycle.draftWith(task,
          "We have not heard back from the customer since our last email; could you check in with them?"));
      case REVIEW_CUSTOMER_ANSWER -> {
        CustomerAnswer answer = theCase.statusRounds >= 6 ? CustomerAnswer.CONFIRMED
            : pick(CustomerAnswer.values(), 60, 15, 25);
        form.putAll(Lifecycle.answerForm(answer, answer.closesTheCase() ? theCase.facts.customerName() : null));
      }
      case PREPARE_LQR -> form.putAll(lifecycle.lqrForm(task, "The export stopped because the client certificate "
          + "expired; renewing it fixed the nightly run."));
      case READ_CUSTOMER_REPLY -> form.put("replyAcknowledged", true);
      case REVIEW_DISSATISFIED_CUSTOMER -> {
        form.put("advisorNotes", "Offered a call with a senior engineer.");
        form.put("recoveryCallOffered", true);
      }
      default -> throw new IllegalStateException(theCase.number() + ": the simulation has no engineer for " + key);
    }
    lifecycle.complete(task, form);
  }

  /** Where the case stands is drawn at random; after a few rounds the engineer has the solution. */
  private void writeStatus(Task task, SimulatedCase theCase, Map<String, Object> form) {
    theCase.statusRounds++;
    CaseStanding standing = theCase.statusRounds >= 5 ? CaseStanding.RESOLUTION_PROVIDED
        : pick(CaseStanding.values(), 28, 34, 15, 14, theCase.statusRounds >= 2 ? 9 : 0);
    theCase.standing = standing;
    theCase.customerDate = null;
    form.putAll(lifecycle.draftWith(task, "The certificate rotation breaks the export; the next step is to renew "
        + "the client certificate."));
    form.put("caseStanding", standing.name());
    if ((standing == CaseStanding.PENDING_CUSTOMER_INFORMATION || standing == CaseStanding.RESOLUTION_PROVIDED)
        && random.nextDouble() < 0.4) {
      theCase.customerDate = theCase.day(lifecycle.now()).plusDays(2 + random.nextInt(11));
      form.put("customerFollowUpDate", theCase.customerDate.toString());
      findings.count("dates given by customers");
    }
    if (standing == CaseStanding.PENDING_INTERNAL_RESEARCH) {
      LocalDateTime promise = lifecycle.now().atZone(engineerZone).toLocalDate().plusDays(8 + random.nextInt(7))
          .atTime(10 + random.nextInt(6), 0);
      form.put("nextUpdateAt", promise.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }
    findings.count("status emails written: " + standing.name().toLowerCase().replace('_', ' '));
  }

  private SimulatedCase caseOf(Task task) {
    String number = task.getProcessInstanceId() == null
        ? (String) engine.getTaskService().getVariable(task.getId(), CaseCommunicationProcess.CASE_NUMBER.name())
        : caseByInstance.computeIfAbsent(task.getProcessInstanceId(), id -> engine.getRuntimeService()
            .createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey());
    return byNumber.get(number);
  }

  // ------------------------------------------------------------------ what happened, and the checks

  /** New tasks go to an engineer; new emails reach customers, and are held to the policy. */
  private record NewTask(Task task, SimulatedCase theCase) {}

  private record SentRow(String key, String caseNumber, EmailKind kind, Instant sentAt) {}

  private void look() {
    Instant now = lifecycle.now();
    // in a fixed order (the engine's ids differ from run to run), so one seed gives one year
    List<NewTask> newTasks = engine.getTaskService().createTaskQuery()
        .taskCreatedAfter(java.util.Date.from(lastLook.minusSeconds(1))).list().stream()
        .filter(task -> tasksSeen.add(task.getId()))
        .map(task -> new NewTask(task, caseOf(task)))
        .sorted(Comparator.<NewTask, java.util.Date>comparing(added -> added.task().getCreateTime())
            .thenComparing(added -> added.theCase().number())
            .thenComparing(added -> String.valueOf(added.task().getTaskDefinitionKey())))
        .toList();
    for (NewTask added : newTasks) {
      if (CALL_ABOUT_SOLUTION.equals(added.task().getTaskDefinitionKey())) {
        checkFollowUpDay(added.theCase(), "call about the solution", added.task().getCreateTime().toInstant(),
            added.theCase().dueSolutionCall(policy));
      }
      engineerWorksOn(added.task());
    }
    List<SentRow> fresh = jdbc.query("select idempotency_key, case_number, kind, sent_at from ft_outbound_email "
            + "where status = 'SENT' and sent_at >= ?",
        (rs, row) -> new SentRow(rs.getString(1), rs.getString(2), EmailKind.fromId(rs.getString(3)),
            rs.getObject(4, OffsetDateTime.class).toInstant()),
        lastLook.atOffset(ZoneOffset.UTC)).stream()
        .filter(sent -> emailsSeen.add(sent.key()))
        .sorted(Comparator.comparing(SentRow::sentAt).thenComparing(SentRow::kind).thenComparing(SentRow::caseNumber))
        .toList();
    for (SentRow sent : fresh) {
      emailSent(byNumber.get(sent.caseNumber()), sent.kind(), sent.sentAt());
    }
    lastLook = now;
    if (emailsSeen.size() / 5_000 > lastCollected / 5_000) {
      lastCollected = emailsSeen.size();
      collectReceivedMessages();
    }
  }

  private void emailSent(SimulatedCase theCase, EmailKind kind, Instant at) {
    findings.count("emails sent: " + kind.id());
    if (kind.audience() == Audience.CUSTOMER) {
      findings.count("emails to customers");
      if (!theCase.calendar.isOpen(at, theCase.zone)) {
        findings.outsideTheWindow.add(describe(theCase) + ": " + kind.id() + " sent " + at.atZone(theCase.zone));
      }
    }
    theCase.dueFollowUp(kind, policy).ifPresent(due -> checkFollowUpDay(theCase, kind.id(), at, due));
    switch (kind) {
      case UNRESPONSIVE_CLOSURE -> {
        Duration silence = Duration.between(theCase.lastContact, at);
        if (silence.compareTo(Duration.ofDays(policy.getMinimumDaysBeforeUnresponsiveClosure())) < 0) {
          findings.closedTooEarly.add(describe(theCase) + ": closed " + at.atZone(theCase.zone) + ", last contact "
              + theCase.lastContact.atZone(theCase.zone));
        }
        if (findings.shortestSilenceBeforeClosure == null || silence.compareTo(findings.shortestSilenceBeforeClosure) < 0) {
          findings.shortestSilenceBeforeClosure = silence;
        }
        theCase.closedAt = at;
        findings.count("cases closed: customer unresponsive");
      }
      case LAST_QUALITY_RESPONSE -> {
        theCase.closedAt = at;
        findings.count("cases closed: resolved");
      }
      default -> { }
    }
    if (kind.audience() == Audience.CUSTOMER || kind.audience() == Audience.TAM) {
      theCase.outreach.add(new SimulatedCase.Sent(kind, at));
    }
    if (kind.audience() == Audience.CUSTOMER) {
      customerReads(theCase, kind, at);
    }
  }

  private void checkFollowUpDay(SimulatedCase theCase, String what, Instant happened, Instant due) {
    if (theCase.day(happened).equals(theCase.day(due))) {
      findings.followUpOnItsDay(what);
    } else {
      findings.followUpsOffTheirDay.add(describe(theCase) + ": " + what + " " + happened.atZone(theCase.zone)
          + ", due " + due.atZone(theCase.zone) + "; emails before: " + theCase.outreach
          + (theCase.customerDate == null ? "" : "; customer's date " + theCase.customerDate)
          + (theCase.awayUntil == null ? "" : "; away until " + theCase.awayUntil));
    }
  }

  private static String describe(SimulatedCase theCase) {
    return theCase.number() + " (" + theCase.facts.customerCountry()
        + (theCase.facts.customerRegion() == null ? "" : "-" + theCase.facts.customerRegion()) + ", "
        + theCase.zone + ")";
  }

  /** The mail server's copies take memory; what it accepted is counted by {@link SmtpTransactions}. */
  private void collectReceivedMessages() {
    try {
      mailServer.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The emails the server accepted, each counted once however many recipients it had. */
  long messagesReceived() {
    return smtp.deliveries().stream().map(SmtpTransactions.Delivery::messageId).distinct().count();
  }

  /** Emails the server accepted more than once for the same recipient: (Message-ID, recipient) = times. */
  Map<SmtpTransactions.Key, Integer> duplicateDeliveries() {
    return smtp.duplicates(delivery -> true);
  }

  // ------------------------------------------------------------------ chance

  private <T> T pick(T[] choices, int... weights) {
    int total = java.util.Arrays.stream(weights).sum();
    int roll = random.nextInt(total);
    for (int i = 0; i < choices.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return choices[i];
      }
    }
    throw new IllegalArgumentException("weights do not cover the choices");
  }

  private Duration minutes(int from, int to) {
    return Duration.ofSeconds(from * 60L + (long) (random.nextDouble() * (to - from) * 60));
  }

  private Duration hours(double from, double to) {
    return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 3600));
  }
}
