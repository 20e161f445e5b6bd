package dev.followthrough.metrics;

import dev.followthrough.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How much open time of a {@link BusinessCalendar} lies between two moments: the inverse of
 * {@link BusinessCalendar#plusBusinessHours}, so a first response is measured as its target is set.
 */
public final class BusinessTime {

  private static final int LONGEST_MEASURED_DAYS = 800;

  private BusinessTime() {}

  public static Duration between(BusinessCalendar calendar, Instant from, Instant to, ZoneId zone) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration open = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (int i = 0; !day.isAfter(last) && i < LONGEST_MEASURED_DAYS; i++, day = day.plusDays(1)) {
      if (!calendar.isBusinessDay(day)) {
        continue;
      }
      Instant opens = day.atTime(calendar.hours().opens()).atZone(zone).toInstant();
      Instant closes = calendar.hours().closes().equals(LocalTime.MAX)
          ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : day.atTime(calendar.hours().closes()).atZone(zone).toInstant();
      Instant start = opens.isAfter(from) ? opens : from;
      Instant end = closes.isBefore(to) ? closes : to;
      if (end.isAfter(start)) {
        open = open.plus(Duration.between(start, end));
      }
    }
    return open;
  }
}
