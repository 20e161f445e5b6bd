package dev.followthrough.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * A country's (and region's) days off in one year, and where each came from, for the process
 * owner who checks them: the library's public holidays, the configuration's additions and
 * removals, the process owners' corrections, the company's holidays.
 *
 * @param region the region the days are for (null: the country's national holidays only)
 * @param regionIsDefault the region was not asked for: it is the country's configured default
 * @param daysOff the days off after every correction, weekdays and weekend days alike
 * @param entries every day a source names, in date order (a removed day appears with its removal)
 */
public record HolidayYear(String country, String region, boolean regionIsDefault, int year,
                          SortedSet<LocalDate> daysOff, List<Entry> entries) {

  public enum Origin {
    /** Jollyday's public holiday. */
    LIBRARY,
    /** Added in {@code followthrough.calendar.countries.<CC>.add}. */
    CONFIGURATION_ADDED,
    /** Removed in {@code followthrough.calendar.countries.<CC>.remove}. */
    CONFIGURATION_REMOVED,
    /** Added by a process owner on the holidays page. */
    CORRECTION_ADDED,
    /** Removed by a process owner on the holidays page. */
    CORRECTION_REMOVED,
    /** {@code followthrough.calendar.company-holidays}: the whole organisation is off. */
    COMPANY
  }

  /**
   * One source's word on one day.
   *
   * @param name the library's name of the holiday (null for other sources)
   * @param reason why it was added or removed (null for the library and the company)
   * @param by who corrected it, and {@code at} when (page corrections only)
   * @param correctionId the page correction's id, to take it back (page corrections only)
   */
  public record Entry(LocalDate date, Origin origin, String name, String reason, String by, Instant at,
                      Long correctionId) {}

  public boolean isOff(LocalDate date) {
    return daysOff.contains(date);
  }
}
