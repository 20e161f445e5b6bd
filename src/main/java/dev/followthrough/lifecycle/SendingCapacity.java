package dev.followthrough.lifecycle;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor and the database pool, sized together and checked at start-up. A send job holds
 * the engine's connection for its whole transaction and borrows one more for each of the outbox
 * ledger's short transactions (claim before the SMTP call, the outcome after it), never two at once.
 * So every job thread needs at most two connections, and the pool must hold two per thread plus
 * {@value #OTHERS} for the rest (the job acquisition, the mailbox poller, a web request). Sized like
 * that, a send never waits for its second connection while holding the first; sized otherwise, a
 * burst of due emails can take every connection as a first one and starve (issue 9: 300 sends took
 * 372 s with "Connection is not available"). The application refuses to start instead.
 */
@Component
class SendingCapacity {

  static final int CONNECTIONS_PER_JOB = 2;
  static final int OTHERS = 2;
  static final String THREADS = "camunda.bpm.job-execution.max-pool-size";
  static final String CONNECTIONS = "spring.datasource.hikari.maximum-pool-size";
  static final String ACQUISITION = "camunda.bpm.job-execution.max-jobs-per-acquisition";
  static final String QUEUE = "camunda.bpm.job-execution.queue-capacity";

  private static final Logger log = LoggerFactory.getLogger(SendingCapacity.class);

  SendingCapacity(CamundaBpmProperties camunda, DataSource dataSource) throws SQLException {
    if (!camunda.getJobExecution().isEnabled() || !dataSource.isWrapperFor(HikariDataSource.class)) {
      return;
    }
    int threads = Math.max(camunda.getJobExecution().getMaxPoolSize(), camunda.getJobExecution().getCorePoolSize());
    int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    check(threads, connections);
    log.info("Job executor: {} threads, database pool: {} connections ({} per thread + {})", threads, connections,
        CONNECTIONS_PER_JOB, OTHERS);
    Integer perAcquisition = camunda.getJobExecution().getMaxJobsPerAcquisition();
    String idle = idleWait(perAcquisition, camunda.getJobExecution().getQueueCapacity(), threads);
    if (idle != null) {
      log.warn(idle);
    }
  }

  /**
   * Why a burst would leave job threads idle or hand jobs back, or null when one acquisition fills
   * the threads and fits into them and their queue (README, "Performance").
   */
  static String idleWait(Integer perAcquisition, int queueCapacity, int threads) {
    int acquired = perAcquisition == null ? 3 : perAcquisition; // Camunda's default
    if (acquired < threads) {
      return "The job executor fetches " + acquired + " jobs per acquisition (" + ACQUISITION + ") for " + threads
          + " threads: in a burst, threads wait for the next acquisition; set it to at least " + threads;
    }
    if (acquired > threads + queueCapacity) {
      return "The job executor fetches " + acquired + " jobs per acquisition (" + ACQUISITION + ") but " + threads
          + " threads and a queue of " + queueCapacity + " (" + QUEUE + ") take only " + (threads + queueCapacity)
          + ": the rest are handed back and fetched again";
    }
    return null;
  }

  static void check(int threads, int connections) {
    int needed = CONNECTIONS_PER_JOB * threads + OTHERS;
    if (connections < needed) {
      throw new IllegalStateException("The job executor runs " + threads + " jobs at once (" + THREADS + "), each "
          + "send needs " + CONNECTIONS_PER_JOB + " database connections, plus " + OTHERS + " for the rest: "
          + CONNECTIONS + " must be at least " + needed + " (it is " + connections + "), or " + THREADS
          + " at most " + ((connections - OTHERS) / CONNECTIONS_PER_JOB));
    }
  }
}
