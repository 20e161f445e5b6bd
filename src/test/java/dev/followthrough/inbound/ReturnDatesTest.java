package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The return date an out-of-office reply names (R9), in English, German and French: one row per form. */
class ReturnDatesTest {

  /** A Monday. */
  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 30);

  static Stream<Arguments> returnDates() {
    return Stream.of(
        date("I am back on 7 December.", "2026-12-07"),
        date("I will return on December 7, 2026.", "2026-12-07"),
        date("I am on leave until 2026-12-07.", "2026-12-07"),
        date("Ich bin bis zum 07.12.2026 nicht im Büro.", "2026-12-07"),
        date("Returning Monday 7th December.", "2026-12-07"),
        date("I will be back 12/07/2027.", "2027-07-12"), // both could be a month: day/month, 12 July
        date("I will be back 12/07/2026.", null), // 12 July 2026 is in the past, not 7 December
        date("Back on 25/12/2026.", "2026-12-25"),
        date("Back on 12/25/2026 (US style, 25 cannot be a month).", "2026-12-25"),
        date("Back 7/12/26.", "2026-12-07"),
        date("Zurück am 7. Dezember 2026.", "2026-12-07"),
        date("Ich bin ab dem 9. Dez. wieder da.", "2026-12-09"),
        date("Ich bin bis 07.12. abwesend.", "2026-12-07"),
        date("Je suis absent jusqu'au 7 décembre 2026.", "2026-12-07"),
        date("De retour le 1er décembre.", "2026-12-01"),
        date("Back on the 7th of December.", "2026-12-07"),
        date("Out Dec 1-7, back soon.", "2026-12-07"),
        date("Away from 1 December until 8 December 2026.", "2026-12-08"),
        date("I will return on 5 January.", "2027-01-05"), // no year: the next 5 January
        date("Back on 30 November.", "2026-11-30"), // the day it arrives counts
        date("Back on 2026/12/14.", "2026-12-14"),
        date("Out of office until Jan 4th 2027.", "2027-01-04"),
        date("Back on 4 January, for urgent matters before 2 December call Kim.", "2027-01-04"),
        date("I was away from 2 to 20 November 2026 and am back.", null), // only past dates
        date("Back on 7 December 2025.", null), // past
        date("Back on 1 December 2028.", null), // more than 365 days ahead
        date("Back on 31.02.2027.", null), // no such day
        date("I am back tomorrow.", null), // relative dates are not read
        date("Version 3.10 of the tool is installed; call 030 1234567.", null),
        date("Out of office.", null),
        // more German and French forms
        date("Ich bin vom 1. bis 4. Dezember 2026 im Urlaub und ab dem 07.12.2026 wieder erreichbar.", "2026-12-07"),
        date("Abwesend bis einschließlich 11. Dez.", "2026-12-11"),
        date("Je serai de retour le lundi 7 décembre.", "2026-12-07"),
        date("Absent jusqu'au 04/01/2027.", "2027-01-04"),
        date("Je suis en congés du 1er au 18 décembre 2026.", "2026-12-18"));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("returnDates")
  void readsTheReturnDate(String text, LocalDate expected) {
    assertThat(ReturnDates.in(text, RECEIVED)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aYearLessDateAroundNewYearIsTheNextOne() {
    assertThat(ReturnDates.in("Back on 4 January.", LocalDate.of(2026, 12, 28))).contains(LocalDate.of(2027, 1, 4));
    assertThat(ReturnDates.in("Back on 4 January.", LocalDate.of(2027, 1, 2))).contains(LocalDate.of(2027, 1, 4));
    assertThat(ReturnDates.in("Back on 29 February.", LocalDate.of(2026, 11, 30)))
        .as("no 29 February in 2027; the next one, in 2028, is more than a year ahead").isEmpty();
    assertThat(ReturnDates.in("Back on 29 February.", LocalDate.of(2027, 11, 30))).contains(LocalDate.of(2028, 2, 29));
  }

  private static Arguments date(String text, String expected) {
    return Arguments.of(text, expected == null ? null : LocalDate.parse(expected));
  }
}
