package dev.followthrough.holidays;

import dev.followthrough.calendar.DaysOff;
import dev.followthrough.calendar.HolidayCorrection;
import dev.followthrough.calendar.HolidayYear;
import dev.followthrough.calendar.PublicHolidays;
import dev.followthrough.cases.InvalidInput;
import dev.followthrough.casework.JsonRequests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A country's days off for process owners to check and correct (R14, R16), the API behind
 * {@code /holidays.html}:
 * <ul>
 *   <li>{@code GET /api/holidays/{country}?year=2027&region=eng}: every day off of the year and
 *       where it came from (library, configuration, a process owner's correction, the company);
 *       without a region, the country's default region (said in the answer);</li>
 *   <li>{@code POST /api/holidays/{country}/corrections} {@code {"date", "change": "ADD"|"REMOVE",
 *       "reason", "region"}}: a correction, in force on the customers' calendars at once;</li>
 *   <li>{@code DELETE /api/holidays/{country}/corrections/{id}}: take a correction back;</li>
 *   <li>{@code GET /api/holidays/{country}/regions}: the regions with holidays of their own and
 *       the default, for whoever lists them (the open-case form).</li>
 * </ul>
 * Process owners and admins only, except the regions, which every API user may read.
 */
@RestController
@RequestMapping("/api/holidays")
class HolidaysController {

  private static final Logger log = LoggerFactory.getLogger(HolidaysController.class);
  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2100;

  record Correction(@NotNull LocalDate date, @NotNull HolidayCorrection.Change change,
                    @NotBlank @Size(max = 500) String reason, @Size(max = 20) String region) {}

  private final DaysOff daysOff;
  private final JsonRequests requests;

  HolidaysController(DaysOff daysOff, JsonRequests requests) {
    this.daysOff = daysOff;
    this.requests = requests;
  }

  @GetMapping("/{country}")
  Map<String, Object> year(@PathVariable String country, @RequestParam(required = false) String year,
                           @RequestParam(required = false) String region) {
    Map<String, String> problems = new LinkedHashMap<>();
    checkCountry(country, problems);
    int asked = LocalDate.now().getYear();
    if (year != null) {
      if (!year.matches("\\d{4}") || Integer.parseInt(year) < FIRST_YEAR || Integer.parseInt(year) > LAST_YEAR) {
        problems.put("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", such as 2027");
      } else {
        asked = Integer.parseInt(year);
      }
    }
    if (problems.isEmpty()) {
      checkRegion(country, region, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    HolidayYear days = daysOff.year(country, region, asked);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("country", days.country());
    answer.put("region", days.region());
    answer.put("regionIsDefault", days.regionIsDefault());
    answer.put("year", days.year());
    answer.put("daysOff", days.daysOff());
    answer.put("weekdaysOff", days.daysOff().stream()
        .filter(date -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY).count());
    answer.put("entries", days.entries());
    return answer;
  }

  @GetMapping("/{country}/regions")
  Map<String, Object> regions(@PathVariable String country) {
    Map<String, String> problems = new LinkedHashMap<>();
    checkCountry(country, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("country", country);
    answer.put("defaultRegion", daysOff.defaultRegionOf(country).orElse(null));
    answer.put("regions", daysOff.regionsOf(country));
    return answer;
  }

  @PostMapping("/{country}/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  HolidayCorrection correct(@PathVariable String country, @RequestBody byte[] body, Principal who) {
    Map<String, String> countryProblems = new LinkedHashMap<>();
    checkCountry(country, countryProblems);
    if (!countryProblems.isEmpty()) {
      throw new InvalidInput(countryProblems);
    }
    Correction correction = requests.read(body, Correction.class, request -> {
      Map<String, String> problems = new LinkedHashMap<>();
      if (request.date() != null && (request.date().getYear() < FIRST_YEAR || request.date().getYear() > LAST_YEAR)) {
        problems.put("date", "must be a day from " + FIRST_YEAR + " to " + LAST_YEAR);
      }
      if (request.region() != null) {
        checkRegion(country, request.region(), problems);
      }
      return problems;
    });
    HolidayCorrection saved = daysOff.correct(country, correction.region(), correction.date(), correction.change(),
        correction.reason(), by(who));
    log.info("Holiday correction {}: {} {} {} by {}", saved.id(), correction.change(), country, correction.date(), saved.by());
    return saved;
  }

  @DeleteMapping("/{country}/corrections/{id}")
  HolidayCorrection withdraw(@PathVariable String country, @PathVariable long id, Principal who) {
    HolidayCorrection withdrawn = daysOff.withdraw(id, by(who))
        .filter(correction -> correction.country().equals(country))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "no correction " + id + " in force for " + country));
    log.info("Holiday correction {} withdrawn by {}", id, by(who));
    return withdrawn;
  }

  private static void checkCountry(String country, Map<String, String> problems) {
    if (!country.matches("[A-Z]{2}") || !PublicHolidays.isKnownCountry(country)) {
      problems.put("country", "must be a country the holiday library knows, as an ISO code in capitals such as GB or JP");
    }
  }

  private static void checkRegion(String country, String region, Map<String, String> problems) {
    if (region != null && !region.isBlank() && !PublicHolidays.isKnownRegion(country, region)) {
      List<String> known = PublicHolidays.regionsOf(country).stream().map(PublicHolidays.Region::code).sorted().toList();
      problems.put("region", "is not a region of " + country + (known.isEmpty()
          ? " (its holidays are the same everywhere: leave it empty)" : " (known: " + String.join(", ", known) + ")"));
    }
  }

  private static String by(Principal who) {
    return who == null ? "anonymous (API open)" : who.getName();
  }
}
