package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_STANDING;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_SUCCESSFUL_CONTACT_AT;

import dev.followthrough.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due dates of the model's timers, as the bean {@code followUps}: business days in the
 * customer's zone, counted from the engine's clock, with the intervals of {@link LifecyclePolicy}.
 */
@Component("followUps")
public class FollowUpSchedule {

  private final BusinessCalendar calendar;
  private final LifecyclePolicy policy;
  private final CaseZones zones;

  FollowUpSchedule(BusinessCalendar calendar, LifecyclePolicy policy, CaseZones zones) {
    this.calendar = calendar;
    this.policy = policy;
    this.zones = zones;
  }

  /** {@code days} business days from now, in the customer's zone. */
  public Date businessDaysLater(DelegateExecution execution, int days) {
    return Date.from(calendar.plusBusinessDays(EngineClock.now(), days, zones.customerZone(execution)));
  }

  /** R3/R4: the status email is due at the promised update, or within the policy's business days. */
  public Date statusUpdateDue(DelegateExecution execution) {
    Instant now = EngineClock.now();
    if (CASE_STANDING.find(execution).orElse(null) == CaseStanding.PENDING_INTERNAL_RESEARCH) {
      Instant promised = zones.promisedUpdate(execution).orElse(now);
      if (promised.isAfter(now)) {
        return Date.from(promised);
      }
    }
    return businessDaysLater(execution, policy.getStatusUpdateWithinBusinessDays());
  }

  /** R4: bring the case back before the promised update, early enough to write it. */
  public Date promisedUpdateReminder(DelegateExecution execution) {
    Instant promised = zones.promisedUpdate(execution).orElse(EngineClock.now());
    Instant reminder = calendar.minusBusinessDays(promised, policy.getPromisedUpdateLeadBusinessDays(),
        zones.engineerZone(execution));
    return Date.from(reminder.isAfter(EngineClock.now()) ? reminder : EngineClock.now());
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
   * R13: the closing date named in strike 3: a full strike interval from now, and never earlier
   * than the policy's calendar days after the last successful contact; always on a business day.
   */
  public Date closingDate(DelegateExecution execution) {
    Instant now = EngineClock.now();
    ZoneId zone = zones.customerZone(execution);
    Instant afterStrikeInterval = calendar.plusBusinessDays(now, policy.getStrikeIntervalBusinessDays(), zone);
    Instant twoWeekRule = LAST_SUCCESSFUL_CONTACT_AT.find(execution).orElse(now)
        .plus(Duration.ofDays(policy.getMinimumDaysBeforeUnresponsiveClosure()));
    return Date.from(calendar.latestOnBusinessDay(afterStrikeInterval, twoWeekRule, zone));
  }

  private Date customerDateOr(DelegateExecution execution, int businessDays) {
    Instant now = EngineClock.now();
    return zones.customerDate(execution, now)
        .filter(date -> date.isAfter(now))
        .map(date -> Date.from(calendar.rollToBusinessDay(date, zones.customerZone(execution))))
        .orElseGet(() -> businessDaysLater(execution, businessDays));
  }
}
