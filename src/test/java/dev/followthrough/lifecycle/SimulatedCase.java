package dev.followthrough.lifecycle;

import dev.followthrough.cases.NewCase;
import dev.followthrough.mail.EmailKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One customer's case in the simulated year, and what the simulation knows of it on its own: when
 * the customer was last in touch, when they said they would be away, the date they gave in the
 * current status round, and every email that reached out to them. From that it works out, from
 * the policy's words, on which day each follow-up is due, to hold the process to it.
 */
final class SimulatedCase {

  record Sent(EmailKind kind, Instant at) {}

  final NewCase facts;
  final ZoneId zone;
  /** The customer's business days and hours as the judge, not the product, computes them. */
  final SimulatedYearJudge.Customer calendar;

  /** The case opening, each reply, each call that reached the customer (R13). */
  Instant lastContact;
  /** The customer's out-of-office said they are back on this date (R9). */
  LocalDate awayUntil;
  /** The date the customer gave in the current status round, if any. */
  LocalDate customerDate;
  CaseStanding standing;
  int statusRounds;
  int reopens;
  /** Bumped by each new email: a customer answers the latest one, not every one. */
  int replyGeneration;
  Instant closedAt;
  final List<Sent> outreach = new ArrayList<>();

  SimulatedCase(NewCase facts, SimulatedYearJudge.Customer calendar, Instant openedAt) {
    this.facts = facts;
    this.zone = ZoneId.of(facts.customerTimeZone());
    this.calendar = calendar;
    this.lastContact = openedAt;
  }

  String number() {
    return facts.caseNumber();
  }

  LocalDate day(Instant moment) {
    return moment.atZone(zone).toLocalDate();
  }

  boolean awayOn(Instant moment) {
    return awayUntil != null && day(moment).isBefore(awayUntil);
  }

  /** When the customer is back and their business hours are open. */
  Instant back() {
    return calendar.nextOpening(awayUntil.atStartOfDay(zone).toInstant(), zone);
  }

  /**
   * When the policy says the follow-up {@code kind} is due, given the email before it; empty for
   * emails an engineer writes in a task (their timing is the engineer's).
   */
  Optional<Instant> dueFollowUp(EmailKind kind, Policy policy) {
    if (outreach.isEmpty()) {
      return Optional.empty();
    }
    Sent previous = outreach.get(outreach.size() - 1);
    Instant due = switch (kind) {
      case PENDING_INFORMATION_REMINDER -> previous.kind() == EmailKind.STATUS_UPDATE
          ? customerDateOr(previous.at(), policy.getFollowUpIntervalBusinessDays())
          : businessDaysAfter(previous.at(), policy.getFollowUpIntervalBusinessDays());
      case STRIKE_1 -> switch (previous.kind()) {
        case STATUS_UPDATE -> previous.at();
        case TAM_OUTREACH -> businessDaysAfter(previous.at(), policy.getTamResponseBusinessDays());
        case PENDING_INFORMATION_REMINDER -> businessDaysAfter(previous.at(), policy.getFollowUpIntervalBusinessDays());
        case SOLUTION_FOLLOW_UP -> businessDaysAfter(previous.at(), policy.getSolutionFollowUpIntervalBusinessDays());
        default -> throw new IllegalStateException(number() + ": strike 1 after " + previous.kind().id());
      };
      case STRIKE_2, STRIKE_3 -> businessDaysAfter(previous.at(), policy.getStrikeIntervalBusinessDays());
      case SOLUTION_FOLLOW_UP -> businessDaysAfter(previous.at(), policy.getSolutionFollowUpIntervalBusinessDays());
      case UNRESPONSIVE_CLOSURE -> latest(businessDaysAfter(previous.at(), policy.getStrikeIntervalBusinessDays()),
          lastContact.plus(Duration.ofDays(policy.getMinimumDaysBeforeUnresponsiveClosure())));
      default -> null;
    };
    return Optional.ofNullable(due).map(this::forTheCustomer);
  }

  /** R8: the call about a solution, on the customer's date or a business day after the status email. */
  Instant dueSolutionCall(Policy policy) {
    Sent status = outreach.get(outreach.size() - 1);
    return forTheCustomer(customerDateOr(status.at(), policy.getSolutionCallAfterBusinessDays()));
  }

  private Instant customerDateOr(Instant from, int businessDays) {
    if (customerDate != null) {
      Instant opening = calendar.nextOpening(customerDate.atStartOfDay(zone).toInstant(), zone);
      if (opening.isAfter(from)) {
        return opening;
      }
    }
    return businessDaysAfter(from, businessDays);
  }

  private Instant businessDaysAfter(Instant from, int days) {
    return calendar.plusBusinessDays(from, days, zone);
  }

  /** In the customer's business hours, and not before they are back. */
  private Instant forTheCustomer(Instant due) {
    Instant inHours = calendar.nextOpening(due, zone);
    return awayUntil == null ? inHours : latest(inHours, back());
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
