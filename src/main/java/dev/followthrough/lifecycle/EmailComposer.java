package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_STANDING;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CLOSING_DATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_ANSWER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_LANGUAGE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DISSATISFACTION_REASON;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DRAFT_SUBJECT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.ENGINEER_ID;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_BODY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.REJECTED_EMAIL_SUBJECT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.SOLUTION_FOLLOW_UPS_SENT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.TAM_EMAIL;

import dev.followthrough.cases.CaseNumbers;
import dev.followthrough.cases.Tier;
import dev.followthrough.engineers.EngineerDirectory;
import dev.followthrough.engineers.EngineerProfile;
import dev.followthrough.mail.Audience;
import dev.followthrough.mail.DraftRules;
import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.EmailLayout;
import dev.followthrough.mail.MailLanguage;
import dev.followthrough.mail.MailProperties;
import dev.followthrough.mail.MailTemplates;
import dev.followthrough.mail.OutboxLedger;
import dev.followthrough.mail.OutgoingEmail;
import dev.followthrough.mail.RenderedDraft;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Renders a template into a draft for a task, and turns a draft or an automatic follow-up into the
 * email that goes: recipients by audience, the archive copy and case number in the subject (R21),
 * the TAM and manager copied on the unresponsive path (R11), the signature (R22). Emails to the
 * customer are in the customer's language with dates in their zone, internal ones in the
 * organisation's language with dates in the engineer's zone (R30).
 */
@Component
public class EmailComposer {

  private final MailTemplates templates;
  private final TemplateModels models;
  private final EngineerDirectory engineers;
  private final MailProperties mail;
  private final CaseCalendars zones;
  private final Policy policy;
  private final OutboxLedger ledger;
  private final FirstResponseTarget firstResponseTarget;

  EmailComposer(MailTemplates templates, TemplateModels models, EngineerDirectory engineers, MailProperties mail,
                CaseCalendars zones, Policy policy, OutboxLedger ledger, FirstResponseTarget firstResponseTarget) {
    this.templates = templates;
    this.models = models;
    this.engineers = engineers;
    this.mail = mail;
    this.zones = zones;
    this.policy = policy;
    this.ledger = ledger;
    this.firstResponseTarget = firstResponseTarget;
  }

  /** The draft of a reviewed email, or the text of an automatic one, from its template. */
  public RenderedDraft render(EmailKind kind, VariableScope scope) {
    Map<String, Object> model = models.of(scope);
    ZoneId customerZone = zones.customerZone(scope);
    ZoneId engineerZone = zones.engineerZone(scope);
    String template = kind.template();
    switch (kind) {
      case LAST_QUALITY_RESPONSE -> {
        if (CUSTOMER_ANSWER.find(scope).orElse(null) == CustomerAnswer.RESOLVED_BY_CUSTOMER) {
          template = EmailKind.LQR_RESOLVED_BY_CUSTOMER_TEMPLATE;
        }
      }
      case PENDING_INFORMATION_REMINDER -> zones.customerDate(scope)
          .ifPresent(date -> model.put("customerDate", date.atZone(customerZone).toLocalDate()));
      case SOLUTION_FOLLOW_UP -> {
        model.put("followUpNumber", SOLUTION_FOLLOW_UPS_SENT.find(scope).orElse(0) + 1);
        model.put("followUpCount", policy.getSolutionFollowUps());
      }
      case STRIKE_1 -> lastCustomerEmail(scope).ifPresent(sent -> model.put("previousEmailDate",
          sent.sentAt().atZone(customerZone).toLocalDate()));
      case STRIKE_3, UNRESPONSIVE_CLOSURE -> CLOSING_DATE.find(scope)
          .ifPresent(date -> model.put("closingDate", date.atZone(customerZone).toLocalDate()));
      case INTERNAL_ESCALATION -> DISSATISFACTION_REASON.find(scope)
          .ifPresent(reason -> model.put("dissatisfactionReason", reason));
      case UPDATE_OVERDUE -> zones.promisedUpdate(scope)
          .ifPresent(due -> model.put("updateDue", due.atZone(engineerZone)));
      case FIRST_RESPONSE_AT_RISK, FIRST_RESPONSE_MISSED ->
          model.put("firstResponseDue", firstResponseTarget.due(scope).toInstant().atZone(engineerZone));
      default -> { }
    }
    return templates.render(template, language(kind, scope), model);
  }

  /** The customer's language for emails to the customer; the organisation's for our own people. */
  private static String language(EmailKind kind, VariableScope scope) {
    return kind.audience() == Audience.CUSTOMER
        ? CUSTOMER_LANGUAGE.find(scope).orElse(MailTemplates.ORGANISATION_LANGUAGE)
        : MailTemplates.ORGANISATION_LANGUAGE;
  }

  public OutgoingEmail compose(EmailKind kind, VariableScope scope, String idempotencyKey) {
    String caseNumber = CASE_NUMBER.get(scope);
    RenderedDraft draft = kind == EmailKind.RESEND
        ? new RenderedDraft(REJECTED_EMAIL_SUBJECT.get(scope), REJECTED_EMAIL_BODY.get(scope))
        : kind.reviewed() ? new RenderedDraft(DRAFT_SUBJECT.get(scope), DRAFT_BODY.get(scope)) : render(kind, scope);
    List<String> problems = DraftRules.problems(draft.subject(), draft.body(), TemplateModels.customerText(scope));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Case " + caseNumber + ": " + kind.id() + " cannot be sent: " + problems);
    }
    MailLanguage words = templates.language(language(kind, scope));
    String body = draft.body();
    if (kind == EmailKind.STATUS_UPDATE && CASE_STANDING.find(scope).orElse(null) == CaseStanding.PENDING_INTERNAL_RESEARCH) {
      body = body.strip() + "\n\n" + words.nextUpdate(zones.promisedUpdate(scope).orElseThrow().atZone(zones.customerZone(scope)));
    }
    String subject = CaseNumbers.mentionedIn(draft.subject(), caseNumber) ? draft.subject()
        : "[" + words.caseWord() + " " + caseNumber + "] " + draft.subject();
    EngineerProfile engineer = engineers.get(ENGINEER_ID.get(scope));
    Recipients recipients = recipients(kind, scope, engineer);
    return new OutgoingEmail(idempotencyKey, caseNumber, kind,
        engineer.name() + " (" + mail.organisationName() + ")", recipients.to, recipients.cc, subject,
        EmailLayout.text(body, engineer, mail.organisationName(), words),
        EmailLayout.html(body, engineer, mail.organisationName(), words));
  }

  private Optional<OutboxLedger.SentEmail> lastCustomerEmail(VariableScope scope) {
    List<OutboxLedger.SentEmail> sent = ledger.sentFor(CASE_NUMBER.get(scope));
    return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1));
  }

  private record Recipients(List<String> to, List<String> cc) {}

  private Recipients recipients(EmailKind kind, VariableScope scope, EngineerProfile engineer) {
    Optional<String> tam = CUSTOMER_TIER.get(scope) == Tier.PREMIER ? TAM_EMAIL.find(scope) : Optional.empty();
    List<String> to = new ArrayList<>();
    List<String> cc = new ArrayList<>();
    switch (kind.audience()) {
      case CUSTOMER -> {
        to.add(CUSTOMER_EMAIL.get(scope));
        if (kind.copiesTamAndManager()) {
          tam.ifPresent(cc::add);
          cc.add(engineer.managerEmail());
        }
      }
      case TAM -> {
        to.add(tam.orElseThrow(() -> new IllegalStateException("The case has no TAM to write to")));
        cc.add(engineer.managerEmail());
      }
      case TECHNICAL_ADVISORS -> {
        to.add(mail.technicalAdvisorsAddress());
        tam.ifPresent(cc::add);
        cc.add(engineer.managerEmail());
      }
      case MANAGER -> {
        to.add(engineer.managerEmail());
        cc.add(engineer.email());
      }
      case ENGINEER -> to.add(engineer.email());
    }
    if (mail.archiveAddress() != null && !mail.archiveAddress().isBlank()) {
      cc.add(mail.archiveAddress());
    }
    return new Recipients(to, cc.stream().distinct().filter(address -> !to.contains(address)).toList());
  }
}
