package dev.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.lifecycle.Lifecycle;
import dev.followthrough.support.LocalPostgres;
import dev.followthrough.support.ModelerDeploy;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile itself (no {@code local}, authorization on, no demo users) on PostgreSQL,
 * with every setting given as the operator gives it (the environment's variable names), on a real
 * port, probed over HTTP as an outsider would: our API with HTTP Basic, and Tasklist through the
 * REST API of Camunda's webapp after its login, with its XSRF cookie and header. Each probe is
 * printed with its answer and written to {@code target/security-probes.txt}.
 */
@LocalPostgres.Required
// Spring Boot's tests leave metrics export off unless asked: the Prometheus scrape is probed here
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "FOLLOWTHROUGH_ADMIN_USER=" + ProductionProfileSecurityTest.ADMIN,
    "FOLLOWTHROUGH_ADMIN_PASSWORD=" + ProductionProfileSecurityTest.ADMIN_PASSWORD,
    "FOLLOWTHROUGH_DB_USER=" + LocalPostgres.USER,
    "FOLLOWTHROUGH_DB_PASSWORD=",
    "FOLLOWTHROUGH_SMTP_HOST=127.0.0.1",
    // GreenMail offers no STARTTLS, which production requires unless told otherwise
    "FOLLOWTHROUGH_SMTP_STARTTLS=false",
    "FOLLOWTHROUGH_MAIL_FROM=support@prod-test.example",
    "FOLLOWTHROUGH_ADVISORS_ADDRESS=advisors@prod-test.example",
    "FOLLOWTHROUGH_MESSAGE_ID_DOMAIN=prod-test.example",
    "FOLLOWTHROUGH_IMAP_HOST=127.0.0.1",
    "FOLLOWTHROUGH_SURVEY_SECRET=prod-test-survey-secret-of-at-least-32-characters",
    "FOLLOWTHROUGH_PUBLIC_URL=https://support.prod-test.example",
    // the mailbox is the inbound tests' subject; here it would only poll an IMAPS server that is not there
    "followthrough.inbound.polling=false",
    "followthrough.engineers.erin.name=Erin Engineer", "followthrough.engineers.erin.email=erin@prod-test.example",
    "followthrough.engineers.erin.title=Support Engineer", "followthrough.engineers.erin.team=Data Platform",
    "followthrough.engineers.erin.working-hours=Mon-Fri 09:00-17:00", "followthrough.engineers.erin.time-zone=Europe/Berlin",
    "followthrough.engineers.erin.manager-name=Morgan Manager", "followthrough.engineers.erin.manager-email=morgan@prod-test.example",
    "followthrough.engineers.eli.name=Eli Engineer", "followthrough.engineers.eli.email=eli@prod-test.example",
    "followthrough.engineers.eli.title=Support Engineer", "followthrough.engineers.eli.team=Data Platform",
    "followthrough.engineers.eli.working-hours=Mon-Fri 09:00-17:00", "followthrough.engineers.eli.time-zone=Europe/Berlin",
    "followthrough.engineers.eli.manager-name=Morgan Manager", "followthrough.engineers.eli.manager-email=morgan@prod-test.example"})
@Import(ProductionProfileSecurityTest.SmtpServer.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionProfileSecurityTest {

  static final String ADMIN = "opsadmin";
  static final String ADMIN_PASSWORD = "Tr0ub4dor-and-horses";
  private static final String ENGINE = "default";

  /** The SMTP server production sends to, outside the application. */
  private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private record Person(String id, String group, String password) {
    Person(String id, String group) {
      this(id, group, id + "-pass-2026!");
    }
  }

  private static final Person ERIN = new Person("erin", Groups.ENGINEERS);
  private static final Person ELI = new Person("eli", Groups.ENGINEERS);
  private static final Person AVERY = new Person("avery", Groups.TECHNICAL_ADVISORS);
  private static final Person MORGAN = new Person("morgan", Groups.MANAGERS);
  private static final Person PAULA = new Person("paula", Groups.PROCESS_OWNERS);
  private static final Person OUTSIDER = new Person("outsider", null);
  /**
   * Gets a wrong password. Nobody else: after a failed login Camunda refuses that user's correct
   * password too for a few seconds (its login throttling).
   */
  private static final Person MISTYPER = new Person("mistyper", Groups.ENGINEERS);
  /** Created by Camunda from FOLLOWTHROUGH_ADMIN_USER / _PASSWORD, in group camunda-admin. */
  private static final Person OPS_ADMIN = new Person(ADMIN, null, ADMIN_PASSWORD);

  private static final List<String> PROBES = new ArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The test SMTP server as a bean, for the test helpers that read it ({@code Lifecycle}); in
   * production nothing serves it: the outbox API needs the local profile as well.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class SmtpServer {
    @Bean(destroyMethod = "stop")
    GreenMail smtpServer() {
      return SMTP;
    }
  }

  @DynamicPropertySource
  static void productionEnvironment(DynamicPropertyRegistry registry) {
    String url = LocalPostgres.freshDatabase("followthrough_production_test");
    registry.add("FOLLOWTHROUGH_DB_URL", () -> url);
    registry.add("FOLLOWTHROUGH_SMTP_PORT", () -> {
      if (SMTP.getSmtp() == null || !SMTP.isRunning()) {
        SMTP.start();
      }
      return SMTP.getSmtp().getPort();
    });
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  private final HttpClient http = HttpClient.newHttpClient();
  private String erinsCase;
  private String elisCase;

  @BeforeAll
  void peopleAndTheirCases() throws Exception {
    for (Person person : List.of(ERIN, ELI, AVERY, MORGAN, PAULA, OUTSIDER, MISTYPER)) {
      User user = identity.newUser(person.id());
      user.setFirstName(person.id());
      user.setLastName("Test");
      user.setEmail(person.id() + "@prod-test.example");
      user.setPassword(person.password());
      identity.saveUser(user);
      if (person.group() != null) {
        identity.createMembership(person.id(), person.group());
      }
    }
    erinsCase = open(ERIN, "PROD-1");
    elisCase = open(ELI, "PROD-2");
  }

  /** Opened through the API by the engineer it is assigned to; returns its process instance. */
  private String open(Person engineer, String caseNumber) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Lifecycle.aCasePosted(caseNumber));
    body.put("engineerId", engineer.id());
    HttpResponse<String> created = api(engineer, "POST", "/api/cases", JSON.writeValueAsString(body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("processInstanceId").asText();
  }

  @AfterAll
  void printTheProbes() throws IOException {
    String report = "Security probes against the production profile (PostgreSQL, authorization on):\n"
        + String.join("\n", PROBES) + "\n";
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/security-probes.txt"), report);
  }

  @Test
  @Order(1)
  void withoutCredentials_theApiAndTheEngineRestApiAnswer401() throws Exception {
    probe("no credentials", null, "GET", "/api/cases/PROD-1", null, 401);
    probe("no credentials", null, "POST", "/api/cases", "{}", 401);
    probe("no credentials", null, "GET", "/engine-rest/task", null, 401);
    probe("no credentials", null, "GET", "/engine-rest/engine", null, 401);
    probe("a wrong password", MISTYPER.id(), "wrong-password-123", "GET", "/api/cases/PROD-1", null, 401);
  }

  @Test
  @Order(20)
  void theMetrics_areForManagersAndProcessOwners_theSurveyNeedsNoLogin() throws Exception {
    probe("metrics without credentials", null, "GET", "/api/metrics", null, 401);
    probe("the Prometheus scrape without credentials", null, "GET", "/actuator/prometheus", null, 401);
    probe("an engineer reading the metrics", ERIN, "GET", "/api/metrics", null, 403);
    probe("a manager reading the metrics", MORGAN, "GET", "/api/metrics?segment=severity", null, 200);
    probe("a process owner exporting the metrics", PAULA, "GET", "/api/metrics/export.csv", null, 200);
    probe("a bad segment", MORGAN, "GET", "/api/metrics?segment=customer", null, 400);
    assertThat(probe("a manager scraping Prometheus", MORGAN, "GET", "/actuator/prometheus", null, 200).body())
        .contains("followthrough_fcr_cases{severity=\"B\",tier=\"STANDARD\"}");
    probe("health without credentials", null, "GET", "/actuator/health", null, 200);
    probe("a survey link we did not sign, without login", null, "GET", "/survey/forged.token?rating=1", null, 400);
    // the Cockpit dashboard calls the API with the webapp's own session
    Webapp.login(this, MORGAN).probe("a manager's webapp session, as the Cockpit dashboard", "GET", "/api/metrics", null, 200);
    Webapp.login(this, ERIN).probe("an engineer's webapp session", "GET", "/api/metrics", null, 401);
  }

  @Test
  @Order(2)
  void theWrongRole_gets403() throws Exception {
    probe("a Camunda user in none of our groups", OUTSIDER, "GET", "/api/cases/PROD-1", null, 403);
    probe("a manager opening a case (managers read)", MORGAN, "POST", "/api/cases", "{}", 403);
    probe("a manager recording a reply", MORGAN, "POST", "/api/cases/PROD-1/replies", "{\"body\":\"Thanks\"}", 403);
    probe("an engineer recalculating timers (process owners)", ERIN, "POST", "/api/admin/timers/recalculate",
        "{\"reason\":\"probe\"}", 403);
    probe("a technical advisor marking the customer away", AVERY, "POST", "/api/cases/PROD-1/customer-away",
        "{\"until\":\"" + LocalDate.now().plusDays(7) + "\"}", 403);
    probe("a process owner recalculating timers", PAULA, "POST", "/api/admin/timers/recalculate",
        "{\"reason\":\"security probe\"}", 200);
  }

  @Test
  @Order(3)
  void anEngineer_readsAndWorksTheirOwnCase_andNoOtherEngineers() throws Exception {
    probe("an engineer reading another engineer's case", ERIN, "GET", "/api/cases/PROD-2", null, 403);
    probe("an engineer recording a reply on another engineer's case", ERIN, "POST", "/api/cases/PROD-2/replies",
        "{\"body\":\"Thanks\"}", 403);
    probe("an engineer flagging another engineer's case", ERIN, "POST", "/api/cases/PROD-2/dissatisfaction",
        "{\"reason\":\"probe\"}", 403);
    probe("an engineer marking another engineer's customer away", ERIN, "POST", "/api/cases/PROD-2/customer-away",
        "{\"until\":\"" + LocalDate.now().plusDays(7) + "\"}", 403);
    probe("an engineer reading their own case", ERIN, "GET", "/api/cases/PROD-1", null, 200);
    probe("an engineer marking their own customer away", ERIN, "POST", "/api/cases/PROD-1/customer-away",
        "{\"until\":\"" + LocalDate.now().plusDays(7) + "\"}", 202);
    probe("a manager reading a case", MORGAN, "GET", "/api/cases/PROD-2", null, 200);
    probe("a technical advisor reading a case", AVERY, "GET", "/api/cases/PROD-2", null, 200);
    probe("a technical advisor flagging a dissatisfied customer", AVERY, "POST", "/api/cases/PROD-2/dissatisfaction",
        "{\"reason\":\"probe\"}", 202);
  }

  @Test
  @Order(4)
  void inTasklist_anEngineerSeesAndWorksOnlyTheirOwnTasks() throws Exception {
    Webapp erin = Webapp.login(this, ERIN);
    JsonNode erinsTasks = erin.getJson("/camunda/api/engine/engine/" + ENGINE + "/task");
    assertThat(erinsTasks).isNotEmpty();
    assertThat(erinsTasks).allSatisfy(task -> {
      assertThat(task.get("assignee").asText()).isEqualTo(ERIN.id());
      assertThat(task.get("processInstanceId").asText()).isEqualTo(erinsCase);
    });
    record("Tasklist task list", ERIN, "GET", "/camunda/api/engine/engine/default/task", "only their own",
        "200, " + names(erinsTasks));

    JsonNode instances = erin.getJson("/camunda/api/engine/engine/" + ENGINE + "/process-instance");
    assertThat(instances).extracting(instance -> instance.get("id").asText()).containsExactly(erinsCase);
    record("Tasklist process instances", ERIN, "GET", "/camunda/api/engine/engine/default/process-instance",
        "only their own", "200, " + instances.size() + " instance (PROD-1)");

    erin.probe("the same task list by POST, with the session's XSRF token", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/task", "{}", 200);
    String elisTask = tasks.createTaskQuery().processInstanceId(elisCase).taskAssignee(ELI.id()).list().get(0).getId();
    erin.probe("another engineer's task (not there for her)", "GET",
        "/camunda/api/engine/engine/" + ENGINE + "/task/" + elisTask, null, 404);
    erin.probe("completing another engineer's task", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/task/" + elisTask + "/complete", "{}", 403);
    String erinsTask = erinsTasks.get(0).get("id").asText();
    erin.probe("their own task's form variables", "GET",
        "/camunda/api/engine/engine/" + ENGINE + "/task/" + erinsTask + "/form-variables", null, 200);

    JsonNode elisTasks = Webapp.login(this, ELI).getJson("/camunda/api/engine/engine/" + ENGINE + "/task");
    assertThat(elisTasks).isNotEmpty().allSatisfy(task -> assertThat(task.get("processInstanceId").asText()).isEqualTo(elisCase));
    record("Tasklist task list", ELI, "GET", "/camunda/api/engine/engine/default/task", "only their own",
        "200, " + names(elisTasks));
  }

  @Test
  @Order(5)
  void advisorsSeeTheEscalations_managersReadEverything() throws Exception {
    JsonNode advisorsTasks = Webapp.login(this, AVERY).getJson("/camunda/api/engine/engine/" + ENGINE + "/task");
    assertThat(advisorsTasks).as("the dissatisfied customer of PROD-2, flagged above").isNotEmpty()
        .allSatisfy(task -> {
          assertThat(task.get("assignee").isNull()).isTrue();
          assertThat(task.get("processInstanceId").asText()).isEqualTo(elisCase);
        });
    record("Tasklist task list", AVERY, "GET", "/camunda/api/engine/engine/default/task", "the escalations only",
        "200, " + names(advisorsTasks));

    Webapp morgan = Webapp.login(this, MORGAN);
    JsonNode everything = morgan.getJson("/camunda/api/engine/engine/" + ENGINE + "/task");
    assertThat(everything).extracting(task -> task.get("processInstanceId").asText()).contains(erinsCase, elisCase);
    record("Tasklist task list", MORGAN, "GET", "/camunda/api/engine/engine/default/task", "every case's tasks",
        "200, " + everything.size() + " tasks of PROD-1 and PROD-2");
    morgan.probe("a manager completing an engineer's task", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/task/" + everything.get(0).get("id").asText() + "/complete", "{}", 403);
  }

  @Test
  @Order(6)
  void theFirstAdminSetup_isClosed() throws Exception {
    Webapp anonymous = Webapp.anonymous(this);
    HttpResponse<String> refused = anonymous.probe("the first-admin setup, with a valid XSRF token", "POST",
        "/camunda/api/admin/setup/" + ENGINE + "/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@n.example\"},"
            + "\"credentials\":{\"password\":\"intruder-password-1\"}}", 403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(refused.body()).as("refused by our security chain, before Camunda's own check (which answers "
        + "InvalidRequestException, 'Setup action not available')").contains("Forbidden").doesNotContain("Setup action");
  }

  /**
   * Expressions run only where nobody but the application and admins can write them: an engineer's ad
   * hoc query with one is refused, an engineer cannot store a filter at all, and the shared filters
   * (which read {@code ${currentUser()}}) work for the engineer who opens them (TasklistFilters).
   */
  @Test
  @Order(7)
  void expressionsInQueries_onlyInFiltersTheApplicationOrAnAdminStored() throws Exception {
    Webapp erin = Webapp.login(this, ERIN);
    String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);
    HttpResponse<String> adHoc = erin.probe("a task query with an expression", "GET",
        "/camunda/api/engine/engine/" + ENGINE + "/task?assigneeExpression=" + expression, null, 400);
    assertThat(adHoc.body()).contains("Expressions are forbidden");

    String filter = "{\"resourceType\":\"Task\",\"name\":\"probe\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}";
    HttpResponse<String> engineersFilter = erin.probe("an engineer storing a filter with an expression", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/filter/create", filter, 403);
    assertThat(engineersFilter.body()).contains("CREATE").contains("Filter");

    HttpResponse<String> filters = erin.probe("the filters an engineer reads", "GET",
        "/camunda/api/engine/engine/" + ENGINE + "/filter?resourceType=Task", null, 200);
    JsonNode shared = StreamSupport.stream(JSON.readTree(filters.body()).spliterator(), false)
        .filter(node -> node.get("name").asText().equals("My open cases")).findFirst().orElseThrow();
    erin.probe("the shared filter My open cases, listed", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/filter/" + shared.get("id").asText() + "/list", "{}", 200);

    Webapp.login(this, OPS_ADMIN).probe("the admin storing a filter with an expression", "POST",
        "/camunda/api/engine/engine/" + ENGINE + "/filter/create", filter, 200);
  }

  @Test
  @Order(8)
  void theLocalProfilesOutbox_doesNotExist() throws Exception {
    probe("the embedded outbox, as the admin", OPS_ADMIN, "GET", "/api/outbox", null, 404);
    probe("the outbox page", null, "GET", "/outbox.html", null, 404);
  }

  // --- Camunda Modeler's Deploy button (R31): /engine-rest for process owners -------------------

  @Test
  @Order(9)
  void camundaModeler_deploysAChangedModel_asAProcessOwnerOnly() throws Exception {
    String changed = Files.readString(Path.of("bpmn/case-communication.bpmn"))
        .replace("name=\"Case opened\"", "name=\"Case opened by an engineer\"");
    assertThat(changed).as("the model names its start event 'Case opened'").contains("Case opened by an engineer");
    ModelerDeploy deploy = ModelerDeploy.of("case-communication", "case-communication.bpmn", changed);
    long versionsBefore = repository.createProcessDefinitionQuery().processDefinitionKey("case-communication").count();

    recordDeploy("no credentials", null, deploy.to(port, null, null), 401);
    recordDeploy("an engineer", ERIN, deploy.to(port, ERIN.id(), ERIN.password()), 403);
    recordDeploy("a manager", MORGAN, deploy.to(port, MORGAN.id(), MORGAN.password()), 403);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-communication").count())
        .isEqualTo(versionsBefore);

    HttpResponse<String> deployed = deploy.to(port, PAULA.id(), PAULA.password());
    recordDeploy("a process owner", PAULA, deployed, 200);
    JsonNode definitions = JSON.readTree(deployed.body()).get("deployedProcessDefinitions");
    assertThat(definitions).hasSize(1);
    JsonNode definition = definitions.elements().next();
    assertThat(definition.get("key").asText()).isEqualTo("case-communication");
    assertThat(definition.get("version").asLong()).isEqualTo(versionsBefore + 1);
    assertThat(repository.getBpmnModelInstance(definition.get("id").asText())
        .getModelElementById("StartEvent_CaseOpened").getAttributeValue("name")).isEqualTo("Case opened by an engineer");
    assertThat(repository.createDeploymentQuery().deploymentId(definition.get("deploymentId").asText()).singleResult()
        .getSource()).isEqualTo("Camunda Modeler");

    HttpResponse<String> again = deploy.to(port, PAULA.id(), PAULA.password());
    recordDeploy("the same model again (deploy-changed-only)", PAULA, again, 200);
    assertThat(JSON.readTree(again.body()).get("deployedProcessDefinitions").isNull()).isTrue();

    // the engine's own authorizations apply: a process owner deploys, but does not manage users
    probe("a process owner creating a user via /engine-rest", PAULA, "POST", "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"sneaky\",\"firstName\":\"S\",\"lastName\":\"N\",\"email\":\"s@n.example\"},"
            + "\"credentials\":{\"password\":\"sneaky-password-1\"}}", 403);
    assertThat(identity.createUserQuery().userId("sneaky").count()).isZero();
    probe("the admin reading deployments via /engine-rest", OPS_ADMIN, "GET", "/engine-rest/deployment?maxResults=1", null, 200);

    // the webapps keep their CSRF protection: a logged-in session without the XSRF header is refused
    Webapp erin = Webapp.login(this, ERIN);
    HttpResponse<String> withoutToken = erin.client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/camunda/api/engine/engine/" + ENGINE + "/task"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    record("a webapp session's POST without its XSRF header", ERIN, "POST", "/camunda/api/engine/engine/default/task",
        "403", String.valueOf(withoutToken.statusCode()));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
  }

  private void recordDeploy(String who, Person person, HttpResponse<String> response, int expected) {
    record("Modeler's deploy: " + who, person, "POST", "/engine-rest/deployment/create", String.valueOf(expected),
        String.valueOf(response.statusCode()));
    assertThat(response.statusCode()).as(who + " → " + response.body()).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------

  private static String names(JsonNode tasks) {
    return tasks.size() + " task(s): " + StreamSupport.stream(tasks.spliterator(), false)
        .map(task -> task.get("name").asText()).toList();
  }

  private void record(String what, Person who, String method, String path, String expected, String answer) {
    PROBES.add(String.format("  %-60s %-9s %-6s %-70s expected %-22s got %s", what,
        who == null ? "-" : who.id(), method, path, expected, answer));
  }

  private HttpResponse<String> probe(String what, Person who, String method, String path, String body, int expected)
      throws Exception {
    return probe(what, who == null ? null : who.id(), who == null ? null : who.password(), method, path, body, expected);
  }

  private HttpResponse<String> probe(String what, String user, String password, String method, String path, String body,
                                     int expected) throws Exception {
    HttpResponse<String> response = send(user, password, method, path, body);
    PROBES.add(String.format("  %-60s %-9s %-6s %-70s expected %-22s got %d", what, user == null ? "-" : user, method, path,
        expected, response.statusCode()));
    assertThat(response.statusCode()).as(what + ": " + method + " " + path + " as " + user + " → " + response.body())
        .isEqualTo(expected);
    return response;
  }

  private HttpResponse<String> api(Person who, String method, String path, String body) throws Exception {
    return send(who.id(), who.password(), method, path, body);
  }

  private HttpResponse<String> send(String user, String password, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A browser session of Camunda's webapps: its session cookie, and its XSRF token sent back as a header. */
  private static final class Webapp {
    private final ProductionProfileSecurityTest test;
    private final String user;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private Webapp(ProductionProfileSecurityTest test, String user) {
      this.test = test;
      this.user = user;
      this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static Webapp anonymous(ProductionProfileSecurityTest test) throws Exception {
      Webapp webapp = new Webapp(test, null);
      // the first page sets the session and its XSRF-TOKEN cookie
      assertThat(webapp.send("GET", "/camunda/app/tasklist/" + ENGINE + "/", null).statusCode()).isEqualTo(200);
      return webapp;
    }

    static Webapp login(ProductionProfileSecurityTest test, Person person) throws Exception {
      Webapp webapp = anonymous(test);
      HttpResponse<String> login = webapp.send("POST", "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
          "username=" + URLEncoder.encode(person.id(), StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(person.password(), StandardCharsets.UTF_8),
          "application/x-www-form-urlencoded");
      assertThat(login.statusCode()).as("Tasklist login of " + person.id() + ": " + login.body()).isEqualTo(200);
      Webapp session = new Webapp(test, person.id()).takeOver(webapp);
      // the login starts a new session; its first read hands out the new session's XSRF token, as in the browser
      assertThat(session.getJson("/camunda/api/admin/auth/user/" + ENGINE).get("userId").asText()).isEqualTo(person.id());
      return session;
    }

    private Webapp takeOver(Webapp other) {
      other.cookies.getCookieStore().getCookies().forEach(cookie -> cookies.getCookieStore().add(null, cookie));
      return this;
    }

    JsonNode getJson(String path) throws Exception {
      HttpResponse<String> response = send("GET", path, null);
      assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    HttpResponse<String> probe(String what, String method, String path, String body, int expected) throws Exception {
      HttpResponse<String> response = send(method, path, body);
      PROBES.add(String.format("  %-60s %-9s %-6s %-70s expected %-22s got %d", what + " (webapp)",
          user == null ? "-" : user, method, path.length() > 70 ? path.substring(0, 67) + "..." : path, expected,
          response.statusCode()));
      assertThat(response.statusCode()).as(what + ": " + method + " " + path + " → " + response.body()).isEqualTo(expected);
      return response;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
      return send(method, path, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType)
        throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + test.port + path))
          .header("Accept", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", contentType);
      }
      cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
