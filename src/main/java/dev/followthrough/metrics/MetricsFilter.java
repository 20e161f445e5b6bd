package dev.followthrough.metrics;

import dev.followthrough.cases.InvalidInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which closed cases the figures count: closed from {@code from} to {@code to} (both days
 * included, UTC), split by {@code segment}. Read from request parameters; every bad one is named.
 */
public record MetricsFilter(LocalDate from, LocalDate to, Segment segment) {

  /** Without {@code from} and {@code to}: the last 90 days up to today. */
  public static final int DEFAULT_DAYS = 90;
  private static final int LONGEST_RANGE_DAYS = 3660;

  public static MetricsFilter parse(String from, String to, String segment, LocalDate today) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate end = date("to", to, problems);
    LocalDate start = date("from", from, problems);
    Segment split = segment == null || segment.isBlank() ? Segment.ALL : Segment.fromId(segment).orElse(null);
    if (split == null) {
      problems.put("segment", "must be one of " + Segment.ids());
    }
    if (problems.isEmpty()) {
      end = end == null ? today : end;
      start = start == null ? end.minusDays(DEFAULT_DAYS - 1) : start;
      if (start.isAfter(end)) {
        problems.put("from", "must not be after 'to' (" + end + ")");
      } else if (start.plusDays(LONGEST_RANGE_DAYS).isBefore(end)) {
        problems.put("from", "the range may span at most ten years");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return new MetricsFilter(start, end, split);
  }

  private static LocalDate date(String field, String value, Map<String, String> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.put(field, "must be a date such as 2026-11-30");
      return null;
    }
  }
}
