package dev.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** R16: holiday configuration that cannot be right stops start-up, naming its key. */
class CalendarPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  static class CalendarConfiguration {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(CalendarConfiguration.class);

  @Test
  void additionsAndRemovalsWithTheirReasonsAreRead() {
    context.withPropertyValues(
        "followthrough.calendar.countries.GB.default-region=eng",
        "followthrough.calendar.countries.JP.add[0].date=2027-02-23",
        "followthrough.calendar.countries.JP.add[0].reason=Emperor's Birthday",
        "followthrough.calendar.countries.AU.remove[0].date=2027-08-02",
        "followthrough.calendar.countries.AU.remove[0].region=nsw",
        "followthrough.calendar.countries.AU.remove[0].reason=Bank Holiday").run(started -> {
          assertThat(started).hasNotFailed();
          CalendarProperties properties = started.getBean(CalendarProperties.class);
          assertThat(properties.defaultRegionOf("GB")).contains("eng");
          assertThat(properties.countries().get("JP").add()).containsExactly(
              new CalendarProperties.Correction(java.time.LocalDate.of(2027, 2, 23), null, "Emperor's Birthday"));
          assertThat(properties.countries().get("AU").remove().get(0).region()).isEqualTo("nsw");
        });
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      followthrough.calendar.countries.XX.default-region | eng        | followthrough.calendar.countries.XX: not a country the holiday library knows
      followthrough.calendar.countries.gb.default-region | eng        | followthrough.calendar.countries.gb: not a country
      followthrough.calendar.countries.GB.default-region | england    | followthrough.calendar.countries.GB.default-region: 'england' is not a region of GB
      followthrough.calendar.countries.JP.add[0].date    | 2027-02-23 | followthrough.calendar.countries.JP.add[0].reason: is required
      followthrough.calendar.countries.JP.remove[0].reason | stale    | followthrough.calendar.countries.JP.remove[0].date: is required
      followthrough.calendar.countries.JP.add[0].date    | 2027-02-30 | add[0].date' to java.time.LocalDate
      followthrough.calendar.corrections-refresh         | soon       | corrections-refresh
      followthrough.calendar.countries.SA.holidays[0]    | 2027-02-22 | followthrough.calendar.countries.SA.holidays: replaced by add
      """)
  void aBadHolidaySettingStopsStartUpNamingTheKey(String property, String value, String named) {
    context.withPropertyValues(property + "=" + value).run(started -> {
      assertThat(started).hasFailed();
      assertThat(messages(started.getStartupFailure())).contains(named);
    });
  }

  @Test
  void aRegionOfACorrectionMustExist_andADayIsNotBothAddedAndRemoved() {
    context.withPropertyValues(
        "followthrough.calendar.countries.AU.remove[0].date=2027-08-02",
        "followthrough.calendar.countries.AU.remove[0].region=sydney",
        "followthrough.calendar.countries.AU.remove[0].reason=Bank Holiday").run(started ->
        assertThat(messages(started.getStartupFailure()))
            .contains("followthrough.calendar.countries.AU.remove[0].region: 'sydney' is not a region of AU (known: act, nsw"));
    context.withPropertyValues(
        "followthrough.calendar.countries.JP.add[0].date=2027-02-23",
        "followthrough.calendar.countries.JP.add[0].reason=Emperor's Birthday",
        "followthrough.calendar.countries.JP.remove[0].date=2027-02-23",
        "followthrough.calendar.countries.JP.remove[0].reason=no").run(started ->
        assertThat(messages(started.getStartupFailure()))
            .contains("followthrough.calendar.countries.JP.remove[0]: 2027-02-23 is also added"));
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }
}
