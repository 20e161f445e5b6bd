package dev.followthrough.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country's (and region's) public holidays as Jollyday, a maintained holiday library, has them,
 * read once per year and kept. A holiday can be observed in the year before or after its own
 * (New Year's Day 2028, a Saturday, is observed in the US on Friday 2027-12-31), so a year is
 * read from the library's years on both sides and keeps the days that fall in it.
 */
public final class PublicHolidays implements Holidays {

  /** A region of a country with its own holidays, as Jollyday names it ({@code eng}, England). */
  public record Region(String code, String name) {}

  private final HolidayManager manager;
  private final String[] region;
  private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

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
    String[] path = region == null || region.isBlank() ? new String[0] : new String[] {region.toLowerCase(Locale.ROOT)};
    return new PublicHolidays(manager(country), path);
  }

  private static HolidayManager manager(String country) {
    try {
      return HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("No public-holiday calendar for country " + country, e);
    }
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
    return region != null && regionsOf(country).stream().anyMatch(known -> known.code().equalsIgnoreCase(region));
  }

  /**
   * The regions of a country that have holidays of their own, by name (empty for a country whose
   * holidays are the same everywhere, or that Jollyday does not know).
   */
  public static List<Region> regionsOf(String country) {
    try {
      CalendarHierarchy hierarchy = manager(country).getCalendarHierarchy();
      return hierarchy.getChildren().values().stream()
          .map(child -> new Region(child.getId(), child.getDescription(Locale.ENGLISH)))
          .sorted(Comparator.comparing(Region::name))
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The public holidays observed in {@code year}, by date, with the library's English names. */
  public Map<LocalDate, String> inYear(int year) {
    return byYear.computeIfAbsent(year, this::read);
  }

  private Map<LocalDate, String> read(int year) {
    Map<LocalDate, String> days = new TreeMap<>();
    for (int neighbour = year - 1; neighbour <= year + 1; neighbour++) {
      for (Holiday holiday : manager.getHolidays(Year.of(neighbour), region)) {
        if (holiday.getType() == HolidayType.PUBLIC_HOLIDAY && holiday.getDate().getYear() == year) {
          days.merge(holiday.getDate(), holiday.getDescription(Locale.ENGLISH), (one, other) ->
              one.equals(other) ? one : one + " / " + other);
        }
      }
    }
    return Map.copyOf(days);
  }

  @Override
  public boolean isHoliday(LocalDate date) {
    return inYear(date.getYear()).containsKey(date);
  }
}
