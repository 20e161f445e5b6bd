package dev.followthrough.calendar;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.calendar.*}: the weekend, company holidays, and the zone used when a case
 * names none. Country holidays and customer business hours come with the contact-policy work.
 */
@Validated
@ConfigurationProperties("followthrough.calendar")
public record CalendarProperties(
    @NotNull @DefaultValue("UTC") ZoneId defaultTimeZone,
    @NotEmpty @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
    @NotNull @DefaultValue({}) List<LocalDate> holidays) {

  public BusinessCalendar toCalendar() {
    return new BusinessCalendar(weekend, Set.copyOf(holidays));
  }
}
