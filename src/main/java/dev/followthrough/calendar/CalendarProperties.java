package dev.followthrough.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.calendar.*}: customers' business days and hours (R14, R16). Public holidays
 * come from the customer's country (and region) through Jollyday; company holidays, the weekend
 * and the business hours from here, with per-country exceptions under {@code countries.<CC>}:
 * another weekend or business hours, the region a customer without one is in
 * ({@code default-region}), and days the library has wrong ({@code add} and {@code remove}, each
 * with its reason). A country code, region or correction that cannot be right stops start-up
 * naming its key.
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
     * Where a country works differently (SA: weekend [FRIDAY, SATURDAY]), which region a customer
     * without one is in (GB: default-region eng), and the library's days to add or remove.
     */
    @NotNull @DefaultValue({}) Map<String, @Valid Country> countries,
    /**
     * How long a node keeps a year of holidays before reading the process owners' corrections
     * again: a correction made on another node reaches this one within this time.
     */
    @NotNull @DefaultValue("PT1M") Duration correctionsRefresh) {

  private static final String PREFIX = "followthrough.calendar.countries.";

  public CalendarProperties {
    List<String> problems = new ArrayList<>();
    if (countries != null) {
      countries.forEach((code, country) -> problems.addAll(problems(code, country)));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public record Hours(@NotNull @DefaultValue("09:00") LocalTime opens, @NotNull @DefaultValue("17:00") LocalTime closes) {

    @AssertTrue(message = "must open before they close")
    public boolean isOpenBeforeClose() {
      return opens == null || closes == null || opens.isBefore(closes);
    }

    public BusinessHours toBusinessHours() {
      return new BusinessHours(opens, closes);
    }
  }

  /**
   * @param defaultRegion the region (as Jollyday names it) of a customer whose region is not given
   * @param add days off the library does not know
   * @param remove the library's days that are not days off
   * @param holidays the former list of added dates without reasons: refused at start-up, so that an
   *                 old configuration is not silently ignored
   */
  public record Country(Set<DayOfWeek> weekend, @Valid Hours businessHours, String defaultRegion,
                        List<@Valid Correction> add, List<@Valid Correction> remove, List<LocalDate> holidays) {

    List<Correction> additions() {
      return add == null ? List.of() : add;
    }

    List<Correction> removals() {
      return remove == null ? List.of() : remove;
    }
  }

  /**
   * One day to add or remove, and why.
   *
   * @param region only in this region (as Jollyday names it); absent: in the whole country
   */
  public record Correction(@NotNull LocalDate date, String region, @NotBlank String reason) {}

  private static List<String> problems(String code, Country country) {
    List<String> problems = new ArrayList<>();
    if (code == null || !code.matches("[A-Z]{2}") || !PublicHolidays.isKnownCountry(code)) {
      problems.add(PREFIX + code + ": not a country the holiday library knows; use an ISO code in capitals such as GB or JP");
      return problems;
    }
    if (country == null) {
      return problems;
    }
    if (country.defaultRegion() != null && !PublicHolidays.isKnownRegion(code, country.defaultRegion())) {
      problems.add(PREFIX + code + ".default-region: '" + country.defaultRegion() + "' is not a region of " + code
          + " (known: " + regionCodes(code) + ")");
    }
    if (country.holidays() != null) {
      problems.add(PREFIX + code + ".holidays: replaced by add, one { date, reason } per day (e.g. add: [{ date: "
          + (country.holidays().isEmpty() ? "2027-02-22" : country.holidays().get(0)) + ", reason: \"Founding Day\" }])");
    }
    checkCorrections(code, "add", country.additions(), problems);
    checkCorrections(code, "remove", country.removals(), problems);
    for (int i = 0; i < country.removals().size(); i++) {
      Correction removal = country.removals().get(i);
      boolean alsoAdded = country.additions().stream().anyMatch(addition -> addition.date() != null
          && addition.date().equals(removal.date()) && Objects.equals(addition.region(), removal.region()));
      if (alsoAdded) {
        problems.add(PREFIX + code + ".remove[" + i + "]: " + removal.date() + " is also added; keep one of the two");
      }
    }
    return problems;
  }

  private static void checkCorrections(String code, String list, List<Correction> corrections, List<String> problems) {
    for (int i = 0; i < corrections.size(); i++) {
      Correction correction = corrections.get(i);
      String key = PREFIX + code + "." + list + "[" + i + "]";
      if (correction == null || correction.date() == null) {
        problems.add(key + ".date: is required (a date such as 2027-02-23)");
      }
      if (correction != null && (correction.reason() == null || correction.reason().isBlank())) {
        problems.add(key + ".reason: is required (say why the library is wrong, for the next reader)");
      }
      if (correction != null && correction.region() != null && !PublicHolidays.isKnownRegion(code, correction.region())) {
        problems.add(key + ".region: '" + correction.region() + "' is not a region of " + code
            + " (known: " + regionCodes(code) + ")");
      }
    }
  }

  private static String regionCodes(String country) {
    List<String> codes = PublicHolidays.regionsOf(country).stream().map(PublicHolidays.Region::code).sorted().toList();
    return codes.isEmpty() ? "none, its holidays are the same everywhere" : String.join(", ", codes);
  }

  Country countryOf(String country) {
    return country == null ? null : countries.get(country);
  }

  public Set<DayOfWeek> weekendOf(String country) {
    Country exception = countryOf(country);
    return exception != null && exception.weekend() != null && !exception.weekend().isEmpty() ? exception.weekend() : weekend;
  }

  public BusinessHours hoursOf(String country) {
    Country exception = countryOf(country);
    return (exception != null && exception.businessHours() != null ? exception.businessHours() : businessHours)
        .toBusinessHours();
  }

  /** The configured region of a customer in {@code country} without one, if any. */
  public Optional<String> defaultRegionOf(String country) {
    Country exception = countryOf(country);
    return Optional.ofNullable(exception == null ? null : exception.defaultRegion());
  }
}
