package dev.followthrough.mail;

import static dev.followthrough.mail.MailModelFixture.CASE_NUMBER;
import static dev.followthrough.mail.MailModelFixture.CLOSING_DATE;
import static dev.followthrough.mail.MailModelFixture.CUSTOMER_DATE;
import static dev.followthrough.mail.MailModelFixture.CUSTOMER_NAME;
import static dev.followthrough.mail.MailModelFixture.MANAGER_EMAIL;
import static dev.followthrough.mail.MailModelFixture.MANAGER_NAME;
import static dev.followthrough.mail.MailModelFixture.NEXT_UPDATE;
import static dev.followthrough.mail.MailModelFixture.PREVIOUS_EMAIL_DATE;
import static dev.followthrough.mail.MailModelFixture.REASON;
import static dev.followthrough.mail.MailModelFixture.UPDATE_DUE;
import static dev.followthrough.mail.MailModelFixture.full;
import static dev.followthrough.mail.MailModelFixture.minimal;
import static dev.followthrough.mail.MailModelFixture.nested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

  /** Drafts the engineer edits before sending: they must carry at least one [[...]] marker. */
  private static final Set<String> REVIEWED =
      Set.of(
          "first-quality-response",
          "status-update",
          "voicemail-follow-up",
          "lqr-resolved",
          "lqr-resolved-by-customer",
          "tam-outreach");

  /** Emails to people other than the customer. */
  private static final Set<String> NOT_TO_CUSTOMER =
      Set.of("tam-outreach", "internal-escalation", "update-overdue", "first-response-at-risk",
          "first-response-missed");

  private final MailTemplates templates = new MailTemplates(null);

  static Stream<String> names() {
    return MailTemplates.names().stream();
  }

  @Test
  void shipsTheTemplatesOfTheLifecycle() {
    assertThat(MailTemplates.names())
        .containsExactly(
            "first-quality-response",
            "status-update",
            "pending-information-reminder",
            "voicemail-follow-up",
            "solution-check-in",
            "strike-1",
            "strike-2",
            "strike-3",
            "unresponsive-closure",
            "lqr-resolved",
            "lqr-resolved-by-customer",
            "tam-outreach",
            "internal-escalation",
            "update-overdue",
            "first-response-at-risk",
            "first-response-missed");
    for (String name : MailTemplates.names()) {
      assertThat(getClass().getClassLoader().getResource("templates/mail/" + name + ".vm"))
          .as(name)
          .isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void rendersWithTheFullModel(String name) {
    RenderedDraft draft = templates.render(name, full());

    assertThat(draft.subject()).contains(CASE_NUMBER).doesNotContain("\n", "\r", "$");
    assertThat(draft.body())
        .doesNotContain("$", "${", "#set", "#if", "#end")
        .doesNotStartWith("\n")
        .isEqualTo(draft.body().strip());
    assertThat(draft.body().lines().reduce((a, b) -> b).orElseThrow())
        .as("ends with a sign-off; the sender appends the signature")
        .isEqualTo("Kind regards,");
    if (REVIEWED.contains(name)) {
      assertThat(draft.body()).as("reviewed draft has fill-in markers").contains("[[", "]]");
    } else {
      assertThat(draft.body()).as("automatic email has no markers").doesNotContain("[[", "]]");
    }
    if (!NOT_TO_CUSTOMER.contains(name)) {
      assertThat(draft.body()).startsWith("Hello " + CUSTOMER_NAME + ",\n");
    }
  }

  /** Optional values absent (strike-3 always gets its closing date, the TAM email its TAM). */
  @ParameterizedTest
  @MethodSource("names")
  void rendersWithoutOptionalValues(String name) {
    Map<String, Object> model = minimal();
    if (name.equals("strike-3")) {
      model.put("closingDate", CLOSING_DATE);
    }
    if (name.equals("tam-outreach")) {
      nested(model, "customer").put("tamName", "Taylor Account");
    }
    RenderedDraft draft = templates.render(name, model);

    assertThat(draft.subject()).contains(CASE_NUMBER);
    assertThat(draft.body()).doesNotContain("$", "\n\n\n");
  }

  static Stream<Arguments> optionalValues() {
    return Stream.of(
        Arguments.of("status-update", "nextUpdate", NEXT_UPDATE),
        Arguments.of("pending-information-reminder", "customerDate", CUSTOMER_DATE),
        Arguments.of("strike-1", "previousEmailDate", PREVIOUS_EMAIL_DATE),
        Arguments.of("internal-escalation", "dissatisfactionReason", REASON),
        Arguments.of("update-overdue", "updateDue", UPDATE_DUE));
  }

  @ParameterizedTest(name = "{0} mentions {1} only when given")
  @MethodSource("optionalValues")
  void optionalValueAppearsOnlyWhenGiven(String name, String key, String value) {
    Map<String, Object> with = minimal();
    with.put(key, value);

    assertThat(templates.render(name, with).body()).contains(value);
    assertThat(templates.render(name, minimal()).body()).doesNotContain(value);
  }

  @Test
  void statusUpdateSaysWhenTheNextUpdateComes() {
    Map<String, Object> model = minimal();
    model.put("nextUpdate", NEXT_UPDATE);

    assertThat(templates.render("status-update", model).body())
        .contains("by " + NEXT_UPDATE)
        .contains("[[");
  }

  @Test
  void strikeThreeNamesTheClosingDateAndHowToComeBack() {
    Map<String, Object> model = minimal();
    model.put("closingDate", CLOSING_DATE);

    RenderedDraft draft = templates.render("strike-3", model);

    assertThat(draft.subject()).contains(CLOSING_DATE);
    assertThat(draft.body())
        .contains("close case " + CASE_NUMBER + " on " + CLOSING_DATE)
        .contains("before that date")
        .contains("mention case number " + CASE_NUMBER);
  }

  @Test
  void strikeThreeWithoutClosingDateFailsClosed() {
    assertThatThrownBy(() -> templates.render("strike-3", minimal()))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("strike-3")
        .hasMessageContaining("$closingDate");
  }

  @Test
  void strikeTwoAsksForAvailabilityAndPermissionToClose() {
    assertThat(templates.render("strike-2", minimal()).body())
        .contains("when suits you")
        .contains("may I close the case?");
  }

  @Test
  void unresponsiveClosureSaysClosedAndNamesTheManager() {
    RenderedDraft draft = templates.render("unresponsive-closure", minimal());

    assertThat(draft.subject()).contains("closed");
    assertThat(draft.body())
        .contains("case " + CASE_NUMBER + " is now closed")
        .contains(MANAGER_NAME)
        .contains(MANAGER_EMAIL);
  }

  @Test
  void voicemailFollowUpSaysWhatHappenedOnTheCall() {
    Map<String, Object> voicemail = minimal();
    voicemail.put("callOutcome", "VOICEMAIL");
    Map<String, Object> noAnswer = minimal();
    noAnswer.put("callOutcome", "NO_ANSWER");

    assertThat(templates.render("voicemail-follow-up", voicemail).body())
        .contains("left you a voicemail")
        .doesNotContain("could not reach you");
    assertThat(templates.render("voicemail-follow-up", noAnswer).body())
        .contains("could not reach you")
        .doesNotContain("voicemail");
    assertThat(templates.render("voicemail-follow-up", minimal()).body())
        .contains("tried to reach you by phone")
        .contains("+44 20 7946 0000");
  }

  @Test
  void solutionCheckInCountsDailyCheckInsOrMentionsTheCall() {
    Map<String, Object> daily = minimal();
    daily.put("followUpNumber", 2);
    daily.put("followUpCount", 3);

    assertThat(templates.render("solution-check-in", daily).body())
        .contains("check-in 2 of 3")
        .doesNotContain("by phone");
    assertThat(templates.render("solution-check-in", minimal()).body())
        .contains("by phone")
        .contains("whether it works");
  }

  @Test
  void firstQualityResponseIsPersonalOwnedAndAsksForProgress() {
    String body = templates.render("first-quality-response", minimal()).body();

    assertThat(body)
        .startsWith("Hello " + CUSTOMER_NAME + ",")
        .contains("Casey Engineer")
        .contains("own your case " + CASE_NUMBER)
        .contains("\"After the upgrade every login fails with HTTP 500.\"")
        .contains("correct me")
        .contains("[[Progress:");
  }

  @Test
  void lastQualityResponseFollowsTheOutline() {
    String body = templates.render("lqr-resolved", minimal()).body();

    assertThat(body)
        .contains("close case " + CASE_NUMBER)
        .contains("What you asked us:")
        .contains("What we did and the resolution:")
        .contains("Tips and resources:")
        .contains("survey from Followthrough Support")
        .contains("Thank you")
        .doesNotContainIgnoringCase("reopen");
    assertThat(templates.render("lqr-resolved-by-customer", minimal()).body())
        .contains("what you changed")
        .contains("survey");
  }

  @Test
  void tamOutreachAddressesTheTamAndNeedsOne() {
    Map<String, Object> model = full();
    RenderedDraft draft = templates.render("tam-outreach", model);
    assertThat(draft.body()).startsWith("Hello Taylor Account,").contains(CUSTOMER_NAME);

    assertThatThrownBy(() -> templates.render("tam-outreach", minimal()))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("tam-outreach")
        .hasMessageContaining("$customer.tamName");
  }

  @Test
  void internalEscalationCarriesTheCaseFacts() {
    RenderedDraft premier = templates.render("internal-escalation", full());
    assertThat(premier.body())
        .contains(REASON)
        .contains("Severity: A")
        .contains("premier")
        .contains("Technical Account Manager: Taylor Account")
        .contains("recovery call");

    assertThat(templates.render("internal-escalation", minimal()).body())
        .doesNotContain("premier")
        .doesNotContain("Technical Account Manager");
  }

  @Test
  void updateOverdueGoesToTheManager() {
    Map<String, Object> model = minimal();
    model.put("updateDue", UPDATE_DUE);

    RenderedDraft draft = templates.render("update-overdue", model);
    assertThat(draft.subject()).contains(CASE_NUMBER).contains("overdue");
    assertThat(draft.body()).startsWith("Hello " + MANAGER_NAME + ",").contains(UPDATE_DUE);
  }

  // --- customer text is data, never template code (R20) ---------------------------------------

  private static final String HOSTILE =
      "#set($x = 1) ${engineer.email} $case.number #evaluate(\"x\")";

  @ParameterizedTest
  @ValueSource(strings = {"first-quality-response", "internal-escalation"})
  void customerTextIsInsertedVerbatimNotEvaluated(String name) {
    Map<String, Object> model = full();
    nested(model, "case").put("problemDescription", HOSTILE);

    String body = templates.render(name, model).body();

    assertThat(body).contains(HOSTILE).doesNotContain("casey@followthrough.example 2611");
  }

  @Test
  void customerTextInTheSubjectIsNotEvaluatedEither() {
    Map<String, Object> model = minimal();
    nested(model, "case").put("title", "Costs $engineer.email #set($a = 1) ${case.number}");

    assertThat(templates.render("status-update", model).subject())
        .isEqualTo("Case " + CASE_NUMBER + ": Costs $engineer.email #set($a = 1) ${case.number}");
  }

  @Test
  void unicodeSurvivesRendering() {
    Map<String, Object> model = minimal();
    nested(model, "customer").put("name", "Zoë Ørsted-Łukasz");
    nested(model, "case").put("problemDescription", "Fehler: Übertragung fehlgeschlagen – 東京");

    String body = templates.render("first-quality-response", model).body();
    assertThat(body)
        .startsWith("Hello Zoë Ørsted-Łukasz,")
        .contains("Fehler: Übertragung fehlgeschlagen – 東京");
  }

  // --- fail closed --------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("names")
  void missingCustomerFailsNamingTheTemplate(String name) {
    Map<String, Object> model = full();
    model.remove("customer");

    assertThatThrownBy(() -> templates.render(name, model))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("$customer")
        .satisfies(e -> assertThat(((TemplateRenderingException) e).getTemplateName()).isEqualTo(name));
  }

  @Test
  void missingNestedValueFailsNamingTheReference() {
    Map<String, Object> model = minimal();
    nested(model, "engineer").remove("managerEmail");

    assertThatThrownBy(() -> templates.render("unresponsive-closure", model))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("unresponsive-closure")
        .hasMessageContaining("$engineer.managerEmail");
  }

  @Test
  void nullValueFailsLikeAMissingOne() {
    Map<String, Object> model = minimal();
    nested(model, "customer").put("name", null);

    assertThatThrownBy(() -> templates.render("strike-1", model))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("$customer.name");
  }

  @Test
  void subjectWithALineBreakIsRefused() {
    Map<String, Object> model = minimal();
    nested(model, "case").put("title", "Login fails\r\nBcc: someone@example.org");

    assertThatThrownBy(() -> templates.render("status-update", model))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("status-update")
        .hasMessageContaining("line break");
  }

  @Test
  void badNamesAndModelsAreRefused() {
    assertThatThrownBy(() -> templates.render("../../etc/passwd", minimal()))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("not valid");
    assertThatThrownBy(() -> templates.render("no-such-template", minimal()))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("no-such-template")
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> templates.render("strike-1", null))
        .isInstanceOf(TemplateRenderingException.class)
        .hasMessageContaining("strike-1");
  }

  @Test
  void renderingLeavesTheCallersModelUntouched() {
    Map<String, Object> model = full();
    Map<String, Object> before = new HashMap<>(model);

    templates.render("status-update", model);

    assertThat(model).isEqualTo(before).doesNotContainKey("subject");
  }

  // --- overrides ----------------------------------------------------------------------------

  @Nested
  class WithOverrideDirectory {

    @TempDir Path dir;

    private void write(String name, String text) throws IOException {
      Files.writeString(dir.resolve(name + ".vm"), text, StandardCharsets.UTF_8);
    }

    @Test
    void overrideWinsOverTheBundledTemplate() throws IOException {
      write("strike-1", "#set($subject = \"Reminder for $case.number\")\nHi $customer.name, local wording.\n");

      RenderedDraft draft = new MailTemplates(dir).render("strike-1", minimal());

      assertThat(draft.subject()).isEqualTo("Reminder for " + CASE_NUMBER);
      assertThat(draft.body()).isEqualTo("Hi " + CUSTOMER_NAME + ", local wording.");
      assertThat(new MailTemplates(dir).render("strike-2", minimal()).body())
          .as("templates without an override still come from the classpath")
          .contains("may I close the case?");
    }

    @Test
    void overrideWrittenLaterIsPickedUpWithoutARestart() throws IOException {
      MailTemplates running = new MailTemplates(dir);
      assertThat(running.render("strike-1", minimal()).body()).contains("following up");

      write("strike-1", "#set($subject = \"Case $case.number\")\nChanged wording.\n");

      assertThat(running.render("strike-1", minimal()).body()).isEqualTo("Changed wording.");
    }

    @Test
    void missingOverrideDirectoryFallsBackToTheClasspath() {
      MailTemplates fallback = new MailTemplates(dir.resolve("does-not-exist"));
      assertThat(fallback.render("strike-1", minimal()).body()).contains("following up");
      assertThatCode(fallback::verifyAll).doesNotThrowAnyException();
    }

    static Stream<String> reflectionAttempts() {
      return Stream.of(
          "$case.getClass().forName(\"java.lang.Runtime\")",
          "$case.class.forName(\"java.lang.Runtime\")",
          "$case.getClass().forName(\"java.lang.Runtime\").getRuntime().exec(\"true\")",
          "#set($c = $case.number.getClass().forName(\"java.lang.Runtime\"))$c",
          "$case.getClass().getMethods()");
    }

    @ParameterizedTest
    @MethodSource("reflectionAttempts")
    void secureIntrospectorBlocksReflection(String attack) throws IOException {
      write("strike-1", "#set($subject = \"Case $case.number\")\nHello $customer.name " + attack + "\n");
      MailTemplates overridden = new MailTemplates(dir);

      String outcome;
      try {
        outcome = overridden.render("strike-1", minimal()).body();
      } catch (TemplateRenderingException e) {
        outcome = "refused: " + e.getMessage();
        assertThat(e.getMessage()).contains("strike-1");
      }
      assertThat(outcome)
          .doesNotContain("class java.lang.Runtime")
          .doesNotContain("java.lang.Runtime@")
          .doesNotContain("java.lang.ProcessImpl")
          .doesNotContain("Process[")
          .doesNotContain("reflect.Method");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "#evaluate($case.problemDescription)",
          "#define($block)$case.problemDescription#end$block",
          "#parse(\"strike-2.vm\")",
          "#include(\"strike-2.vm\")"
        })
    void directivesThatCouldEvaluateDataOrPullInFilesAreRefused(String directive)
        throws IOException {
      write("strike-1", "#set($subject = \"Case $case.number\")\nHello " + directive + "\n");

      assertThatThrownBy(() -> new MailTemplates(dir).render("strike-1", minimal()))
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining("strike-1")
          .hasMessageContaining("may not use");
    }

    static Stream<Arguments> brokenOverrides() {
      return Stream.of(
          Arguments.of("#set($subject = \"Case $case.number\")\n#if($nextUpdate\nHello\n", "strike-1"),
          Arguments.of("#set($subject = \"Case $case.number\")\n#if($nextUpdate)\nHello\n", "strike-1"),
          Arguments.of("Hello $customer.name, no subject here.\n", "does not set $subject"),
          Arguments.of("#set($subject = \"Case $case.number\")\nHello $customer.nmae\n", "$customer.nmae"),
          Arguments.of("#set($subject = \"A reminder\")\nHello\n", "case number"),
          Arguments.of("#set($subject = \"  \")\nHello\n", "subject is empty"),
          Arguments.of("#set($subject = \"Case $case.number\")\nHello \\$customer.name\n", "not replaced"),
          Arguments.of("#set($subject = \"Case $case.number\")\n#[[Hello $customer.name]]#\n", "not replaced"));
    }

    @ParameterizedTest
    @MethodSource("brokenOverrides")
    void verifyAllReportsABrokenOverrideNamingTheFile(String text, String expected)
        throws IOException {
      write("strike-1", text);
      MailTemplates overridden = new MailTemplates(dir);

      assertThatThrownBy(overridden::verifyAll)
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining(dir.resolve("strike-1.vm").toString())
          .hasMessageContaining(expected)
          .satisfies(e -> assertThat(((TemplateRenderingException) e).getTemplateName()).isEqualTo("strike-1"));
    }

    @Test
    void verifyAllReportsAnUnclosedIfWithTheVelocityError() throws IOException {
      write("status-update", "#set($subject = \"Case $case.number\")\n#if($nextUpdate)\nBy $nextUpdate.\n");

      assertThatThrownBy(new MailTemplates(dir)::verifyAll)
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining("status-update.vm")
          .hasMessageContaining("cannot be parsed");
    }

    @Test
    void verifyAllReportsEveryProblemAtOnce() throws IOException {
      write("strike-1", "#if(\n");
      write("strike-2", "no subject\n");
      write("stirke-3", "#set($subject = \"Case $case.number\")\nHello\n");

      assertThatThrownBy(new MailTemplates(dir)::verifyAll)
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining("3 problem(s)")
          .hasMessageContaining("strike-1.vm")
          .hasMessageContaining("strike-2.vm")
          .hasMessageContaining("stirke-3.vm")
          .hasMessageContaining("not a template this product uses");
    }

    @Test
    void verifyAllAcceptsAGoodOverride() throws IOException {
      write(
          "status-update",
          "#set($subject = \"Case $case.number: $case.title\")\nHello $customer.name,\n\n"
              + "[[Status]]\n#if($nextUpdate)\nNext update: $nextUpdate\n#end\n\nKind regards,\n");

      assertThatCode(new MailTemplates(dir)::verifyAll).doesNotThrowAnyException();
    }
  }

  @Test
  void bundledTemplatesPassVerification() {
    assertThatCode(templates::verifyAll).doesNotThrowAnyException();
  }

  // --- body normalisation -------------------------------------------------------------------

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("\n\n  \nHello,\n\nText  \n\n\n\nKind regards,\n\n", "Hello,\n\nText\n\nKind regards,"),
        Arguments.of("Hello,\r\nText\r\n", "Hello,\nText"),
        Arguments.of("   Indented first line\n", "   Indented first line"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void bodyIsTrimmed(String raw, String expected) {
    assertThat(MailTemplates.normaliseBody(raw)).isEqualTo(expected);
  }

  @Test
  void sampleModelRendersEveryTemplate() {
    for (String name : MailTemplates.names()) {
      assertThat(templates.render(name, MailTemplates.sampleModel()).subject()).contains("2611270000123");
    }
  }
}
