package dev.followthrough.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A country's (and region's) public holidays from Jollyday, a maintained holiday library, read
 * once per year and kept.
 */
public final class PublicHolidays implements Holidays {

  private final HolidayManager manager;
  private final String[] region;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  private PublicHolidays(HolidayManager manager, String[] region) {
    this.manager = manager;
    this.region = region;
  }

  /**
   * @param country ISO 3166 alpha-2, e.g. "DE"
   * @param region the region's code as Jollyday names it (e.g. "by" for Bavaria), or null
   * @throws IllegalArgumentException when there is no holiday calendar for the country
   */
  public static PublicHolidays of(String country, String region) {
    HolidayManager manager;
    try {
      manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("No public-holiday calendar for country " + country, e);
    }
    String[] path = region == null || region.isBlank() ? new String[0] : new String[] {region.toLowerCase(Locale.ROOT)};
    return new PublicHolidays(manager, path);
  }

  public static boolean isKnownCountry(String country) {
    try {
      of(country, null).isHoliday(LocalDate.of(2026, 1, 1));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether Jollyday knows this region of the country (e.g. "by" in DE, "eng" in GB). */
  public static boolean isKnownRegion(String country, String region) {
    try {
      HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
      return manager.getCalendarHierarchy().getChildren().containsKey(region.toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return byYear.computeIfAbsent(date.getYear(), year -> manager.getHolidays(Year.of(year), region).stream()
        .filter(holiday -> holiday.getType() == HolidayType.PUBLIC_HOLIDAY)
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet())).contains(date);
  }
}
