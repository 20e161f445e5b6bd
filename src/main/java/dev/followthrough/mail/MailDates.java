package dev.followthrough.mail;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one place that writes dates and times into emails (R30), as the reader's language writes
 * them: English "Monday, 14 December 2026" and "09:00 CET" (American English, {@code en-US}:
 * "Monday, December 14, 2026" and "9:00 AM EST"), German "Montag, 14. Dezember 2026" and
 * "09:00 Uhr MEZ", French "lundi 14 décembre 2026", "mardi 1er décembre 2026" and "9 h 00 CET".
 * Other languages get Java's full date and short time for their locale. A time always shows its
 * zone; the caller chooses the zone (the customer's for customer emails).
 */
public final class MailDates {

  private MailDates() {}

  public static String date(LocalDate date, Locale locale) {
    return switch (locale.getLanguage()) {
      case "en" -> pattern(isUs(locale) ? "EEEE, MMMM d, uuuu" : "EEEE, d MMMM uuuu", locale).format(date);
      case "de" -> pattern("EEEE, d. MMMM uuuu", locale).format(date);
      // French writes the first of the month as an ordinal: "1er décembre"
      case "fr" -> pattern(date.getDayOfMonth() == 1 ? "EEEE d'er' MMMM uuuu" : "EEEE d MMMM uuuu", locale).format(date);
      default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    };
  }

  /** The date, the time of day and the zone, e.g. "Thursday, 27 November 2026 at 14:00 CET". */
  public static String dateTime(ZonedDateTime moment, Locale locale) {
    String date = date(moment.toLocalDate(), locale);
    return switch (locale.getLanguage()) {
      case "en" -> date + " at " + pattern(isUs(locale) ? "h:mm a zzz" : "HH:mm zzz", locale).format(moment);
      case "de" -> date + " um " + pattern("HH:mm 'Uhr' zzz", locale).format(moment);
      case "fr" -> date + " à " + pattern("H 'h' mm zzz", locale).format(moment);
      default -> date + ", " + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(moment)
          + " " + pattern("zzz", locale).format(moment);
    };
  }

  private static boolean isUs(Locale locale) {
    return "US".equals(locale.getCountry());
  }

  private static DateTimeFormatter pattern(String pattern, Locale locale) {
    return DateTimeFormatter.ofPattern(pattern, locale);
  }
}
