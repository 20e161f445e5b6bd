package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Checks the Camunda Forms in {@code forms/} against what Tasklist (Camunda 7.24) can render and
 * against the process variables the lifecycle uses, and checks that every form the BPMN refers to
 * exists.
 */
class FormsTest {

  static final Path FORMS = Path.of("forms");
  static final Path BPMN = Path.of("bpmn");

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Highest schemaVersion the form-js viewer bundled with the Camunda 7.24 webapps reads. */
  static final int MAX_SCHEMA_VERSION = 16;

  static final Set<String> EXPECTED_FORMS = Set.of(
      "open-case", "prepare-fqr", "call-customer", "status-update", "reach-out-to-tam",
      "review-customer-answer", "prepare-lqr", "review-dissatisfied-customer", "read-customer-reply",
      "correct-address");

  /** The process variables a form may read or write. */
  static final Set<String> ALLOWED_KEYS = Set.of(
      // case and customer
      "caseNumber", "caseTitle", "problemDescription", "severity", "product",
      "customerName", "customerEmail", "customerPhone", "customerTimeZone", "customerCountry",
      "customerRegion", "customerLanguage", "preferredChannel", "customerTier", "tamName", "tamEmail", "engineerId",
      // the email draft
      "draftSubject", "draftBody",
      // FQR: the three P's
      "fqrPrepared", "fqrPersonalized", "fqrProgress",
      // calls
      "callPlan", "callOutcome", "callNotes",
      // status and next steps
      "caseStanding", "nextUpdateAt", "customerFollowUpDate",
      // the customer's answer to a solution
      "lastReplyText", "customerAnswer", "approvalBy", "approvalChannel", "approvalNote",
      // LQR outline
      "lqrPersonalName", "lqrGreeting", "lqrPurpose", "lqrCustomerRequest", "lqrWhatWeDid",
      "lqrReopenOnlyIfNeeded", "lqrTipsAndResources", "lqrSurvey", "lqrThanks",
      // dissatisfied customer
      "dissatisfactionReason", "advisorNotes", "recoveryCallOffered",
      // reply read
      "replyAcknowledged",
      // an email the mail server refused
      "rejectedEmailSubject", "rejectedEmailBody");

  /** Component types the bundled form-js renders and whose values the engine stores without Spin. */
  static final Set<String> SUPPORTED_TYPES = Set.of(
      "textfield", "textarea", "number", "select", "radio", "checkbox", "datetime", "text");

  /** Types that submit JSON arrays (need Camunda Spin, which is not installed). */
  static final Set<String> FORBIDDEN_TYPES = Set.of("checklist", "taglist");

  /** The values each choice variable may take; the BPMN gateways compare against these. */
  static final Map<String, Set<String>> CHOICES = Map.of(
      "severity", Set.of("A", "B", "C"),
      "preferredChannel", Set.of("EMAIL", "PHONE"),
      "customerTier", Set.of("PREMIER", "STANDARD"),
      "callOutcome", Set.of("REACHED", "VOICEMAIL", "NO_ANSWER"),
      "caseStanding", Set.of("RESOLUTION_PROVIDED", "PENDING_CUSTOMER_INFORMATION",
          "PENDING_INTERNAL_RESEARCH", "NEEDS_CALL", "CUSTOMER_UNRESPONSIVE"),
      "customerAnswer", Set.of("CONFIRMED", "RESOLVED_BY_CUSTOMER", "NOT_RESOLVED"),
      "approvalChannel", Set.of("EMAIL", "PHONE", "CHAT"));

  /** Per form: the editable fields that must be marked required. */
  static final Map<String, Set<String>> REQUIRED = Map.of(
      "open-case", Set.of("caseNumber", "caseTitle", "problemDescription", "severity", "customerName",
          "customerEmail", "customerTimeZone", "customerCountry", "preferredChannel", "customerTier",
          "engineerId"),
      "prepare-fqr", Set.of("fqrPrepared", "fqrPersonalized", "fqrProgress", "draftSubject", "draftBody"),
      "call-customer", Set.of("callPlan", "callOutcome", "draftSubject", "draftBody"),
      "status-update", Set.of("caseStanding", "draftSubject", "draftBody"),
      "reach-out-to-tam", Set.of("draftSubject", "draftBody"),
      "review-customer-answer", Set.of("customerAnswer"),
      "prepare-lqr", Set.of("draftSubject", "draftBody"),
      "review-dissatisfied-customer", Set.of("advisorNotes"),
      "read-customer-reply", Set.of("replyAcknowledged"));

  /** Per form: values shown for reading only. */
  static final Map<String, Set<String>> READONLY = Map.of(
      "prepare-fqr", Set.of("caseNumber", "customerName", "preferredChannel", "severity", "problemDescription"),
      "call-customer", Set.of("customerPhone", "customerTimeZone"),
      "reach-out-to-tam", Set.of("tamName", "tamEmail"),
      "review-customer-answer", Set.of("lastReplyText"),
      "review-dissatisfied-customer", Set.of("dissatisfactionReason"),
      "read-customer-reply", Set.of("lastReplyText"));

  /** The outline's points about the draft (the signature is added when the email is sent: no box for it). */
  static final List<String> LQR_OUTLINE = List.of(
      "lqrPersonalName", "lqrGreeting", "lqrPurpose", "lqrCustomerRequest", "lqrWhatWeDid",
      "lqrReopenOnlyIfNeeded", "lqrTipsAndResources", "lqrSurvey", "lqrThanks");

  final ObjectMapper json = new ObjectMapper();

  static Stream<Path> formFiles() throws IOException {
    if (!Files.isDirectory(FORMS)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  static String formId(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".form".length());
  }

  JsonNode read(Path file) throws IOException {
    return json.readTree(file.toFile());
  }

  /** All components, depth first, including those nested in containers. */
  static List<JsonNode> components(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : node.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }

  static Map<String, JsonNode> byKey(JsonNode form) {
    Map<String, JsonNode> keyed = new LinkedHashMap<>();
    for (JsonNode c : components(form)) {
      if (c.hasNonNull("key")) {
        keyed.put(c.get("key").asText(), c);
      }
    }
    return keyed;
  }

  static boolean required(JsonNode c) {
    return c.path("validate").path("required").asBoolean(false);
  }

  static boolean readonly(JsonNode c) {
    return c.path("readonly").asBoolean(false);
  }

  @Test
  void everyFormOfTheLifecycleExists() throws IOException {
    Set<String> present = new HashSet<>();
    formFiles().forEach(p -> present.add(formId(p)));
    assertThat(present).containsAll(EXPECTED_FORMS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void formHeaderMatchesCamunda7(Path file) throws IOException {
    JsonNode form = read(file);
    assertThat(form.path("type").asText()).as("type").isEqualTo("default");
    assertThat(form.path("id").asText()).as("id equals the file name").isEqualTo(formId(file));
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.");
    assertThat(form.path("schemaVersion").isInt()).as("schemaVersion is a number").isTrue();
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, MAX_SCHEMA_VERSION);
    assertThat(form.path("components").isArray()).isTrue();
    assertThat(form.path("components")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void componentsAreRenderableAndUseKnownVariables(Path file) throws IOException {
    JsonNode form = read(file);
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode c : components(form)) {
      String type = c.path("type").asText();
      String id = c.path("id").asText();
      assertThat(id).as("component id in %s", file).isNotBlank();
      assertThat(ids.add(id)).as("component id %s is unique in %s", id, file).isTrue();
      assertThat(FORBIDDEN_TYPES).as("%s: list components need Spin", id).doesNotContain(type);
      assertThat(SUPPORTED_TYPES).as("%s: type %s", id, type).contains(type);

      if (c.has("conditional")) {
        assertThat(c.path("conditional").path("hide").asText()).as("%s: FEEL condition", id).startsWith("=");
      }
      if ("text".equals(type)) {
        assertThat(c.has("key")).as("%s: text has no key", id).isFalse();
        assertThat(c.path("text").asText()).as("%s: text", id).isNotBlank();
        continue;
      }

      String key = c.path("key").asText();
      assertThat(ALLOWED_KEYS).as("%s: key of %s", file, id).contains(key);
      assertThat(keys.add(key)).as("key %s appears once in %s", key, file).isTrue();
      assertThat(id).as("stable id for %s", key).isEqualTo("Field_" + key);

      if ("datetime".equals(type)) {
        assertThat(c.path("dateLabel").asText()).as("%s: date label", id).isNotBlank();
        String subtype = c.path("subtype").asText();
        assertThat(subtype).as("%s: subtype", id).isIn("date", "datetime");
        if ("datetime".equals(subtype)) {
          assertThat(c.path("timeLabel").asText()).as("%s: time label", id).isNotBlank();
          assertThat(c.path("timeSerializingFormat").asText()).as("%s: yyyy-MM-ddTHH:mm", id)
              .isEqualTo("no_timezone");
        }
      } else {
        assertThat(c.path("label").asText()).as("%s: label", id).isNotBlank();
      }

      if ("select".equals(type) || "radio".equals(type)) {
        Set<String> values = new HashSet<>();
        for (JsonNode v : c.path("values")) {
          assertThat(v.path("label").asText()).as("%s: option label", id).isNotBlank();
          values.add(v.path("value").asText());
        }
        // static options, or options from a FEEL expression (the open case form's regions, per country)
        assertThat(!values.isEmpty() || c.path("valuesExpression").asText().startsWith("=")).as("%s: options", id).isTrue();
        if (CHOICES.containsKey(key)) {
          assertThat(values).as("%s: options match the process values", id).isEqualTo(CHOICES.get(key));
        }
      }

      if (readonly(c)) {
        assertThat(required(c)).as("%s: a read-only field cannot be required", id).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void emailFormsShowTheWholeDraft(Path file) throws IOException {
    JsonNode form = read(file);
    Map<String, JsonNode> keyed = byKey(form);
    boolean hasSubject = keyed.containsKey("draftSubject");
    boolean hasBody = keyed.containsKey("draftBody");
    assertThat(hasSubject).as("%s: subject and body go together", file).isEqualTo(hasBody);
    if (!hasSubject) {
      return;
    }
    JsonNode subject = keyed.get("draftSubject");
    JsonNode body = keyed.get("draftBody");
    assertThat(subject.path("type").asText()).isEqualTo("textfield");
    assertThat(body.path("type").asText()).isEqualTo("textarea");
    assertThat(required(subject) && required(body)).as("%s: draft is required", file).isTrue();
    assertThat(readonly(subject) || readonly(body)).as("%s: draft is editable", file).isFalse();
    if (formId(file).equals("call-customer")) {
      // the email part appears only when an email goes (and is required only then: form-js skips hidden fields)
      for (JsonNode part : List.of(subject, body)) {
        assertThat(part.path("conditional").path("hide").asText()).as("%s: %s", file, part.path("id").asText())
            .isEqualTo("=not(firstResponseCall = true or callOutcome = \"VOICEMAIL\" or callOutcome = \"NO_ANSWER\")");
      }
    } else {
      assertThat(subject.has("conditional") || body.has("conditional")).as("%s: draft always visible", file).isFalse();
    }
    assertThat(components(form).stream()
        .filter(c -> "text".equals(c.path("type").asText()))
        .map(c -> c.path("text").asText())
        .anyMatch(t -> t.contains("[[") && t.toLowerCase().contains("signature")))
        .as("%s: a note explains fill-in markers and the automatic signature", file)
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void requiredAndReadonlyFieldsAreMarked(Path file) throws IOException {
    String id = formId(file);
    Map<String, JsonNode> keyed = byKey(read(file));
    for (String key : REQUIRED.getOrDefault(id, Set.of())) {
      assertThat(keyed).as("%s shows %s", id, key).containsKey(key);
      assertThat(required(keyed.get(key))).as("%s: %s required", id, key).isTrue();
      assertThat(readonly(keyed.get(key))).as("%s: %s editable", id, key).isFalse();
    }
    for (String key : READONLY.getOrDefault(id, Set.of())) {
      assertThat(keyed).as("%s shows %s", id, key).containsKey(key);
      assertThat(readonly(keyed.get(key))).as("%s: %s read-only", id, key).isTrue();
    }
  }

  @Test
  void openCaseAsksForTheTamOnlyForPremierCustomers() throws IOException {
    Map<String, JsonNode> keyed = byKey(read(FORMS.resolve("open-case.form")));
    for (String key : List.of("tamName", "tamEmail")) {
      assertThat(keyed.get(key).path("conditional").path("hide").asText())
          .as(key).contains("customerTier").contains("PREMIER");
    }
    assertThat(keyed.values()).noneMatch(FormsTest::readonly);
  }

  @Test
  void statusUpdateShowsDatesOnlyForTheStandingThatNeedsThem() throws IOException {
    Map<String, JsonNode> keyed = byKey(read(FORMS.resolve("status-update.form")));
    JsonNode next = keyed.get("nextUpdateAt");
    assertThat(next.path("subtype").asText()).isEqualTo("datetime");
    assertThat(next.path("conditional").path("hide").asText()).contains("PENDING_INTERNAL_RESEARCH");
    JsonNode followUp = keyed.get("customerFollowUpDate");
    assertThat(followUp.path("subtype").asText()).isEqualTo("date");
    assertThat(followUp.path("conditional").path("hide").asText())
        .contains("PENDING_CUSTOMER_INFORMATION").contains("RESOLUTION_PROVIDED");
  }

  @Test
  void callFormShowsThePhoneRulesAndVoicemailGuidance() throws IOException {
    String texts = String.join("\n", components(read(FORMS.resolve("call-customer.form"))).stream()
        .filter(c -> "text".equals(c.path("type").asText()))
        .map(c -> c.path("text").asText().toLowerCase())
        .toList());
    assertThat(texts).contains("record", "screenshot", "personal data", "password", "voicemail", "phone number");
  }

  @Test
  void reviewCustomerAnswerExplainsTheApprovalRule() throws IOException {
    JsonNode form = read(FORMS.resolve("review-customer-answer.form"));
    Map<String, JsonNode> keyed = byKey(form);
    assertThat(keyed).containsKeys("lastReplyText", "customerAnswer", "approvalBy", "approvalChannel", "approvalNote");
    assertThat(components(form).stream()
        .filter(c -> "text".equals(c.path("type").asText()))
        .map(c -> c.path("text").asText().toLowerCase()))
        .anyMatch(t -> t.contains("approv") && t.contains("server"));
  }

  @Test
  void lqrFormShowsTheDraftFirst_thenTheOutlineItIsCheckedAgainst() throws IOException {
    List<JsonNode> components = components(read(FORMS.resolve("prepare-lqr.form")));
    List<String> order = components.stream().map(c -> c.has("key") ? c.path("key").asText() : c.path("id").asText()).toList();
    List<String> checkboxes = components.stream()
        .filter(c -> "checkbox".equals(c.path("type").asText()))
        .map(c -> c.path("key").asText())
        .toList();
    assertThat(checkboxes).containsExactlyElementsOf(LQR_OUTLINE);
    assertThat(order.indexOf("problemDescription")).as("the problem the LQR sums up, shown before the draft")
        .isBetween(0, order.indexOf("draftBody"));
    assertThat(order.indexOf("draftBody")).as("the draft before the outline").isLessThan(order.indexOf(LQR_OUTLINE.get(0)));
    assertThat(order).as("no box that is not about the draft").doesNotContain("caseTitle", "lqrSignature");
    for (JsonNode checkbox : components.stream().filter(c -> "checkbox".equals(c.path("type").asText())).toList()) {
      assertThat(required(checkbox)).as("%s: a conditional point is no required box", checkbox.path("key").asText())
          .isEqualTo(!checkbox.path("key").asText().equals("lqrReopenOnlyIfNeeded"));
    }
  }

  @Test
  void statusUpdateAsksWhereTheCaseStandsBeforeTheDraft() throws IOException {
    List<String> order = components(read(FORMS.resolve("status-update.form"))).stream()
        .map(c -> c.path("key").asText()).toList();
    assertThat(order.indexOf("caseStanding")).isLessThan(order.indexOf("nextUpdateAt"));
    assertThat(order.indexOf("nextUpdateAt")).isLessThan(order.indexOf("draftBody"));
  }

  @Test
  void everyFormRefInTheBpmnResolvesToADeployedForm() throws Exception {
    if (!Files.isDirectory(BPMN)) {
      return;
    }
    List<Path> models;
    try (Stream<Path> files = Files.list(BPMN)) {
      models = files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path model : models) {
      Document doc = parse(model);
      NodeList all = doc.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
        if (formRef.isEmpty()) {
          continue;
        }
        String where = model.getFileName() + " " + element.getAttribute("id");
        assertThat(FORMS.resolve(formRef + ".form")).as("%s: form %s", where, formRef).isRegularFile();
        assertThat(element.getAttributeNS(CAMUNDA_NS, "formRefBinding"))
            .as("%s: formRefBinding", where).isEqualTo("deployment");
        JsonNode form = read(FORMS.resolve(formRef + ".form"));
        assertThat(form.path("id").asText()).as("%s: form id", where).isEqualTo(formRef);
      }
      // a formRef written without the camunda namespace would be ignored by the engine
      for (int i = 0; i < all.getLength(); i++) {
        NamedNodeMap attributes = all.item(i).getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
          Attr attr = (Attr) attributes.item(a);
          if ("formRef".equals(attr.getLocalName())) {
            assertThat(attr.getNamespaceURI()).as("%s: namespace of formRef", model).isEqualTo(CAMUNDA_NS);
          }
        }
      }
    }
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    try (InputStream in = Files.newInputStream(file)) {
      return builder.parse(in);
    }
  }
}
