package dev.followthrough.metrics;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.ClosureReason;
import dev.followthrough.mail.Audience;
import dev.followthrough.mail.EmailKind;
import java.time.Instant;
import java.util.Set;

/**
 * What a closed case's recorded facts say about it: First Contact Resolution and the counts the
 * metrics add up. Plain domain code: {@code CaseFacts} asks it when the case closes and stores the
 * answer on the case, so the SQL aggregates count what this class decided.
 *
 * @param closureReason how the case closed
 * @param approvalAt when the customer's explicit approval to close was recorded (R12), or null
 * @param fqrStanding the standing chosen with the first contact (the status right after the FQR)
 * @param contactsAfterFirstContact engineer emails and calls to the customer after the first
 *     contact and before the customer confirmed
 * @param reopenedCount how often a reply within the reopen window reopened the case
 */
public record CaseOutcome(ClosureReason closureReason, Instant approvalAt, String fqrStanding,
                          int contactsAfterFirstContact, int reopenedCount) {

  public static final String RESOLUTION_PROVIDED = "RESOLUTION_PROVIDED";

  public static CaseOutcome of(CaseRecords.FirstContactFacts facts) {
    return new CaseOutcome(facts.closureReason(), facts.approvalAt(), facts.fqrStanding(),
        facts.contactsAfterFirstContact(), facts.reopenedCount());
  }

  /** Emails that chase the customer (or their TAM) for an answer: "follow-ups sent". */
  static final Set<EmailKind> FOLLOW_UPS = Set.of(EmailKind.PENDING_INFORMATION_REMINDER, EmailKind.SOLUTION_CHECK_IN,
      EmailKind.SOLUTION_FOLLOW_UP, EmailKind.TAM_OUTREACH, EmailKind.STRIKE_1, EmailKind.STRIKE_2, EmailKind.STRIKE_3);

  /** Emails that end the conversation rather than continue it: never a further contact. */
  private static final Set<EmailKind> CLOSINGS = Set.of(EmailKind.LAST_QUALITY_RESPONSE, EmailKind.UNRESPONSIVE_CLOSURE);

  /**
   * First Contact Resolution: closed as resolved by us, with the customer's recorded approval; the
   * first contact's standing was "resolution provided"; no further engineer email or call before
   * the customer confirmed; not reopened within the reopen window. An unresponsive closure and a
   * case the customer resolved themselves are never FCR.
   */
  public boolean firstContactResolution() {
    return closureReason == ClosureReason.RESOLVED
        && approvalAt != null
        && RESOLUTION_PROVIDED.equals(fqrStanding)
        && contactsAfterFirstContact == 0
        && reopenedCount == 0;
  }

  /** Closed with the customer's recorded approval: the second FCR denominator. */
  public boolean closedWithApproval() {
    return approvalAt != null && closureReason != ClosureReason.UNRESPONSIVE;
  }

  /**
   * An email to the customer or their TAM that counts as a further contact once the first contact
   * is complete (an email sent again to a corrected address is the same email, not a new contact).
   */
  public static boolean isFurtherContact(EmailKind kind) {
    return (kind.audience() == Audience.CUSTOMER || kind.audience() == Audience.TAM)
        && kind != EmailKind.FIRST_QUALITY_RESPONSE && kind != EmailKind.RESEND && !CLOSINGS.contains(kind);
  }

  /** The email that completes the first contact: the status (with its standing) right after the FQR. */
  public static boolean completesFirstContact(EmailKind kind) {
    return kind == EmailKind.STATUS_UPDATE;
  }

  public static boolean isFollowUp(EmailKind kind) {
    return FOLLOW_UPS.contains(kind);
  }
}
