package dev.followthrough.inbound;

import dev.followthrough.cases.Preview;


import dev.followthrough.cases.CaseAttachments;
import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.CaseRecord;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CustomerReply;
import dev.followthrough.cases.IdempotencyConflict;
import dev.followthrough.casework.HandledAs;
import dev.followthrough.casework.ReplyIntake;
import dev.followthrough.casework.StandaloneTasks;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.lifecycle.EngineClock;
import dev.followthrough.lifecycle.UndeliverableEmails;
import dev.followthrough.mail.EmailLayout;
import dev.followthrough.mail.OutboxLedger;
import dev.followthrough.security.Groups;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every inbound message goes through here, from the mailbox or the REST API (R23): it is stored
 * first, once per Message-ID, with secrets redacted (R18); then handled in its own transaction:
 * matched to its case (case number in the subject, or our Message-ID in its thread headers; for a
 * bounce, the returned email's headers), classified ({@link ReplyClassifier}), and routed: a
 * customer reply moves the case; an automatic reply is no response; a delivery delay is a line on
 * the timeline; a bounce takes the case to "Customer email bounced: correct the address"; a message
 * the classifier is unsure about is a task for the case's engineer. A message that cannot be handled
 * yet is tried again; a person's message that matches no case becomes a triage task (automatic
 * replies and delay notices for no case are kept, not triaged). Nothing is dropped.
 * Logs name message ids and cases, never senders or bodies.
 */
@Service
public class InboundIntake {

  private static final Logger log = LoggerFactory.getLogger(InboundIntake.class);
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private final Inbox inbox;
  private final CaseRecords records;
  private final OutboxLedger ledger;
  private final ReplyIntake replies;
  private final SupportCases cases;
  private final StandaloneTasks tasks;
  private final DeliveryReportStore reports;
  private final UndeliverableEmails undeliverable;
  private final InboundProperties properties;
  private final TransactionTemplate ownTransaction;
  private final CaseAttachments attachments;
  private final AttachmentPolicy attachmentPolicy;

  InboundIntake(Inbox inbox, CaseRecords records, OutboxLedger ledger, ReplyIntake replies, SupportCases cases,
                StandaloneTasks tasks, DeliveryReportStore reports, UndeliverableEmails undeliverable,
                InboundProperties properties, PlatformTransactionManager transactions, CaseAttachments attachments) {
    this.inbox = inbox;
    this.records = records;
    this.ledger = ledger;
    this.replies = replies;
    this.cases = cases;
    this.tasks = tasks;
    this.reports = reports;
    this.undeliverable = undeliverable;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.attachments = attachments;
    this.attachmentPolicy = new AttachmentPolicy(properties.maxAttachmentSize().toBytes(),
        properties.maxAttachmentsPerMessage().toBytes());
  }

  /**
   * A reply recorded through the API: the case is known; stored and handled at once. With an
   * idempotency key (or the client's own message id) the reply's Message-ID is fixed, so the
   * inbox's one-row-per-Message-ID keeps a retried post once and it is answered with the first
   * result; the same key with another reply is a conflict. Without either, every post is new.
   */
  public HandledAs receive(String caseNumber, CustomerReply reply, String idempotencyKey) {
    CaseRecord theCase = records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    String messageId = reply.messageId() != null ? bracketed(reply.messageId())
        : idempotencyKey != null ? keyedMessageId(theCase.caseNumber(), idempotencyKey)
        : "<api." + UUID.randomUUID() + "@followthrough>";
    InboundMessage message = new InboundMessage(messageId, reply.from(), reply.subject(), null, null,
        java.util.Map.of(), "text/plain", reply.body(), EngineClock.now(), theCase.caseNumber());
    Optional<Long> stored = store(message);
    if (stored.isPresent()) {
      return handle(stored.get());
    }
    long first = inbox.idOf(messageId).orElseThrow();
    Inbox.Stored earlier = inbox.load(first);
    String field = reply.messageId() != null ? "messageId" : "Idempotency-Key";
    if (!theCase.caseNumber().equals(earlier.caseNumber()) || !java.util.Objects.equals(earlier.sender(), reply.from())
        || !java.util.Objects.equals(earlier.subject(), SecretRedactor.redact(reply.subject()).text())
        || !earlier.body().equals(SecretRedactor.redact(reply.body()).text())) {
      throw new IdempotencyConflict(field, "This " + field + " was used before for a different reply");
    }
    Optional<String> handledBefore = inbox.handledAs(first);
    if (handledBefore.isPresent()) {
      return HandledAs.valueOf(handledBefore.get());
    }
    HandledAs handledAs = handle(first);
    return handledAs == HandledAs.DUPLICATE ? inbox.handledAs(first).map(HandledAs::valueOf).orElse(handledAs) : handledAs;
  }

  private static String bracketed(String messageId) {
    return messageId.startsWith("<") ? messageId : "<" + messageId + ">";
  }

  /** The same key for the same case gives the same Message-ID; keys of different cases never meet. */
  private static String keyedMessageId(String caseNumber, String key) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest((caseNumber + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "<api.key." + java.util.HexFormat.of().formatHex(hash) + "@followthrough>";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores the message (secrets redacted) in its own transaction; empty when it was stored before. */
  public Optional<Long> store(InboundMessage message) {
    return store(message, List.of());
  }

  /**
   * Stores the message and the files that came with it (R29), in one transaction; empty when stored
   * before. The stored body ends with the list of files, so wherever the reply reaches the engineer,
   * the files are named, and a reply that is only a file is not empty.
   */
  Optional<Long> store(InboundMessage message, List<MimeReader.Attachment> files) {
    SecretRedactor.Redaction redaction = SecretRedactor.redact(message.text());
    // R18: a subject is stored and shown as much as a body is ("my password is ..." in the subject line)
    SecretRedactor.Redaction subject = SecretRedactor.redact(message.subject());
    ReplyClassifier.Classification classification = ReplyClassifier.classify(ReplyClassifier.Message.of(message),
        message.receivedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    List<AttachmentPolicy.Decision> decisions = attachmentPolicy.decide(files);
    String body = Stream.of(redaction.text(), AttachmentPolicy.summary(decisions))
        .filter(part -> !part.isBlank()).collect(Collectors.joining("\n\n"));
    List<String> secrets = Stream.of(subject.kinds().stream(), redaction.kinds().stream(),
        decisions.stream().flatMap(decision -> decision.secretsRedacted().stream())).flatMap(kinds -> kinds)
        .distinct().toList();
    Optional<Long> id = ownTransaction.execute(status -> {
      Optional<Long> stored = inbox.store(message.withSubject(subject.text()), body, secrets, classification);
      stored.ifPresent(fresh -> reports.keep(message.messageId(), message.deliveryReport()));
      stored.ifPresent(inboundId -> decisions.forEach(file -> attachments.add(inboundId, file.name(),
          file.contentType(), file.size(), file.content(), file.notKeptReason(),
          file.secretsRedacted().isEmpty() ? null : String.join(", ", file.secretsRedacted()))));
      return stored;
    });
    if (id.isEmpty()) {
      log.info("Inbound {} was received before; not handled again", message.messageId());
    }
    return id;
  }

  /** Every stored message not handled yet, oldest first. */
  public int handlePending() {
    int handled = 0;
    for (Long id : inbox.pending(properties.maxAttempts(), 500)) {
      try {
        handle(id);
        handled++;
      } catch (RuntimeException e) {
        // recorded in the inbox by handle(); tried again on the next round
      }
    }
    return handled;
  }

  /** Handles one stored message in its own transaction; a failure is recorded and tried again later. */
  public HandledAs handle(long id) {
    try {
      return ownTransaction.execute(status -> inbox.lockUnhandled(id) ? route(inbox.load(id)) : HandledAs.DUPLICATE);
    } catch (RuntimeException e) {
      ownTransaction.executeWithoutResult(status -> inbox.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage()));
      Inbox.Stored stored = inbox.load(id);
      log.warn("Inbound message {} could not be handled (attempt {}): {}", id, stored.attempts(), e.getClass().getSimpleName());
      if (stored.attempts() >= properties.maxAttempts()) {
        ownTransaction.executeWithoutResult(status -> triage(stored, "it could not be handled after "
            + stored.attempts() + " attempts (" + e.getClass().getSimpleName() + ")"));
        return HandledAs.TRIAGE_TASK;
      }
      throw e;
    }
  }

  private HandledAs route(Inbox.Stored message) {
    Instant now = EngineClock.now();
    Optional<DeliveryReport> report = reports.find(message.messageId());
    Optional<CaseRecord> theCase = findCase(message, report);
    if (theCase.isEmpty()) {
      return switch (message.kind()) {
        // noise for engineers: kept in the inbox, no task
        case AUTOMATIC_REPLY -> done(message, null, HandledAs.AUTOMATIC_REPLY);
        case DELIVERY_DELAYED -> done(message, null, HandledAs.DELIVERY_DELAYED);
        case UNSURE -> triage(message, "no case matches it, and it may be automatic (" + message.classifiedWhy() + ")");
        case BOUNCE, CUSTOMER_REPLY -> triage(message, "no case matches it");
      };
    }
    return done(message, theCase.get().caseNumber(), switch (message.kind()) {
      case BOUNCE -> bounced(theCase.get(), message, report, now);
      case DELIVERY_DELAYED -> delayed(theCase.get(), now);
      case AUTOMATIC_REPLY -> automaticReply(theCase.get(), message, now);
      case UNSURE -> unsure(theCase.get(), message);
      case CUSTOMER_REPLY -> customerReply(theCase.get(), message);
    });
  }

  private HandledAs customerReply(CaseRecord theCase, Inbox.Stored message) {
    HandledAs handledAs = replies.receive(theCase.caseNumber(),
        new CustomerReply(message.sender(), message.subject(), message.body()));
    if (message.secretsFound() != null) {
      tasks.forTheEngineer(theCase, "Ask the customer to change a shared credential",
        "The customer's reply contained " + message.secretsFound() + ". It was redacted before it was stored. "
              + "Ask them to change it, for example:\n\n"
              + "You included " + message.secretsFound() + " in your last email. To keep your systems safe, please change it now; "
              + "we never need your credentials to work on the case, and we removed it from our records.");
    }
    return handledAs;
  }

  /** R9: not a response; when it names a return date, follow-ups wait until then. */
  private HandledAs automaticReply(CaseRecord theCase, Inbox.Stored message, Instant now) {
    records.addEvent(theCase.caseNumber(), now, TimelineEvent.AUTOMATIC_REPLY, "Automatic reply: " + message.classifiedWhy());
    boolean away = theCase.open() && message.returnDate() != null
        && cases.customerAwayUnlessPast(theCase.caseNumber(), message.returnDate()).isPresent();
    return away ? HandledAs.AUTOMATIC_REPLY_CUSTOMER_AWAY : HandledAs.AUTOMATIC_REPLY;
  }

  /**
   * The customer's address is dead: the case takes the same path as an email the server refused at
   * once (the engineer corrects the address and it goes again; follow-ups hold until then). A
   * closed case gets a task; so does a bounce of another address (a copy to the TAM or the manager,
   * an address corrected since), which holds nothing.
   */
  private HandledAs bounced(CaseRecord theCase, Inbox.Stored message, Optional<DeliveryReport> report, Instant now) {
    String status = report.map(DeliveryReport::status).map(code -> " (status " + code + ")").orElse("");
    List<String> recipients = report.map(DeliveryReport::finalRecipients).orElse(List.of());
    if (!recipients.isEmpty() && recipients.stream().noneMatch(theCase.customerEmail()::equalsIgnoreCase)) {
      // a copy (the TAM, the manager) or a former address: the customer's address is not dead
      records.addEvent(theCase.caseNumber(), now, TimelineEvent.EMAIL_BOUNCED, "An email of the case bounced" + status);
      tasks.forTheEngineer(theCase, "Email bounced",
        "An email of this case could not be delivered to " + String.join(", ", recipients) + status
              + ". The customer's address on the case is not affected. Check the address that bounced.");
      return HandledAs.BOUNCE_TASK;
    }
    records.addEvent(theCase.caseNumber(), now, TimelineEvent.EMAIL_BOUNCED, "An email to the customer bounced" + status);
    String subject = report.map(DeliveryReport::originalSubject)
        .or(() -> ledger.sentFor(theCase.caseNumber()).stream().reduce((first, last) -> last).map(OutboxLedger.SentEmail::subject))
        .orElse("Case " + theCase.caseNumber());
    String body = report.map(DeliveryReport::originalText).map(EmailLayout::bodyOf).filter(text -> !text.isBlank())
        .orElse("[[The mail server did not send the bounced email back: write again what the customer needs to know]]");
    return switch (undeliverable.bounced(theCase.caseNumber(), subject, body)) {
      case CORRECTION_STARTED -> HandledAs.BOUNCE_TASK;
      case CORRECTION_PENDING -> HandledAs.BOUNCE_RECORDED;
      case NO_LIFECYCLE -> {
        tasks.forTheEngineer(theCase, "Customer email bounced",
        "An email to the customer could not be delivered" + status + ". Check the address on the case and reach "
                + "the customer another way.");
        yield HandledAs.BOUNCE_TASK;
      }
    };
  }

  /** The mail may still arrive: a line on the timeline, no task. */
  private HandledAs delayed(CaseRecord theCase, Instant now) {
    records.addEvent(theCase.caseNumber(), now, TimelineEvent.EMAIL_DELAYED,
        "A mail server is still trying to deliver an email to the customer");
    return HandledAs.DELIVERY_DELAYED;
  }

  /** Fail towards a person: the engineer sees the message and what the classifier thought. */
  private HandledAs unsure(CaseRecord theCase, Inbox.Stored message) {
    tasks.forTheEngineer(theCase, "Check an email that may be automatic",
        "This email did not move the case: the classifier could not tell whether the customer wrote it ("
            + message.classifiedWhy() + "). If the customer wrote it, answer it (or record it with "
            + "POST /api/cases/" + theCase.caseNumber() + "/replies); if it is automatic, complete this task.\n\n"
            + shown(message));
    return HandledAs.UNSURE_TASK;
  }

  private static String shown(Inbox.Stored message) {
    String body = Preview.line(message.body(), 3000);
    return "Subject: " + (message.subject() == null ? "(no subject)" : message.subject()) + "\n\n" + body;
  }

  private HandledAs triage(Inbox.Stored message, String why) {
    tasks.create("Triage an inbound email · " + (message.subject() == null ? "(no subject)" : message.subject()),
        "This email was kept because " + why + ". Find its case, or answer it.\n\n" + shown(message),
        null, Groups.ENGINEERS, message.caseNumber());
    inbox.handled(message.id(), message.caseNumber(), HandledAs.TRIAGE_TASK.name(), EngineClock.now());
    log.info("Inbound message {} went to triage: {}", message.id(), why);
    return HandledAs.TRIAGE_TASK;
  }

  private HandledAs done(Inbox.Stored message, String caseNumber, HandledAs handledAs) {
    inbox.handled(message.id(), caseNumber, handledAs.name(), EngineClock.now());
    log.info("Inbound message {} for case {}: {}", message.id(), caseNumber, handledAs);
    return handledAs;
  }

  /**
   * The case number the API gave; else our Message-ID in the thread headers of the returned email
   * (a bounce) or of the message itself; else a case number in the returned email's subject or in
   * the message's subject.
   */
  private Optional<CaseRecord> findCase(Inbox.Stored message, Optional<DeliveryReport> report) {
    if (message.caseNumber() != null) {
      return records.find(message.caseNumber());
    }
    Stream<String> ownThread = Stream.of(message.inReplyTo(), message.references())
        .filter(java.util.Objects::nonNull)
        .flatMap(header -> MESSAGE_ID.matcher(header).results().map(java.util.regex.MatchResult::group));
    Stream<String> threadIds = Stream.concat(report.map(DeliveryReport::originalThreadIds).orElse(List.of()).stream(),
        ownThread);
    Optional<CaseRecord> byThread = threadIds.map(ledger::caseOf).flatMap(Optional::stream)
        .map(records::find).flatMap(Optional::stream).findFirst();
    if (byThread.isPresent()) {
      return byThread;
    }
    return Stream.concat(report.map(DeliveryReport::originalSubject).stream(), Stream.ofNullable(message.subject()))
        .flatMap(subject -> TOKEN.matcher(subject).results().map(java.util.regex.MatchResult::group))
        .distinct()
        .map(records::find).flatMap(Optional::stream).findFirst();
  }

}
