package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_STANDING;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CLOSING_DATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_ADDRESS_BOUNCED;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.mail.EmailKind;
import dev.followthrough.mail.OutboxLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due dates of the model's timers, as the bean {@code followUps}. Follow-ups to the customer
 * count business days in the customer's calendar (their zone, their country's holidays), keep the
 * local time of day, land inside the customer's business hours (R14), and wait while the customer
 * is away (R9), and hold while the customer's address is dead (refused or bounced) until the
 * engineer corrects it (a year at most; the correction recalculates them). Reminders to the engineer follow the engineer's working days and zone. "Now" is the
 * engine's clock; the intervals are {@link Policy}'s.
 */
@Component("followUps")
public class FollowUps {

  /** How long follow-ups hold at most while the customer's address is dead. */
  static final Duration ADDRESS_HOLD = Duration.ofDays(365);

  private final Policy policy;
  private final CaseCalendars calendars;
  private final OutboxLedger ledger;

  FollowUps(Policy policy, CaseCalendars calendars, OutboxLedger ledger) {
    this.policy = policy;
    this.calendars = calendars;
    this.ledger = ledger;
  }

  /**
   * A follow-up to the customer {@code days} business days after our last email to them (or to
   * their TAM). Counting from the email, not from "now", keeps the date the same when an operator
   * recalculates waiting timers after a holiday or policy change.
   */
  public Date businessDaysLater(DelegateExecution execution, int days) {
    BusinessCalendar calendar = calendars.customerCalendar(execution);
    Instant lastOutreach = ledger.lastSentAt(CASE_NUMBER.get(execution), EmailKind.outreachIds())
        .orElseGet(EngineClock::now);
    return Date.from(forTheCustomer(execution,
        calendar.plusBusinessDays(lastOutreach, days, calendars.customerZone(execution))));
  }

  /** A follow-up due now: at the customer's next business hours, and not before they are back (R9). */
  public Date whenTheCustomerIsBack(DelegateExecution execution) {
    return Date.from(forTheCustomer(execution, EngineClock.now()));
  }

  /** R5: on the date the customer gave, otherwise every few business days. */
  public Date informationFollowUp(DelegateExecution execution) {
    return customerDateOr(execution, policy.getFollowUpIntervalBusinessDays());
  }

  /** R8: follow the customer's lead when they said when they would come back; otherwise call soon. */
  public Date solutionCall(DelegateExecution execution) {
    return customerDateOr(execution, policy.getSolutionCallAfterBusinessDays());
  }

  /**
   * R13: the closing date named in strike 3: a full strike interval from now, never earlier than
   * the policy's calendar days after the last successful contact, inside the customer's hours.
   */
  public Date closingDate(DelegateExecution execution) {
    Instant now = EngineClock.now();
    ZoneId zone = calendars.customerZone(execution);
    BusinessCalendar calendar = calendars.customerCalendar(execution);
    Instant afterStrikeInterval = calendar.plusBusinessDays(now, policy.getStrikeIntervalBusinessDays(), zone);
    Instant twoWeekRule = LAST_SUCCESSFUL_CONTACT_AT.find(execution).orElse(now)
        .plus(Duration.ofDays(policy.getMinimumDaysBeforeUnresponsiveClosure()));
    return Date.from(forTheCustomer(execution, calendar.nextOpeningAfterBoth(afterStrikeInterval, twoWeekRule, zone)));
  }

  /**
   * R13 with R9: the case closes on the date strike 3 named, or when the customer is back if an
   * absence they announced after strike 3 runs past it.
   */
  public Date closing(DelegateExecution execution) {
    Instant named = CLOSING_DATE.get(execution);
    if (addressDead(execution)) {
      return Date.from(EngineClock.now().plus(ADDRESS_HOLD));
    }
    return Date.from(calendars.customerBackAt(execution).filter(back -> back.isAfter(named)).orElse(named));
  }

  /** R3/R4: the status email is due at the promised update, or within the policy's business days. */
  public Date statusUpdateDue(DelegateExecution execution) {
    Instant now = EngineClock.now();
    if (CASE_STANDING.find(execution).orElse(null) == CaseStanding.PENDING_INTERNAL_RESEARCH) {
      Instant promised = calendars.promisedUpdate(execution).orElse(now);
      if (promised.isAfter(now)) {
        return Date.from(promised);
      }
    }
    ZoneId zone = calendars.engineerZone(execution);
    BusinessCalendar calendar = calendars.engineerCalendar(execution);
    return Date.from(calendar.nextOpening(
        calendar.plusBusinessDays(now, policy.getStatusUpdateWithinBusinessDays(), zone), zone));
  }

  /** R4: bring the case back to the engineer before the promised update, in their working hours. */
  public Date promisedUpdateReminder(DelegateExecution execution) {
    Instant now = EngineClock.now();
    ZoneId zone = calendars.engineerZone(execution);
    BusinessCalendar calendar = calendars.engineerCalendar(execution);
    Instant promised = calendars.promisedUpdate(execution).orElse(now);
    Instant reminder = calendar.nextOpening(
        calendar.minusBusinessDays(promised, policy.getPromisedUpdateLeadBusinessDays(), zone), zone);
    if (reminder.isAfter(promised)) {
      reminder = promised;
    }
    return Date.from(reminder.isAfter(now) ? reminder : now);
  }

  private Date customerDateOr(DelegateExecution execution, int businessDays) {
    Instant now = EngineClock.now();
    return calendars.customerDate(execution)
        .filter(date -> date.isAfter(now))
        .map(date -> Date.from(forTheCustomer(execution, date)))
        .orElseGet(() -> businessDaysLater(execution, businessDays));
  }

  /** Inside the customer's business hours (R14), and not before they are back (R9). */
  private Instant forTheCustomer(DelegateExecution execution, Instant due) {
    if (addressDead(execution)) {
      return EngineClock.now().plus(ADDRESS_HOLD);
    }
    Instant inWindow = calendars.customerNextOpening(execution, due);
    return calendars.customerBackAt(execution).filter(back -> back.isAfter(inWindow)).orElse(inWindow);
  }

  private static boolean addressDead(DelegateExecution execution) {
    return CUSTOMER_ADDRESS_BOUNCED.find(execution).orElse(false);
  }
}
