package dev.followthrough.mail;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The fixed words of an email around the template's text, in one language (R30): the word for
 * "case" in a subject prefix, the signature's labels, and the sentence that promises the next
 * update. Read from {@code layout.properties} in the language's template folder; dates and times in
 * {@link #locale()} through {@link MailDates}.
 */
public record MailLanguage(Locale locale, String caseWord, String emailLabel, String phoneLabel,
                           String workingHoursLabel, String managerLabel, String nextUpdateSentence) {

  /** The placeholder for the date in {@link #nextUpdateSentence()}. */
  public static final String DATE = "{date}";

  public String date(LocalDate date) {
    return MailDates.date(date, locale);
  }

  public String dateTime(ZonedDateTime moment) {
    return MailDates.dateTime(moment, locale);
  }

  /** "My next update will reach you by Thursday, 27 November 2026 at 14:00 CET." */
  public String nextUpdate(ZonedDateTime moment) {
    return nextUpdateSentence.replace(DATE, dateTime(moment));
  }
}
