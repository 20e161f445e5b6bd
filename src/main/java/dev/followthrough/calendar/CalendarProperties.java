package dev.followthrough.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.calendar.*}: customers' business days and hours (R14, R16). Public holidays
 * come from the customer's country (and region) through Jollyday; company holidays, the weekend
 * and the business hours from here, with per-country exceptions under {@code countries.<CC>}.
 */
@Validated
@ConfigurationProperties("followthrough.calendar")
public record CalendarProperties(
    /** The zone for dates that belong to no customer or engineer. */
    @NotNull @DefaultValue("UTC") ZoneId defaultTimeZone,
    @NotEmpty @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
    @Valid @NotNull @DefaultValue Hours businessHours,
    /** Days the whole support organisation is off, on top of the customer's public holidays. */
    @NotNull @DefaultValue({}) List<LocalDate> companyHolidays,
    /**
     * Where a country works differently (SA: weekend [FRIDAY, SATURDAY]), or has public holidays
     * the holiday library does not know yet (SA: holidays [2026-02-22]).
     */
    @NotNull @DefaultValue({}) Map<String, @Valid Country> countries) {

  public record Hours(@NotNull @DefaultValue("09:00") LocalTime opens, @NotNull @DefaultValue("17:00") LocalTime closes) {

    @AssertTrue(message = "must open before they close")
    public boolean isOpenBeforeClose() {
      return opens == null || closes == null || opens.isBefore(closes);
    }

    public BusinessHours toBusinessHours() {
      return new BusinessHours(opens, closes);
    }
  }

  public record Country(Set<DayOfWeek> weekend, @Valid Hours businessHours, List<LocalDate> holidays) {}

  public Set<LocalDate> extraHolidaysOf(String country) {
    Country exception = country == null ? null : countries.get(country);
    return exception == null || exception.holidays() == null ? Set.of() : Set.copyOf(exception.holidays());
  }

  public Set<DayOfWeek> weekendOf(String country) {
    Country exception = country == null ? null : countries.get(country);
    return exception != null && exception.weekend() != null && !exception.weekend().isEmpty() ? exception.weekend() : weekend;
  }

  public BusinessHours hoursOf(String country) {
    Country exception = country == null ? null : countries.get(country);
    return (exception != null && exception.businessHours() != null ? exception.businessHours() : businessHours)
        .toBusinessHours();
  }
}
