package dev.followthrough.calendar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The business calendar of each customer's country and region: weekend and business hours from
 * configuration, public holidays from Jollyday, and the company's own holidays. The organisation's
 * own calendar (company holidays, default weekend and hours) serves engineers.
 */
@Component
public class CustomerCalendars {

  private final CalendarProperties properties;
  private final Holidays companyHolidays;
  private final Map<String, BusinessCalendar> byCountryAndRegion = new ConcurrentHashMap<>();

  CustomerCalendars(CalendarProperties properties) {
    this.properties = properties;
    this.companyHolidays = Holidays.of(java.util.Set.copyOf(properties.companyHolidays()));
  }

  public BusinessCalendar forCustomer(String country, String region) {
    if (country == null || country.isBlank()) {
      return organisation();
    }
    String key = country + "/" + (region == null ? "" : region);
    return byCountryAndRegion.computeIfAbsent(key, ignored -> new BusinessCalendar(properties.weekendOf(country),
        PublicHolidays.of(country, region).and(companyHolidays).and(Holidays.of(properties.extraHolidaysOf(country))),
        properties.hoursOf(country)));
  }

  /** The support organisation's own days: the default weekend and hours, company holidays. */
  public BusinessCalendar organisation() {
    return byCountryAndRegion.computeIfAbsent("", ignored ->
        new BusinessCalendar(properties.weekend(), companyHolidays, properties.businessHours().toBusinessHours()));
  }
}
