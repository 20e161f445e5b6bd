package dev.followthrough.cases;

/** The facts the lifecycle records about a case as it runs; the metrics are computed from them. */
public enum TimelineEvent {
  CASE_OPENED,
  FIRST_RESPONSE_SENT,
  FIRST_RESPONSE_TARGET_MISSED,
  CUSTOMER_AWAY,
  EMAIL_SENT,
  REPLY_RECEIVED,
  AUTOMATIC_REPLY,
  EMAIL_BOUNCED,
  /** A mail server is still trying to deliver an email to the customer (no task: it may arrive). */
  EMAIL_DELAYED,
  EMAIL_ADDRESS_CORRECTED,
  STANDING_CHOSEN,
  CALL_MADE,
  STRIKE_REACHED,
  STRIKES_RESET,
  CLOSING_APPROVED,
  DISSATISFACTION_FLAGGED,
  SURVEY_ANSWERED,
  CASE_CLOSED,
  CASE_REOPENED
}
