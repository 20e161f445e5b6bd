package dev.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table-driven tests of the business-day arithmetic behind every follow-up timer (R5, R7, R8), the
 * two-week rule (R13) and the contact window (R14).
 *
 * <p>Moments are written as offset date-times in the zone of the row: the offset says which side
 * of a DST switch (or of the UTC date line) a moment is on, and the expected value pins both the
 * local time of day (kept) and the offset (whatever the zone has on the new date).
 *
 * <p>The standard calendar has a Saturday + Sunday weekend and these 2026 holidays: Thu 1 Jan,
 * Good Friday 3 Apr, Easter Monday 6 Apr, Fri 1 May, Mon 25 May, Thu 24 Dec, Fri 25 Dec,
 * Sat 26 Dec (on a weekend), Thu 31 Dec, and Fri 1 Jan 2027. DST in 2026: Europe/Berlin
 * 29 Mar / 25 Oct, America/New_York and America/Anchorage 8 Mar / 1 Nov, Pacific/Auckland and
 * Australia/Sydney end 5 Apr and start 27 Sep (Auckland) / 4 Oct (Sydney); Pacific/Honolulu and
 * Pacific/Kiritimati have none.
 */
class BusinessCalendarTest {

  private static final Set<LocalDate> HOLIDAYS =
      Set.of(
          LocalDate.parse("2026-01-01"),
          LocalDate.parse("2026-04-03"),
          LocalDate.parse("2026-04-06"),
          LocalDate.parse("2026-05-01"),
          LocalDate.parse("2026-05-25"),
          LocalDate.parse("2026-12-24"),
          LocalDate.parse("2026-12-25"),
          LocalDate.parse("2026-12-26"),
          LocalDate.parse("2026-12-31"),
          LocalDate.parse("2027-01-01"));

  private static final BusinessCalendar STANDARD =
      new BusinessCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HOLIDAYS);

  /** Friday + Saturday weekend (e.g. Saudi Arabia), no holidays. */
  private static final BusinessCalendar FRIDAY_SATURDAY_WEEKEND =
      new BusinessCalendar(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Set.of());

  // ---------------------------------------------------------------------------------------------
  // Days

  @ParameterizedTest(name = "{0} is a business day: {1} ({2})")
  @CsvSource(
      textBlock =
          """
          2026-03-05, true, 'Thursday'
          2026-03-06, true, 'Friday'
          2026-03-07, false, 'Saturday'
          2026-03-08, false, 'Sunday'
          2026-03-09, true, 'Monday'
          2026-04-02, true, 'Thursday before Easter'
          2026-04-03, false, 'Good Friday: a holiday on a Friday'
          2026-04-06, false, 'Easter Monday: a holiday on a Monday'
          2026-04-07, true, 'Tuesday after Easter'
          2026-05-01, false, 'holiday on a Friday'
          2026-05-25, false, 'holiday on a Monday'
          2026-12-24, false, 'holiday on a Thursday'
          2026-12-25, false, 'holiday on a Friday'
          2026-12-26, false, 'holiday on a Saturday'
          2026-12-28, true, 'Monday between the holidays'
          2026-12-31, false, 'holiday on a Thursday'
          2027-01-01, false, 'holiday on a Friday'
          2027-01-04, true, 'first business day of 2027'
          """)
  void isBusinessDay(LocalDate date, boolean expected) {
    assertThat(STANDARD.isBusinessDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "next business day after {0} is {1} ({2})")
  @CsvSource(
      textBlock =
          """
          2026-03-06, 2026-03-09, 'Friday -> Monday'
          2026-03-07, 2026-03-09, 'Saturday -> Monday'
          2026-03-08, 2026-03-09, 'Sunday -> Monday'
          2026-03-09, 2026-03-10, 'Monday -> Tuesday (strictly after)'
          2026-04-02, 2026-04-07, 'over Good Friday, the weekend and Easter Monday'
          2026-04-03, 2026-04-07, 'from a holiday'
          2026-04-30, 2026-05-04, 'over a Friday holiday'
          2026-05-22, 2026-05-26, 'over a Monday holiday'
          2026-12-23, 2026-12-28, 'over Christmas'
          2026-12-30, 2027-01-04, 'over New Year'
          """)
  void nextBusinessDay(LocalDate date, LocalDate expected) {
    assertThat(STANDARD.nextBusinessDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "previous business day before {0} is {1} ({2})")
  @CsvSource(
      textBlock =
          """
          2026-03-09, 2026-03-06, 'Monday -> Friday'
          2026-03-08, 2026-03-06, 'Sunday -> Friday'
          2026-03-06, 2026-03-05, 'Friday -> Thursday (strictly before)'
          2026-04-07, 2026-04-02, 'over Easter Monday, the weekend and Good Friday'
          2026-05-04, 2026-04-30, 'over a Friday holiday'
          2026-05-26, 2026-05-22, 'over a Monday holiday'
          2026-12-28, 2026-12-23, 'over Christmas'
          2027-01-04, 2026-12-30, 'over New Year'
          """)
  void previousBusinessDay(LocalDate date, LocalDate expected) {
    assertThat(STANDARD.previousBusinessDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "first business day on or after {0} is {1} ({2})")
  @CsvSource(
      textBlock =
          """
          2026-03-06, 2026-03-06, 'a business day is itself'
          2026-03-10, 2026-03-10, 'Tuesday is itself'
          2026-03-07, 2026-03-09, 'Saturday -> Monday'
          2026-04-03, 2026-04-07, 'Good Friday -> Tuesday'
          2026-12-24, 2026-12-28, 'Christmas Eve -> Monday'
          2026-12-31, 2027-01-04, 'New Year''s Eve -> first business day of 2027'
          """)
  void onOrAfter(LocalDate date, LocalDate expected) {
    assertThat(STANDARD.onOrAfter(date)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Moments: N business days later, at the same local time of day

  /** from, zone, business days, expected. Shared with {@link #resultsDoNotDependOnTheJvmZone}. */
  private static final String PLUS_BUSINESS_DAYS =
      """
      # Plain counting from a Wednesday, Europe/Berlin winter time
      2026-03-04T10:00+01:00, Europe/Berlin,       0, 2026-03-04T10:00+01:00
      2026-03-04T10:00+01:00, Europe/Berlin,       1, 2026-03-05T10:00+01:00
      2026-03-04T10:00+01:00, Europe/Berlin,       3, 2026-03-09T10:00+01:00
      2026-03-04T10:00+01:00, Europe/Berlin,       5, 2026-03-11T10:00+01:00
      2026-03-04T10:00+01:00, Europe/Berlin,      10, 2026-03-18T10:00+01:00
      # From a Friday, a Saturday, a Sunday
      2026-03-06T16:30+01:00, Europe/Berlin,       1, 2026-03-09T16:30+01:00
      2026-03-06T16:30+01:00, Europe/Berlin,       3, 2026-03-11T16:30+01:00
      2026-03-07T11:00+01:00, Europe/Berlin,       0, 2026-03-09T11:00+01:00
      2026-03-07T11:00+01:00, Europe/Berlin,       1, 2026-03-09T11:00+01:00
      2026-03-08T09:00+01:00, Europe/Berlin,       1, 2026-03-09T09:00+01:00
      2026-03-08T09:00+01:00, Europe/Berlin,       3, 2026-03-11T09:00+01:00
      # From a holiday, and over Easter (holidays on Friday and Monday)
      2026-04-03T10:00+02:00, Europe/Berlin,       0, 2026-04-07T10:00+02:00
      2026-04-03T10:00+02:00, Europe/Berlin,       1, 2026-04-07T10:00+02:00
      2026-04-02T10:00+02:00, Europe/Berlin,       1, 2026-04-07T10:00+02:00
      2026-04-02T10:00+02:00, Europe/Berlin,       3, 2026-04-09T10:00+02:00
      # Across Christmas and New Year
      2026-12-23T10:00+01:00, Europe/Berlin,       1, 2026-12-28T10:00+01:00
      2026-12-23T10:00+01:00, Europe/Berlin,       3, 2026-12-30T10:00+01:00
      2026-12-23T10:00+01:00, Europe/Berlin,       5, 2027-01-05T10:00+01:00
      2026-12-22T15:00+01:00, Europe/Berlin,      10, 2027-01-11T15:00+01:00
      2026-12-25T10:00+01:00, Europe/Berlin,       0, 2026-12-28T10:00+01:00
      # The local time of day is kept, at the edges of the day too
      2026-03-06T23:59+01:00, Europe/Berlin,       1, 2026-03-09T23:59+01:00
      2026-03-09T00:00+01:00, Europe/Berlin,       1, 2026-03-10T00:00+01:00
      2026-03-05T00:30+01:00, Europe/Berlin,       1, 2026-03-06T00:30+01:00
      # Europe/Berlin spring forward (Sun 29 Mar): same local time, new offset
      2026-03-27T10:00+01:00, Europe/Berlin,       1, 2026-03-30T10:00+02:00
      2026-03-26T09:00+01:00, Europe/Berlin,       3, 2026-03-31T09:00+02:00
      2026-03-28T18:00+01:00, Europe/Berlin,       0, 2026-03-30T18:00+02:00
      2026-03-27T01:30+01:00, Europe/Berlin,       1, 2026-03-30T01:30+02:00
      # Europe/Berlin fall back (Sun 25 Oct)
      2026-10-23T10:00+02:00, Europe/Berlin,       1, 2026-10-26T10:00+01:00
      2026-10-23T23:30+02:00, Europe/Berlin,       1, 2026-10-26T23:30+01:00
      2026-10-21T02:30+02:00, Europe/Berlin,       5, 2026-10-28T02:30+01:00
      # America/New_York spring forward (Sun 8 Mar)
      2026-03-06T09:00-05:00, America/New_York,    1, 2026-03-09T09:00-04:00
      2026-03-06T20:00-05:00, America/New_York,    1, 2026-03-09T20:00-04:00
      2026-03-05T17:00-05:00, America/New_York,    3, 2026-03-10T17:00-04:00
      # America/New_York fall back (Sun 1 Nov)
      2026-10-30T09:00-04:00, America/New_York,    1, 2026-11-02T09:00-05:00
      2026-10-30T21:00-04:00, America/New_York,    1, 2026-11-02T21:00-05:00
      2026-10-31T12:00-04:00, America/New_York,    0, 2026-11-02T12:00-05:00
      # East of UTC+10: the local date is a day ahead of the UTC date
      2026-03-06T08:00+13:00, Pacific/Auckland,    1, 2026-03-09T08:00+13:00
      2026-03-09T07:00+13:00, Pacific/Auckland,    0, 2026-03-09T07:00+13:00
      2026-04-02T09:00+13:00, Pacific/Auckland,    1, 2026-04-07T09:00+12:00
      2026-09-25T09:00+12:00, Pacific/Auckland,    1, 2026-09-28T09:00+13:00
      2026-03-06T10:00+11:00, Australia/Sydney,    1, 2026-03-09T10:00+11:00
      2026-10-02T08:00+10:00, Australia/Sydney,    1, 2026-10-05T08:00+11:00
      2026-03-06T09:00+14:00, Pacific/Kiritimati,  1, 2026-03-09T09:00+14:00
      # West of UTC-8: the local date is a day behind the UTC date
      2026-03-05T18:00-10:00, Pacific/Honolulu,    1, 2026-03-06T18:00-10:00
      2026-03-06T15:00-10:00, Pacific/Honolulu,    1, 2026-03-09T15:00-10:00
      2026-12-23T16:00-10:00, Pacific/Honolulu,    1, 2026-12-28T16:00-10:00
      2026-03-06T17:00-09:00, America/Anchorage,   1, 2026-03-09T17:00-08:00
      2026-10-30T16:00-08:00, America/Anchorage,   1, 2026-11-02T16:00-09:00
      """;

  @ParameterizedTest(name = "{0} + {2} business days in {1} = {3}")
  @CsvSource(textBlock = PLUS_BUSINESS_DAYS)
  void plusBusinessDays(OffsetDateTime from, ZoneId zone, int days, OffsetDateTime expected) {
    assertInZone(from, zone);
    assertThat(local(STANDARD.plusBusinessDays(from.toInstant(), days, zone), zone)).isEqualTo(expected);
  }

  private static final String MINUS_BUSINESS_DAYS =
      """
      2026-03-09T10:00+01:00, Europe/Berlin,       0, 2026-03-09T10:00+01:00
      2026-03-09T10:00+01:00, Europe/Berlin,       1, 2026-03-06T10:00+01:00
      2026-03-11T10:00+01:00, Europe/Berlin,       5, 2026-03-04T10:00+01:00
      2026-03-07T10:00+01:00, Europe/Berlin,       1, 2026-03-06T10:00+01:00
      2026-04-07T10:00+02:00, Europe/Berlin,       1, 2026-04-02T10:00+02:00
      2027-01-04T10:00+01:00, Europe/Berlin,       3, 2026-12-28T10:00+01:00
      # across DST: the local time is kept
      2026-03-30T10:00+02:00, Europe/Berlin,       1, 2026-03-27T10:00+01:00
      2026-10-26T10:00+01:00, Europe/Berlin,       1, 2026-10-23T10:00+02:00
      2026-03-09T09:00-04:00, America/New_York,    1, 2026-03-06T09:00-05:00
      2026-11-02T09:00-05:00, America/New_York,    1, 2026-10-30T09:00-04:00
      # local date differs from the UTC date
      2026-03-09T08:00+13:00, Pacific/Auckland,    1, 2026-03-06T08:00+13:00
      2026-03-06T18:00-10:00, Pacific/Honolulu,    1, 2026-03-05T18:00-10:00
      """;

  @ParameterizedTest(name = "{0} - {2} business days in {1} = {3}")
  @CsvSource(textBlock = MINUS_BUSINESS_DAYS)
  void minusBusinessDays(OffsetDateTime from, ZoneId zone, int days, OffsetDateTime expected) {
    assertInZone(from, zone);
    assertThat(local(STANDARD.minusBusinessDays(from.toInstant(), days, zone), zone)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // A Friday + Saturday weekend

  @ParameterizedTest(name = "Friday+Saturday weekend: {0} is a business day: {1} ({2})")
  @CsvSource(
      textBlock =
          """
          2026-03-05, true, 'Thursday'
          2026-03-06, false, 'Friday'
          2026-03-07, false, 'Saturday'
          2026-03-08, true, 'Sunday'
          2026-03-09, true, 'Monday'
          """)
  void fridaySaturdayWeekendDays(LocalDate date, boolean expected) {
    assertThat(FRIDAY_SATURDAY_WEEKEND.isBusinessDay(date)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Friday+Saturday weekend: {0} + {2} business days in {1} = {3}")
  @CsvSource(
      textBlock =
          """
          2026-03-05T10:00+03:00, Asia/Riyadh,   1, 2026-03-08T10:00+03:00
          2026-03-06T10:00+03:00, Asia/Riyadh,   0, 2026-03-08T10:00+03:00
          2026-03-04T10:00+03:00, Asia/Riyadh,   3, 2026-03-09T10:00+03:00
          2026-03-04T10:00+03:00, Asia/Riyadh,   5, 2026-03-11T10:00+03:00
          # Sunday is a business day here, so the Berlin DST switch falls on one.
          # 02:30 does not exist on 29 Mar: the moment moves forward by the gap, to 03:30.
          2026-03-26T02:30+01:00, Europe/Berlin, 1, 2026-03-29T03:30+02:00
          # 02:30 happens twice on 25 Oct: the earlier one (still summer time).
          2026-10-22T02:30+02:00, Europe/Berlin, 1, 2026-10-25T02:30+02:00
          2026-10-22T10:00+02:00, Europe/Berlin, 1, 2026-10-25T10:00+01:00
          """)
  void fridaySaturdayWeekendPlus(OffsetDateTime from, ZoneId zone, int days, OffsetDateTime expected) {
    assertInZone(from, zone);
    assertThat(local(FRIDAY_SATURDAY_WEEKEND.plusBusinessDays(from.toInstant(), days, zone), zone))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "Friday+Saturday weekend: {0} - {2} business days in {1} = {3}")
  @CsvSource(
      textBlock =
          """
          2026-03-08T10:00+03:00, Asia/Riyadh, 1, 2026-03-05T10:00+03:00
          2026-03-09T10:00+03:00, Asia/Riyadh, 2, 2026-03-05T10:00+03:00
          """)
  void fridaySaturdayWeekendMinus(OffsetDateTime from, ZoneId zone, int days, OffsetDateTime expected) {
    assertInZone(from, zone);
    assertThat(local(FRIDAY_SATURDAY_WEEKEND.minusBusinessDays(from.toInstant(), days, zone), zone))
        .isEqualTo(expected);
  }

  @Test
  void sixDayWeekendLeavesOneBusinessDay() {
    BusinessCalendar onlyWednesday =
        new BusinessCalendar(EnumSet.complementOf(EnumSet.of(DayOfWeek.WEDNESDAY)), Set.of());
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant wednesday = OffsetDateTime.parse("2026-03-04T10:00+01:00").toInstant();

    assertThat(local(onlyWednesday.plusBusinessDays(wednesday, 2, zone), zone))
        .isEqualTo(OffsetDateTime.parse("2026-03-18T10:00+01:00"));
  }

  // ---------------------------------------------------------------------------------------------
  // Rejected input

  @ParameterizedTest(name = "{0} business days are rejected")
  @ValueSource(ints = {-1, -3, Integer.MIN_VALUE})
  void rejectsNegativeDays(int days) {
    Instant now = Instant.parse("2026-03-04T09:00:00Z");
    ZoneId zone = ZoneId.of("Europe/Berlin");

    assertThatThrownBy(() -> STANDARD.plusBusinessDays(now, days, zone))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> STANDARD.minusBusinessDays(now, days, zone))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void rejectsASevenDayWeekend() {
    assertThatThrownBy(() -> new BusinessCalendar(EnumSet.allOf(DayOfWeek.class), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("working day");
  }

  // ---------------------------------------------------------------------------------------------
  // The JVM's default zone plays no part

  @Test
  void resultsDoNotDependOnTheJvmZone() {
    List<Instant> expected = everyResult();
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("Pacific/Kiritimati", "America/Adak", "UTC")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertThat(everyResult()).as("JVM default zone %s", zone).isEqualTo(expected);
        assertAllRows(PLUS_BUSINESS_DAYS, zone);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private static List<Instant> everyResult() {
    List<Instant> results = new ArrayList<>();
    for (String[] row : rows(PLUS_BUSINESS_DAYS)) {
      results.add(STANDARD.plusBusinessDays(instant(row[0]), Integer.parseInt(row[2]), ZoneId.of(row[1])));
    }
    for (String[] row : rows(MINUS_BUSINESS_DAYS)) {
      results.add(STANDARD.minusBusinessDays(instant(row[0]), Integer.parseInt(row[2]), ZoneId.of(row[1])));
    }
    return results;
  }

  private static void assertAllRows(String table, String defaultZone) {
    for (String[] row : rows(table)) {
      ZoneId zone = ZoneId.of(row[1]);
      Instant result = STANDARD.plusBusinessDays(instant(row[0]), Integer.parseInt(row[2]), zone);
      assertThat(local(result, zone))
          .as("%s + %s business days in %s, JVM default zone %s", row[0], row[2], row[1], defaultZone)
          .isEqualTo(OffsetDateTime.parse(row[3]));
    }
  }

  /** The data rows of a CSV table above: comments and blank lines skipped, cells trimmed. */
  private static List<String[]> rows(String table) {
    return table.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s*,\\s*"))
        .toList();
  }

  // ---------------------------------------------------------------------------------------------

  private static Instant instant(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  /** The instant as the wall clock and offset of {@code zone} show it. */
  private static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  /** Guards the tables: the offset written in a row is the zone's offset at that moment. */
  private static void assertInZone(OffsetDateTime moment, ZoneId zone) {
    assertThat(local(moment.toInstant(), zone)).as("row offset of %s in %s", moment, zone).isEqualTo(moment);
  }
}
