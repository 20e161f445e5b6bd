package dev.followthrough.calendar;

import java.time.LocalTime;

/**
 * The hours of a business day, {@code opens} inclusive to {@code closes} exclusive, in local time.
 * {@link #AROUND_THE_CLOCK} is the whole day.
 */
public record BusinessHours(LocalTime opens, LocalTime closes) {

  public static final BusinessHours AROUND_THE_CLOCK = new BusinessHours(LocalTime.MIDNIGHT, LocalTime.MAX);

  public BusinessHours {
    if (opens == null || closes == null) {
      throw new IllegalArgumentException("Business hours need an opening and a closing time");
    }
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("Business hours must open before they close: " + opens + "-" + closes);
    }
  }

  public static BusinessHours of(String opens, String closes) {
    return new BusinessHours(LocalTime.parse(opens), LocalTime.parse(closes));
  }

  public boolean contains(LocalTime time) {
    return !time.isBefore(opens) && (time.isBefore(closes) || closes.equals(LocalTime.MAX));
  }

  @Override
  public String toString() {
    return this == AROUND_THE_CLOCK || (opens.equals(LocalTime.MIDNIGHT) && closes.equals(LocalTime.MAX))
        ? "around the clock" : opens + "-" + closes;
  }
}
