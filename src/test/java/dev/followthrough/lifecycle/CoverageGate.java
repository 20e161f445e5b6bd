package dev.followthrough.lifecycle;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The process-coverage gate: the scenario tests together must take every flow node and every
 * sequence flow of the lifecycle, or the build fails. The report lands in
 * target/process-test-coverage.
 */
@TestConfiguration
class CoverageGate {

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
  }
}
