package dev.followthrough.calendar;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The business calendar of each customer's country and region: weekend and business hours from
 * configuration, days off from {@link DaysOff} (the holiday library, the configuration's and the
 * process owners' corrections, the company's own holidays). A customer without a region is in the
 * country's default region. The organisation's own calendar (company holidays, default weekend
 * and hours) serves engineers.
 */
@Component
public class CustomerCalendars {

  private final CalendarProperties properties;
  private final DaysOff daysOff;
  private final Holidays companyHolidays;
  private final Map<String, BusinessCalendar> byCountryAndRegion = new ConcurrentHashMap<>();

  @Autowired
  CustomerCalendars(CalendarProperties properties, DaysOff daysOff) {
    this.properties = properties;
    this.daysOff = daysOff;
    this.companyHolidays = Holidays.of(Set.copyOf(properties.companyHolidays()));
  }

  /** The calendars of the configuration alone, without process owners' corrections (tests, tools). */
  public CustomerCalendars(CalendarProperties properties) {
    this(properties, DaysOff.withoutCorrections(properties));
  }

  public BusinessCalendar forCustomer(String country, String region) {
    if (country == null || country.isBlank()) {
      return organisation();
    }
    String key = country + "/" + daysOff.regionOf(country, region).orElse("");
    return byCountryAndRegion.computeIfAbsent(key, ignored ->
        new BusinessCalendar(properties.weekendOf(country), daysOff.of(country, region), properties.hoursOf(country)));
  }

  /** The support organisation's own days: the default weekend and hours, company holidays. */
  public BusinessCalendar organisation() {
    return byCountryAndRegion.computeIfAbsent("", ignored ->
        new BusinessCalendar(properties.weekend(), companyHolidays, properties.businessHours().toBusinessHours()));
  }
}
