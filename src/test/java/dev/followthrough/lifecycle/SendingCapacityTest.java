package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job executor and the database pool are sized together, or the application does not start. */
class SendingCapacityTest {

  @Test
  void twoConnectionsPerJobThreadPlusTwo_areEnough() {
    assertThatCode(() -> SendingCapacity.check(5, 12)).doesNotThrowAnyException();
    assertThatCode(() -> SendingCapacity.check(3, 8)).doesNotThrowAnyException();
  }

  @Test
  void moreJobThreadsThanThePoolCanServeTwice_refusesToStart_namingBothProperties() {
    // the sizes that starved in issue 9: Camunda's default 10 threads against Hikari's default 10 connections
    assertThatThrownBy(() -> SendingCapacity.check(10, 10)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("camunda.bpm.job-execution.max-pool-size")
        .hasMessageContaining("spring.datasource.hikari.maximum-pool-size must be at least 22 (it is 10)")
        .hasMessageContaining("at most 4");
  }

  @Test
  void oneAcquisitionFillsTheThreadsAndFitsTheQueue_orTheLogSaysWhy() {
    assertThat(SendingCapacity.idleWait(10, 10, 5)).isNull();
    // Camunda's default of 3 jobs per acquisition for 5 threads: two threads wait in a burst
    assertThat(SendingCapacity.idleWait(null, 10, 5)).contains("fetches 3 jobs per acquisition")
        .contains("camunda.bpm.job-execution.max-jobs-per-acquisition").contains("at least 5");
    assertThat(SendingCapacity.idleWait(30, 10, 5)).contains("take only 15")
        .contains("camunda.bpm.job-execution.queue-capacity");
  }
}
