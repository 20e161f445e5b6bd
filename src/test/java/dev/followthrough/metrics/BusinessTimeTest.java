package dev.followthrough.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.calendar.BusinessHours;
import dev.followthrough.calendar.Holidays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessTimeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final BusinessCalendar NINE_TO_FIVE = new BusinessCalendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      Holidays.of(Set.of(LocalDate.parse("2026-12-25"))), BusinessHours.of("09:00", "17:00"));

  @ParameterizedTest(name = "{0} -> {1}: {2} business minutes")
  @CsvSource({
      // same day, inside the hours
      "2026-11-23T10:00, 2026-11-23T12:30, 150",
      // opened before the opening: counts from 09:00
      "2026-11-23T07:00, 2026-11-23T10:00, 60",
      // Friday 15:00 to Monday 11:00: 2 + 2 hours (the inverse of plusBusinessHours' own example)
      "2026-11-27T15:00, 2026-11-30T11:00, 240",
      // over a holiday (Friday 25 December) and the weekend
      "2026-12-24T16:00, 2026-12-28T10:00, 120",
      // the whole thing at night
      "2026-11-23T18:00, 2026-11-23T23:00, 0",
      // backwards is nothing
      "2026-11-23T12:00, 2026-11-23T10:00, 0"})
  void countsOnlyOpenTime(String from, String to, long minutes) {
    assertThat(BusinessTime.between(NINE_TO_FIVE, LocalDateTime.parse(from).atZone(BERLIN).toInstant(),
        LocalDateTime.parse(to).atZone(BERLIN).toInstant(), BERLIN)).isEqualTo(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest
  @CsvSource({"2026-11-23T10:00, PT4H", "2026-11-27T15:00, PT4H", "2026-11-23T16:30, PT13H"})
  void isTheInverseOfPlusBusinessHours(String from, Duration duration) {
    var start = LocalDateTime.parse(from).atZone(BERLIN).toInstant();
    assertThat(BusinessTime.between(NINE_TO_FIVE, start, NINE_TO_FIVE.plusBusinessHours(start, duration, BERLIN), BERLIN))
        .isEqualTo(duration);
  }

  @ParameterizedTest
  @CsvSource({"2026-11-28T22:00, 2026-11-29T01:00, 180"})
  void aroundTheClock_countsEveryMinute(String from, String to, long minutes) {
    assertThat(BusinessTime.between(BusinessCalendar.aroundTheClock(), LocalDateTime.parse(from).atZone(BERLIN).toInstant(),
        LocalDateTime.parse(to).atZone(BERLIN).toInstant(), BERLIN)).isEqualTo(Duration.ofMinutes(minutes));
  }
}
