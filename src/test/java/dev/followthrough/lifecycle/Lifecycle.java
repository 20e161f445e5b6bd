package dev.followthrough.lifecycle;

import dev.followthrough.casework.HandledAs;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_LQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REVIEW_CUSTOMER_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.casework.SupportCases;
import dev.followthrough.cases.CaseNumbers;
import dev.followthrough.cases.Channel;
import dev.followthrough.cases.CustomerReply;
import dev.followthrough.cases.NewCase;
import dev.followthrough.casework.ReplyIntake;
import dev.followthrough.cases.Severity;
import dev.followthrough.cases.Tier;
import dev.followthrough.mail.DraftRules;
import dev.followthrough.mail.PlainText;
import dev.followthrough.support.SmtpTransactions;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.HashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives the real lifecycle the way people and time do: opens cases, completes tasks as an engineer
 * would, records customer replies, moves the engine's clock and runs the jobs that are due, and
 * reads what the in-JVM mail server received.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
    name = "followthrough.mail.embedded-server.enabled", havingValue = "true")
public class Lifecycle {

  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final AtomicInteger CASES = new AtomicInteger(10_000);

  /** An email as the customer's mail server received it. */
  public record Email(String messageId, String inReplyTo, String references, List<String> to, List<String> cc,
                      String subject, String text, Instant sentAt) {}

  private final SupportCases cases;
  private final ReplyIntake replies;
  private final ProcessEngine engine;
  private final SmtpTransactions smtp;

  Lifecycle(SupportCases cases, ReplyIntake replies, ProcessEngine engine, SmtpTransactions smtp) {
    this.cases = cases;
    this.replies = replies;
    this.engine = engine;
    this.smtp = smtp;
  }

  // ---- the case

  public static NewCase aCase(UnaryOperator<NewCase> changes) {
    NewCase standard = new NewCase("CASE-" + CASES.incrementAndGet(), "Nightly export to the warehouse fails",
        "Since Tuesday the nightly export stops after 20 minutes with error DW-4012: connection reset.",
        Severity.B, "Data Pipelines", "Dana Whitfield", "dana.whitfield@customer.example", "+49 30 1234 5678",
        "Europe/Berlin", "DE", null, "en", Channel.EMAIL, Tier.STANDARD, null, null, "engineer");
    return changes.apply(standard);
  }

  /** {@link #aCase} with this case number, as a client posts it to {@code POST /api/cases}. */
  public static Map<String, Object> aCasePosted(String caseNumber) {
    NewCase standard = aCase(UnaryOperator.identity());
    Map<String, Object> body = new LinkedHashMap<>();
    for (java.lang.reflect.RecordComponent field : NewCase.class.getRecordComponents()) {
      try {
        Object value = field.getName().equals("caseNumber") ? caseNumber : field.getAccessor().invoke(standard);
        if (value != null) {
          body.put(field.getName(), value instanceof Enum<?> choice ? choice.name() : value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return body;
  }

  public static NewCase premierWithTam(NewCase c) {
    return new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(), c.severity(), c.product(),
        c.customerName(), c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(),
        c.customerRegion(), c.customerLanguage(), c.preferredChannel(), Tier.PREMIER, "Terry Account", "terry.account@tam.example",
        c.engineerId());
  }

  public static NewCase prefersPhone(NewCase c) {
    return new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(), c.severity(), c.product(),
        c.customerName(), c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(),
        c.customerRegion(), c.customerLanguage(), Channel.PHONE, c.customerTier(), c.tamName(), c.tamEmail(), c.engineerId());
  }

  public ProcessInstance open(NewCase newCase) {
    ProcessInstance instance = cases.open(newCase);
    runDueJobs();
    return instance;
  }

  // ---- time

  /** A local time in Berlin, the customers' and the engineer's zone in these scenarios. */
  public static Instant berlin(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
  }

  /**
   * Where the scenarios start: Monday 23 November 2026, 10:00 in Berlin, with camunda-bpm-assert
   * reading this engine.
   */
  public void mondayMorning() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    clockAt(berlin("2026-11-23T10:00"));
  }

  /** After a scenario: the engine's clock is real time again. */
  public void realTime() {
    ClockUtil.reset();
  }

  public void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public Instant now() {
    return EngineClock.now();
  }

  /** Moves the engine's clock and runs every job that is due by then, as the job executor would. */
  public void timePassesUntil(Instant instant) {
    assertThat(instant).isAfterOrEqualTo(now());
    clockAt(instant);
    runDueJobs();
  }

  /** Runs jobs due now until none are left (a job may create the next one, e.g. a timer that leads to a send). */
  public void runDueJobs() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (ContactWindow.Closed postponed) {
          // as with the job executor: the send now waits for the customer's next opening
        }
      }
    }
    throw new AssertionError("Jobs keep coming: the process loops without waiting");
  }

  /** The due date of the one timer the instance waits for. */
  public Instant nextTimer(ProcessInstance instance) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .orderByJobDuedate().asc().list();
    assertThat(timers).as("timers of " + instance.getBusinessKey()).isNotEmpty();
    return timers.get(0).getDuedate().toInstant();
  }

  // ---- tasks

  public Task task(ProcessInstance instance, String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as("open task " + taskDefinitionKey).hasSize(1);
    return tasks.get(0);
  }

  public Map<String, Object> variables(Task task) {
    return engine.getTaskService().getVariables(task.getId());
  }

  /** Completes the task with these form values, then lets the process run to its next wait. */
  public void complete(Task task, Map<String, Object> formValues) {
    engine.getTaskService().complete(task.getId(), formValues);
    runDueJobs();
  }

  /** The task's draft with every fill-in marker replaced by the engineer's words. */
  public Map<String, Object> draftWith(Task task, String engineersWords) {
    TaskService tasks = engine.getTaskService();
    String body = (String) tasks.getVariable(task.getId(), CaseCommunicationProcess.DRAFT_BODY.name());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CaseCommunicationProcess.DRAFT_SUBJECT.name(),
        tasks.getVariable(task.getId(), CaseCommunicationProcess.DRAFT_SUBJECT.name()));
    values.put(CaseCommunicationProcess.DRAFT_BODY.name(),
        DraftRules.FILL_IN_MARKER.matcher(body).replaceAll(java.util.regex.Matcher.quoteReplacement(engineersWords)));
    return values;
  }

  // ---- the engineer's forms, filled in as an engineer would

  /** The FQR: the draft in the engineer's words, and the three P's ticked (R2). */
  public Map<String, Object> fqrForm(Task task, String engineersWords) {
    Map<String, Object> form = new HashMap<>(draftWith(task, engineersWords));
    form.put("fqrPrepared", true);
    form.put("fqrPersonalized", true);
    form.put("fqrProgress", true);
    return form;
  }

  /** A call: its plan, how it went, and the email that follows in the engineer's words. */
  public Map<String, Object> callForm(Task task, CallOutcome outcome, String engineersWords) {
    Map<String, Object> form = new HashMap<>(draftWith(task, engineersWords));
    form.put("callPlan", "Confirm the certificate expiry; walk through the renewal; agree on a test run.");
    form.put("callOutcome", outcome.name());
    form.put("callNotes", "Spoke about the renewal.");
    return form;
  }

  /** The customer's answer, with who approved closing (by email) when there is an approval. */
  public static Map<String, Object> answerForm(CustomerAnswer answer, String approvedBy) {
    Map<String, Object> form = new HashMap<>();
    form.put("customerAnswer", answer.name());
    if (approvedBy != null) {
      form.put("approvalBy", approvedBy);
      form.put("approvalChannel", "EMAIL");
    }
    return form;
  }

  /** The LQR: the draft in the engineer's words, every point of the outline ticked. */
  public Map<String, Object> lqrForm(Task task, String engineersWords) {
    Map<String, Object> form = new HashMap<>(draftWith(task, engineersWords));
    for (ProcessVariable<Boolean> point : CaseCommunicationProcess.LQR_OUTLINE) {
      form.put(point.name(), true);
    }
    return form;
  }

  // ---- the engineer's work on one case

  public void sendFirstQualityResponse(ProcessInstance instance) {
    Task task = task(instance, PREPARE_FQR);
    complete(task, fqrForm(task,
        "I checked the export logs you attached: the connection resets when the warehouse rotates its "
            + "certificates. Could you send me the time of the last successful run?"));
  }

  public void writeStatus(ProcessInstance instance, CaseStanding standing, Map<String, Object> more) {
    Task task = task(instance, PREPARE_STATUS_UPDATE);
    Map<String, Object> form = new HashMap<>(draftWith(task,
        "Status: the certificate rotation breaks the export. Next step: renew the client certificate as described."));
    form.put("caseStanding", standing.name());
    form.putAll(more);
    complete(task, form);
  }

  public void call(ProcessInstance instance, String callTask, CallOutcome outcome) {
    Task task = task(instance, callTask);
    complete(task, callForm(task, outcome, "I wanted to walk you through renewing the client certificate"));
  }

  public void answer(ProcessInstance instance, CustomerAnswer answer, String approvedBy) {
    complete(task(instance, REVIEW_CUSTOMER_ANSWER), answerForm(answer, approvedBy));
  }

  public void writeLastQualityResponse(ProcessInstance instance) {
    Task task = task(instance, PREPARE_LQR);
    complete(task, lqrForm(task,
        "The export failed because the client certificate expired; renewing it fixed the nightly run."));
  }

  // ---- the customer

  public HandledAs customerReplies(ProcessInstance instance, String body) {
    HandledAs handledAs = replies.receive(instance.getBusinessKey(),
        new CustomerReply("dana.whitfield@customer.example", "Re: " + instance.getBusinessKey(), body));
    runDueJobs();
    return handledAs;
  }

  // ---- email

  /**
   * Every email of the case, once each (the server keeps a copy per recipient), in sending order.
   * Fails when the server accepted an email twice for the same recipient: every SMTP delivery is
   * counted (see {@link SmtpTransactions}), not only distinct Message-IDs.
   */
  public List<Email> emails(ProcessInstance instance) {
    Predicate<SmtpTransactions.Delivery> ofTheCase = ofCase(instance);
    smtp.assertNoDuplicate(ofTheCase);
    Map<String, Email> emails = new LinkedHashMap<>();
    for (SmtpTransactions.Delivery delivery : smtp.deliveries(ofTheCase)) {
      MimeMessage message = delivery.message();
      try {
        emails.putIfAbsent(message.getMessageID(), new Email(message.getMessageID(),
            message.getHeader("In-Reply-To", null), message.getHeader("References", null),
            addresses(message, Message.RecipientType.TO), addresses(message, Message.RecipientType.CC),
            message.getSubject(), PlainText.of(message), message.getSentDate().toInstant()));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>(emails.values());
  }

  /** Every delivery of the case's emails the server accepted, one per SMTP transaction and recipient. */
  public List<SmtpTransactions.Delivery> deliveries(ProcessInstance instance) {
    return smtp.deliveries(ofCase(instance));
  }

  private static Predicate<SmtpTransactions.Delivery> ofCase(ProcessInstance instance) {
    return delivery -> {
      try {
        return delivery.message() != null
            && CaseNumbers.mentionedIn(delivery.message().getSubject(), instance.getBusinessKey());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  public Email lastEmail(ProcessInstance instance) {
    List<Email> emails = emails(instance);
    assertThat(emails).as("emails of " + instance.getBusinessKey()).isNotEmpty();
    return emails.get(emails.size() - 1);
  }

  private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
    return message.getRecipients(type) == null ? List.of()
        : Arrays.stream(message.getRecipients(type)).map(Object::toString).toList();
  }
}
