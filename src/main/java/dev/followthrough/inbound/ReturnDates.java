package dev.followthrough.inbound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day an out-of-office reply says its writer is back (R9), in English, German and French.
 * Recognised forms:
 *
 * <ul>
 *   <li>{@code yyyy-MM-dd} and {@code yyyy/MM/dd};
 *   <li>{@code dd.MM.yyyy}, {@code dd.MM.yy} and {@code dd.MM.} (German style, day first);
 *   <li>{@code a/b/yyyy} or {@code a/b/yy}: day/month/year, unless {@code b} is greater than 12, then
 *       it can only be the US month/day/year, so {@code 12/07/2026} is 12 July and
 *       {@code 12/25/2026} is 25 December;
 *   <li>English "7 December", "7th of December 2026", "Monday 7th Dec", "December 7", "December 7,
 *       2026", "Dec 1-7" (the end of the range); German "7. Dezember 2026", "7. Dez."; French "7
 *       décembre 2026", "1er décembre". Weekday names are ignored.
 * </ul>
 *
 * A date without a year is the next such date on or after the day the message was received. Dates
 * before that day, and dates more than 365 days after it, are ignored; of the rest the latest wins
 * (so "from 1 December until 7 December" gives 7 December). The named day itself is returned: "out
 * until 7 December" gives 7 December, not the day after. No date (or a relative one, "back
 * tomorrow") gives {@link Optional#empty()}.
 */
public final class ReturnDates {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final int MAX_DAYS_AHEAD = 365;

  private ReturnDates() {}

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    month(1, "january", "jan", "januar", "jänner", "janvier", "janv");
    month(2, "february", "feb", "februar", "feber", "février", "fevrier", "févr", "fevr");
    month(3, "march", "mar", "märz", "maerz", "mrz", "mars");
    month(4, "april", "apr", "avril", "avr");
    month(5, "may", "mai");
    month(6, "june", "jun", "juni", "juin");
    month(7, "july", "jul", "juli", "juillet", "juil");
    month(8, "august", "aug", "août", "aout");
    month(9, "september", "sep", "sept", "septembre");
    month(10, "october", "oct", "oktober", "okt", "octobre");
    month(11, "november", "nov", "novembre");
    month(12, "december", "dec", "dezember", "dez", "décembre", "decembre", "déc");
  }

  private static void month(int number, String... names) {
    for (String name : names) {
      MONTHS.put(name, number);
    }
  }

  private static final String MONTH = "(" + MONTHS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
      .map(Pattern::quote)
      .reduce((a, b) -> a + "|" + b)
      .orElseThrow() + ")\\.?";

  private static final String ORDINAL = "(?:st|nd|rd|th|er|\\.)?";
  private static final String YEAR = "(?:,?\\s+(\\d{4})(?!\\d))?";

  /** 7 December [2026], 7th of Dec, 7. Dezember 2026, 1er décembre. */
  private static final Pattern DAY_MONTH = Pattern.compile(
      "(?<![\\p{L}\\d])(\\d{1,2})" + ORDINAL + "\\s*(?:of\\s+)?" + MONTH + "(?![\\p{L}])" + YEAR, FLAGS);
  /** December 7[, 2026], Dec 7th, Dec 1-7. */
  private static final Pattern MONTH_DAY = Pattern.compile(
      "(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?![\\d\\p{L}])"
          + YEAR, FLAGS);
  private static final Pattern ISO = Pattern.compile("(?<![\\d/-])(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?![\\d/-])");
  private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})?(?![\\d])");
  private static final Pattern SLASHED = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])");

  private record Found(int start, int end, LocalDate date) {}

  /** The latest plausible return date named in the text, see the class comment. */
  public static Optional<LocalDate> in(String text, LocalDate receivedOn) {
    List<Found> found = new ArrayList<>();
    Matcher m = ISO.matcher(text);
    while (m.find()) {
      add(found, m, date(m.group(1), m.group(2), m.group(3), receivedOn));
    }
    m = DOTTED.matcher(text);
    while (m.find()) {
      add(found, m, date(m.group(3), m.group(2), m.group(1), receivedOn));
    }
    m = SLASHED.matcher(text);
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      // day/month/year, unless the month position cannot be a month (then it is US month/day/year)
      boolean us = b > 12 && a <= 12;
      add(found, m, us ? date(m.group(3), m.group(1), m.group(2), receivedOn) : date(m.group(3), m.group(2), m.group(1), receivedOn));
    }
    m = DAY_MONTH.matcher(text);
    while (m.find()) {
      add(found, m, date(m.group(3), String.valueOf(monthNumber(m.group(2))), m.group(1), receivedOn));
    }
    m = MONTH_DAY.matcher(text);
    while (m.find()) {
      String day = m.group(3) != null ? m.group(3) : m.group(2);
      add(found, m, date(m.group(4), String.valueOf(monthNumber(m.group(1))), day, receivedOn));
    }
    found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
    LocalDate latest = null;
    int coveredUntil = -1;
    LocalDate limit = receivedOn.plusDays(MAX_DAYS_AHEAD);
    for (Found f : found) {
      if (f.start() < coveredUntil) {
        continue; // overlaps a date already read
      }
      coveredUntil = f.end();
      LocalDate date = f.date();
      if (date == null || date.isBefore(receivedOn) || date.isAfter(limit)) {
        continue;
      }
      if (latest == null || date.isAfter(latest)) {
        latest = date;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static void add(List<Found> found, Matcher m, LocalDate date) {
    found.add(new Found(m.start(), m.end(), date));
  }

  private static int monthNumber(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.endsWith(".")) {
      key = key.substring(0, key.length() - 1);
    }
    return MONTHS.getOrDefault(key, 0);
  }

  /** The date, or null when impossible; a missing year is the next occurrence on or after receivedOn. */
  private static LocalDate date(String year, String month, String day, LocalDate receivedOn) {
    try {
      int m = Integer.parseInt(month);
      int d = Integer.parseInt(day);
      if (year != null) {
        int y = Integer.parseInt(year);
        return LocalDate.of(y < 100 ? 2000 + y : y, m, d);
      }
      for (int y = receivedOn.getYear(); y <= receivedOn.getYear() + 4; y++) {
        try {
          LocalDate candidate = LocalDate.of(y, m, d);
          if (!candidate.isBefore(receivedOn)) {
            return candidate;
          }
        } catch (DateTimeException leapDayInAnotherYear) {
          // 29 February: try the next year
        }
      }
      return null;
    } catch (DateTimeException | NumberFormatException impossible) {
      return null;
    }
  }
}
