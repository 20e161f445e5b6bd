package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.ProcessVariable.choice;
import static dev.followthrough.lifecycle.ProcessVariable.flag;
import static dev.followthrough.lifecycle.ProcessVariable.instant;
import static dev.followthrough.lifecycle.ProcessVariable.integer;
import static dev.followthrough.lifecycle.ProcessVariable.preview;
import static dev.followthrough.lifecycle.ProcessVariable.text;

import dev.followthrough.cases.Channel;
import dev.followthrough.cases.Severity;
import dev.followthrough.cases.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the names in {@code bpmn/case-communication.bpmn}: the process key,
 * its messages, the element ids code and tests refer to, and every process variable, typed.
 */
public final class CaseCommunicationProcess {

  public static final String PROCESS_KEY = "case-communication";

  public static final class Messages {
    /** A customer (or the TAM) answered; caught by every step that waits for an answer. */
    public static final String CUSTOMER_REPLIED = "CustomerReplied";
    /** A reply arrived while no step waits for one: the engineer gets it as a task (R23). */
    public static final String CUSTOMER_REPLY_OUTSIDE_WAIT = "CustomerReplyOutsideWait";
    /** The engineer flagged the customer as dissatisfied (R15). */
    public static final String CUSTOMER_DISSATISFIED = "CustomerDissatisfied";
    /** The mail server refused an email to the customer for good (R28): the address needs correcting. */
    public static final String CUSTOMER_ADDRESS_REJECTED = "CustomerAddressRejected";

    private Messages() {}
  }

  public static final class Elements {
    public static final String CASE_OPENED = "StartEvent_CaseOpened";
    public static final String PREPARE_FQR = "Task_PrepareFirstQualityResponse";
    public static final String CALL_FOR_FQR = "Task_CallForFirstQualityResponse";
    public static final String FQR_IN_BUSINESS_HOURS = "Timer_FqrInBusinessHours";
    public static final String SEND_FQR = "Task_SendFirstQualityResponse";
    public static final String FIRST_RESPONSE_AT_RISK = "Timer_FirstResponseAtRisk";
    public static final String FIRST_RESPONSE_TARGET_MISSED = "Timer_FirstResponseTargetMissed";
    public static final String PREPARE_STATUS_UPDATE = "Task_PrepareStatusUpdate";
    public static final String STATUS_UPDATE_OVERDUE = "Timer_StatusUpdateOverdue";
    public static final String TELL_MANAGER_UPDATE_OVERDUE = "Task_TellManagerUpdateOverdue";
    public static final String STATUS_IN_BUSINESS_HOURS = "Timer_StatusInBusinessHours";
    public static final String SEND_STATUS_UPDATE = "Task_SendStatusUpdate";
    public static final String AWAIT_PROMISED_UPDATE = "SubProcess_AwaitPromisedUpdate";
    public static final String PROMISED_UPDATE_DUE = "Timer_PromisedUpdateDue";
    public static final String AWAIT_INFORMATION = "SubProcess_AwaitInformation";
    public static final String INFORMATION_FOLLOW_UP_DUE = "Timer_InformationFollowUpDue";
    public static final String SEND_INFORMATION_REMINDER = "Task_SendInformationReminder";
    public static final String CALL_CUSTOMER = "Task_CallCustomer";
    public static final String SEND_VOICEMAIL_FOLLOW_UP = "Task_SendVoicemailFollowUp";
    public static final String UNRESPONSIVE_CUSTOMER = "SubProcess_UnresponsiveCustomer";
    public static final String REACH_OUT_TO_TAM = "Task_ReachOutToTam";
    public static final String SEND_TAM_OUTREACH = "Task_SendTamOutreach";
    public static final String TAM_RESPONSE_WINDOW = "Timer_TamResponseWindow";
    public static final String STRIKE_ONE_IN_BUSINESS_HOURS = "Timer_StrikeOneInBusinessHours";
    public static final String SEND_STRIKE_ONE = "Task_SendStrikeOne";
    public static final String AFTER_STRIKE_ONE = "Timer_AfterStrikeOne";
    public static final String SEND_STRIKE_TWO = "Task_SendStrikeTwo";
    public static final String AFTER_STRIKE_TWO = "Timer_AfterStrikeTwo";
    public static final String SET_CLOSING_DATE = "Task_SetClosingDate";
    public static final String SEND_STRIKE_THREE = "Task_SendStrikeThree";
    public static final String CLOSING_DATE = "Timer_ClosingDate";
    public static final String SEND_UNRESPONSIVE_CLOSURE = "Task_SendUnresponsiveClosure";
    public static final String AWAIT_CONFIRMATION = "SubProcess_AwaitConfirmation";
    public static final String SOLUTION_CALL_DUE = "Timer_SolutionCallDue";
    public static final String CALL_ABOUT_SOLUTION = "Task_CallAboutSolution";
    public static final String SEND_SOLUTION_CHECK_IN = "Task_SendSolutionCheckIn";
    public static final String DAILY_FOLLOW_UP = "Timer_DailyFollowUp";
    public static final String SEND_SOLUTION_FOLLOW_UP = "Task_SendSolutionFollowUp";
    public static final String REVIEW_CUSTOMER_ANSWER = "Task_ReviewCustomerAnswer";
    public static final String PREPARE_LQR = "Task_PrepareLastQualityResponse";
    public static final String SEND_LQR = "Task_SendLastQualityResponse";
    public static final String CLOSED_RESOLVED = "EndEvent_ClosedResolved";
    public static final String CLOSED_RESOLVED_BY_CUSTOMER = "EndEvent_ClosedResolvedByCustomer";
    public static final String CLOSED_UNRESPONSIVE = "EndEvent_ClosedUnresponsive";
    public static final String ALERT_TECHNICAL_ADVISORS = "Task_AlertTechnicalAdvisors";
    public static final String REVIEW_DISSATISFIED_CUSTOMER = "Task_ReviewDissatisfiedCustomer";
    public static final String READ_CUSTOMER_REPLY = "Task_ReadCustomerReply";
    public static final String CORRECT_CUSTOMER_ADDRESS = "Task_CorrectCustomerAddress";
    public static final String RESEND_REJECTED_EMAIL = "Task_ResendRejectedEmail";

    private Elements() {}
  }

  // the case
  public static final ProcessVariable<String> CASE_NUMBER = text("caseNumber");
  public static final ProcessVariable<String> CASE_TITLE = text("caseTitle");
  /** A preview: the whole description (up to 20,000 characters) is in {@code ft_case}. */
  public static final ProcessVariable<String> PROBLEM_DESCRIPTION = preview("problemDescription", 1500);
  public static final ProcessVariable<Severity> SEVERITY = choice("severity", Severity.class);
  public static final ProcessVariable<String> PRODUCT = text("product");

  // the customer
  public static final ProcessVariable<String> CUSTOMER_NAME = text("customerName");
  public static final ProcessVariable<String> CUSTOMER_EMAIL = text("customerEmail");
  public static final ProcessVariable<String> CUSTOMER_PHONE = text("customerPhone");
  public static final ProcessVariable<String> CUSTOMER_TIME_ZONE = text("customerTimeZone");
  public static final ProcessVariable<String> CUSTOMER_COUNTRY = text("customerCountry");
  /** Where public holidays differ within the country, Jollyday's region code, e.g. "by" for Bavaria. */
  public static final ProcessVariable<String> CUSTOMER_REGION = text("customerRegion");
  /** R9: the customer is away until this date ("2026-12-01"); follow-ups and strikes wait. */
  public static final ProcessVariable<String> CUSTOMER_AWAY_UNTIL = text("customerAwayUntil");
  public static final ProcessVariable<String> CUSTOMER_LANGUAGE = text("customerLanguage");
  public static final ProcessVariable<Channel> PREFERRED_CHANNEL = choice("preferredChannel", Channel.class);
  public static final ProcessVariable<Tier> CUSTOMER_TIER = choice("customerTier", Tier.class);
  public static final ProcessVariable<String> TAM_NAME = text("tamName");
  public static final ProcessVariable<String> TAM_EMAIL = text("tamEmail");

  public static final ProcessVariable<Instant> OPENED_AT = instant("openedAt");

  // the owning engineer (profile from configuration)
  public static final ProcessVariable<String> ENGINEER_ID = text("engineerId");

  // the draft the engineer edits in the current task (R20)
  public static final ProcessVariable<String> DRAFT_SUBJECT = text("draftSubject");
  public static final ProcessVariable<String> DRAFT_BODY = text("draftBody");
  /** The draft as rendered, before the engineer's edits: what the FQR gate compares against. */
  public static final ProcessVariable<String> DRAFT_ORIGINAL = text("draftOriginal");

  // the FQR's three P's (R2)
  public static final ProcessVariable<Boolean> FQR_PREPARED = flag("fqrPrepared");
  public static final ProcessVariable<Boolean> FQR_PERSONALIZED = flag("fqrPersonalized");
  public static final ProcessVariable<Boolean> FQR_PROGRESS = flag("fqrProgress");

  // calls (R6, R8)
  /** Task-local on "Call the customer for the FQR": an email follows this call whatever its outcome (the form shows it). */
  public static final ProcessVariable<Boolean> FIRST_RESPONSE_CALL = flag("firstResponseCall");
  public static final ProcessVariable<String> CALL_PLAN = text("callPlan");
  public static final ProcessVariable<CallOutcome> CALL_OUTCOME = choice("callOutcome", CallOutcome.class);
  public static final ProcessVariable<String> CALL_NOTES = text("callNotes");

  // status and next steps (R3, R4, R5, R8)
  public static final ProcessVariable<CaseStanding> CASE_STANDING = choice("caseStanding", CaseStanding.class);
  /** The promised update, as Camunda Forms submit a local date-time: "2026-11-27T14:00". */
  public static final ProcessVariable<String> NEXT_UPDATE_AT = text("nextUpdateAt");
  /** The date the customer said they would come back: "2026-11-27". */
  public static final ProcessVariable<String> CUSTOMER_FOLLOW_UP_DATE = text("customerFollowUpDate");

  // counters of the follow-up loops, local to their subprocess (see the model's input mappings)
  public static final ProcessVariable<Integer> INFORMATION_REMINDERS_SENT = integer("informationRemindersSent");
  public static final ProcessVariable<Integer> SOLUTION_FOLLOW_UPS_SENT = integer("solutionFollowUpsSent");

  // unresponsive path (R7, R13)
  public static final ProcessVariable<Integer> STRIKES_REACHED = integer("strikesReached");
  public static final ProcessVariable<Instant> LAST_SUCCESSFUL_CONTACT_AT = instant("lastSuccessfulContactAt");
  public static final ProcessVariable<Instant> CLOSING_DATE = instant("closingDate");

  // an email the mail server refused or bounced for good: the engineer corrects the address, then it goes again
  public static final ProcessVariable<String> REJECTED_EMAIL_SUBJECT = text("rejectedEmailSubject");
  public static final ProcessVariable<String> REJECTED_EMAIL_BODY = text("rejectedEmailBody");
  /** The customer's address is dead (refused or bounced) until the engineer corrects it: follow-ups wait. */
  public static final ProcessVariable<Boolean> CUSTOMER_ADDRESS_BOUNCED = flag("customerAddressBounced");

  // first-response target (R17)
  public static final ProcessVariable<Boolean> FIRST_RESPONSE_TARGET_MISSED = flag("firstResponseTargetMissed");

  // replies (R23)
  /** A preview: the whole reply (up to 100,000 characters) is in {@code ft_customer_reply}. */
  public static final ProcessVariable<String> LAST_REPLY_TEXT = preview("lastReplyText", 3500);
  public static final ProcessVariable<Instant> LAST_REPLY_AT = instant("lastReplyAt");
  public static final ProcessVariable<Boolean> REPLY_ACKNOWLEDGED = flag("replyAcknowledged");

  // closing (R10, R12)
  public static final ProcessVariable<CustomerAnswer> CUSTOMER_ANSWER = choice("customerAnswer", CustomerAnswer.class);
  public static final ProcessVariable<String> APPROVAL_BY = text("approvalBy");
  public static final ProcessVariable<Channel> APPROVAL_CHANNEL = choice("approvalChannel", Channel.class);
  public static final ProcessVariable<String> APPROVAL_NOTE = text("approvalNote");
  public static final List<ProcessVariable<Boolean>> LQR_OUTLINE = List.of(
      flag("lqrPersonalName"), flag("lqrGreeting"), flag("lqrPurpose"), flag("lqrCustomerRequest"),
      flag("lqrWhatWeDid"), flag("lqrTipsAndResources"), flag("lqrSurvey"), flag("lqrThanks"));
  /** Optional by design: offer a reopen only when the customer hesitates to close. */
  public static final ProcessVariable<Boolean> LQR_REOPEN_ONLY_IF_NEEDED = flag("lqrReopenOnlyIfNeeded");

  // dissatisfied customer (R15)
  public static final ProcessVariable<String> DISSATISFACTION_REASON = text("dissatisfactionReason");
  public static final ProcessVariable<String> ADVISOR_NOTES = text("advisorNotes");
  public static final ProcessVariable<Boolean> RECOVERY_CALL_OFFERED = flag("recoveryCallOffered");

  /**
   * The answers each form asks for. Tasklist fills a form from the process variables, so a task
   * that comes round again would show the last round's answer; these are cleared when the task is
   * created, and the engineer answers afresh.
   */
  public static final Map<String, List<ProcessVariable<?>>> ANSWERS_BY_FORM = Map.of(
      "status-update", List.of(CASE_STANDING, CUSTOMER_FOLLOW_UP_DATE),
      "call-customer", List.of(CALL_OUTCOME, CALL_NOTES),
      "review-customer-answer", List.of(CUSTOMER_ANSWER, APPROVAL_BY, APPROVAL_CHANNEL, APPROVAL_NOTE),
      "read-customer-reply", List.of(REPLY_ACKNOWLEDGED),
      "review-dissatisfied-customer", List.of(ADVISOR_NOTES, RECOVERY_CALL_OFFERED));

  private CaseCommunicationProcess() {}
}
