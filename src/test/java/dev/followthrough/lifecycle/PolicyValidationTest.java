package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.calendar.CalendarProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** R16: policy is configuration, and a bad value stops start-up with a message naming the property. */
class PolicyValidationTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  static class CalendarConfiguration {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(CalendarConfiguration.class)
      .withBean(Policy.class);

  @Test
  void theDefaultsAreTheLifecyclesRules() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      Policy policy = started.getBean(Policy.class);
      assertThat(policy.getStrikeIntervalBusinessDays()).isEqualTo(3);
      assertThat(policy.getMinimumDaysBeforeUnresponsiveClosure()).isEqualTo(14);
      assertThat(policy.firstResponseTarget(dev.followthrough.cases.Severity.A).isAroundTheClock()).isTrue();
      assertThat(started.getBean(CalendarProperties.class).businessHours().opens()).hasToString("09:00");
    });
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "followthrough.policy.strike-interval-business-days, 0,           strikeIntervalBusinessDays",
      "followthrough.policy.follow-up-interval-business-days, 45,      followUpIntervalBusinessDays",
      "followthrough.policy.minimum-days-before-unresponsive-closure, -1, minimumDaysBeforeUnresponsiveClosure",
      "followthrough.policy.solution-follow-ups, 11,                   solutionFollowUps",
      "followthrough.policy.first-response-targets.B.warn-before, PT5H, firstResponseTargets[B].within",
      "followthrough.policy.strike-interval-business-days, three,      strike-interval-business-days",
      "followthrough.calendar.business-hours.closes, 08:00,            businessHours.openBeforeClose",
      "followthrough.calendar.default-time-zone, Mars/Base,            default-time-zone",
      "followthrough.calendar.weekend, FUNDAY,                         weekend"})
  void aBadValueStopsStartUpNamingTheProperty(String property, String value, String named) {
    context.withPropertyValues(property + "=" + value).run(started -> {
      assertThat(started).hasFailed();
      assertThat(messages(started.getStartupFailure())).contains(named);
    });
  }

  @Test
  void aWarningLaterThanItsTargetIsRefused() {
    context.withPropertyValues("followthrough.policy.first-response-targets.B.within=PT1H",
        "followthrough.policy.first-response-targets.B.warn-before=PT2H").run(started -> {
          assertThat(started).hasFailed();
          assertThat(messages(started.getStartupFailure())).contains("firstResponseTargets[B].consistent");
        });
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }
}
