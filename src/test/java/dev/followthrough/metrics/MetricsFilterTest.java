package dev.followthrough.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.cases.InvalidInput;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricsFilterTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

  @Test
  void withoutParameters_theLast90DaysForAll() {
    assertThat(MetricsFilter.parse(null, null, null, TODAY))
        .isEqualTo(new MetricsFilter(LocalDate.parse("2026-09-02"), TODAY, Segment.ALL));
  }

  @Test
  void aRangeAndASegment() {
    assertThat(MetricsFilter.parse("2026-11-01", "2026-11-15", "engineer", TODAY))
        .isEqualTo(new MetricsFilter(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-15"), Segment.ENGINEER));
  }

  @Test
  void everyBadParameterIsNamed() {
    InvalidInput refused = catchThrowableOfType(InvalidInput.class,
        () -> MetricsFilter.parse("yesterday", "2026-13-01", "customer; drop table ft_case", TODAY));
    assertThat(refused.fields()).containsOnlyKeys("from", "to", "segment");
    assertThat(refused.fields().get("segment")).contains("severity, tier, engineer, team, product, week");
  }

  @Test
  void fromAfterTo_isRefused() {
    assertThat(catchThrowableOfType(InvalidInput.class, () -> MetricsFilter.parse("2026-11-20", "2026-11-10", null, TODAY))
        .fields()).containsOnlyKeys("from");
  }
}
