package dev.followthrough.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the figures are split: each segment is one column of {@code ft_case} (never text from the request). */
public enum Segment {
  ALL("'all'"),
  SEVERITY("severity"),
  TIER("customer_tier"),
  ENGINEER("engineer_id"),
  TEAM("team"),
  PRODUCT("product"),
  WEEK("closed_week"),
  /** "A/PREMIER": for Prometheus' labels. */
  SEVERITY_AND_TIER("severity || '/' || customer_tier");

  private final String column;

  Segment(String column) {
    this.column = column;
  }

  String column() {
    return column;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Segment> fromId(String id) {
    return Arrays.stream(values()).filter(segment -> segment.id().equals(id)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Segment::id).toList());
  }
}
