package dev.followthrough.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each country's days off, year by year, from four sources applied in this order: the holiday
 * library (Jollyday, {@link PublicHolidays}), the configuration's additions and removals
 * ({@code followthrough.calendar.countries.<CC>.add / remove}), the process owners' corrections
 * (the holidays page, kept in the database, oldest first so the latest word on a day wins), and
 * the company's holidays (always off). A customer without a region is in the country's
 * configured default region.
 *
 * <p>Timers look days up often: a year is computed once per (country, region, year) and kept.
 * A correction made here is seen at once; one made on another node within
 * {@code followthrough.calendar.corrections-refresh}.
 */
@Component
public class DaysOff {

  private record Key(String country, String region, int year) {}

  private record Cached(HolidayYear year, Instant readAt) {}

  private final CalendarProperties properties;
  private final HolidayCorrections corrections;
  private final Clock clock;
  private final Map<String, PublicHolidays> library = new ConcurrentHashMap<>();
  private final Map<Key, Cached> years = new ConcurrentHashMap<>();

  @Autowired
  DaysOff(CalendarProperties properties, HolidayCorrections corrections) {
    this(properties, corrections, Clock.systemUTC());
  }

  DaysOff(CalendarProperties properties, HolidayCorrections corrections, Clock clock) {
    this.properties = properties;
    this.corrections = corrections;
    this.clock = clock;
  }

  /** Days off from the library, the configuration and the company only: no corrections store. */
  public static DaysOff withoutCorrections(CalendarProperties properties) {
    return new DaysOff(properties, HolidayCorrections.none());
  }

  /**
   * @param region as Jollyday names it, or null/blank for the country's default region
   * @throws IllegalArgumentException when the holiday library does not know the country
   */
  public HolidayYear year(String country, String region, int year) {
    String resolved = regionOf(country, region).orElse(null);
    Key key = new Key(country, resolved, year);
    Instant now = clock.instant();
    Cached cached = years.get(key);
    if (cached == null || cached.readAt().plus(properties.correctionsRefresh()).isBefore(now)) {
      cached = new Cached(compute(country, resolved, isBlank(region) && resolved != null, year), now);
      years.put(key, cached);
    }
    return cached.year();
  }

  /**
   * The country's days off as the business calendar asks for them, a year at a time.
   *
   * @throws IllegalArgumentException when the holiday library does not know the country
   */
  public Holidays of(String country, String region) {
    library(country, regionOf(country, region).orElse(null));
    return date -> year(country, region, date.getYear()).isOff(date);
  }

  /** The region a customer's holidays come from: the one given, or the country's default. */
  public Optional<String> regionOf(String country, String region) {
    return isBlank(region) ? properties.defaultRegionOf(country) : Optional.of(region.toLowerCase(Locale.ROOT));
  }

  /** The regions of a country with holidays of their own, as a form lists them. */
  public List<PublicHolidays.Region> regionsOf(String country) {
    return PublicHolidays.regionsOf(country);
  }

  public Optional<String> defaultRegionOf(String country) {
    return properties.defaultRegionOf(country);
  }

  /** A process owner's correction, in force at once on this node. */
  public HolidayCorrection correct(String country, String region, LocalDate date, HolidayCorrection.Change change,
                                   String reason, String by) {
    HolidayCorrection correction = corrections.add(country, isBlank(region) ? null : region.toLowerCase(Locale.ROOT),
        date, change, reason, by, clock.instant());
    forget(country);
    return correction;
  }

  /** Takes a process owner's correction back; empty when there is none in force with this id. */
  public Optional<HolidayCorrection> withdraw(long id, String by) {
    Optional<HolidayCorrection> withdrawn = corrections.withdraw(id, by, clock.instant());
    withdrawn.ifPresent(correction -> forget(correction.country()));
    return withdrawn;
  }

  private void forget(String country) {
    years.keySet().removeIf(key -> key.country().equals(country));
  }

  private HolidayYear compute(String country, String region, boolean regionIsDefault, int year) {
    Map<LocalDate, Boolean> off = new TreeMap<>();
    List<HolidayYear.Entry> entries = new ArrayList<>();
    library(country, region).inYear(year).forEach((date, name) -> {
      off.put(date, true);
      entries.add(new HolidayYear.Entry(date, HolidayYear.Origin.LIBRARY, name, null, null, null, null));
    });
    CalendarProperties.Country configured = properties.countryOf(country);
    if (configured != null) {
      for (CalendarProperties.Correction addition : configured.additions()) {
        if (applies(addition.date(), addition.region(), region, year)) {
          off.put(addition.date(), true);
          entries.add(new HolidayYear.Entry(addition.date(), HolidayYear.Origin.CONFIGURATION_ADDED, null,
              addition.reason(), null, null, null));
        }
      }
      for (CalendarProperties.Correction removal : configured.removals()) {
        if (applies(removal.date(), removal.region(), region, year)) {
          off.put(removal.date(), false);
          entries.add(new HolidayYear.Entry(removal.date(), HolidayYear.Origin.CONFIGURATION_REMOVED, null,
              removal.reason(), null, null, null));
        }
      }
    }
    for (HolidayCorrection correction : corrections.of(country, year)) {
      if (applies(correction.date(), correction.region(), region, year)) {
        boolean added = correction.change() == HolidayCorrection.Change.ADD;
        off.put(correction.date(), added);
        entries.add(new HolidayYear.Entry(correction.date(),
            added ? HolidayYear.Origin.CORRECTION_ADDED : HolidayYear.Origin.CORRECTION_REMOVED, null,
            correction.reason(), correction.by(), correction.at(), correction.id()));
      }
    }
    for (LocalDate date : properties.companyHolidays()) {
      if (date.getYear() == year) {
        off.put(date, true);
        entries.add(new HolidayYear.Entry(date, HolidayYear.Origin.COMPANY, null, null, null, null, null));
      }
    }
    TreeSet<LocalDate> daysOff = new TreeSet<>();
    off.forEach((date, isOff) -> {
      if (isOff) {
        daysOff.add(date);
      }
    });
    entries.sort(Comparator.comparing(HolidayYear.Entry::date));
    return new HolidayYear(country, region, regionIsDefault, year, Collections.unmodifiableSortedSet(daysOff),
        List.copyOf(entries));
  }

  private PublicHolidays library(String country, String region) {
    return library.computeIfAbsent(country + "/" + (region == null ? "" : region), ignored -> PublicHolidays.of(country, region));
  }

  /** A correction for the whole country applies in every region; one for a region only there. */
  private static boolean applies(LocalDate date, String correctionRegion, String region, int year) {
    return date.getYear() == year && (correctionRegion == null || correctionRegion.equalsIgnoreCase(region == null ? "" : region));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
