package dev.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11's holidays, checked day by day for 2026-2027: what the holiday library gets wrong and
 * how the calendar gets it right (neighbouring years, default regions, configured additions and
 * removals), and the process owners' corrections on top, cached and seen at once.
 */
class HolidaysTest {

  private static final CalendarProperties SHIPPED = ShippedCalendarConfiguration.load();

  // ---------------------------------------------------------------------------------------------
  // The known-wrong days, with the shipped configuration; "library alone" is without it

  @ParameterizedTest(name = "[{index}] {0} {1} ({2}): {3}; library alone {4} — {5}")
  @CsvSource(textBlock = """
      # calendar, date, day, expected, library alone, why
      US,     2027-12-31, Fri, off,     off,     'New Year''s Day 2028 (a Saturday) observed in 2027: read from 2028'
      US/ny,  2027-12-31, Fri, off,     off,     'the same in New York'
      US,     2027-12-30, Thu, working, working, 'the day before is a business day'
      JP,     2026-02-23, Mon, off,     working, 'Emperor''s Birthday'
      JP,     2027-02-23, Tue, off,     working, 'Emperor''s Birthday'
      JP,     2026-03-20, Fri, off,     working, 'Vernal Equinox Day'
      JP,     2027-03-22, Mon, off,     working, 'substitute for the Vernal Equinox on Sunday 21 March'
      JP,     2026-05-06, Wed, off,     working, 'substitute for Constitution Day on Sunday 3 May'
      JP,     2026-09-22, Tue, off,     working, 'citizens'' holiday between two holidays'
      JP,     2026-09-23, Wed, off,     working, 'Autumnal Equinox Day'
      JP,     2027-09-23, Thu, off,     working, 'Autumnal Equinox Day'
      JP,     2026-12-23, Wed, working, off,     'the former Emperor''s birthday, not a holiday since 2019'
      JP,     2027-12-23, Thu, working, off,     'the former Emperor''s birthday, not a holiday since 2019'
      IN,     2026-04-03, Fri, off,     working, 'Good Friday'
      IN,     2027-03-26, Fri, off,     working, 'Good Friday'
      IN,     2026-12-25, Fri, off,     working, 'Christmas'
      AU/nsw, 2026-08-03, Mon, working, off,     'NSW Bank Holiday: banks only'
      AU/nsw, 2027-08-02, Mon, working, off,     'NSW Bank Holiday: banks only'
      AU,     2026-08-03, Mon, working, working, 'no region: New South Wales, still without its bank holiday'
      AU,     2026-10-05, Mon, off,     working, 'no region: New South Wales, Labour Day'
      AU/nt,  2026-08-03, Mon, off,     off,     'Picnic Day in the Northern Territory: the NSW removal stays in NSW'
      GB,     2026-04-06, Mon, off,     working, 'no region: England and Wales, Easter Monday'
      GB,     2026-08-31, Mon, off,     working, 'no region: England and Wales, summer bank holiday'
      GB,     2027-03-29, Mon, off,     working, 'no region: England and Wales, Easter Monday'
      GB,     2027-08-30, Mon, off,     working, 'no region: England and Wales, summer bank holiday'
      GB/sct, 2026-08-03, Mon, off,     off,     'Scotland''s summer bank holiday is the first Monday'
      GB/sct, 2026-08-31, Mon, working, working, 'and not the last'
      DE,     2026-06-04, Thu, working, working, 'no region: national holidays only, Corpus Christi is regional'
      """)
  void theKnownWrongDays(String calendar, LocalDate date, String day, String expected, String libraryAlone, String why) {
    assertThat(date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).as("row: weekday").isEqualTo(day);
    assertThat(isBusinessDay(new CustomerCalendars(SHIPPED), calendar, date)).as("%s %s: %s", calendar, date, why)
        .isEqualTo(expected.equals("working"));
    CalendarProperties libraryOnly = new CalendarProperties(SHIPPED.defaultTimeZone(), SHIPPED.weekend(),
        SHIPPED.businessHours(), List.of(), Map.of(), Duration.ofMinutes(1));
    assertThat(isBusinessDay(new CustomerCalendars(libraryOnly), calendar, date)).as("library alone: %s %s", calendar, date)
        .isEqualTo(libraryAlone.equals("working"));
  }

  private static boolean isBusinessDay(CustomerCalendars calendars, String calendar, LocalDate date) {
    String[] countryAndRegion = calendar.split("/");
    return calendars.forCustomer(countryAndRegion[0], countryAndRegion.length > 1 ? countryAndRegion[1] : null)
        .isBusinessDay(date);
  }

  @Test
  void aYearIsReadFromItsNeighboursAndKeepsOnlyItsOwnDays() {
    // Jollyday files the observed day under its holiday's year: asked for 2027 alone, it misses it
    assertThat(HolidayManager.getInstance(ManagerParameters.create("us")).getHolidays(Year.of(2027)))
        .extracting(Holiday::getDate).doesNotContain(LocalDate.of(2027, 12, 31));
    PublicHolidays us = PublicHolidays.of("US", null);
    assertThat(us.inYear(2027)).containsEntry(LocalDate.of(2027, 12, 31), "New Year's Day");
    assertThat(us.inYear(2028)).doesNotContainKey(LocalDate.of(2027, 12, 31));
    assertThat(us.inYear(2028).keySet()).allMatch(date -> date.getYear() == 2028);
    // and the contact window: Thursday 30 December 2027, 17:00 in New York waits for Monday 3 January
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar calendar = new CustomerCalendars(SHIPPED).forCustomer("US", "ny");
    assertThat(calendar.nextOpening(LocalDate.of(2027, 12, 30).atTime(17, 0).atZone(newYork).toInstant(), newYork))
        .isEqualTo(LocalDate.of(2028, 1, 3).atTime(9, 0).atZone(newYork).toInstant());
  }

  // ---------------------------------------------------------------------------------------------
  // Regions

  @Test
  void aCountryListsItsRegionsAndSaysWhichIsUsual() {
    DaysOff daysOff = DaysOff.withoutCorrections(SHIPPED);
    assertThat(daysOff.regionsOf("GB")).extracting(PublicHolidays.Region::code).contains("eng", "sct", "nir", "wls");
    assertThat(daysOff.regionsOf("GB")).contains(new PublicHolidays.Region("sct", "Scotland"));
    assertThat(daysOff.regionsOf("JP")).as("the same holidays everywhere").isEmpty();
    assertThat(daysOff.defaultRegionOf("GB")).contains("eng");
    assertThat(daysOff.defaultRegionOf("AU")).contains("nsw");
    assertThat(daysOff.defaultRegionOf("US")).as("federal holidays only").isEmpty();
    assertThat(daysOff.defaultRegionOf("DE")).as("national holidays only").isEmpty();

    HolidayYear gb = daysOff.year("GB", null, 2026);
    assertThat(gb.region()).isEqualTo("eng");
    assertThat(gb.regionIsDefault()).isTrue();
    HolidayYear scotland = daysOff.year("GB", "SCT", 2026);
    assertThat(scotland.region()).isEqualTo("sct");
    assertThat(scotland.regionIsDefault()).isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Where each day came from

  @Test
  void eachDaySaysWhereItCameFrom() {
    HolidayYear japan = DaysOff.withoutCorrections(SHIPPED).year("JP", null, 2027);
    assertThat(japan.entries()).contains(
        new HolidayYear.Entry(LocalDate.of(2027, 1, 1), HolidayYear.Origin.LIBRARY, "New Year's Day", null, null, null, null),
        new HolidayYear.Entry(LocalDate.of(2027, 2, 23), HolidayYear.Origin.CONFIGURATION_ADDED, null,
            "Emperor's Birthday (23 February since 2020)", null, null, null),
        new HolidayYear.Entry(LocalDate.of(2027, 12, 23), HolidayYear.Origin.CONFIGURATION_REMOVED, null,
            "The former Emperor's birthday: not a holiday since 2019", null, null, null));
    assertThat(japan.daysOff()).contains(LocalDate.of(2027, 2, 23)).doesNotContain(LocalDate.of(2027, 12, 23));

    HolidayYear germany = DaysOff.withoutCorrections(SHIPPED).year("DE", null, 2026);
    assertThat(germany.entries()).contains(
        new HolidayYear.Entry(LocalDate.of(2026, 12, 24), HolidayYear.Origin.COMPANY, null, null, null, null, null));
  }

  // ---------------------------------------------------------------------------------------------
  // Process owners' corrections: in force at once, the latest word wins, taken back, cached

  @Test
  void aCorrectionIsInForceAtOnceAndCanBeTakenBack() {
    InMemoryCorrections store = new InMemoryCorrections();
    DaysOff daysOff = new DaysOff(SHIPPED, store);
    CustomerCalendars calendars = new CustomerCalendars(SHIPPED, daysOff);
    BusinessCalendar germany = calendars.forCustomer("DE", null);
    LocalDate bridgeDay = LocalDate.of(2026, 5, 15);
    assertThat(germany.isBusinessDay(bridgeDay)).isTrue();

    HolidayCorrection added = daysOff.correct("DE", null, bridgeDay, HolidayCorrection.Change.ADD, "Bridge day", "paula");
    assertThat(germany.isBusinessDay(bridgeDay)).as("the calendar already in use sees it").isFalse();
    assertThat(daysOff.year("DE", null, 2026).entries()).contains(new HolidayYear.Entry(bridgeDay,
        HolidayYear.Origin.CORRECTION_ADDED, null, "Bridge day", "paula", added.at(), added.id()));

    assertThat(daysOff.withdraw(added.id(), "paula")).contains(added);
    assertThat(germany.isBusinessDay(bridgeDay)).isTrue();
    assertThat(daysOff.withdraw(added.id(), "paula")).as("already taken back").isEmpty();
  }

  @Test
  void theLatestWordOnADayWins_butACompanyHolidayStays() {
    DaysOff daysOff = new DaysOff(SHIPPED, new InMemoryCorrections());
    LocalDate emperorsBirthday = LocalDate.of(2027, 2, 23);
    daysOff.correct("JP", null, emperorsBirthday, HolidayCorrection.Change.REMOVE, "Test: removed", "paula");
    assertThat(daysOff.year("JP", null, 2027).isOff(emperorsBirthday)).as("over the configuration's addition").isFalse();
    daysOff.correct("JP", null, emperorsBirthday, HolidayCorrection.Change.ADD, "Test: added again", "paula");
    assertThat(daysOff.year("JP", null, 2027).isOff(emperorsBirthday)).isTrue();

    daysOff.correct("DE", null, LocalDate.of(2026, 12, 24), HolidayCorrection.Change.REMOVE, "Test", "paula");
    assertThat(daysOff.year("DE", null, 2026).isOff(LocalDate.of(2026, 12, 24))).as("company holiday").isTrue();
  }

  @Test
  void aRegionsCorrectionStaysInItsRegion() {
    DaysOff daysOff = new DaysOff(SHIPPED, new InMemoryCorrections());
    LocalDate day = LocalDate.of(2026, 3, 10);
    daysOff.correct("DE", "by", day, HolidayCorrection.Change.ADD, "Test: Bavaria only", "paula");
    assertThat(daysOff.year("DE", "by", 2026).isOff(day)).isTrue();
    assertThat(daysOff.year("DE", "be", 2026).isOff(day)).isFalse();
    assertThat(daysOff.year("DE", null, 2026).isOff(day)).isFalse();
  }

  @Test
  void aYearIsComputedOnce_andReadAgainAfterTheRefreshForOtherNodesCorrections() {
    InMemoryCorrections store = new InMemoryCorrections();
    MovableClock clock = new MovableClock(Instant.parse("2026-11-30T10:00:00Z"));
    DaysOff daysOff = new DaysOff(SHIPPED, store, clock);
    HolidayYear first = daysOff.year("FR", null, 2027);
    assertThat(daysOff.year("FR", null, 2027)).as("cached").isSameAs(first);
    int reads = store.reads;

    // another node writes straight to the store
    LocalDate day = LocalDate.of(2027, 6, 1);
    store.add("FR", null, day, HolidayCorrection.Change.ADD, "Test: another node", "paula", clock.instant());
    clock.now = clock.now.plusSeconds(30);
    assertThat(daysOff.year("FR", null, 2027).isOff(day)).as("within the refresh: still the cached year").isFalse();
    assertThat(store.reads).isEqualTo(reads);
    clock.now = clock.now.plusSeconds(31);
    assertThat(daysOff.year("FR", null, 2027).isOff(day)).as("after the refresh").isTrue();
  }

  @Test
  void anUnknownCountryFailsWhenItsCalendarIsMade_notInATimer() {
    assertThatThrownBy(() -> new CustomerCalendars(SHIPPED).forCustomer("XX", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
  }

  /** A store of corrections as the database keeps them, in memory. */
  static final class InMemoryCorrections implements HolidayCorrections {
    private final List<HolidayCorrection> inForce = new ArrayList<>();
    private long nextId = 1;
    int reads;

    @Override
    public synchronized List<HolidayCorrection> of(String country, int year) {
      reads++;
      return inForce.stream().filter(c -> c.country().equals(country) && c.date().getYear() == year).toList();
    }

    @Override
    public synchronized HolidayCorrection add(String country, String region, LocalDate date, HolidayCorrection.Change change,
                                              String reason, String by, Instant at) {
      HolidayCorrection correction = new HolidayCorrection(nextId++, country, region, date, change, reason, by, at);
      inForce.add(correction);
      return correction;
    }

    @Override
    public synchronized Optional<HolidayCorrection> withdraw(long id, String by, Instant at) {
      Optional<HolidayCorrection> found = inForce.stream().filter(c -> c.id() == id).findFirst();
      found.ifPresent(inForce::remove);
      return found;
    }
  }

  static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
