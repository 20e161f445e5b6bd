package dev.followthrough.cases;

import dev.followthrough.calendar.PublicHolidays;
import dev.followthrough.engineers.EngineerDirectory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The one check of a new case, for both entry points: the declared constraints of
 * {@link NewCase} and the rules that need configuration or parsing.
 */
@Component
public class CaseValidation {

  private final Validator validator;
  private final EngineerDirectory engineers;

  CaseValidation(Validator validator, EngineerDirectory engineers) {
    this.validator = validator;
    this.engineers = engineers;
  }

  /** @throws InvalidInput naming every field that is wrong */
  public NewCase check(NewCase newCase) {
    Map<String, String> problems = new LinkedHashMap<>(Text.problems(newCase));
    for (ConstraintViolation<NewCase> violation : validator.validate(newCase)) {
      problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    problems(newCase).forEach(problems::putIfAbsent);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return newCase;
  }

  /**
   * The rules beyond the declared constraints (they need configuration or parsing), by field;
   * empty when there is nothing to say.
   */
  public Map<String, String> problems(NewCase newCase) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (newCase.customerTimeZone() != null && !newCase.customerTimeZone().isBlank() && !isZone(newCase.customerTimeZone())) {
      problems.putIfAbsent("customerTimeZone", "must be a time zone id such as Europe/Berlin or America/New_York");
    }
    if (newCase.customerCountry() != null && newCase.customerCountry().matches("[A-Z]{2}")
        && !PublicHolidays.isKnownCountry(newCase.customerCountry())) {
      problems.putIfAbsent("customerCountry", "has no public-holiday calendar; use an ISO country code such as DE or US");
    }
    if (newCase.customerRegion() != null && !newCase.customerRegion().isBlank() && !problems.containsKey("customerCountry")
        && newCase.customerCountry() != null && newCase.customerCountry().matches("[A-Z]{2}")
        && !PublicHolidays.isKnownRegion(newCase.customerCountry(), newCase.customerRegion())) {
      problems.putIfAbsent("customerRegion", "is not a region of " + newCase.customerCountry()
          + " with its own public holidays (e.g. by for Bavaria in DE, eng for England in GB, ny for New York in US)");
    }
    if (newCase.preferredChannel() == Channel.CHAT) {
      problems.putIfAbsent("preferredChannel", "must be EMAIL or PHONE");
    }
    if (newCase.preferredChannel() == Channel.PHONE && blank(newCase.customerPhone())) {
      problems.putIfAbsent("customerPhone", "is needed when the customer prefers phone calls");
    }
    if (!blank(newCase.tamName()) && blank(newCase.tamEmail())) {
      problems.putIfAbsent("tamEmail", "is needed when a TAM is named");
    }
    if (!blank(newCase.engineerId()) && engineers.find(newCase.engineerId()).isEmpty()) {
      problems.putIfAbsent("engineerId", "is not a configured engineer (known: " + String.join(", ", engineers.userIds()) + ")");
    }
    return problems;
  }

  /**
   * Reads a new case from submitted variables (the Tasklist start form), reporting values that are
   * not one of the allowed choices by field, then checks it.
   */
  public NewCase check(Function<String, Object> variables) {
    Map<String, String> problems = new LinkedHashMap<>();
    NewCase newCase = new NewCase(
        text(variables, "caseNumber"), text(variables, "caseTitle"), text(variables, "problemDescription"),
        choice(variables, "severity", Severity.class, problems), text(variables, "product"),
        text(variables, "customerName"), text(variables, "customerEmail"), text(variables, "customerPhone"),
        text(variables, "customerTimeZone"), text(variables, "customerCountry"), text(variables, "customerRegion"),
        text(variables, "customerLanguage"),
        choice(variables, "preferredChannel", Channel.class, problems),
        choice(variables, "customerTier", Tier.class, problems), text(variables, "tamName"),
        text(variables, "tamEmail"), text(variables, "engineerId"));
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return check(newCase);
  }

  private static String text(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    return value == null || Text.isBlank(value.toString()) ? null : value.toString().strip();
  }

  private static <E extends Enum<E>> E choice(Function<String, Object> variables, String name, Class<E> type,
                                              Map<String, String> problems) {
    String value = text(variables, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.put(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private static boolean isZone(String id) {
    try {
      ZoneId.of(id);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
