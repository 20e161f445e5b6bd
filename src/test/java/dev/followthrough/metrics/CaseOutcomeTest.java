package dev.followthrough.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.cases.ClosureReason;
import dev.followthrough.mail.EmailKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * First Contact Resolution on hand-built case histories: what happened to the case, step by step,
 * folded into the facts the lifecycle records, then judged by {@link CaseOutcome}.
 */
class CaseOutcomeTest {

  /** A case's history as the lifecycle records it: emails, calls, the customer's approval, the closing. */
  private static final class History {
    private String firstStanding;
    private boolean firstContactComplete;
    private int contactsAfterFirstContact;
    private Instant approvalAt;
    private int reopened;
    private int followUps;
    private ClosureReason closure;

    static History opened() {
      return new History();
    }

    History fqrEmail() {
      return email(EmailKind.FIRST_QUALITY_RESPONSE);
    }

    /** The status email with a standing; the first one completes the first contact. */
    History status(String standing) {
      if (firstStanding == null) {
        firstStanding = standing;
      }
      return email(EmailKind.STATUS_UPDATE);
    }

    History email(EmailKind kind) {
      if (CaseOutcome.isFurtherContact(kind)) {
        if (CaseOutcome.completesFirstContact(kind) && !firstContactComplete) {
          firstContactComplete = true;
        } else if (firstContactComplete && approvalAt == null) {
          contactsAfterFirstContact++;
        }
      }
      if (CaseOutcome.isFollowUp(kind)) {
        followUps++;
      }
      return this;
    }

    History call() {
      if (firstContactComplete && approvalAt == null) {
        contactsAfterFirstContact++;
      }
      return this;
    }

    History customerApproves() {
      approvalAt = Instant.parse("2026-11-24T10:00:00Z");
      return this;
    }

    History closed(ClosureReason reason) {
      email(reason == ClosureReason.UNRESPONSIVE ? EmailKind.UNRESPONSIVE_CLOSURE : EmailKind.LAST_QUALITY_RESPONSE);
      closure = reason;
      return this;
    }

    History reopenedWithinTheWindow() {
      reopened++;
      return this;
    }

    CaseOutcome outcome() {
      return new CaseOutcome(closure, approvalAt, firstStanding, contactsAfterFirstContact, reopened);
    }
  }

  @Test
  void resolvedInTheFirstContact_confirmedWithoutFurtherContact_isFcr() {
    CaseOutcome outcome = History.opened().fqrEmail().status("RESOLUTION_PROVIDED").customerApproves()
        .closed(ClosureReason.RESOLVED).outcome();

    assertThat(outcome.firstContactResolution()).isTrue();
    assertThat(outcome.closedWithApproval()).isTrue();
  }

  @Test
  void resolvedInTheFirstContact_butReopenedWithinTheWindow_isNotFcr() {
    CaseOutcome outcome = History.opened().fqrEmail().status("RESOLUTION_PROVIDED").customerApproves()
        .closed(ClosureReason.RESOLVED).reopenedWithinTheWindow().status("RESOLUTION_PROVIDED")
        .closed(ClosureReason.RESOLVED).outcome();

    assertThat(outcome.firstContactResolution()).isFalse();
  }

  @Test
  void confirmedAfterOneFollowUp_isNotFcr() {
    History history = History.opened().fqrEmail().status("RESOLUTION_PROVIDED").email(EmailKind.SOLUTION_CHECK_IN)
        .customerApproves().closed(ClosureReason.RESOLVED);

    assertThat(history.outcome().contactsAfterFirstContact()).isEqualTo(1);
    assertThat(history.followUps).isEqualTo(1);
    assertThat(history.outcome().firstContactResolution()).isFalse();
  }

  @Test
  void aCallAfterTheFirstContact_isAFurtherContact() {
    assertThat(History.opened().fqrEmail().status("RESOLUTION_PROVIDED").call().customerApproves()
        .closed(ClosureReason.RESOLVED).outcome().firstContactResolution()).isFalse();
  }

  @Test
  void theFqrByCall_isPartOfTheFirstContact() {
    assertThat(History.opened().call().fqrEmail().status("RESOLUTION_PROVIDED").customerApproves()
        .closed(ClosureReason.RESOLVED).outcome().firstContactResolution()).isTrue();
  }

  @Test
  void resolvedLater_afterPendingInformation_isNotFcr() {
    CaseOutcome outcome = History.opened().fqrEmail().status("PENDING_CUSTOMER_INFORMATION")
        .status("RESOLUTION_PROVIDED").customerApproves().closed(ClosureReason.RESOLVED).outcome();

    assertThat(outcome.fqrStanding()).isEqualTo("PENDING_CUSTOMER_INFORMATION");
    assertThat(outcome.firstContactResolution()).isFalse();
  }

  @Test
  void unresponsiveClosure_isNeverFcr_norClosedWithApproval() {
    CaseOutcome outcome = History.opened().fqrEmail().status("RESOLUTION_PROVIDED").email(EmailKind.STRIKE_1)
        .email(EmailKind.STRIKE_2).email(EmailKind.STRIKE_3).closed(ClosureReason.UNRESPONSIVE).outcome();

    assertThat(outcome.firstContactResolution()).isFalse();
    assertThat(outcome.closedWithApproval()).isFalse();
  }

  @Test
  void resolvedByTheCustomer_isNeverFcr_butClosedWithApproval() {
    CaseOutcome outcome = History.opened().fqrEmail().status("RESOLUTION_PROVIDED").customerApproves()
        .closed(ClosureReason.RESOLVED_BY_CUSTOMER).outcome();

    assertThat(outcome.firstContactResolution()).isFalse();
    assertThat(outcome.closedWithApproval()).isTrue();
  }

  @Test
  void closedWithoutRecordedApproval_isNotFcr() {
    assertThat(new CaseOutcome(ClosureReason.RESOLVED, null, "RESOLUTION_PROVIDED", 0, 0).firstContactResolution())
        .isFalse();
  }

  @Test
  void theLqr_andAnEmailSentAgainToACorrectedAddress_areNoFurtherContacts() {
    assertThat(CaseOutcome.isFurtherContact(EmailKind.LAST_QUALITY_RESPONSE)).isFalse();
    assertThat(CaseOutcome.isFurtherContact(EmailKind.RESEND)).isFalse();
    assertThat(CaseOutcome.isFurtherContact(EmailKind.INTERNAL_ESCALATION)).as("to our own advisors").isFalse();
    assertThat(CaseOutcome.isFurtherContact(EmailKind.VOICEMAIL_FOLLOW_UP)).isTrue();
  }
}
