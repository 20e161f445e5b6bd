package dev.followthrough.security;

import dev.followthrough.metrics.SurveyProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Production (any run without the {@code local} profile) refuses to start on settings that would
 * leave it open (R27): no admin from the environment, a default or weak admin password,
 * authorization off, the API open, the embedded mail server on, or expressions allowed in ad hoc task
 * queries. It runs while the environment is prepared, before any bean exists, so nothing has
 * touched the database when it refuses; every problem is named at once, with its variable and
 * the rule.
 */
public final class ProductionSettings implements EnvironmentPostProcessor, Ordered {

  /** Shorter admin passwords are refused. */
  public static final int MINIMUM_PASSWORD_LENGTH = 12;

  /** Passwords whose letters alone spell one of these are refused, whatever digits or signs surround them. */
  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "administrator", "camunda", "password",
      "passwort", "changeme", "changeit", "secret", "followthrough", "qwerty", "letmein", "welcome", "test");

  /** The local profile's demo admin, never the production one. */
  static final Set<String> DEFAULT_ADMIN_IDS = Set.of("demo");

  /** Camunda's rule for user ids unless {@code userResourceWhitelistPattern} says otherwise. */
  static final String CAMUNDA_USER_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin";

  static final String ADMIN_USER = "FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id)";
  static final String ADMIN_PASSWORD = "FOLLOWTHROUGH_ADMIN_PASSWORD (camunda.bpm.admin-user.password)";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("local"))) {
      return;
    }
    Map<String, String> engine = Binder.get(environment)
        .bind("camunda.bpm.generic-properties.properties", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    List<String> problems = new ArrayList<>(adminProblems(environment.getProperty("camunda.bpm.admin-user.id"),
        environment.getProperty("camunda.bpm.admin-user.password"),
        engineSetting(engine, "userResourceWhitelistPattern").stream().findFirst().orElse(CAMUNDA_USER_ID_PATTERN)));
    if (!environment.getProperty("camunda.bpm.authorization.enabled", Boolean.class, false)) {
      problems.add("camunda.bpm.authorization.enabled must be true outside the local profile");
    }
    if (environment.getProperty("followthrough.security.api-open", Boolean.class, false)) {
      problems.add("followthrough.security.api-open must not be set outside the local profile: the API needs credentials");
    }
    if (environment.getProperty("followthrough.mail.embedded-server.enabled", Boolean.class, false)) {
      problems.add("followthrough.mail.embedded-server.enabled must not be set outside the local profile: "
          + "production sends through FOLLOWTHROUGH_SMTP_HOST");
    }
    problems.addAll(surveyProblems(environment.getProperty("followthrough.survey.secret"),
        environment.getProperty("followthrough.survey.public-url")));
    // stored queries (Tasklist filters) may use expressions: only the application and admins write
    // filters (TasklistFilters grants READ, never CREATE); ad hoc queries come from any caller
    List<String> adhoc = engineSetting(engine, "enableExpressionsInAdhocQueries");
    if (adhoc.isEmpty() || !adhoc.stream().allMatch(value -> "false".equalsIgnoreCase(value.trim()))) {
      problems.add("camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries must be set to false");
    }
    if (!problems.isEmpty()) {
      throw new InsecureProductionSettings(problems);
    }
  }

  static final String SURVEY_SECRET = "FOLLOWTHROUGH_SURVEY_SECRET (followthrough.survey.secret)";
  static final String PUBLIC_URL = "FOLLOWTHROUGH_PUBLIC_URL (followthrough.survey.public-url)";

  /** The LQR's survey links (R10) are signed with a secret of the operator's and point at the application. */
  static List<String> surveyProblems(String secret, String publicUrl) {
    List<String> problems = new ArrayList<>();
    if (secret == null || secret.isBlank()) {
      problems.add(SURVEY_SECRET + " is missing: the survey links of the Last Quality Response are signed with it");
    } else if (secret.length() < SurveyProperties.MINIMUM_SECRET_LENGTH) {
      problems.add(SURVEY_SECRET + " must have at least " + SurveyProperties.MINIMUM_SECRET_LENGTH + " characters");
    }
    if (publicUrl == null || !publicUrl.matches("https?://\\S+")) {
      problems.add(PUBLIC_URL + " must be the address customers reach the application at, such as https://support.example.com");
    }
    return problems;
  }

  /** What is wrong with the admin's id and password, each naming its variable and the rule; empty when fine. */
  static List<String> adminProblems(String id, String password) {
    return adminProblems(id, password, CAMUNDA_USER_ID_PATTERN);
  }

  private static List<String> adminProblems(String id, String password, String idPattern) {
    List<String> problems = new ArrayList<>();
    String user = id == null ? "" : id.trim();
    if (user.isEmpty()) {
      problems.add(ADMIN_USER + " is missing: production needs the first admin's user id from the environment");
    } else if (DEFAULT_ADMIN_IDS.contains(user.toLowerCase(Locale.ROOT))) {
      problems.add(ADMIN_USER + " must not be '" + user + "', the local profile's demo admin");
    } else if (!user.matches(idPattern)) {
      problems.add(ADMIN_USER + " must be a Camunda user id, " + idPattern + " (letters and digits)");
    }
    String secret = password == null ? "" : password;
    if (secret.isEmpty()) {
      problems.add(ADMIN_PASSWORD + " is missing: production needs the first admin's password from the environment");
      return problems;
    }
    if (secret.length() < MINIMUM_PASSWORD_LENGTH) {
      problems.add(ADMIN_PASSWORD + " must have at least " + MINIMUM_PASSWORD_LENGTH + " characters");
    }
    String lower = secret.toLowerCase(Locale.ROOT);
    if (!user.isEmpty() && lower.contains(user.toLowerCase(Locale.ROOT))) {
      problems.add(ADMIN_PASSWORD + " must not contain the user id");
    }
    String letters = lower.replaceAll("[^\\p{L}]", "");
    if (DEFAULT_PASSWORDS.contains(letters)) {
      problems.add(ADMIN_PASSWORD + " must not be a default password (" + String.join(", ", DEFAULT_PASSWORDS.stream()
          .sorted().toList()) + ", with or without digits and signs around it)");
    }
    return problems;
  }

  /** The values of an engine property, however it was spelled (camelCase in YAML, upper case in the environment). */
  private static List<String> engineSetting(Map<String, String> engine, String name) {
    return engine.entrySet().stream().filter(entry -> normalised(entry.getKey()).equals(normalised(name)))
        .map(Map.Entry::getValue).toList();
  }

  private static String normalised(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** After the configuration files and profiles are read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
