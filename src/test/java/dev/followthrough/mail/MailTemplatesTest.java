package dev.followthrough.mail;

import static dev.followthrough.mail.MailModelFixture.CASE_NUMBER;
import static dev.followthrough.mail.MailModelFixture.CLOSING_DATE;
import static dev.followthrough.mail.MailModelFixture.CLOSING_DATE_EN;
import static dev.followthrough.mail.MailModelFixture.CUSTOMER_DATE;
import static dev.followthrough.mail.MailModelFixture.CUSTOMER_DATE_EN;
import static dev.followthrough.mail.MailModelFixture.CUSTOMER_NAME;
import static dev.followthrough.mail.MailModelFixture.MANAGER_EMAIL;
import static dev.followthrough.mail.MailModelFixture.MANAGER_NAME;
import static dev.followthrough.mail.MailModelFixture.NEXT_UPDATE;
import static dev.followthrough.mail.MailModelFixture.NEXT_UPDATE_EN;
import static dev.followthrough.mail.MailModelFixture.PREVIOUS_EMAIL_DATE;
import static dev.followthrough.mail.MailModelFixture.PREVIOUS_EMAIL_DATE_EN;
import static dev.followthrough.mail.MailModelFixture.REASON;
import static dev.followthrough.mail.MailModelFixture.UPDATE_DUE;
import static dev.followthrough.mail.MailModelFixture.UPDATE_DUE_EN;
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
import java.util.concurrent.atomic.AtomicInteger;
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
      for (String language : MailTemplates.BUNDLED_LANGUAGES) {
        boolean written = language.equals("en") || !NOT_TO_CUSTOMER.contains(name);
        assertThat(getClass().getClassLoader().getResource("templates/mail/" + language + "/" + name + ".vm"))
            .as(language + "/" + name + (written ? " is written" : ": internal emails are English only"))
            .matches(url -> (url != null) == written);
      }
    }
    assertThat(MailTemplates.internalNames()).containsExactlyInAnyOrderElementsOf(NOT_TO_CUSTOMER);
  }

  /** Internal emails are the ones that do not go to the customer: the lifecycle and the templates agree. */
  @Test
  void theInternalTemplatesAreTheEmailsToOurOwnPeople() {
    for (EmailKind kind : EmailKind.values()) {
      if (kind.template() != null) {
        assertThat(MailTemplates.internalNames().contains(kind.template()))
            .as(kind.id()).isEqualTo(kind.audience() != Audience.CUSTOMER);
      }
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
        Arguments.of("status-update", "nextUpdate", NEXT_UPDATE, NEXT_UPDATE_EN),
        Arguments.of("pending-information-reminder", "customerDate", CUSTOMER_DATE, CUSTOMER_DATE_EN),
        Arguments.of("strike-1", "previousEmailDate", PREVIOUS_EMAIL_DATE, PREVIOUS_EMAIL_DATE_EN),
        Arguments.of("internal-escalation", "dissatisfactionReason", REASON, REASON),
        Arguments.of("update-overdue", "updateDue", UPDATE_DUE, UPDATE_DUE_EN));
  }

  @ParameterizedTest(name = "{0} mentions {1} only when given")
  @MethodSource("optionalValues")
  void optionalValueAppearsOnlyWhenGiven(String name, String key, Object value, String written) {
    Map<String, Object> with = minimal();
    with.put(key, value);

    assertThat(templates.render(name, with).body()).contains(written);
    assertThat(templates.render(name, minimal()).body()).doesNotContain(written);
  }

  @Test
  void statusUpdateSaysWhenTheNextUpdateComes() {
    Map<String, Object> model = minimal();
    model.put("nextUpdate", NEXT_UPDATE);

    assertThat(templates.render("status-update", model).body())
        .contains("by " + NEXT_UPDATE_EN)
        .contains("[[");
  }

  @Test
  void strikeThreeNamesTheClosingDateAndHowToComeBack() {
    Map<String, Object> model = minimal();
    model.put("closingDate", CLOSING_DATE);

    RenderedDraft draft = templates.render("strike-3", model);

    assertThat(draft.subject()).contains(CLOSING_DATE_EN);
    assertThat(draft.body())
        .contains("close case " + CASE_NUMBER + " on " + CLOSING_DATE_EN)
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
        .contains("How did we do? One click on a number rates the support you had on this case, from 1 (poor) to 5")
        .contains("1: " + MailModelFixture.SURVEY_URL + "1")
        .contains("5: " + MailModelFixture.SURVEY_URL + "5")
        .contains("Thank you")
        .doesNotContainIgnoringCase("reopen");
    assertThat(templates.render("lqr-resolved-by-customer", minimal()).body())
        .contains("what you changed")
        .contains("3: " + MailModelFixture.SURVEY_URL + "3");
    Map<String, Object> noSurvey = minimal();
    noSurvey.put("survey", Map.of("lowest", 1, "highest", 5, "links", java.util.List.of()));
    assertThat(templates.render("lqr-resolved", noSurvey).body()).as("without a configured survey")
        .contains("survey from Followthrough Support").doesNotContain("rating=");
  }

  /** Signing the survey's links costs: only a template that reads them gets them worked out. */
  @Test
  void aPartOfTheModelGivenWhenReadIsWorkedOutOnlyByATemplateThatReadsIt() {
    AtomicInteger signed = new AtomicInteger();
    @SuppressWarnings("unchecked")
    Map<String, ?> survey = (Map<String, ?>) minimal().get("survey");
    Map<String, Object> model = minimal();
    model.put("survey", MailTemplates.whenRead(() -> {
      signed.incrementAndGet();
      return survey;
    }));

    templates.render("strike-1", model);
    assertThat(signed).as("strike 1 has no survey").hasValue(0);

    assertThat(templates.render("lqr-resolved", model).body()).contains("5: " + MailModelFixture.SURVEY_URL + "5");
    assertThat(signed).as("worked out once for the LQR, however often the template reads it").hasValue(1);
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
    assertThat(draft.body()).startsWith("Hello " + MANAGER_NAME + ",").contains(UPDATE_DUE_EN);
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

  // --- customer text is data in every language (R20) ----------------------------------------

  static final String PLACEHOLDER_TITLE = "Could not resolve placeholder ${db.url} in $HOME/#config";
  static final String VELOCITY_DESCRIPTION =
      "Start-up fails: ${db.url} is unset, and so is $!x.\n#set($a = 1) #if broken\n## not a comment\n"
          + "#* not a block *# $case.number ${engineer.email} [[keep]]";

  static Stream<Arguments> customerTemplatesInEachLanguage() {
    return MailTemplates.names().stream().filter(name -> !NOT_TO_CUSTOMER.contains(name))
        .flatMap(name -> MailTemplates.BUNDLED_LANGUAGES.stream().map(language -> Arguments.of(name, language)));
  }

  @ParameterizedTest(name = "{1}/{0}: the title and description go out verbatim")
  @MethodSource("customerTemplatesInEachLanguage")
  void customerTextThatLooksLikeTemplateCodeIsSentVerbatim(String name, String language) {
    Map<String, Object> model = full();
    nested(model, "case").put("title", PLACEHOLDER_TITLE);
    nested(model, "case").put("problemDescription", VELOCITY_DESCRIPTION);

    RenderedDraft draft = templates.render(name, language, model);

    assertThat(draft.subject()).contains(CASE_NUMBER).contains(PLACEHOLDER_TITLE);
    if (name.equals("first-quality-response")) {
      assertThat(draft.body()).contains(VELOCITY_DESCRIPTION).doesNotContain("casey@followthrough.example");
    }
    CustomerText customerText = CustomerText.of(PLACEHOLDER_TITLE, VELOCITY_DESCRIPTION);
    assertThat(DraftRules.problems(draft.subject(), draft.body(), customerText))
        .as("the draft check takes the customer's text for data")
        .isEqualTo(REVIEWED.contains(name)
            ? java.util.List.of("draftBody: replace the [[...]] placeholders with your own words")
            : java.util.List.of());
  }

  // --- languages (R30) ----------------------------------------------------------------------

  private static final Map<String, String> GREETING = Map.of("en", "Hello ", "de", "Guten Tag ", "fr", "Bonjour ");
  private static final Map<String, String> SIGN_OFF = Map.of("en", "Kind regards,", "de", "Freundliche Grüße", "fr", "Cordialement,");
  /** Words that give away English inside a German or French email. */
  private static final java.util.List<String> ENGLISH =
      java.util.List.of("Monday", "Tuesday", "Friday", "December", " case ", "Hello", "Kind regards", " at 14:00");

  @ParameterizedTest(name = "{1}/{0}")
  @MethodSource("customerTemplatesInEachLanguage")
  void everyCustomerTemplateIsWrittenInEachLanguage(String name, String language) {
    RenderedDraft draft = templates.render(name, language, full());

    assertThat(draft.subject()).contains(CASE_NUMBER).doesNotContain("$", "#");
    assertThat(draft.body())
        .doesNotContain("$", "${", "#set", "#if", "#end", "##")
        .startsWith(GREETING.get(language) + CUSTOMER_NAME + ",\n");
    assertThat(draft.body().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo(SIGN_OFF.get(language));
    assertThat(draft.body().contains("[[")).as("fill-in markers only in reviewed drafts").isEqualTo(REVIEWED.contains(name));
    if (!language.equals("en")) {
      assertThat(draft.subject() + "\n" + draft.body()).doesNotContain(ENGLISH);
    }
  }

  @ParameterizedTest(name = "{1}/{0} uses the values the English one uses")
  @MethodSource("customerTemplatesInEachLanguage")
  void everyLanguageUsesTheSameValues(String name, String language) throws IOException {
    assertThat(references(language, name)).isEqualTo(references("en", name));
  }

  private static Set<String> references(String language, String name) throws IOException {
    try (var in = MailTemplatesTest.class.getClassLoader()
        .getResourceAsStream("templates/mail/" + language + "/" + name + ".vm")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^##.*$", "");
      java.util.regex.Matcher reference = java.util.regex.Pattern.compile("\\$!?\\{?([A-Za-z][\\w.]*[\\w])").matcher(text);
      Set<String> found = new java.util.TreeSet<>();
      while (reference.find()) {
        found.add(reference.group(1));
      }
      return found;
    }
  }

  static Stream<Arguments> datesInEachLanguage() {
    return Stream.of(
        Arguments.of("en", "strike-3", "close case " + CASE_NUMBER + " on Monday, 14 December 2026."),
        Arguments.of("de", "strike-3", "werde ich Fall " + CASE_NUMBER + " am Montag, 14. Dezember 2026 schließen."),
        Arguments.of("fr", "strike-3", "je clôturerai le dossier " + CASE_NUMBER + " le lundi 14 décembre 2026."),
        Arguments.of("en", "strike-1", "my email of Tuesday, 1 December 2026 about"),
        Arguments.of("de", "strike-1", "meiner E-Mail vom Dienstag, 1. Dezember 2026 zu"),
        Arguments.of("fr", "strike-1", "mon e-mail du mardi 1er décembre 2026 concernant"),
        Arguments.of("en", "pending-information-reminder", "around Friday, 27 November 2026,"),
        Arguments.of("de", "pending-information-reminder", "bis Freitag, 27. November 2026 bei uns"),
        Arguments.of("fr", "pending-information-reminder", "aux alentours du vendredi 27 novembre 2026 ;"),
        Arguments.of("en", "status-update", "by Friday, 27 November 2026 at 14:00 CET, sooner"),
        Arguments.of("de", "status-update", "am Freitag, 27. November 2026 um 14:00 Uhr MEZ wieder"),
        Arguments.of("fr", "status-update", "le vendredi 27 novembre 2026 à 14 h 00 CET, et plus tôt"));
  }

  @ParameterizedTest(name = "{0}/{1}: {2}")
  @MethodSource("datesInEachLanguage")
  void datesAreWrittenInTheTemplatesLanguage(String language, String name, String expected) {
    assertThat(templates.render(name, language, full()).body()).contains(expected);
  }

  @Test
  void theSubjectOfStrikeThreeNamesTheClosingDateInTheCustomersLanguage() {
    assertThat(templates.render("strike-3", "de", full()).subject())
        .isEqualTo("Fall " + CASE_NUMBER + ": Login page returns error 500 - Schließung am Montag, 14. Dezember 2026");
    assertThat(templates.render("strike-3", "fr", full()).subject())
        .isEqualTo("Dossier " + CASE_NUMBER + " : Login page returns error 500 - clôture le lundi 14 décembre 2026");
  }

  @ParameterizedTest(name = "[{0}] reads {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = ';',
      nullValues = "null",
      textBlock = """
          de-AT    ; [de-AT, de, en]
          de       ; [de, en]
          fr_CA    ; [fr-CA, fr, en]
          FR-ca    ; [fr-CA, fr, en]
          en-US    ; [en-US, en]
          en       ; [en]
          it       ; [it, en]
          es-419   ; [es-419, es, en]
          null     ; [en]
          '  '     ; [en]
          ../etc   ; [en]
          """)
  void theLanguageChainEndsInEnglish(String tag, String chain) {
    assertThat(MailTemplates.languageChain(tag).toString()).isEqualTo(chain);
  }

  @Test
  void aRegionalLanguageFallsBackToItsLanguageWithTheRegionsDates() {
    Map<String, Object> model = minimal();
    model.put("previousEmailDate", java.time.LocalDate.of(2027, 1, 4));

    assertThat(templates.render("strike-1", "de-AT", model).body())
        .startsWith("Guten Tag " + CUSTOMER_NAME + ",")
        .contains("vom Montag, 4. Jänner 2027");
    assertThat(templates.render("strike-1", "de", model).body()).contains("vom Montag, 4. Januar 2027");
    assertThat(templates.render("strike-1", "fr-CA", model).body()).contains("du lundi 4 janvier 2027");
    assertThat(templates.render("strike-1", "en-US", model).body()).contains("of Monday, January 4, 2027 about");
  }

  @Test
  void aLanguageWithoutTemplatesGetsEnglishWithEnglishDates() {
    Map<String, Object> model = minimal();
    model.put("closingDate", CLOSING_DATE);

    RenderedDraft italian = templates.render("strike-3", "it", model);

    assertThat(italian.body()).startsWith("Hello " + CUSTOMER_NAME).contains("on Monday, 14 December 2026");
    assertThat(templates.render("strike-3", null, model)).isEqualTo(templates.render("strike-3", "en", model));
  }

  static Stream<Arguments> layoutWords() {
    return Stream.of(
        Arguments.of("en", "Case", "Email", "Phone", "Working hours", "Manager", "My next update will reach you by Friday, 27 November 2026 at 14:00 CET."),
        Arguments.of("de", "Fall", "E-Mail", "Telefon", "Arbeitszeiten", "Teamleitung",
            "Meine nächste Rückmeldung erhalten Sie bis Freitag, 27. November 2026 um 14:00 Uhr MEZ."),
        Arguments.of("de-AT", "Fall", "E-Mail", "Telefon", "Arbeitszeiten", "Teamleitung",
            "Meine nächste Rückmeldung erhalten Sie bis Freitag, 27. November 2026 um 14:00 Uhr MEZ."),
        Arguments.of("fr-CA", "Dossier", "E-mail", "Téléphone", "Horaires", "Responsable",
            "Je vous donnerai des nouvelles au plus tard le vendredi 27 novembre 2026 à 14 h 00 CET."),
        Arguments.of("it", "Case", "Email", "Phone", "Working hours", "Manager", "My next update will reach you by Friday, 27 November 2026 at 14:00 CET."));
  }

  @ParameterizedTest(name = "[{0}] layout words")
  @MethodSource("layoutWords")
  void theFixedWordsFollowTheLanguage(String tag, String caseWord, String email, String phone, String hours,
                                      String manager, String nextUpdate) {
    MailLanguage words = templates.language(tag);

    assertThat(words.caseWord()).isEqualTo(caseWord);
    assertThat(words.emailLabel()).isEqualTo(email);
    assertThat(words.phoneLabel()).isEqualTo(phone);
    assertThat(words.workingHoursLabel()).isEqualTo(hours);
    assertThat(words.managerLabel()).isEqualTo(manager);
    assertThat(words.nextUpdate(NEXT_UPDATE)).isEqualTo(nextUpdate);
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
      write("en", name, text);
    }

    private void write(String language, String name, String text) throws IOException {
      Files.createDirectories(dir.resolve(language));
      Files.writeString(dir.resolve(language).resolve(name + ".vm"), text, StandardCharsets.UTF_8);
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
          .hasMessageContaining(dir.resolve("en").resolve("strike-1.vm").toString())
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
    void anOverrideInOneLanguageLeavesTheOthersAlone() throws IOException {
      write("de", "strike-1", "#set($subject = \"Fall $case.number\")\nHallo $customer.name, eigene Worte seit $previousEmailDate.\n");
      MailTemplates overridden = new MailTemplates(dir);
      Map<String, Object> model = minimal();
      model.put("previousEmailDate", PREVIOUS_EMAIL_DATE);

      assertThat(overridden.render("strike-1", "de", model).body())
          .isEqualTo("Hallo " + CUSTOMER_NAME + ", eigene Worte seit Dienstag, 1. Dezember 2026.");
      assertThat(overridden.render("strike-1", "de-AT", model).body()).as("de-AT falls back to the German override")
          .startsWith("Hallo ");
      assertThat(overridden.render("strike-1", "en", model)).isEqualTo(templates.render("strike-1", "en", model));
      assertThat(overridden.render("strike-1", "fr", model)).isEqualTo(templates.render("strike-1", "fr", model));
      assertThat(overridden.render("strike-2", "de", model)).isEqualTo(templates.render("strike-2", "de", model));
      assertThatCode(overridden::verifyAll).doesNotThrowAnyException();
    }

    @Test
    void anOverrideCanAddALanguage() throws IOException {
      write("it", "strike-2", "#set($subject = \"Caso $case.number\")\nBuongiorno $customer.name.\n");

      MailTemplates overridden = new MailTemplates(dir);

      assertThat(overridden.render("strike-2", "it", minimal()).body()).isEqualTo("Buongiorno " + CUSTOMER_NAME + ".");
      assertThat(overridden.render("strike-1", "it", minimal()).body()).as("the rest in English").startsWith("Hello ");
      assertThatCode(overridden::verifyAll).doesNotThrowAnyException();
    }

    @Test
    void layoutWordsCanBeOverriddenOneByOneInOneLanguage() throws IOException {
      Files.createDirectories(dir.resolve("de"));
      Files.writeString(dir.resolve("de").resolve(MailTemplates.LAYOUT_FILE), "signature.phone=Tel.\n", StandardCharsets.UTF_8);

      MailTemplates overridden = new MailTemplates(dir);

      assertThat(overridden.language("de").phoneLabel()).isEqualTo("Tel.");
      assertThat(overridden.language("de").emailLabel()).isEqualTo("E-Mail");
      assertThat(overridden.language("fr").phoneLabel()).isEqualTo("Téléphone");
      assertThatCode(overridden::verifyAll).doesNotThrowAnyException();
    }

    @Test
    void anUnknownPlaceholderInAnOverrideFailsNamingIt() throws IOException {
      write("fr", "strike-2", "#set($subject = \"Dossier $case.number\")\nBonjour ${unknown},\n");

      assertThatThrownBy(() -> new MailTemplates(dir).render("strike-2", "fr", minimal()))
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining(dir.resolve("fr").resolve("strike-2.vm").toString())
          .hasMessageContaining("$unknown");
    }

    @Test
    void theTemplatesOwnLeftoverIsCaughtEvenWhenTheCustomerWroteTheSame() throws IOException {
      write("strike-2", "#set($subject = \"Case $case.number: $case.title\")\nHello \\$case.title,\n");
      Map<String, Object> model = minimal();
      nested(model, "case").put("title", "Broken $case.title in our report");

      assertThatThrownBy(() -> new MailTemplates(dir).render("strike-2", model))
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining("not replaced");
    }

    @Test
    void verifyAllReportsOverridesThatWouldNeverBeUsed() throws IOException {
      Files.writeString(dir.resolve("strike-1.vm"), "#set($subject = \"Case $case.number\")\nHello\n", StandardCharsets.UTF_8);
      write("de", "update-overdue", "#set($subject = \"Fall $case.number\")\nHallo\n");
      Files.createDirectories(dir.resolve("german"));

      assertThatThrownBy(new MailTemplates(dir)::verifyAll)
          .isInstanceOf(TemplateRenderingException.class)
          .hasMessageContaining("3 problem(s)")
          .hasMessageContaining(dir.resolve("strike-1.vm") + " is not in a language folder")
          .hasMessageContaining(dir.resolve("de").resolve("update-overdue.vm") + " is never used")
          .hasMessageContaining(dir.resolve("german") + " is not a language");
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
