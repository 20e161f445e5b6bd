package dev.followthrough.benchmark;

import dev.followthrough.metrics.MetricsFilter;
import dev.followthrough.metrics.MetricsQueries;
import dev.followthrough.metrics.Segment;
import dev.followthrough.metrics.Weeks;
import dev.followthrough.support.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Not a test that runs in CI (surefire's default includes do not match {@code *Benchmark}): run it
 * with {@code ./mvnw test -Dtest=MetricsBenchmark}. It migrates a fresh database with our own
 * migrations, fills it with 100,000 closed cases (and 1,000 open ones) with varied facts, and prints
 * how long the figures take: all cases of a year, and split by each segment, on H2 and on the local
 * PostgreSQL (a database created for the run and dropped after it; skipped when there is none).
 */
class MetricsBenchmark {

  private static final int CLOSED_CASES = 100_000;
  private static final int ROUNDS = 5;
  private static final LocalDate FIRST_DAY = LocalDate.parse("2025-12-01");

  @Test
  void h2() throws Exception {
    DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    run("H2", h2);
  }

  @Test
  void postgres() throws Exception {
    if (new LocalPostgres().evaluateExecutionCondition(null).isDisabled()) {
      System.out.println("[benchmark] PostgreSQL: no server on 127.0.0.1:5432, skipped");
      return;
    }
    String name = "ft_metrics_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String url = LocalPostgres.freshDatabase(name);
    try {
      run("PostgreSQL", new DriverManagerDataSource(url, LocalPostgres.USER, ""));
    } finally {
      try (Connection connection = DriverManager.getConnection(LocalPostgres.SERVER + "postgres", LocalPostgres.USER, "");
           Statement statement = connection.createStatement()) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  private static void run(String database, DataSource dataSource) throws Exception {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    long filling = System.nanoTime();
    fill(dataSource);
    System.out.printf("[benchmark] %s: %,d closed cases inserted in %d ms%n", database, CLOSED_CASES,
        (System.nanoTime() - filling) / 1_000_000);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if (database.equals("PostgreSQL")) {
      jdbc.execute("analyze ft_case");
    }
    MetricsQueries queries = new MetricsQueries(jdbc);
    LocalDate to = FIRST_DAY.plusDays(364);
    for (Segment segment : Segment.values()) {
      MetricsFilter filter = new MetricsFilter(FIRST_DAY, to, segment);
      queries.report(filter); // warm-up
      long best = Long.MAX_VALUE;
      long total = 0;
      MetricsQueries.Report report = null;
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        report = queries.report(filter);
        long took = System.nanoTime() - start;
        best = Math.min(best, took);
        total += took;
      }
      System.out.printf("[benchmark] %s: a year's figures, segment %-17s %6.1f ms (best of %d; mean %6.1f ms), "
              + "%,d closed, FCR %.3f, %d segments%n", database, segment.id(), best / 1e6, ROUNDS, total / 1e6 / ROUNDS,
          report.overall().closed(), report.overall().fcrRate(), report.segments().size());
    }
  }

  /** 100,000 closed cases over a year, and 1,000 open ones, with facts in plausible proportions. */
  private static void fill(DataSource dataSource) throws Exception {
    Random random = new Random(42);
    String[] products = {"Data Pipelines", "Identity Gateway", "Reporting", "Billing", "Mobile SDK", "Search"};
    String[] teams = {"Data Platform", "Identity", "Core"};
    String[] standings = {"RESOLUTION_PROVIDED", "PENDING_CUSTOMER_INFORMATION", "PENDING_INTERNAL_RESEARCH", "NEEDS_CALL"};
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("insert into ft_case (case_number, process_instance_id, "
          + "title, severity, customer_name, customer_email, customer_tier, engineer_id, opened_at, status, standing, "
          + "first_response_at, first_response_channel, last_successful_contact_at, strikes_reached, closed_at, "
          + "closure_reason, approval_by, approval_at, approval_channel, dissatisfied, first_response_target_missed, "
          + "reopened_count, product, team, fqr_standing, first_contact_complete, contacts_after_first_contact, "
          + "follow_ups_sent, max_strikes, first_response_business_minutes, resolution_minutes, "
          + "resolution_business_minutes, closed_week, first_contact_resolution, survey_rating) "
          + "values (?, ?, 'Benchmark case', ?, 'Customer', 'customer@example.com', ?, ?, ?, ?, ?, ?, 'EMAIL', ?, 0, ?, ?, "
          + "?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < CLOSED_CASES + 1_000; i++) {
          boolean closed = i < CLOSED_CASES;
          Instant opened = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(360 * 24 * 3600));
          int firstResponseMinutes = random.nextInt(16 * 60);
          Instant firstResponse = opened.plusSeconds(firstResponseMinutes * 60L);
          int resolutionMinutes = firstResponseMinutes + random.nextInt(20 * 24 * 60);
          Instant closedAt = opened.plusSeconds(resolutionMinutes * 60L);
          int outcome = random.nextInt(100);
          String reason = outcome < 8 ? "UNRESPONSIVE" : outcome < 18 ? "RESOLVED_BY_CUSTOMER" : "RESOLVED";
          boolean approved = !reason.equals("UNRESPONSIVE");
          String standing = standings[random.nextInt(standings.length)];
          int contacts = random.nextInt(4) == 0 ? 0 : random.nextInt(5);
          int reopened = random.nextInt(20) == 0 ? 1 : 0;
          int maxStrikes = reason.equals("UNRESPONSIVE") ? 3 : random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
          boolean fcr = reason.equals("RESOLVED") && standing.equals("RESOLUTION_PROVIDED") && contacts == 0 && reopened == 0;
          int p = 1;
          insert.setString(p++, "BENCH-" + i);
          insert.setString(p++, "instance-" + i);
          insert.setString(p++, String.valueOf((char) ('A' + random.nextInt(3))));
          insert.setString(p++, random.nextInt(5) == 0 ? "PREMIER" : "STANDARD");
          insert.setString(p++, "engineer" + random.nextInt(40));
          insert.setObject(p++, opened.atOffset(ZoneOffset.UTC));
          insert.setString(p++, closed ? "CLOSED" : "OPEN");
          insert.setString(p++, standing);
          insert.setObject(p++, firstResponse.atOffset(ZoneOffset.UTC));
          insert.setObject(p++, firstResponse.atOffset(ZoneOffset.UTC));
          insert.setObject(p++, closed ? closedAt.atOffset(ZoneOffset.UTC) : null);
          insert.setString(p++, closed ? reason : null);
          insert.setString(p++, closed && approved ? "Customer" : null);
          insert.setObject(p++, closed && approved ? closedAt.atOffset(ZoneOffset.UTC) : null);
          insert.setString(p++, closed && approved ? "EMAIL" : null);
          insert.setBoolean(p++, random.nextInt(25) == 0);
          insert.setBoolean(p++, random.nextInt(8) == 0);
          insert.setInt(p++, reopened);
          insert.setString(p++, products[random.nextInt(products.length)]);
          insert.setString(p++, teams[random.nextInt(teams.length)]);
          insert.setString(p++, standing);
          insert.setInt(p++, contacts);
          insert.setInt(p++, maxStrikes + random.nextInt(3));
          insert.setInt(p++, maxStrikes);
          insert.setInt(p++, firstResponseMinutes);
          insert.setObject(p++, closed ? resolutionMinutes : null);
          insert.setObject(p++, closed ? resolutionMinutes / 3 : null);
          insert.setObject(p++, closed ? Weeks.mondayOf(closedAt) : null);
          insert.setObject(p++, closed ? fcr : null);
          insert.setObject(p++, closed && approved && random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null);
          insert.addBatch();
          if (i % 1_000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }
}
