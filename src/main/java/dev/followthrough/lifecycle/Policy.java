package dev.followthrough.lifecycle;

import dev.followthrough.cases.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.policy.*}: every interval and count of the lifecycle (R16). The model
 * reads it as the bean {@code policy}, e.g. {@code ${policy.strikeIntervalBusinessDays}}, so a
 * process owner sees in Modeler which rule a timer follows. A bad value stops start-up with a
 * message naming the property.
 */
@Component("policy")
@Validated
@ConfigurationProperties("followthrough.policy")
public class Policy {

  /** R5: follow up on missing customer information every N business days. */
  @Min(1) @Max(30)
  private int followUpIntervalBusinessDays = 3;

  /** R5: reminders for missing information before the case moves to the unresponsive path. */
  @Min(0) @Max(10)
  private int pendingInformationReminders = 1;

  /** R7: business days between the TAM outreach and strike 1. */
  @Min(1) @Max(30)
  private int tamResponseBusinessDays = 3;

  /** R7: business days between strikes. */
  @Min(1) @Max(30)
  private int strikeIntervalBusinessDays = 3;

  /** R13: an unresponsive case closes no earlier than N calendar days after the last successful contact. */
  @Min(1) @Max(90)
  private int minimumDaysBeforeUnresponsiveClosure = 14;

  /** R8: call the customer when a solution got no reply for N business days. */
  @Min(1) @Max(10)
  private int solutionCallAfterBusinessDays = 1;

  /** R8: interval of the follow-ups for confirmation (the diagram's alternative is 3). */
  @Min(1) @Max(10)
  private int solutionFollowUpIntervalBusinessDays = 1;

  /** R8: follow-ups for confirmation before the strike path. */
  @Min(0) @Max(10)
  private int solutionFollowUps = 3;

  /** R23: a customer reply within N calendar days after closing reopens the case; later, the engineer decides. */
  @Min(0) @Max(365)
  private int reopenWithinDays = 14;

  public int getReopenWithinDays() {
    return reopenWithinDays;
  }

  public void setReopenWithinDays(int value) {
    this.reopenWithinDays = value;
  }

  /** R3/R4: a status email is due within N business days, unless an update was promised for later. */
  @Min(1) @Max(10)
  private int statusUpdateWithinBusinessDays = 1;

  /** R4: bring a promised update back to the engineer N business days before it is due (0: at that time). */
  @Min(0) @Max(5)
  private int promisedUpdateLeadBusinessDays = 1;

  /**
   * R17: the first-response target per severity, in the customer's business hours unless around
   * the clock, and how long before it the engineer is warned.
   */
  @Valid
  private Map<Severity, FirstResponseTarget> firstResponseTargets = new EnumMap<>(Map.of(
      Severity.A, new FirstResponseTarget(Duration.ofHours(1), true, Duration.ofMinutes(15)),
      Severity.B, new FirstResponseTarget(Duration.ofHours(4), false, Duration.ofHours(1)),
      Severity.C, new FirstResponseTarget(Duration.ofHours(8), false, Duration.ofHours(2))));

  public static class FirstResponseTarget {
    @NotNull
    private Duration within;
    private boolean aroundTheClock;
    @NotNull
    private Duration warnBefore;

    public FirstResponseTarget() {}

    FirstResponseTarget(Duration within, boolean aroundTheClock, Duration warnBefore) {
      this.within = within;
      this.aroundTheClock = aroundTheClock;
      this.warnBefore = warnBefore;
    }

    @AssertTrue(message = "within must be positive and warn-before shorter than within")
    public boolean isConsistent() {
      return within == null || warnBefore == null
          || (!within.isNegative() && !within.isZero() && !warnBefore.isNegative() && warnBefore.compareTo(within) < 0);
    }

    public Duration getWithin() {
      return within;
    }

    public void setWithin(Duration within) {
      this.within = within;
    }

    public boolean isAroundTheClock() {
      return aroundTheClock;
    }

    public void setAroundTheClock(boolean aroundTheClock) {
      this.aroundTheClock = aroundTheClock;
    }

    public Duration getWarnBefore() {
      return warnBefore;
    }

    public void setWarnBefore(Duration warnBefore) {
      this.warnBefore = warnBefore;
    }
  }

  @AssertTrue(message = "first-response-targets needs a target for each severity A, B and C")
  public boolean isEverySeverityTargeted() {
    return firstResponseTargets.keySet().containsAll(java.util.EnumSet.allOf(Severity.class));
  }

  public FirstResponseTarget firstResponseTarget(Severity severity) {
    return firstResponseTargets.get(severity);
  }

  public Map<Severity, FirstResponseTarget> getFirstResponseTargets() {
    return firstResponseTargets;
  }

  public void setFirstResponseTargets(Map<Severity, FirstResponseTarget> targets) {
    this.firstResponseTargets = new EnumMap<>(targets);
  }

  public int getFollowUpIntervalBusinessDays() {
    return followUpIntervalBusinessDays;
  }

  public void setFollowUpIntervalBusinessDays(int value) {
    this.followUpIntervalBusinessDays = value;
  }

  public int getPendingInformationReminders() {
    return pendingInformationReminders;
  }

  public void setPendingInformationReminders(int value) {
    this.pendingInformationReminders = value;
  }

  public int getTamResponseBusinessDays() {
    return tamResponseBusinessDays;
  }

  public void setTamResponseBusinessDays(int value) {
    this.tamResponseBusinessDays = value;
  }

  public int getStrikeIntervalBusinessDays() {
    return strikeIntervalBusinessDays;
  }

  public void setStrikeIntervalBusinessDays(int value) {
    this.strikeIntervalBusinessDays = value;
  }

  public int getMinimumDaysBeforeUnresponsiveClosure() {
    return minimumDaysBeforeUnresponsiveClosure;
  }

  public void setMinimumDaysBeforeUnresponsiveClosure(int value) {
    this.minimumDaysBeforeUnresponsiveClosure = value;
  }

  public int getSolutionCallAfterBusinessDays() {
    return solutionCallAfterBusinessDays;
  }

  public void setSolutionCallAfterBusinessDays(int value) {
    this.solutionCallAfterBusinessDays = value;
  }

  public int getSolutionFollowUpIntervalBusinessDays() {
    return solutionFollowUpIntervalBusinessDays;
  }

  public void setSolutionFollowUpIntervalBusinessDays(int value) {
    this.solutionFollowUpIntervalBusinessDays = value;
  }

  public int getSolutionFollowUps() {
    return solutionFollowUps;
  }

  public void setSolutionFollowUps(int value) {
    this.solutionFollowUps = value;
  }

  public int getStatusUpdateWithinBusinessDays() {
    return statusUpdateWithinBusinessDays;
  }

  public void setStatusUpdateWithinBusinessDays(int value) {
    this.statusUpdateWithinBusinessDays = value;
  }

  public int getPromisedUpdateLeadBusinessDays() {
    return promisedUpdateLeadBusinessDays;
  }

  public void setPromisedUpdateLeadBusinessDays(int value) {
    this.promisedUpdateLeadBusinessDays = value;
  }
}
