package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.calendar.CalendarProperties;
import dev.followthrough.calendar.CustomerCalendars;
import dev.followthrough.calendar.ShippedCalendarConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated year's independent judge (issue 11): day by day over the whole simulated span,
 * for every place the year sends customers to, the product's calendar (Jollyday and the shipped
 * configuration, as the test profile runs it) agrees with the days off written out by hand in
 * {@link SimulatedYearJudge}; and a product calendar with a wrong holiday is caught.
 */
class SimulatedYearJudgeTest {

  private static final CalendarProperties SHIPPED = ShippedCalendarConfiguration.load();

  @Test
  void everyPlaceOfTheSimulatedYearHasItsDaysOffWrittenOut() {
    for (SimulatedYear.Place place : SimulatedYear.PLACES) {
      assertThat(SimulatedYearJudge.forCustomer(place.country(), place.region()).daysOff())
          .as("%s/%s", place.country(), place.region()).isNotEmpty();
    }
  }

  @Test
  void theProductsCalendarAgreesWithTheJudgeOnEveryDayOfTheSimulatedYear() {
    CustomerCalendars product = new CustomerCalendars(SHIPPED);
    List<String> disagreements = disagreements(product);
    assertThat(disagreements).as("days the product's calendar and the judge's lists disagree on").isEmpty();
  }

  @Test
  void aWrongHolidayInTheProductIsCaught() {
    // the configuration without its corrections: Jollyday's stale data for Japan, India and New South Wales
    CalendarProperties uncorrected = new CalendarProperties(SHIPPED.defaultTimeZone(), SHIPPED.weekend(),
        SHIPPED.businessHours(), SHIPPED.companyHolidays(), Map.of("GB", SHIPPED.countries().get("GB"),
        "AU", new CalendarProperties.Country(null, null, "nsw", null, null, null)), SHIPPED.correctionsRefresh());
    List<String> disagreements = disagreements(new CustomerCalendars(uncorrected));
    assertThat(disagreements).contains(
        "JP 2027-02-23: product business day, judge day off",
        "JP 2026-12-23: product day off, judge business day",
        "IN 2027-03-26: product business day, judge day off",
        "AU/nsw 2027-08-02: product day off, judge business day");

    // as the simulated year sees it: an email at 10:00 in Tokyo on the Emperor's Birthday
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Instant emperorsBirthday = LocalDate.of(2027, 2, 23).atTime(10, 0).atZone(tokyo).toInstant();
    BusinessCalendar wrong = new CustomerCalendars(uncorrected).forCustomer("JP", null);
    SimulatedYearJudge.Customer judge = SimulatedYearJudge.forCustomer("JP", null);
    assertThat(wrong.isOpen(emperorsBirthday, tokyo)).as("the wrong calendar sends").isTrue();
    assertThat(judge.isOpen(emperorsBirthday, tokyo)).as("the judge finds it outside the window").isFalse();
    // and a follow-up three business days after Friday 19 February: the judge says Thursday the 25th
    Instant friday = LocalDate.of(2027, 2, 19).atTime(10, 0).atZone(tokyo).toInstant();
    assertThat(judge.plusBusinessDays(friday, 3, tokyo).atZone(tokyo).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 25));
    assertThat(wrong.plusBusinessDays(friday, 3, tokyo).atZone(tokyo).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 24));
  }

  @Test
  void theJudgesOwnArithmetic() {
    ZoneId london = ZoneId.of("Europe/London");
    SimulatedYearJudge.Customer gb = SimulatedYearJudge.forCustomer("GB", null);
    // Thursday 23 December 2026 16:59 is open; 17:00 waits for Tuesday 29th (24th company, 25th, weekend, 28th substitute)
    Instant lastMinute = LocalDate.of(2026, 12, 23).atTime(16, 59).atZone(london).toInstant();
    assertThat(gb.isOpen(lastMinute, london)).isTrue();
    assertThat(gb.nextOpening(lastMinute.plusSeconds(60), london))
        .isEqualTo(LocalDate.of(2026, 12, 29).atTime(9, 0).atZone(london).toInstant());
    // three business days after Thursday 25 March 2027, over Easter: Thursday 1 April, same time of day
    Instant thursday = LocalDate.of(2027, 3, 25).atTime(11, 30).atZone(london).toInstant();
    assertThat(gb.plusBusinessDays(thursday, 3, london))
        .isEqualTo(LocalDate.of(2027, 4, 1).atTime(11, 30).atZone(london).toInstant());
    // a day outside what the judge knows is refused, not guessed
    assertThatThrownBy(() -> gb.isBusinessDay(LocalDate.of(2028, 7, 3))).isInstanceOf(IllegalArgumentException.class);
    // a typo in a list (a date whose weekday is not the one written) is refused
    assertThatThrownBy(() -> SimulatedYearJudge.parse("XX", "2027-03-26 Mon Good Friday"))
        .isInstanceOf(IllegalStateException.class);
  }

  private static List<String> disagreements(CustomerCalendars product) {
    List<String> disagreements = new ArrayList<>();
    for (String place : SimulatedYearJudge.places()) {
      String[] countryAndRegion = place.split("/");
      String region = countryAndRegion.length > 1 ? countryAndRegion[1] : null;
      BusinessCalendar calendar = product.forCustomer(countryAndRegion[0], region);
      SimulatedYearJudge.Customer judge = SimulatedYearJudge.forCustomer(countryAndRegion[0], region);
      for (LocalDate day = SimulatedYearJudge.FIRST; !day.isAfter(SimulatedYearJudge.LAST); day = day.plusDays(1)) {
        if (calendar.isBusinessDay(day) != judge.isBusinessDay(day)) {
          disagreements.add(place + " " + day + ": product " + (calendar.isBusinessDay(day) ? "business day" : "day off")
              + ", judge " + (judge.isBusinessDay(day) ? "business day" : "day off"));
        }
      }
    }
    return disagreements;
  }
}
