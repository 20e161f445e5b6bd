package dev.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API closed, as in production (R27): {@code /api/**} takes HTTP Basic credentials of a
 * Camunda user in one of our groups, while the Camunda webapps keep their own login page. Runs on
 * a real server so Camunda's webapp filters are in the chain as well.
 */
// Camunda's webapps keep static state (their runtime delegates) of the webapp context started last, so
// a context cached from early in the suite may no longer serve them: this class starts its own
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "followthrough.security.api-open=false")
@ActiveProfiles({"local", "test"})
class ApiSecurityTest {

  private static final String OUTSIDER = "outsider";
  /**
   * Gets wrong passwords. Not one of the demo users: after a failed login Camunda refuses that
   * user's correct password too for a few seconds (its login throttling), which would fail
   * whichever test uses the user next.
   */
  private static final String MISTYPER = "mistyper";

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant()));
    // Camunda users in none of our groups
    ensureUser(OUTSIDER);
    ensureUser(MISTYPER);
  }

  private void ensureUser(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("Test");
      user.setEmail(id + "@outside.example");
      user.setPassword(id);
      identity.saveUser(user);
    }
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void withoutCredentials_theApiAnswers401WithABasicChallenge() {
    ResponseEntity<String> response = http.getForEntity("/api/cases/X-1", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(http.getForEntity("/api/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void withAWrongPassword_orAnUnknownUser_theApiAnswers401() {
    assertThat(http.withBasicAuth(MISTYPER, "wrong").getForEntity("/api/cases/X-1", String.class).getStatusCode())
        .as("refused as unauthenticated, before any group is looked at").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("nobody", "nobody").getForEntity("/api/cases/X-1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWriteWithoutCredentials_isRefused_andNothingIsOpened() {
    ResponseEntity<String> response = http.postForEntity("/api/cases", jsonEntity(newCase("SEC-2")), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("SEC-2").count())
        .isZero();
  }

  @Test
  void anEngineer_isLetIn() {
    assertThat(identity.createUserQuery().userId("engineer").memberOfGroup(Groups.ENGINEERS).count())
        .as("the local profile's demo engineer (LocalDemoUsers, GroupSetup)").isOne();

    ResponseEntity<String> response = http.withBasicAuth("engineer", "engineer")
        .getForEntity("/api/cases/X-1", String.class);

    assertThat(response.getStatusCode()).as("past security; the case does not exist").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("No case X-1");
    assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as("the API keeps no session").isNull();
  }

  @Test
  void anEngineer_opensAndReadsACase_withoutACsrfToken() {
    TestRestTemplate engineer = http.withBasicAuth("engineer", "engineer");

    ResponseEntity<String> created = engineer.postForEntity("/api/cases", jsonEntity(newCase("SEC-1")), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<String> view = engineer.getForEntity("/api/cases/SEC-1", String.class);
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(view.getBody()).contains("\"status\":\"OPEN\"");
  }

  @Test
  void otherGroupsOfOurs_andTheCamundaAdmin_areLetIn() {
    for (String user : new String[] {"advisor", "manager"}) {
      assertThat(http.withBasicAuth(user, user).getForEntity("/api/cases/X-1", String.class).getStatusCode())
          .as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/cases/X-1", String.class).getStatusCode())
        .as("the admin user of the local profile (group camunda-admin)").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aCamundaUserInNoneOfOurGroups_isForbidden() {
    ResponseEntity<String> response = http.withBasicAuth(OUTSIDER, OUTSIDER).getForEntity("/api/cases/X-1", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCamundaLoginPage_staysReachableWithoutBasicAuth() {
    // "default" in production; the tests give every engine a unique name
    ResponseEntity<String> response = http.getForEntity("/camunda/app/welcome/{engine}/", String.class, engine.getName());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
  }

  /**
   * Our strict JSON settings are Spring MVC's; the Camunda webapps read JSON with their own mapper.
   * Tasklist's own API still takes an engineer's login and a JSON query as before.
   */
  @Test
  void theCamundaWebappApi_stillReadsAndWritesJson() {
    ResponseEntity<String> engines = http.getForEntity("/camunda/api/engine/engine/", String.class);
    assertThat(engines.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engines.getBody()).contains("\"name\":\"" + engine.getName() + "\"");

    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/{engine}/", String.class, engine.getName());
    String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
    String xsrf = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).map(cookie -> cookie.substring(11, cookie.indexOf(';')))
        .findFirst().orElse("");
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, cookies);
    form.add("X-XSRF-TOKEN", xsrf);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/{engine}/login/tasklist",
        new HttpEntity<>("username=engineer&password=engineer", form), String.class, engine.getName());
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    String session = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .findFirst().orElse(cookies);
    HttpHeaders loggedIn = new HttpHeaders();
    loggedIn.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> user = http.exchange("/camunda/api/admin/auth/user/{engine}", org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(loggedIn), String.class, engine.getName());
    assertThat(user.getBody()).contains("\"userId\":\"engineer\"");
    String token = user.getHeaders().getFirst("X-XSRF-TOKEN");

    HttpHeaders query = new HttpHeaders();
    query.setContentType(MediaType.APPLICATION_JSON);
    query.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + token);
    query.add("X-XSRF-TOKEN", token);
    ResponseEntity<String> count = http.postForEntity("/camunda/api/engine/engine/{engine}/task/count",
        new HttpEntity<>("{\"assignee\": \"engineer\", \"active\": true}", query), String.class, engine.getName());
    assertThat(count.getStatusCode()).as(count.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(count.getBody()).matches("\\{\"count\":\\d+\\}");
  }

  private static HttpEntity<Map<String, Object>> jsonEntity(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static Map<String, Object> newCase(String caseNumber) {
    return dev.followthrough.lifecycle.Lifecycle.aCasePosted(caseNumber);
  }

}
