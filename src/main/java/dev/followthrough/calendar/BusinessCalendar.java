package dev.followthrough.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Business days and hours: weekends and holidays are skipped, and every calculation happens in
 * the time zone it is given, never the JVM's. "N business days later" keeps the local time of day
 * (so a follow-up written at 10:00 is due at 10:00), which also keeps it right across DST switches.
 * The business hours make the contact window (R14) and count first-response targets (R17).
 */
public final class BusinessCalendar {

  private static final int LONGEST_PLAUSIBLE_CLOSURE = 366;

  private final Set<DayOfWeek> weekend;
  private final Holidays holidays;
  private final BusinessHours hours;

  public BusinessCalendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
    this(weekend, Holidays.of(holidays), BusinessHours.AROUND_THE_CLOCK);
  }

  public BusinessCalendar(Set<DayOfWeek> weekend, Holidays holidays, BusinessHours hours) {
    if (weekend.size() >= 7) {
      throw new IllegalArgumentException("A calendar needs at least one working day of the week");
    }
    this.weekend = Set.copyOf(weekend);
    this.holidays = holidays;
    this.hours = hours;
  }

  /** Every day, all day: for targets that run around the clock (severity A). */
  public static BusinessCalendar aroundTheClock() {
    return new BusinessCalendar(Set.of(), Holidays.none(), BusinessHours.AROUND_THE_CLOCK);
  }

  public BusinessHours hours() {
    return hours;
  }

  public boolean isBusinessDay(LocalDate date) {
    return !weekend.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
  }

  /** Inside business hours on a business day, in {@code zone}. */
  public boolean isOpen(Instant moment, ZoneId zone) {
    ZonedDateTime local = moment.atZone(zone);
    return isBusinessDay(local.toLocalDate()) && hours.contains(local.toLocalTime());
  }

  /** {@code moment} itself when open, otherwise the next opening: the contact window (R14). */
  public Instant nextOpening(Instant moment, ZoneId zone) {
    if (isOpen(moment, zone)) {
      return moment;
    }
    ZonedDateTime local = moment.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (!isBusinessDay(date) || !local.toLocalTime().isBefore(hours.opens())) {
      date = nextBusinessDay(date);
    }
    return opening(date, zone);
  }

  /**
   * The moment {@code duration} of business hours after {@code from}, counting only open time:
   * 4 business hours from Friday 15:00 with 09:00-17:00 hours is Monday 11:00.
   */
  public Instant plusBusinessHours(Instant from, Duration duration, ZoneId zone) {
    Instant start = nextOpening(from, zone);
    Duration remaining = duration;
    for (int day = 0; day <= LONGEST_PLAUSIBLE_CLOSURE * 2; day++) {
      Instant closing = closing(start.atZone(zone).toLocalDate(), zone);
      Duration available = Duration.between(start, closing);
      if (remaining.compareTo(available) <= 0) {
        return start.plus(remaining);
      }
      remaining = remaining.minus(available);
      start = opening(nextBusinessDay(start.atZone(zone).toLocalDate()), zone);
    }
    throw new IllegalStateException("A target of " + duration + " does not fit in two years of business hours");
  }

  private Instant opening(LocalDate date, ZoneId zone) {
    return date.atTime(hours.opens()).atZone(zone).toInstant();
  }

  private Instant closing(LocalDate date, ZoneId zone) {
    return hours.closes().equals(LocalTime.MAX)
        ? date.plusDays(1).atStartOfDay(zone).toInstant()
        : date.atTime(hours.closes()).atZone(zone).toInstant();
  }

  /** The first business day strictly after {@code date}. */
  public LocalDate nextBusinessDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    for (int i = 0; !isBusinessDay(next); i++) {
      if (i > LONGEST_PLAUSIBLE_CLOSURE) {
        throw new IllegalStateException("No business day within a year after " + date);
      }
      next = next.plusDays(1);
    }
    return next;
  }

  /** {@code date} itself when it is a business day, otherwise the next one. */
  public LocalDate onOrAfter(LocalDate date) {
    return isBusinessDay(date) ? date : nextBusinessDay(date);
  }

  /**
   * The moment {@code days} business days after {@code from}, at the same local time of day in
   * {@code zone}. Zero days rolls a moment on a weekend or holiday to the next business day.
   */
  public Instant plusBusinessDays(Instant from, int days, ZoneId zone) {
    if (days < 0) {
      throw new IllegalArgumentException("Business days must not be negative: " + days);
    }
    ZonedDateTime start = from.atZone(zone);
    LocalDate date = start.toLocalDate();
    for (int i = 0; i < days; i++) {
      date = nextBusinessDay(date);
    }
    return start.with(onOrAfter(date)).toInstant();
  }

  /** The last business day strictly before {@code date}. */
  public LocalDate previousBusinessDay(LocalDate date) {
    LocalDate previous = date.minusDays(1);
    for (int i = 0; !isBusinessDay(previous); i++) {
      if (i > LONGEST_PLAUSIBLE_CLOSURE) {
        throw new IllegalStateException("No business day within a year before " + date);
      }
      previous = previous.minusDays(1);
    }
    return previous;
  }

  /** The moment {@code days} business days before {@code from}, at the same local time of day. */
  public Instant minusBusinessDays(Instant from, int days, ZoneId zone) {
    if (days < 0) {
      throw new IllegalArgumentException("Business days must not be negative: " + days);
    }
    ZonedDateTime start = from.atZone(zone);
    LocalDate date = start.toLocalDate();
    for (int i = 0; i < days; i++) {
      date = previousBusinessDay(date);
    }
    return start.with(date).toInstant();
  }

  /** The later of two moments, at the next opening: both rules hold, inside business hours. */
  public Instant nextOpeningAfterBoth(Instant first, Instant second, ZoneId zone) {
    return nextOpening(first.isAfter(second) ? first : second, zone);
  }
}
