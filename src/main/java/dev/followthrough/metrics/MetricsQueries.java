package dev.followthrough.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures as SQL aggregates over {@code ft_case}: one pass over the cases closed in the range
 * (index {@code ft_case_closed}), grouped by the segment's column. Nothing is loaded per case,
 * and the engine's history is never read.
 */
@Repository
public class MetricsQueries {

  private static final double MINUTES_PER_HOUR = 60.0;

  private final JdbcTemplate jdbc;

  public MetricsQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Report(MetricsFilter filter, Figures overall, List<Figures> segments) {}

  @Transactional(readOnly = true)
  public Report report(MetricsFilter filter) {
    Figures overall = figures(filter, Segment.ALL).stream().findFirst().orElseThrow();
    List<Figures> segments = filter.segment() == Segment.ALL ? List.of() : figures(filter, filter.segment());
    return new Report(filter, overall, segments);
  }

  /** Figures per severity and tier ("A/PREMIER"): the bounded label set Prometheus gets. */
  @Transactional(readOnly = true)
  public List<Figures> bySeverityAndTier(MetricsFilter filter) {
    return figures(filter, Segment.SEVERITY_AND_TIER);
  }

  private List<Figures> figures(MetricsFilter filter, Segment segment) {
    StringBuilder sql = new StringBuilder("select ").append(segment.column()).append(" as segment_value, ")
        .append("count(*) as closed, ")
        .append("sum(case when approval_at is not null and closure_reason <> 'UNRESPONSIVE' then 1 else 0 end) as approved, ")
        .append("sum(case when first_contact_resolution then 1 else 0 end) as fcr, ")
        .append("sum(case when closure_reason = 'UNRESPONSIVE' then 1 else 0 end) as unresponsive, ")
        .append("sum(case when closure_reason = 'RESOLVED_BY_CUSTOMER' then 1 else 0 end) as by_customer, ")
        .append("percentile_cont(0.5) within group (order by first_response_business_minutes) as fr_median, ")
        .append("percentile_cont(0.9) within group (order by first_response_business_minutes) as fr_p90, ")
        .append("count(first_response_business_minutes) as responded, ")
        .append("sum(case when first_response_at is not null and first_response_target_missed = false then 1 else 0 end) as hit, ");
    int lower = 0;
    for (int bucket = 0; bucket <= Figures.FIRST_RESPONSE_BUCKETS.size(); bucket++) {
      boolean last = bucket == Figures.FIRST_RESPONSE_BUCKETS.size();
      sql.append("sum(case when first_response_business_minutes >= ").append(lower * 60);
      if (!last) {
        sql.append(" and first_response_business_minutes < ").append(Figures.FIRST_RESPONSE_BUCKETS.get(bucket) * 60);
        lower = Figures.FIRST_RESPONSE_BUCKETS.get(bucket);
      }
      sql.append(" then 1 else 0 end) as fr_bucket_").append(bucket).append(", ");
    }
    for (int strike = 0; strike <= 3; strike++) {
      sql.append("sum(case when max_strikes = ").append(strike).append(" then 1 else 0 end) as strikes_").append(strike)
          .append(", ");
    }
    sql.append("sum(follow_ups_sent) as follow_ups, ")
        .append("percentile_cont(0.5) within group (order by resolution_minutes) as resolution_median, ")
        .append("percentile_cont(0.5) within group (order by resolution_business_minutes) as resolution_business_median, ")
        .append("sum(case when reopened_count > 0 then 1 else 0 end) as reopened, ")
        .append("sum(case when dissatisfied then 1 else 0 end) as dissatisfied, ")
        .append("count(survey_rating) as answers, ")
        .append("sum(survey_rating) as rating_sum, ")
        .append("sum(case when survey_rating >= 4 then 1 else 0 end) as satisfied ")
        .append("from ft_case where status = 'CLOSED' and closed_at >= ? and closed_at < ?");
    if (segment != Segment.ALL) {
      sql.append(" group by ").append(segment.column()).append(" order by ").append(segment.column());
    }
    return jdbc.query(sql.toString(), (rs, row) -> figures(rs, segment),
        filter.from().atStartOfDay().atOffset(ZoneOffset.UTC), filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
  }

  private static Figures figures(ResultSet rs, Segment segment) throws SQLException {
    long closed = rs.getLong("closed");
    long approved = rs.getLong("approved");
    long fcr = rs.getLong("fcr");
    long unresponsive = rs.getLong("unresponsive");
    long responded = rs.getLong("responded");
    List<Long> distribution = new ArrayList<>();
    for (int bucket = 0; bucket <= Figures.FIRST_RESPONSE_BUCKETS.size(); bucket++) {
      distribution.add(rs.getLong("fr_bucket_" + bucket));
    }
    List<Long> funnel = new ArrayList<>();
    for (int strike = 0; strike <= 3; strike++) {
      funnel.add(rs.getLong("strikes_" + strike));
    }
    long reopened = rs.getLong("reopened");
    long dissatisfied = rs.getLong("dissatisfied");
    long answers = rs.getLong("answers");
    Object value = rs.getObject("segment_value");
    return new Figures(value == null ? "(none)" : value.toString(), closed, approved, fcr,
        Figures.rate(fcr, closed), Figures.rate(fcr, approved), unresponsive, Figures.rate(unresponsive, closed),
        rs.getLong("by_customer"), hours(rs, "fr_median"), hours(rs, "fr_p90"), Figures.rate(rs.getLong("hit"), responded),
        distribution, closed == 0 ? null : (double) rs.getLong("follow_ups") / closed, funnel,
        hours(rs, "resolution_median"), hours(rs, "resolution_business_median"), reopened, Figures.rate(reopened, closed),
        dissatisfied, Figures.rate(dissatisfied, closed), answers,
        answers == 0 ? null : (double) rs.getLong("rating_sum") / answers, Figures.rate(rs.getLong("satisfied"), answers));
  }

  private static Double hours(ResultSet rs, String column) throws SQLException {
    Object minutes = rs.getObject(column);
    return minutes == null ? null : ((Number) minutes).doubleValue() / MINUTES_PER_HOUR;
  }
}
