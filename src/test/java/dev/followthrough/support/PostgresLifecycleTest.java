package dev.followthrough.support;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CustomerReply;
import dev.followthrough.casework.ReplyIntake;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.lifecycle.Lifecycle;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same lifecycle on PostgreSQL, the production database (R27): the engine's schema, our Flyway
 * migrations, the outbox ledger's own transactions and the timeline all work there as on H2.
 */
@LocalPostgres.Required
@SpringBootTest
@ActiveProfiles({"local", "test"})
class PostgresLifecycleTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = LocalPostgres.freshDatabase("followthrough_test");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> LocalPostgres.USER);
    registry.add("spring.datasource.password", () -> "");
  }

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired CaseRecords records;
  @Autowired ReplyIntake replies;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aCaseRunsOnPostgresWithOurMigratedTables() {
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("followthrough_test");

    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);

    assertThat(instance).isWaitingAt(PREPARE_STATUS_UPDATE);
    assertThat(lifecycle.emails(instance)).hasSize(1);
    assertThat(jdbc.queryForObject("select status from ft_outbound_email where case_number = ?", String.class,
        instance.getBusinessKey())).isEqualTo("SENT");

    replies.receive(instance.getBusinessKey(), new CustomerReply(null, null, "Last good run was Monday night."));
    var theCase = records.find(instance.getBusinessKey()).orElseThrow();
    assertThat(theCase.firstResponseAt()).isEqualTo(berlin("2026-11-23T10:00"));
    assertThat(records.timeline(instance.getBusinessKey())).extracting(CaseRecords.TimelineEntry::type)
        .containsSubsequence(TimelineEvent.CASE_OPENED, TimelineEvent.EMAIL_SENT, TimelineEvent.FIRST_RESPONSE_SENT,
            TimelineEvent.REPLY_RECEIVED);
  }

  /**
   * The ledger's look-ups that run for every email sent and every reply read go by index on the
   * production database, whatever its size: with sequential scans switched off, PostgreSQL still
   * plans a sequential scan when no index fits, so the plan names the index or the test fails.
   */
  @Test
  void theLedgersLookUpsForEverySendAndEveryReplyUseAnIndex() {
    assertThat(plan("select case_number from ft_outbound_email where message_id = 'x'"))
        .as("a reply's case by the Message-IDs it answers (V12)").contains("ft_outbound_email_message");
    assertThat(plan("select message_id from ft_outbound_email where case_number = 'x' and in_customer_thread = true "
        + "and status = 'SENT' order by created_at, idempotency_key"))
        .as("the customer's thread an email joins").contains("ft_outbound_email_case");
    assertThat(plan("select status from ft_outbound_email where idempotency_key = 'x'"))
        .as("an email's ledger entry").contains("ft_outbound_email_pkey");
  }

  private String plan(String query) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set enable_seqscan = off");
        StringBuilder plan = new StringBuilder();
        try (ResultSet lines = statement.executeQuery("explain " + query)) {
          while (lines.next()) {
            plan.append(lines.getString(1)).append('\n');
          }
        } finally {
          statement.execute("reset enable_seqscan"); // the connection goes back to the pool as it came
        }
        return plan.toString();
      }
    });
  }
}
