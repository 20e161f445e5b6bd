package dev.followthrough.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.calendar.CustomerCalendars;
import dev.followthrough.security.Groups;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The holidays API and page as a process owner uses them, with the API closed as in production:
 * a country's days off and where each came from, corrections stored and in force on the
 * customers' calendars at once, bad input refused naming the field, and nobody else let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "followthrough.security.api-open=false")
@ActiveProfiles({"local", "test"})
class HolidaysApiTest {

  private static final String OWNER = "paula";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired CustomerCalendars calendars;

  @BeforeEach
  void aProcessOwner() {
    if (identity.createUserQuery().userId(OWNER).count() == 0) {
      User user = identity.newUser(OWNER);
      user.setFirstName("Paula");
      user.setLastName("Owner");
      user.setEmail("paula@support.example");
      user.setPassword(OWNER);
      identity.saveUser(user);
      identity.createMembership(OWNER, Groups.PROCESS_OWNERS);
    }
  }

  private TestRestTemplate owner() {
    return http.withBasicAuth(OWNER, OWNER);
  }

  @Test
  void aCountrysDaysOffAndWhereEachCameFrom() throws Exception {
    JsonNode us = json(owner().getForEntity("/api/holidays/US?year=2027", String.class), HttpStatus.OK);
    assertThat(us.get("daysOff").toString()).as("New Year's Day 2028, observed in 2027").contains("\"2027-12-31\"");
    assertThat(us.get("region").isNull()).as("federal holidays only").isTrue();

    JsonNode gb = json(owner().getForEntity("/api/holidays/GB?year=2026", String.class), HttpStatus.OK);
    assertThat(gb.get("region").asText()).isEqualTo("eng");
    assertThat(gb.get("regionIsDefault").asBoolean()).isTrue();
    assertThat(gb.get("daysOff").toString()).contains("\"2026-04-06\"", "\"2026-08-31\"");

    JsonNode japan = json(owner().getForEntity("/api/holidays/JP?year=2027", String.class), HttpStatus.OK);
    assertThat(japan.get("daysOff").toString()).contains("\"2027-02-23\"").doesNotContain("\"2027-12-23\"");
    assertThat(japan.get("entries").toString()).contains(
        "{\"date\":\"2027-12-23\",\"origin\":\"LIBRARY\",\"name\":\"Emperors Birthday\"",
        "{\"date\":\"2027-12-23\",\"origin\":\"CONFIGURATION_REMOVED\",\"name\":null,\"reason\":\"The former Emperor's birthday: not a holiday since 2019\"");

    JsonNode regions = json(owner().getForEntity("/api/holidays/AU/regions", String.class), HttpStatus.OK);
    assertThat(regions.get("defaultRegion").asText()).isEqualTo("nsw");
    assertThat(regions.get("regions").toString()).contains("{\"code\":\"nsw\",\"name\":\"New South Wales\"}");
  }

  @Test
  void aProcessOwnersCorrectionIsInForceAtOnce_andCanBeTakenBack() throws Exception {
    LocalDate bridgeDay = LocalDate.of(2027, 5, 7);
    assertThat(calendars.forCustomer("DE", "be").isBusinessDay(bridgeDay)).isTrue();

    JsonNode saved = json(owner().postForEntity("/api/holidays/DE/corrections", body(
        "{\"date\": \"2027-05-07\", \"change\": \"ADD\", \"reason\": \"Bridge day after Ascension\", \"region\": \"be\"}"),
        String.class), HttpStatus.CREATED);
    assertThat(saved.get("by").asText()).isEqualTo(OWNER);
    assertThat(calendars.forCustomer("DE", "be").isBusinessDay(bridgeDay)).as("Berlin's customers").isFalse();
    assertThat(calendars.forCustomer("DE", "by").isBusinessDay(bridgeDay)).as("Bavaria's").isTrue();

    JsonNode berlin = json(owner().getForEntity("/api/holidays/DE?year=2027&region=be", String.class), HttpStatus.OK);
    assertThat(berlin.get("entries").toString()).contains("\"origin\":\"CORRECTION_ADDED\"", "\"reason\":\"Bridge day after Ascension\"",
        "\"by\":\"paula\"", "\"correctionId\":" + saved.get("id").asLong());

    ResponseEntity<String> takenBack = owner().exchange("/api/holidays/DE/corrections/" + saved.get("id").asLong(),
        HttpMethod.DELETE, null, String.class);
    assertThat(takenBack.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(calendars.forCustomer("DE", "be").isBusinessDay(bridgeDay)).isTrue();
    assertThat(owner().exchange("/api/holidays/DE/corrections/" + saved.get("id").asLong(), HttpMethod.DELETE, null,
        String.class).getStatusCode()).as("already taken back").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    assertThat(field(owner().getForEntity("/api/holidays/XX?year=2027", String.class), "country")).contains("ISO code");
    assertThat(field(owner().getForEntity("/api/holidays/gb?year=2027", String.class), "country")).contains("capitals");
    assertThat(field(owner().getForEntity("/api/holidays/GB?year=twenty", String.class), "year")).contains("2000");
    assertThat(field(owner().getForEntity("/api/holidays/GB?year=1066", String.class), "year")).contains("2000");
    assertThat(field(owner().getForEntity("/api/holidays/GB?year=2027&region=london", String.class), "region"))
        .contains("eng", "sct");
    assertThat(field(owner().getForEntity("/api/holidays/JP?year=2027&region=tokyo", String.class), "region"))
        .contains("leave it empty");

    assertThat(field(owner().postForEntity("/api/holidays/DE/corrections",
        body("{\"date\": \"2027-05-07\", \"change\": \"ADD\"}"), String.class), "reason")).isNotBlank();
    assertThat(field(owner().postForEntity("/api/holidays/DE/corrections",
        body("{\"date\": \"2027-05-07\", \"change\": \"MAYBE\", \"reason\": \"x\"}"), String.class), "change"))
        .contains("ADD", "REMOVE");
    assertThat(field(owner().postForEntity("/api/holidays/DE/corrections",
        body("{\"date\": \"7 May\", \"change\": \"ADD\", \"reason\": \"x\"}"), String.class), "date")).contains("2026-12-07");
    assertThat(field(owner().postForEntity("/api/holidays/DE/corrections",
        body("{\"date\": \"2027-05-07\", \"change\": \"ADD\", \"reason\": \"x\", \"region\": \"mars\"}"), String.class), "region"))
        .contains("by", "be");
    assertThat(field(owner().postForEntity("/api/holidays/ZZ/corrections",
        body("{\"date\": \"2027-05-07\", \"change\": \"ADD\", \"reason\": \"x\"}"), String.class), "country")).isNotBlank();
    assertThat(json(owner().getForEntity("/api/holidays/DE?year=2027", String.class), HttpStatus.OK).get("entries").toString())
        .as("nothing half-written").doesNotContain("CORRECTION_");
  }

  @Test
  void onlyProcessOwnersAndAdmins() {
    TestRestTemplate engineer = http.withBasicAuth("engineer", "engineer");
    assertThat(engineer.getForEntity("/api/holidays/US?year=2027", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineer.postForEntity("/api/holidays/US/corrections",
        body("{\"date\": \"2027-05-07\", \"change\": \"ADD\", \"reason\": \"x\"}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineer.getForEntity("/holidays.html", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineer.getForEntity("/api/holidays/GB/regions", String.class).getStatusCode())
        .as("the regions are for the open-case form too").isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/api/holidays/US?year=2027", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/holidays.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> page = owner().getForEntity("/holidays.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Holidays: each country's days off");
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/holidays/US?year=2027", String.class).getStatusCode())
        .as("the admin").isEqualTo(HttpStatus.OK);
  }

  private static HttpEntity<String> body(String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(json, headers);
  }

  private static JsonNode json(ResponseEntity<String> response, HttpStatus expected) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
    return JSON.readTree(response.getBody());
  }

  private static String field(ResponseEntity<String> response, String field) throws Exception {
    JsonNode body = json(response, HttpStatus.BAD_REQUEST);
    assertThat(body.path("fields").has(field)).as(response.getBody()).isTrue();
    return body.path("fields").path(field).asText();
  }
}
