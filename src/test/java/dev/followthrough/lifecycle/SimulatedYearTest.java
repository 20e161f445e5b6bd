package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.casework.ReplyIntake;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.engineers.EngineerDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contact policy over a simulated year (issue 3's proof): 2,000 cases for customers in ten
 * countries and thirteen zones, replies, silences and absences drawn at random from a fixed seed,
 * all through the real process with the engine's clock moved. No customer email may leave outside
 * the customer's business hours, no case may close as unresponsive before 14 days without contact,
 * and every follow-up must happen on the business day the policy promised. Business days and hours
 * are the independent {@link SimulatedYearJudge}'s (days off written out by hand, plain date
 * arithmetic), not the product's calendar; {@link SimulatedYearJudgeTest} shows it catches a wrong
 * holiday in seconds.
 *
 * <p>{@code -Dfollowthrough.simulation.seed=…} and {@code -Dfollowthrough.simulation.cases=…} run
 * another year ({@code -Dfollowthrough.simulation.cases=100} runs a short one locally). The figures
 * are printed and written to {@code target/simulated-year.txt}.
 */
@SpringBootTest(properties = "followthrough.simulation=year")
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulatedYearTest {

  private static final long SEED = Long.getLong("followthrough.simulation.seed", 20261125L);
  private static final int CASES = Integer.getInteger("followthrough.simulation.cases", 2_000);

  @Autowired Lifecycle lifecycle;
  @Autowired SupportCases cases;
  @Autowired ReplyIntake replies;
  @Autowired ProcessEngine engine;
  @Autowired Policy policy;
  @Autowired JdbcTemplate jdbc;
  @Autowired GreenMail mailServer;
  @Autowired dev.followthrough.support.SmtpTransactions smtp;
  @Autowired EngineerDirectory engineers;

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void aYearOfCases_noEmailOutsideTheCustomersHours_noEarlyClosure_everyFollowUpOnItsDay() throws IOException {
    SimulatedYear year = new SimulatedYear(lifecycle, cases, replies, engine, policy, jdbc, mailServer, smtp,
        SEED, engineers.get("engineer").timeZone());
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    long began = System.nanoTime();
    year.run(CASES, start, start.plus(Duration.ofDays(365 + 180)));
    Duration took = Duration.ofNanos(System.nanoTime() - began);

    SimulatedYear.Findings findings = year.findings;
    long sent = jdbc.queryForObject("select count(*) from ft_outbound_email where status = 'SENT'", Long.class);
    String report = report(year, findings, sent, took);
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "simulated-year.txt"), report);

    assertThat(findings.outsideTheWindow).as("customer emails outside the customer's business hours").isEmpty();
    assertThat(findings.closedTooEarly).as("unresponsive closures before 14 days without contact").isEmpty();
    assertThat(findings.followUpsOffTheirDay).as("follow-ups not on the business day the policy promised").isEmpty();
    assertThat(findings.unfinished).as("cases still open half a year after the last one opened").isEmpty();
    assertThat(engine.getManagementService().createJobQuery().noRetriesLeft().count()).as("failed jobs").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    assertThat(year.duplicateDeliveries()).as("emails the mail server accepted twice for the same recipient")
        .isEmpty();
    assertThat(year.messagesReceived()).as("the mail server received every email the ledger sent, once")
        .isEqualTo(sent);

    // the year really covered what the checks are about
    assertThat(year.cases()).hasSize(CASES);
    assertThat(year.cases().values().stream().map(c -> c.facts.customerCountry()).distinct().count())
        .isGreaterThanOrEqualTo(8);
    if (CASES >= 2_000) {
      assertThat(findings.count("cases closed: customer unresponsive", 0)).isGreaterThan(300);
      assertThat(findings.count("out-of-office pauses", 0)).isGreaterThan(100);
      assertThat(findings.followUpsChecked()).isGreaterThan(5_000);
      assertThat(findings.followUpsOnTheirDay).containsKeys("pending-information-reminder", "strike-1", "strike-2",
          "strike-3", "unresponsive-closure", "solution-follow-up", "call about the solution");
    }
  }

  private String report(SimulatedYear year, SimulatedYear.Findings findings, long sent, Duration took) {
    Map<String, Long> byCountry = year.cases().values().stream()
        .collect(Collectors.groupingBy(c -> c.facts.customerCountry(), java.util.TreeMap::new, Collectors.counting()));
    long zones = year.cases().values().stream().map(c -> c.zone).distinct().count();
    StringBuilder out = new StringBuilder();
    out.append("Simulated year: seed ").append(SEED).append(", ").append(CASES).append(" cases, ")
        .append(byCountry.size()).append(" countries ").append(byCountry).append(", ").append(zones)
        .append(" zones, run in ").append(took.toSeconds()).append(" s\n");
    findings.counts.forEach((what, count) -> out.append(String.format("  %-58s %8d%n", what, count)));
    out.append(String.format("  %-58s %8d%n", "emails in the outbox ledger (sent)", sent));
    out.append(String.format("  %-58s %8d%n", "emails the mail server received", year.messagesReceived()));
    out.append(String.format("  %-58s %8d%n", "SMTP deliveries (one per recipient)", smtp.count()));
    out.append(String.format("  %-58s %8d%n", "duplicate deliveries (same Message-ID and recipient)",
        year.duplicateDeliveries().size()));
    out.append("Checks\n");
    out.append(String.format("  %-58s %8d%n", "customer emails outside the customer's business hours",
        findings.outsideTheWindow.size()));
    out.append(String.format("  %-58s %8d%n", "unresponsive closures before 14 days without contact",
        findings.closedTooEarly.size()));
    out.append(String.format("  %-58s %8s%n", "shortest silence before an unresponsive closure",
        findings.shortestSilenceBeforeClosure == null ? "-"
            : String.format("%.1f d", findings.shortestSilenceBeforeClosure.toMinutes() / 1440.0)));
    out.append(String.format("  %-58s %8d%n", "follow-ups checked against the day the policy promised",
        findings.followUpsChecked()));
    findings.followUpsOnTheirDay.forEach((what, count) ->
        out.append(String.format("    %-56s %8d%n", "on their day: " + what, count)));
    out.append(String.format("  %-58s %8d%n", "follow-ups off their day", findings.followUpsOffTheirDay.size()));
    out.append(String.format("  %-58s %8d%n", "cases unfinished", findings.unfinished.size()));
    for (var problems : java.util.List.of(findings.outsideTheWindow, findings.closedTooEarly,
        findings.followUpsOffTheirDay, findings.unfinished)) {
      problems.stream().limit(15).forEach(problem -> out.append("  ! ").append(problem).append('\n'));
    }
    return out.toString();
  }
}
