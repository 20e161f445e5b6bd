package dev.followthrough.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** The week segment: weeks start on Monday, in UTC (one week for every customer, whatever their zone). */
public final class Weeks {

  private Weeks() {}

  public static LocalDate mondayOf(Instant moment) {
    return moment.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
