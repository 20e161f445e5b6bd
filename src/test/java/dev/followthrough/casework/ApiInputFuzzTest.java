package dev.followthrough.casework;

import dev.followthrough.cases.CustomerReply;
import dev.followthrough.cases.MultiLine;
import dev.followthrough.cases.NewCase;


import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.lifecycle.Lifecycle;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sends every field of every endpoint of the API the inputs real clients get wrong (wrong JSON
 * types, nulls, huge strings and numbers, blanks made of invisible characters, control characters,
 * choices that are almost right, bad dates, unknown fields) and every endpoint bodies that are no
 * valid JSON (repeated keys, trailing garbage, a second object, invalid UTF-8, too deep), that are
 * not JSON at all (content types), answers it cannot give (Accept), and routes and methods that do
 * not exist. Each must answer 4xx in the API's error shape, name the bad field where there is
 * one, and write nothing: {@code ft_case}, {@code ft_customer_reply}, {@code ft_inbound_message}
 * and the engine's executions are counted around every request. Prints how many requests were
 * sent, by status.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ApiInputFuzzTest {

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final String JSON = "application/json";

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired Lifecycle lifecycle;
  @Autowired JdbcTemplate jdbc;

  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private String openCase;

  /** An endpoint that takes a body: the record it reads, and a valid body for it. */
  private record Endpoint(String path, Class<? extends Record> request, UnaryOperator<Map<String, Object>> valid) {}

  private List<Endpoint> endpoints;

  @BeforeEach
  void anOpenCase() throws Exception {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    openCase = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity())).getBusinessKey();
    endpoints = List.of(
        new Endpoint("/api/cases", NewCase.class, body -> Lifecycle.aCasePosted("FUZZ-" + CASES.incrementAndGet())),
        new Endpoint("/api/cases/" + openCase + "/replies", CustomerReply.class, body -> map(
            "from", "dana.whitfield@customer.example", "subject", "Re: your case", "body", "Logs attached.")),
        new Endpoint("/api/cases/" + openCase + "/dissatisfaction", CaseController.Dissatisfaction.class,
            body -> map("reason", "Waiting too long.")),
        new Endpoint("/api/cases/" + openCase + "/customer-away", CaseController.CustomerAway.class,
            body -> map("until", "2026-12-07")),
        new Endpoint("/api/admin/timers/recalculate", recordOf("dev.followthrough.admin.AdminController$Recalculation"),
            body -> map("reason", "Company holiday added")));
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void everyBadInput_isA4xxNamingTheField_andWritesNothing() throws Exception {
    long started = System.nanoTime();
    for (Endpoint endpoint : endpoints) {
      for (RecordComponent field : endpoint.request().getRecordComponents()) {
        for (String bad : badValues(field)) {
          sendField(endpoint, field.getName(), bad);
        }
        // the same key twice: refused as not valid JSON, the key named
        Map<String, Object> body = endpoint.valid().apply(null);
        String once = "\"" + field.getName() + "\": " + json.writeValueAsString(body.getOrDefault(field.getName(), "x"));
        String others = objectWith(body, field.getName(), null);
        expect(endpoint, "repeated " + field.getName(), JSON, bytes((others.equals("{") ? "{" : others + ", ") + once
            + ", " + once + "}"), 400, field.getName());
      }
      for (String unknown : List.of("unknownField", "CaseNumber", "__proto__", "body ", "", "\u200B", "a\u0000b",
          "x".repeat(5000))) {
        String body = objectWith(endpoint.valid().apply(null), null, null) + ", " + json.writeValueAsString(unknown) + ": 1}";
        expect(endpoint, "unknown field " + unknown.length(), JSON, bytes(body), 400,
            unknown.isEmpty() || unknown.length() > 100 || !unknown.matches("\\p{Print}*") ? null : unknown);
      }
      badBodies(endpoint);
      notJson(endpoint);
    }
    severalBadFieldsAtOnce();
    badIdempotencyKeys();
    routesAndMethods();

    double seconds = (System.nanoTime() - started) / 1e9;
    int sent = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("ApiInputFuzzTest: %d requests in %.1f s, by status: %s%n", sent, seconds,
        byStatus.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", ")));
    assertThat(failures).as("requests answered wrongly").isEmpty();
    assertThat(sent).isGreaterThan(1000);
  }

  // ------------------------------------------------------------------ what is sent

  private List<String> badValues(RecordComponent field) {
    List<String> bad = new ArrayList<>(List.of("[]", "{}", "[\"x\"]", "{\"value\": \"x\"}", "true", "false", "0", "-1",
        "1.5", "1e400", "-1e400", "123456789012345678901234567890", "9".repeat(1001), "9".repeat(999)));
    boolean required = field.getAccessor().isAnnotationPresent(NotBlank.class)
        || field.getAccessor().isAnnotationPresent(NotNull.class);
    if (required) {
      bad.addAll(List.of("null", "\"\"", "\" \"", "\"\\t\\n\\r\"", "\"\\u00a0\"", "\"\\u202f\"", "\"\\u200b\"",
          "\"\\u200c\\u200d\"", "\"\\ufeff\"", "\"\\u2060\"", "\"\\u3000\"", "\"\\u2800\"", "\"\\u3164\"",
          "\"\\u0000\"", "\"\\u00a0\\u200b \\ufeff\\u202f\""));
    }
    Class<?> type = field.getType();
    if (type == String.class) {
      bad.addAll(List.of("\"ab\\u0000cd\"", "\"ab\\u001bcd\"", "\"ab\\u0007\"", "\"ab\\u007f\"", "\"\\ud800\"",
          "\"ab\\udc00cd\"", "\"\\ud800x\""));
      if (!field.isAnnotationPresent(MultiLine.class)) {
        bad.addAll(List.of("\"first line\\nsecond\"", "\"a\\rb\"", "\"a\\u2028b\"", "\"a\\u2029b\"", "\"a\\u0085b\""));
      }
      Size size = field.getAccessor().getAnnotation(Size.class);
      int tooLong = size == null ? 100_001 : size.max() + 1;
      bad.add("\"" + "x".repeat(tooLong) + "\"");
      bad.add("\"" + "é".repeat(tooLong) + "\"");
      bad.add("\"" + "\uD83D\uDE00".repeat(tooLong / 2 + 1) + "\"");
    } else if (type.isEnum()) {
      String first = ((Enum<?>) type.getEnumConstants()[0]).name();
      bad.addAll(List.of("1", "\"" + first.toLowerCase() + "\"", "\" " + first + "\"", "\"" + first + " \"",
          "\"" + first + "\\u0000\"", "\"\\u200b" + first + "\"", "\"" + first + first + "\"", "\"Z\"", "\"GOLD\"",
          "[\"" + first + "\"]", "{\"name\": \"" + first + "\"}", "\"\"", "\"\\uff21\""));
    } else if (type == LocalDate.class) {
      bad.addAll(List.of("\"2026-13-01\"", "\"2026-02-30\"", "\"2026-02-29\"", "\"07.12.2026\"", "\"12/07/2026\"",
          "\"2026-12-07T10:00\"", "\"2026-12-07T10:00:00Z\"", "20261207", "\"+2026-12-07\"", "\"2026-12-7\"",
          "\" 2026-12-07\"", "\"2026-12-07 \"", "\"+999999999-12-31\"", "\"2026-12-07\\u0000\"", "\"1999-01-01\"",
          "\"2030-01-01\"", "\"tomorrow\"", "\"\"", "[2026, 12, 7]"));
    }
    return bad;
  }

  private void sendField(Endpoint endpoint, String field, String badJson) throws Exception {
    String body = objectWith(endpoint.valid().apply(null), field, badJson) + "}";
    expect(endpoint, field + " = " + abbreviate(badJson), JSON, bytes(body), 400, field);
  }

  private void badBodies(Endpoint endpoint) throws Exception {
    String valid = json.writeValueAsString(endpoint.valid().apply(null));
    String trimmed = valid.substring(0, valid.length() - 1);
    for (String garbage : List.of(valid + "x", valid + " {}", valid + valid, valid + "]", valid + "}", valid + " 1",
        valid + " null", valid + "\u0000", "[" + valid + "]", "null", "[]", "\"x\"", "1", "true", "", " ", "{",
        trimmed, trimmed + ",}", "{,}", "{'reason': 'x'}", "{reason: \"x\"}", "{\"a\" 1}", "\uFEFF\uFEFF" + valid,
        "[".repeat(2000) + "]".repeat(2000), "{\"x\":".repeat(1200) + "1" + "}".repeat(1200))) {
      expect(endpoint, "body " + abbreviate(garbage), JSON, bytes(garbage), 400, null);
    }
    byte[][] invalidUtf8 = {{(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    int at = valid.indexOf("\":") + 3;
    for (byte[] bytes : invalidUtf8) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
      body.write(bytes);
      body.write(valid.substring(at).getBytes(StandardCharsets.UTF_8));
      expect(endpoint, "invalid UTF-8 " + bytes.length, JSON, body.toByteArray(), 400, null);
    }
  }

  private void notJson(Endpoint endpoint) throws Exception {
    byte[] valid = bytes(json.writeValueAsString(endpoint.valid().apply(null)));
    for (String contentType : new String[] {null, "*/*", "text/plain", "text/json", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/*",
        "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/jsonx",
        "application/json; charset=nonsense", "garbage", "application/"}) {
      expect(endpoint, "Content-Type " + contentType, contentType, valid, 415, null);
    }
    for (String accept : new String[] {"text/html", "application/xml", "text/plain", "image/png"}) {
      MockHttpServletRequestBuilder request = request(HttpMethod.POST, endpoint.path()).contentType(JSON)
          .header("Accept", accept).content(valid);
      check(endpoint.path() + " Accept " + accept, request, 406, null);
    }
  }

  private void severalBadFieldsAtOnce() throws Exception {
    Endpoint open = endpoints.get(0);
    String body = objectWith(open.valid().apply(null), null, null)
        .replaceFirst("\"severity\": \"B\"", "\"severity\": \"b\"")
        .replaceFirst("\"caseTitle\": \"[^\"]*\"", "\"caseTitle\": 123")
        .replaceFirst("\"customerEmail\": \"[^\"]*\"", "\"customerEmail\": \"no address\"")
        .replaceFirst("\"customerName\": \"[^\"]*\"", "\"customerName\": \"\\\\u00a0\\\\u200b\"")
        .replaceFirst("\"preferredChannel\": \"EMAIL\"", "\"preferredChannel\": 1")
        + ", \"colour\": \"blue\"}";
    MockHttpServletResponse response = check("several bad fields",
        request(HttpMethod.POST, open.path()).contentType(JSON).content(bytes(body)), 400, "severity");
    if (response != null) {
      JsonNode fields = json.readTree(response.getContentAsString()).get("fields");
      for (String field : List.of("severity", "caseTitle", "customerEmail", "customerName", "preferredChannel", "colour")) {
        if (fields == null || !fields.has(field)) {
          failures.add("several bad fields: " + field + " not named in " + response.getContentAsString());
        }
      }
    }
  }

  private void badIdempotencyKeys() throws Exception {
    Endpoint replies = endpoints.get(1);
    byte[] valid = bytes(json.writeValueAsString(replies.valid().apply(null)));
    for (String key : List.of("", "two words", "schlüssel", "k".repeat(201), "a\tb")) {
      check("Idempotency-Key " + abbreviate(key), request(HttpMethod.POST, replies.path()).contentType(JSON)
          .header("Idempotency-Key", key).content(valid), 400, "Idempotency-Key");
    }
  }

  private void routesAndMethods() throws Exception {
    for (String path : List.of("/api/nope", "/api/cases/" + openCase + "/nope", "/api/cases/x/y/z", "/api/",
        "/api/admin/timers", "/api/cases/NO-SUCH-CASE", "/api/cases/" + "x".repeat(3000))) {
      check("GET " + abbreviate(path), request(HttpMethod.GET, path), 404, null);
    }
    for (String path : List.of("/api/cases/NO-SUCH-CASE/replies", "/api/cases/NO-SUCH-CASE/dissatisfaction",
        "/api/cases/NO-SUCH-CASE/customer-away")) {
      Endpoint endpoint = endpoints.stream().filter(e -> e.path().endsWith(path.substring(path.lastIndexOf('/'))))
          .findFirst().orElseThrow();
      check("POST " + path, request(HttpMethod.POST, path).contentType(JSON)
          .content(bytes(json.writeValueAsString(endpoint.valid().apply(null)))), 404, null);
    }
    for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
      for (String path : List.of("/api/cases", "/api/cases/" + openCase, "/api/cases/" + openCase + "/replies",
          "/api/admin/timers/recalculate")) {
        check(method + " " + path, request(method, path).contentType(JSON).content(bytes("{}")), 405, null);
      }
    }
    check("GET replies", request(HttpMethod.GET, "/api/admin/timers/recalculate"), 405, null);
  }

  // ------------------------------------------------------------------ sending and checking

  private void expect(Endpoint endpoint, String what, String contentType, byte[] body, int status, String field)
      throws Exception {
    MockHttpServletRequestBuilder request = request(HttpMethod.POST, endpoint.path()).content(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    check(endpoint.path().replace(openCase, "{case}") + " " + what, request, status, field);
  }

  private MockHttpServletResponse check(String what, MockHttpServletRequestBuilder request, int status, String field)
      throws Exception {
    List<Long> before = rows();
    MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
    byStatus.merge(response.getStatus(), 1, Integer::sum);
    List<Long> after = rows();
    String answer = abbreviate(response.getContentAsString(StandardCharsets.UTF_8));
    if (!before.equals(after)) {
      failures.add(what + ": wrote something " + before + " -> " + after + " " + answer);
    }
    if (response.getStatus() != status) {
      failures.add(what + ": " + response.getStatus() + " instead of " + status + " " + answer);
      return null;
    }
    JsonNode body;
    try {
      body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      failures.add(what + ": the answer is not JSON: " + answer);
      return null;
    }
    if (body == null || body.path("status").asInt() != status || !body.path("error").isTextual()) {
      failures.add(what + ": not the API's error shape: " + answer);
    } else if (field != null && !body.path("fields").has(field)) {
      failures.add(what + ": " + field + " is not named: " + answer);
    }
    return response;
  }

  private List<Long> rows() {
    return List.of("ft_case", "ft_customer_reply", "ft_inbound_message", "ft_case_event", "ACT_RU_EXECUTION",
            "ACT_RU_TASK").stream()
        .map(table -> jdbc.queryForObject("select count(*) from " + table, Long.class)).toList();
  }

  /** The body as an unfinished object ("{..."): {@code field} given as raw JSON (left out when null). */
  private String objectWith(Map<String, Object> body, String field, String rawJson) throws Exception {
    List<String> members = new ArrayList<>();
    for (Map.Entry<String, Object> member : body.entrySet()) {
      if (!member.getKey().equals(field)) {
        members.add(json.writeValueAsString(member.getKey()) + ": " + json.writeValueAsString(member.getValue()));
      }
    }
    if (field != null && rawJson != null) {
      members.add(json.writeValueAsString(field) + ": " + rawJson);
    }
    return "{" + String.join(", ", members);
  }

  private static Map<String, Object> map(String... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Record> recordOf(String name) {
    try {
      return (Class<? extends Record>) Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
  }
}
