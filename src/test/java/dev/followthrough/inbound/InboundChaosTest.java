package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nothing is lost and nothing is handled twice (R23): 1,000 replies come in, one in ten a second
 * delivery of an earlier message, one in ten for a case whose process does not wait for a reply
 * yet, through two nodes at once: each stores what its poller read and handles what is pending.
 * (Reading the mailbox itself is covered by MailboxIntakeTest; here the intake is hammered.)
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class InboundChaosTest {

  private static final int DELIVERIES = 1_000;

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired InboundIntake intake;
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
  void aThousandReplies_noneLost_noneTwice_noIncidents() throws Exception {
    Random random = new Random(4711);
    List<ProcessInstance> waiting = new ArrayList<>();
    List<ProcessInstance> notWaitingYet = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
      if (i % 10 == 0) {
        notWaitingYet.add(instance);
      } else {
        lifecycle.sendFirstQualityResponse(instance);
        lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
        waiting.add(instance);
      }
    }

    List<InboundMessage> deliveries = new ArrayList<>();
    List<String> unique = new ArrayList<>();
    int early = 0;
    int duplicates = 0;
    for (int n = 0; n < DELIVERIES; n++) {
      if (n % 10 == 9) {
        deliveries.add(deliveries.get(random.nextInt(deliveries.size())));
        duplicates++;
        continue;
      }
      boolean beforeTheProcessWaits = n % 10 == 4;
      List<ProcessInstance> pool = beforeTheProcessWaits ? notWaitingYet : waiting;
      ProcessInstance instance = pool.get(random.nextInt(pool.size()));
      String messageId = "<chaos-" + n + "@customer.example>";
      deliveries.add(new InboundMessage(messageId, "dana.whitfield@customer.example",
          "Re: Case " + instance.getBusinessKey() + ": more details", null, null, Map.of(), "text/plain",
          "Here is what you asked for (" + n + ").", lifecycle.now(), null));
      unique.add(messageId);
      early += beforeTheProcessWaits ? 1 : 0;
    }

    long started = System.nanoTime();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<?>> work = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      List<InboundMessage> mine = new ArrayList<>(deliveries);
      java.util.Collections.shuffle(mine, new Random(node));
      work.add(nodes.submit(() -> {
        for (InboundMessage message : mine) {
          intake.store(message);
        }
        intake.handlePending();
      }));
    }
    for (Future<?> node : work) {
      node.get(10, TimeUnit.MINUTES);
    }
    nodes.shutdown();
    for (int round = 0; round < 10 && pending() > 0; round++) {
      intake.handlePending();
    }
    lifecycle.runDueJobs();
    long millis = (System.nanoTime() - started) / 1_000_000;

    int stored = count("select count(*) from ft_inbound_message where message_id like '<chaos-%'");
    int handled = count("select count(*) from ft_inbound_message where message_id like '<chaos-%' and status = 'HANDLED'");
    // only this test's rows: other test classes may share the Spring context and its database
    int replies = count("select count(*) from ft_customer_reply where body like 'Here is what you asked for (%'");
    int triaged = count("select count(*) from ft_inbound_message where message_id like '<chaos-%' and handled_as = 'TRIAGE_TASK'");
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    System.out.printf("CHAOS: deliveries %d through 2 nodes (unique %d, duplicates %d, before the process waits %d) "
            + "in %d ms; stored %d, handled %d, customer replies recorded %d, triaged %d, open incidents %d; "
            + "handled as %s%n",
        DELIVERIES, unique.size(), duplicates, early, millis, stored, handled, replies, triaged, incidents,
        jdbc.queryForList("select handled_as, count(*) as n from ft_inbound_message group by handled_as"));

    assertThat(stored).as("lost or stored twice").isEqualTo(unique.size());
    assertThat(handled).as("every message handled").isEqualTo(unique.size());
    assertThat(replies).as("every reply counted once").isEqualTo(unique.size());
    assertThat(triaged).isZero();
    assertThat(incidents).isZero();
    assertThat(engine.getManagementService().createJobQuery().noRetriesLeft().count()).isZero();
    for (ProcessInstance instance : notWaitingYet) {
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_ReadCustomerReply").count())
          .as("early replies are shown to the engineer").isPositive();
    }
  }

  private int pending() {
    return count("select count(*) from ft_inbound_message where status = 'RECEIVED'");
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
