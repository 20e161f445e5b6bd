package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.FIRST_RESPONSE_AT_RISK;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.casework.SupportCases;
import dev.followthrough.support.SmtpTransactions;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every morning looks like when business hours open: 300 "first response at risk" warnings
 * fall due at the same moment and the REAL job executor sends them, several threads at once, on a
 * small database pool sized the way {@link SendingCapacity} demands (3 threads, 8 connections; a
 * connection not available within 5 s fails the job, so a starving pool cannot hide). Issue 9 saw
 * 372 s and 127 failed jobs for this with 10 threads on 10 connections.
 */
@SpringBootTest(properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.core-pool-size=3",
    "camunda.bpm.job-execution.max-pool-size=3",
    "camunda.bpm.job-execution.queue-capacity=6",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
    "spring.datasource.hikari.maximum-pool-size=8",
    "spring.datasource.hikari.connection-timeout=5000"})
@ActiveProfiles({"local", "test"})
@DirtiesContext
class SendingBurstTest {

  private static final int CASES = 300;

  @Autowired Lifecycle lifecycle;
  @Autowired SupportCases cases;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired SmtpTransactions smtp;

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void threeHundredSendsDueAtOneMoment_allHandedToSmtp_noFailedJob() {
    lifecycle.mondayMorning();
    for (int i = 0; i < CASES; i++) {
      cases.open(Lifecycle.aCase(UnaryOperator.identity()));
    }
    waitUntil("every case waits for its FQR", Duration.ofMinutes(3), () ->
        engine.getTaskService().createTaskQuery().taskDefinitionKey(PREPARE_FQR).count() == CASES
            && engine.getManagementService().createJobQuery().executable().count() == 0);
    Instant atRisk = berlin("2026-11-23T13:00");
    assertThat(engine.getManagementService().createJobQuery().activityId(FIRST_RESPONSE_AT_RISK).list())
        .hasSize(CASES).allSatisfy(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(atRisk));

    long began = System.nanoTime();
    lifecycle.clockAt(atRisk);
    waitUntil("all warnings handed to SMTP", Duration.ofMinutes(10), () -> warningsSent() == CASES);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf("Burst: %d sends due at one moment, handed to SMTP by 3 job threads on 8 connections in %.1f s%n",
        CASES, seconds);

    assertThat(engine.getManagementService().createJobQuery().withException().count()).as("jobs that failed").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    Set<String> warnings = new HashSet<>(jdbc.queryForList("select message_id from ft_outbound_email "
        + "where kind = 'first-response-at-risk' and status = 'SENT'", String.class));
    List<SmtpTransactions.Delivery> delivered = smtp.deliveries(delivery -> warnings.contains(delivery.messageId()));
    assertThat(delivered.stream().map(SmtpTransactions.Delivery::messageId).distinct().count())
        .as("every warning reached the mail server").isEqualTo(CASES);
    assertThat(smtp.duplicates(delivery -> warnings.contains(delivery.messageId()))).as("none twice").isEmpty();
  }

  private long warningsSent() {
    return jdbc.queryForObject("select count(*) from ft_outbound_email where kind = 'first-response-at-risk' "
        + "and status = 'SENT'", Long.class);
  }

  private static void waitUntil(String what, Duration atMost, BooleanSupplier done) {
    Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(done::getAsBoolean);
  }
}
