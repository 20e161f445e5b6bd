package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every draft must satisfy before it goes to a customer (R2, R20, R21): a one-line subject,
 * a body, no [[...]] fill-in markers and no Velocity code left over — while ordinary support text
 * with dollar amounts, ticket numbers and addresses goes through.
 */
class DraftRulesTest {

  private static final String GOOD_SUBJECT = "Case 2611270000123: Nightly export stops with a timeout";
  private static final String GOOD_BODY = "Hello Alex,\n\nCould you send me the log of last night's run?";

  // ---------------------------------------------------------------------------------------------
  // Subject

  @ParameterizedTest(name = "subject [{0}] is empty")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void rejectsAnEmptySubject(String subject) {
    assertThat(DraftRules.problems(subject, GOOD_BODY, CustomerText.NONE)).containsExactly("draftSubject: the subject is empty");
  }

  @ParameterizedTest(name = "subject [{0}] has a line break")
  @ValueSource(
      strings = {
        "Case 42\nBcc: someone@attacker.example",
        "Case 42\r\nBcc: someone@attacker.example",
        "Case 42\r",
        "\nCase 42",
        "Case 42: first line\nsecond line"
      })
  void rejectsASubjectWithALineBreak(String subject) {
    assertThat(DraftRules.problems(subject, GOOD_BODY, CustomerText.NONE))
        .containsExactly("draftSubject: the subject must be a single line");
  }

  @ParameterizedTest(name = "subject [{0}] still has a placeholder")
  @ValueSource(
      strings = {
        "Case 42: [[short title]]",
        "[[]] Case 42",
        "Case $case.number: export",
        "Case ${case.number}: export",
        "Case $!case.number: export",
        "Case $!{case.number}",
        "#if($premier)Premier #end Case 42",
        "#set($x = 1)Case 42"
      })
  void rejectsASubjectWithAPlaceholder(String subject) {
    assertThat(DraftRules.problems(subject, GOOD_BODY, CustomerText.NONE))
        .containsExactly("draftSubject: the subject still contains a template placeholder");
  }

  @ParameterizedTest(name = "subject [{0}] is fine")
  @ValueSource(
      strings = {
        GOOD_SUBJECT,
        "Re: Case 42 - the licence costs $100 per seat",
        "Case #42: our #1 priority",
        "Case 42: question from alex@customer.example",
        "Case 42 [URGENT] [EXP-504]",
        "Case 42: C# client 50% faster",
        "Case 42: Überweisung fehlgeschlagen – Grüße",
        "Case 42: costs US$ 20 or $5.99"
      })
  void acceptsAnOrdinarySubject(String subject) {
    assertThat(DraftRules.problems(subject, GOOD_BODY, CustomerText.NONE)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Body

  @org.junit.jupiter.api.Test
  void theLongestDraftTheEngineKeeps_passes_andOneCharacterMoreIsRefused() {
    String longestSubject = "Case C-1: " + "x".repeat(DraftRules.MAX_SUBJECT_LENGTH - 10);
    String longestBody = GOOD_BODY + "y".repeat(DraftRules.MAX_BODY_LENGTH - GOOD_BODY.length());
    assertThat(DraftRules.problems(longestSubject, longestBody, CustomerText.NONE)).isEmpty();
    assertThat(DraftRules.problems(longestSubject + "x", longestBody + "y", CustomerText.NONE)).containsExactly(
        "draftSubject: the subject is longer than 500 characters",
        "draftBody: the email is longer than 4,000 characters; shorten it (a long log is better sent as a file)");
  }

  @ParameterizedTest(name = "body [{0}] is empty")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\n", " \t\r\n "})
  void rejectsAnEmptyBody(String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CustomerText.NONE)).containsExactly("draftBody: the email is empty");
  }

  static Stream<Arguments> bodiesWithMarkers() {
    return Stream.of(
        Arguments.of("a marker in a line", "Hello [[customer name]],\n\nThanks."),
        Arguments.of("an empty marker", "Hello Alex,\n\n[[]]\n\nKind regards"),
        Arguments.of("a marker alone on its line",
            "Hello Alex,\n\n[[Progress: your first findings]]\n\nKind regards"),
        Arguments.of("a marker over several lines",
            "Hello Alex,\n\n[[Progress:\nyour first findings,\nand the next step]]\n\nKind regards"),
        Arguments.of("a marker over several lines with CRLF",
            "Hello Alex,\r\n\r\n[[Progress:\r\nyour findings]]\r\n"),
        Arguments.of("a marker at the very end", "Hello Alex,\n\nI checked the logs. [[next step]]"),
        Arguments.of("a marker and template code: the marker is reported",
            "Hello $customer.name,\n\n[[Progress]]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodiesWithMarkers")
  void rejectsABodyWithMarkers(String description, String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CustomerText.NONE))
        .containsExactly("draftBody: replace the [[...]] placeholders with your own words");
  }

  @ParameterizedTest(name = "body [{0}] still has template code")
  @ValueSource(
      strings = {
        "Hello $customer.name,\n\nCould you send me the log?",
        "Hello ${customer.name},\n\nCould you send me the log?",
        "The value is ${x}.",
        "Hello $!customer.name,",
        "Hello $!{customer.name},",
        "Dear $customer,",
        "#set($greeting = \"Hi\")$greeting Alex",
        "#set ($greeting = \"Hi\") Alex",
        "#if($customer.premier)Your TAM is copied.#end",
        "#if ($premier)TAM#end",
        "#{if}($premier)TAM#{end}",
        "#foreach($step in $steps)- $step\n#end",
        "#parse(\"footer.vm\")",
        "#evaluate($customerText)"
      })
  void rejectsABodyWithTemplateCode(String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CustomerText.NONE))
        .containsExactly("draftBody: the email still contains template code (a $reference or #directive)");
  }

  @ParameterizedTest(name = "body [{0}] is fine")
  @ValueSource(
      strings = {
        "The upgrade costs $100 per seat.",
        "It costs $1,000.50 a year, or US$ 20 a month, or 100$ once.",
        "A $ sign on its own, and $5k for the bundle.",
        "Ticket #42 is our #1 priority.",
        "See issue #1234 and #5 in the tracker.",
        "Please write to alex.example@customer.example or support+eu@followthrough.example.",
        "Join the #settings channel, and wrap debug code in #ifdef DEBUG.",
        "We use C# and F# clients; 100% of runs pass.",
        "Array access a[0][1] works; see [1] and [the guide](https://docs.example/a?b=c&d=e).",
        "Single [brackets] and a closing ]] alone are text.",
        "Hello Alex,\n\nthe export log shows EXP-504 at 02:40 (UTC+01:00).\n\nKind regards,\nJordan",
        "Grüße aus München – café, naïve, 東京."
      })
  void acceptsOrdinarySupportText(String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CustomerText.NONE)).isEmpty();
  }

  @ParameterizedTest(name = "subject [{0}] and body [{1}]: both reported")
  @MethodSource("bothWrong")
  void reportsSubjectAndBodyTogether(String subject, String body, String subjectProblem, String bodyProblem) {
    assertThat(DraftRules.problems(subject, body, CustomerText.NONE))
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).startsWith("draftSubject:").contains(subjectProblem))
        .anySatisfy(problem -> assertThat(problem).startsWith("draftBody:").contains(bodyProblem));
  }

  static Stream<Arguments> bothWrong() {
    return Stream.of(
        Arguments.of(null, null, "empty", "empty"),
        Arguments.of("Case 42: [[title]]", "Hello [[name]]", "placeholder", "[[...]]"),
        Arguments.of("Case 42\nBcc: x@attacker.example", "Hello $customer.name", "single line", "template code"));
  }

  // ---------------------------------------------------------------------------------------------
  // Customer text is data (R20)

  private static final String TITLE = "Could not resolve placeholder ${db.url} in $HOME/#config";
  private static final String DESCRIPTION =
      "Start-up fails: ${db.url} is unset, and $!x too.\n#set($a = 1)\n## comment?\n#* block? *#\n[[ -f app.yml ]] and [[wiki]]";
  private static final CustomerText CUSTOMER = CustomerText.of(TITLE, DESCRIPTION, "Dana Whitfield");

  @ParameterizedTest(name = "subject [{0}] quotes the customer")
  @ValueSource(strings = {
      "Case 42: " + TITLE,
      "Re: Case 42: ${db.url}",
      "Case 42: about [[wiki]]"})
  void aSubjectMayQuoteWhatTheCustomerWrote(String subject) {
    assertThat(DraftRules.problems(subject, GOOD_BODY, CUSTOMER)).isEmpty();
    assertThat(DraftRules.problems(subject, GOOD_BODY, CustomerText.NONE)).as("without the customer's text")
        .containsExactly("draftSubject: the subject still contains a template placeholder");
  }

  @ParameterizedTest(name = "body [{0}] quotes the customer")
  @ValueSource(strings = {
      "Hello Dana,\n\nYou wrote: " + DESCRIPTION + "\n\nThe ${db.url} property is read at start-up.",
      "Hello Dana,\n\nThe #set($a = 1) line and [[wiki]] come from your file.",
      "Hello Dana,\n\nSet ${db.url} in application.yml; $!x does not matter."})
  void aBodyMayQuoteWhatTheCustomerWrote(String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CUSTOMER)).isEmpty();
  }

  @ParameterizedTest(name = "[{0}] is ours, not the customer's")
  @ValueSource(strings = {
      "Hello Dana,\n\nThe ${db.password} property is read at start-up.",
      "Hello $customer.name,\n\nYou wrote ${db.url}.",
      "Hello Dana,\n\n#set($b = 2) is not in your file."})
  void templateCodeTheCustomerDidNotWriteIsStillCaught(String body) {
    assertThat(DraftRules.problems(GOOD_SUBJECT, body, CUSTOMER))
        .containsExactly("draftBody: the email still contains template code (a $reference or #directive)");
  }

  @ParameterizedTest(name = "[{0}] is a marker of our template")
  @ValueSource(strings = {
      "Hello Dana,\n\nYou wrote ${db.url}.\n\n[[Progress: your first findings]]",
      "Hello Dana,\n\n[[wiki]] is yours, [[Status]] is not."})
  void aMarkerFromTheTemplateIsStillCaught(String body) {
    assertThat(DraftRules.problems("Case 42: " + TITLE, body, CUSTOMER))
        .containsExactly("draftBody: replace the [[...]] placeholders with your own words");
  }
}
