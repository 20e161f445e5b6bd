package dev.followthrough.metrics;

import java.util.List;

/**
 * The figures of one segment (or of all closed cases in the range). Counts are exact; rates are
 * shares from 0 to 1 and null when their denominator is 0; durations are hours.
 */
public record Figures(
    String segment,
    long closed,
    long closedWithApproval,
    long firstContactResolutions,
    Double fcrRate,
    Double fcrRateOfApproved,
    long unresponsiveClosures,
    Double unresponsiveClosureRate,
    long resolvedByCustomer,
    Double firstResponseMedianBusinessHours,
    Double firstResponseP90BusinessHours,
    Double firstResponseTargetHitRate,
    List<Long> firstResponseDistribution,
    Double followUpsPerCase,
    List<Long> strikesFunnel,
    Double resolutionMedianHours,
    Double resolutionMedianBusinessHours,
    long reopened,
    Double reopenRate,
    long dissatisfied,
    Double dissatisfiedRate,
    long surveyAnswers,
    Double satisfactionAverage,
    Double satisfiedRate) {

  /** Upper bounds (business hours, exclusive) of the first-response distribution's buckets; the last is open. */
  public static final List<Integer> FIRST_RESPONSE_BUCKETS = List.of(1, 2, 4, 8, 24);

  static Double rate(long count, long of) {
    return of == 0 ? null : (double) count / of;
  }
}
