package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates and times as each language writes them (R30): the exact strings customers read. */
class MailDatesTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      textBlock = """
          en    ; 2026-12-14 ; Monday, 14 December 2026
          en-GB ; 2026-12-14 ; Monday, 14 December 2026
          en-US ; 2026-12-14 ; Monday, December 14, 2026
          de    ; 2026-12-14 ; Montag, 14. Dezember 2026
          de-AT ; 2026-12-14 ; Montag, 14. Dezember 2026
          de-AT ; 2027-01-04 ; Montag, 4. Jänner 2027
          de-CH ; 2027-01-04 ; Montag, 4. Januar 2027
          fr    ; 2026-12-14 ; lundi 14 décembre 2026
          fr    ; 2026-12-01 ; mardi 1er décembre 2026
          fr-CA ; 2026-12-14 ; lundi 14 décembre 2026
          it    ; 2026-12-14 ; lunedì 14 dicembre 2026
          """)
  void date(String tag, LocalDate date, String expected) {
    assertThat(MailDates.date(date, Locale.forLanguageTag(tag))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
  @CsvSource(
      delimiter = ';',
      textBlock = """
          en    ; 2026-12-14T09:00 ; Europe/Berlin    ; Monday, 14 December 2026 at 09:00 CET
          en    ; 2026-07-14T14:30 ; Europe/London    ; Tuesday, 14 July 2026 at 14:30 BST
          en-US ; 2026-12-14T09:00 ; America/New_York ; Monday, December 14, 2026 at 9:00 AM EST
          en-US ; 2026-12-14T15:05 ; America/New_York ; Monday, December 14, 2026 at 3:05 PM EST
          de    ; 2026-12-14T09:00 ; Europe/Berlin    ; Montag, 14. Dezember 2026 um 09:00 Uhr MEZ
          de    ; 2026-07-14T09:00 ; Europe/Berlin    ; Dienstag, 14. Juli 2026 um 09:00 Uhr MESZ
          fr    ; 2026-12-14T09:00 ; Europe/Paris     ; lundi 14 décembre 2026 à 9 h 00 CET
          fr    ; 2026-12-01T14:30 ; Europe/Paris     ; mardi 1er décembre 2026 à 14 h 30 CET
          """)
  void dateTimeShowsTheZone(String tag, String local, String zone, String expected) {
    ZonedDateTime moment = java.time.LocalDateTime.parse(local).atZone(ZoneId.of(zone));

    assertThat(MailDates.dateTime(moment, Locale.forLanguageTag(tag))).isEqualTo(expected);
  }
}
