package dev.followthrough.lifecycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
public class LifecyclePolicy {

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

  /** R3/R4: a status email is due within N business days, unless an update was promised for later. */
  @Min(1) @Max(10)
  private int statusUpdateWithinBusinessDays = 1;

  /** R4: bring a promised update back to the engineer N business days before it is due (0: at that time). */
  @Min(0) @Max(5)
  private int promisedUpdateLeadBusinessDays = 1;

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
