package dev.followthrough.reporting;

import dev.followthrough.cases.Severity;
import dev.followthrough.cases.Tier;
import dev.followthrough.metrics.Figures;
import dev.followthrough.metrics.MetricsFilter;
import dev.followthrough.metrics.MetricsQueries;
import dev.followthrough.metrics.Segment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The metrics for Prometheus ({@code /actuator/prometheus}): gauges over the cases closed in the
 * last {@link MetricsFilter#DEFAULT_DAYS} days, labelled by severity and tier only (a bounded set:
 * never case numbers or people). One grouped query answers a scrape; its result is reused for
 * {@link #FRESH_FOR} so the gauges of one scrape agree with each other.
 */
@Component
class PrometheusFigures implements MeterBinder {

  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final MetricsQueries queries;
  private Map<String, Figures> snapshot = Map.of();
  private Instant takenAt = Instant.EPOCH;

  PrometheusFigures(MetricsQueries queries) {
    this.queries = queries;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Severity severity : Severity.values()) {
      for (Tier tier : Tier.values()) {
        String key = severity + "/" + tier;
        gauge(registry, "followthrough.cases.closed", "Cases closed in the last 90 days", key, severity, tier, Figures::closed);
        gauge(registry, "followthrough.cases.closed.with.approval", "Cases closed with the customer's recorded approval",
            key, severity, tier, Figures::closedWithApproval);
        gauge(registry, "followthrough.fcr.cases", "First Contact Resolutions (see /api/metrics for the definition)",
            key, severity, tier, Figures::firstContactResolutions);
        gauge(registry, "followthrough.unresponsive.closures", "Cases closed by the unresponsive path",
            key, severity, tier, Figures::unresponsiveClosures);
        gauge(registry, "followthrough.reopened.cases", "Closed cases reopened within the window",
            key, severity, tier, Figures::reopened);
        gauge(registry, "followthrough.dissatisfied.cases", "Closed cases flagged dissatisfied",
            key, severity, tier, Figures::dissatisfied);
        gauge(registry, "followthrough.first.response.median.business.hours", "Median first-response time",
            key, severity, tier, figures -> orNaN(figures.firstResponseMedianBusinessHours()));
        gauge(registry, "followthrough.first.response.target.hit.ratio", "First-response target hit rate",
            key, severity, tier, figures -> orNaN(figures.firstResponseTargetHitRate()));
        gauge(registry, "followthrough.survey.answers", "Survey answers",
            key, severity, tier, Figures::surveyAnswers);
        gauge(registry, "followthrough.satisfaction.average", "Average survey rating (1-5)",
            key, severity, tier, figures -> orNaN(figures.satisfactionAverage()));
      }
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, String key, Severity severity, Tier tier,
                     ToDoubleFunction<Figures> value) {
    Gauge.builder(name, this, self -> self.of(key).map(value::applyAsDouble).orElse(0.0))
        .description(description)
        .tag("severity", severity.name())
        .tag("tier", tier.name())
        .register(registry);
  }

  private java.util.Optional<Figures> of(String key) {
    return java.util.Optional.ofNullable(current().get(key));
  }

  private synchronized Map<String, Figures> current() {
    Instant now = Instant.now();
    if (Duration.between(takenAt, now).compareTo(FRESH_FOR) >= 0) {
      LocalDate today = MetricsController.today();
      List<Figures> rows = queries.bySeverityAndTier(
          new MetricsFilter(today.minusDays(MetricsFilter.DEFAULT_DAYS - 1), today, Segment.SEVERITY_AND_TIER));
      snapshot = rows.stream().collect(Collectors.toMap(Figures::segment, figures -> figures));
      takenAt = now;
    }
    return snapshot;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
