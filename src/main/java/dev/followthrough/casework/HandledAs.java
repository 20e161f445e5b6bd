package dev.followthrough.casework;

/**
 * How an inbound message was handled, one answer for both ways in (the mailbox and
 * {@code POST /api/cases/{caseNumber}/replies}); stored with the message and returned by the API.
 */
public enum HandledAs {
  /** A customer's reply moved the waiting step on (status email, review of the customer's answer). */
  ANSWERED_WAITING_STEP,
  /** A customer's reply while no step waited: the engineer got a task with the reply. */
  SHOWN_AS_TASK,
  /** A reply to a case closed recently: it is open again, at the status email, with the reply. */
  REOPENED,
  /** A reply to a case closed long ago: the engineer got a standalone task with the reply. */
  AFTER_CLOSURE,
  /** An automatic reply (out of office, acknowledgement): no contact, the strikes go on. */
  AUTOMATIC_REPLY,
  /** An automatic reply that names a return date: the follow-ups wait until then (R9). */
  AUTOMATIC_REPLY_CUSTOMER_AWAY,
  /** A bounce: the engineer got a task (correct the customer's address, or check another address). */
  BOUNCE_TASK,
  /** A bounce while the engineer is already correcting the address: recorded on the case only. */
  BOUNCE_RECORDED,
  /** A delivery delay warning: a line on the case's timeline. */
  DELIVERY_DELAYED,
  /** The classifier was unsure: the case's engineer got a task showing the message. */
  UNSURE_TASK,
  /** No case matched, or it could not be handled after its attempts: a triage task for the engineers. */
  TRIAGE_TASK,
  /** Handled before (the same Message-ID, or another node got there first). */
  DUPLICATE
}
