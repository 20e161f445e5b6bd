package dev.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.FollowthroughApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationEvent;

/**
 * Production (no {@code local} profile) refuses to start without an admin from the environment or
 * with a default or weak one, and on settings that would open it; it says which variable and
 * which rule, and refuses before a Spring context, let alone the engine, exists.
 */
class ProductionSettingsTest {

  private static final String STRONG = "correct-horse-battery-staple";

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "''         | ''                           | FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id) is missing",
      "opsadmin  | ''                           | FOLLOWTHROUGH_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is missing",
      "demo       | demo                         | FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id) must not be 'demo'",
      "demo       | demo                         | must have at least 12 characters",
      "demo       | demo                         | must not contain the user id",
      "opsadmin  | admin                        | must have at least 12 characters",
      "opsadmin  | Camunda2026!!!               | must not be a default password",
      "opsadmin  | password1234                 | must not be a default password",
      "opsadmin  | opsadmin-2026-secret        | must not contain the user id",
      "opsadmin  | 'short1!'                    | must have at least 12 characters",
      "ops.admin  | correct-horse-battery-staple | FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id) must be a Camunda user id"})
  void aMissingDefaultOrWeakAdmin_isRefused_namingTheVariableAndTheRule(String id, String password, String problem) {
    assertThat(ProductionSettings.adminProblems(id, password)).anySatisfy(message -> assertThat(message).contains(problem));
  }

  @Test
  void aStrongPasswordForAnotherId_passes() {
    assertThat(ProductionSettings.adminProblems("opsadmin", STRONG)).isEmpty();
    assertThat(ProductionSettings.adminProblems("opsadmin", "x".repeat(ProductionSettings.MINIMUM_PASSWORD_LENGTH)))
        .as("length is the rule, 12 characters pass").isEmpty();
  }

  @Test
  void startingWithDemoDemo_failsFast_beforeAnyContextExists() {
    List<ApplicationEvent> events = new ArrayList<>();
    SpringApplication application = production(events);
    Instant start = Instant.now();

    InsecureProductionSettings refused = catchThrowableOfType(InsecureProductionSettings.class,
        () -> application.run("--FOLLOWTHROUGH_ADMIN_USER=demo", "--FOLLOWTHROUGH_ADMIN_PASSWORD=demo"));

    assertThat(refused).as("start-up refused").isNotNull();
    assertThat(refused.getMessage())
        .contains("FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id) must not be 'demo'")
        .contains("FOLLOWTHROUGH_ADMIN_PASSWORD (camunda.bpm.admin-user.password) must have at least 12 characters")
        .contains("must not contain the user id")
        .doesNotContain("=demo");
    assertThat(events).as("no application context was even initialised, so no bean touched the database")
        .noneMatch(ApplicationContextInitializedEvent.class::isInstance);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    System.out.println("[probe] start-up with FOLLOWTHROUGH_ADMIN_USER=demo, FOLLOWTHROUGH_ADMIN_PASSWORD=demo -> refused in "
        + Duration.between(start, Instant.now()).toMillis() + " ms:\n" + refused.getMessage());
  }

  @Test
  void startingWithoutAnAdmin_orWithTheLocalProfilesOpenings_isRefused() {
    InsecureProductionSettings refused = catchThrowableOfType(InsecureProductionSettings.class,
        () -> production(new ArrayList<>()).run("--FOLLOWTHROUGH_ADMIN_USER=", "--FOLLOWTHROUGH_ADMIN_PASSWORD=",
            "--followthrough.mail.embedded-server.enabled=true", "--followthrough.security.api-open=true",
            "--camunda.bpm.authorization.enabled=false",
            "--camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries=true"));

    assertThat(refused).isNotNull();
    assertThat(refused.problems()).containsExactly(
        "FOLLOWTHROUGH_ADMIN_USER (camunda.bpm.admin-user.id) is missing: production needs the first admin's user id from the environment",
        "FOLLOWTHROUGH_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is missing: production needs the first admin's password from the environment",
        "camunda.bpm.authorization.enabled must be true outside the local profile",
        "followthrough.security.api-open must not be set outside the local profile: the API needs credentials",
        "followthrough.mail.embedded-server.enabled must not be set outside the local profile: production sends through FOLLOWTHROUGH_SMTP_HOST",
        "FOLLOWTHROUGH_SURVEY_SECRET (followthrough.survey.secret) is missing: the survey links of the Last Quality Response are signed with it",
        "FOLLOWTHROUGH_PUBLIC_URL (followthrough.survey.public-url) must be the address customers reach the application at, such as https://support.example.com",
        "camunda.bpm.generic-properties.properties.enableExpressionsInAdhocQueries must be set to false");
  }

  @Test
  void theLocalProfile_keepsItsDemoAdmin() {
    List<ApplicationEvent> events = new ArrayList<>();
    SpringApplication application = production(events);
    application.setAdditionalProfiles("local");
    // the check passes, so the application goes on; stop it at the first context event
    application.addListeners(event -> {
      if (event instanceof ApplicationContextInitializedEvent) {
        throw new IllegalStateException("got past the production check");
      }
    });

    Throwable stopped = catchThrowableOfType(IllegalStateException.class, () -> application.run());

    assertThat(stopped).hasMessage("got past the production check");
  }

  private static SpringApplication production(List<ApplicationEvent> events) {
    SpringApplication application = new SpringApplicationBuilder(FollowthroughApplication.class)
        .web(WebApplicationType.NONE).logStartupInfo(false).build();
    application.addListeners(events::add);
    return application;
  }
}
