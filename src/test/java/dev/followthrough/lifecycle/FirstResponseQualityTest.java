package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.mail.CustomerText;
import dev.followthrough.mail.MailTemplates;
import dev.followthrough.mail.RenderedDraft;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R2, the FQR gate: Prepared (no placeholders left), Personalized (the customer by name at the
 * top) and Progress (a question, action, finding or next step of the engineer's own — not the
 * template's text, not the customer's problem said back, not a handshake, not a list of what we
 * won't do). The drafts start from the real first-quality-response template.
 */
class FirstResponseQualityTest {

  private static final RenderedDraft DRAFT =
      new MailTemplates(null).render("first-quality-response", MailTemplates.sampleModel());
  private static final String TEMPLATE = DRAFT.body();
  private static final String SUBJECT = DRAFT.subject();
  private static final String CUSTOMER = "Alex Example";
  private static final String PROBLEM = sampleProblemDescription();

  private static final String UNDERSTANDING_MARKER = "\\[\\[The problem.*?]]";
  private static final String PROGRESS_MARKER = "\\[\\[Progress.*?]]";

  private static final String UNDERSTANDING =
      "the nightly export has failed since Monday with EXP-504 after about 40 minutes, so your"
          + " morning reports are missing.";

  /** A question the customer asked in the description, for the restatement rows. */
  private static final String PROBLEM_WITH_QUESTIONS =
      "The export fails with EXP-504. Can you fix this quickly? We have a board meeting on Friday.";

  @Test
  void theTemplateIsTheOneTheRowsAssume() {
    assertThat(TEMPLATE)
        .startsWith("Hello " + CUSTOMER + ",")
        .contains(PROBLEM)
        .containsPattern(UNDERSTANDING_MARKER)
        .containsPattern(PROGRESS_MARKER);
  }

  // ---------------------------------------------------------------------------------------------

  static Stream<Fqr> goodResponses() {
    return Stream.of(
        fqr("the template with both markers filled in: a finding and a request",
            filled(UNDERSTANDING,
                "I checked the export logs you attached: the timeout comes from the database connection"
                    + " pool. Please run tonight's export with the pool size set to 20 and tell me"
                    + " whether it completes.")),
        fqr("the template filled in with a question of our own",
            filled("the export fails every night since Monday, always at around 40 minutes.",
                "Which version of the Data Export Service are you running, and did anything change on"
                    + " your side last weekend?")),
        fqr("the template kept, with an action already taken and a dated next step",
            filled(UNDERSTANDING,
                "I have already restarted the export worker that was stuck since Monday; I will check"
                    + " tonight's run with you tomorrow at 09:00.")),
        fqr("a short email: a reproduction, a workaround and a dated next step",
            """
            Hi Alex,

            I reproduced EXP-504 in our lab with an export of two million rows. The workaround is to \
            split the export into two jobs; I will send you the exact settings by Thursday 14:00 CET.

            Kind regards,
            Jordan"""),
        fqr("a formal greeting with the surname, a finding and the next steps",
            """
            Dear Mr Example,

            I reviewed the log you uploaded: the export stops when the session token expires after 40 minutes.
            Next steps: I am preparing a configuration change and will call you tomorrow at 10:00 to apply it with you.

            Best regards,
            Jordan"""),
        fqr("the first name in lower case, then a request for files",
            """
            alex,

            thanks for the detailed description. Could you send me the export job definition \
            (export.yaml) and the log of last night's run?"""),
        fqr("the name on the third line, after a greeting line",
            """
            Good morning,

            Alex, thank you for the logs.
            It looks like the job hits the 40-minute gateway timeout; raising gateway.timeout to 120 \
            minutes should let it finish."""),
        fqr("a finding written with a contraction (I've)",
            """
            Hello Alex,

            I've found the cause: the export runs at the same time as the nightly backup, and both \
            lock the ORDERS table.

            Kind regards,
            Jordan"""),
        fqr("a bulleted status with a next step",
            """
            Hi Alex Example,

            Where we stand:
            - EXP-504 is raised by the gateway, not by the export itself.
            - Next step: I will check the gateway configuration with our platform team today and write to you by 16:00."""),
        fqr("an attached hotfix to apply",
            """
            Hello Alex,

            Attached is a patched export driver (2.4.1-hotfix1) that removes the 40-minute limit. \
            Please apply it on the export server before tonight's run."""),
        fqr("a recommendation with its reason",
            """
            Hello Alex,

            I recommend moving the export window to 02:00, after the backup has finished: the two \
            jobs compete for the same disk.

            Kind regards,
            Jordan"""),
        fqr("the problem quoted back, followed by a question of our own",
            """
            Hello Alex,

            You wrote:
            > Since Monday the nightly export stops after about 40 minutes with error EXP-504.

            Did the export run on the new cluster for the first time on Monday?

            Kind regards,
            Jordan"""),
        fqr("what we do not support, then a workaround that was tested",
            """
            Hello Alex,

            We do not support exports to network drives. I tested your job with a local target \
            instead and it finished in 35 minutes, so that is a workaround for tonight.

            Kind regards,
            Jordan"""),
        fqr("a name with non-ASCII letters",
            """
            Hello Zoë,

            Could you send me the log of last night's export run?""")
            .customer("Zoë Müller"),
        fqr("a surname with an apostrophe",
            """
            Dear Ms O'Brien,

            I checked the export server and its disk is full; please free some space, or tell me and \
            I will do it with you on a call.""")
            .customer("Siobhan O'Brien"),
        fqr("a customer name stored surname first",
            """
            Hi Alex,

            Could you run `export --dry-run` and send me its output?""")
            .customer("Example, Alex"),
        // the engineer writes to a German or French customer in their language (R30)
        fqr("German: a finding and a request",
            """
            Guten Tag Alex Example,

            ich habe die Protokolle des Exports geprüft: Die Zeitüberschreitung kommt vom Verbindungspool der \
            Datenbank. Bitte starten Sie den Export heute Abend mit einer Poolgröße von 20."""),
        fqr("German: what the engineer will do next",
            """
            Hallo Alex,

            wir werden den Fehler EXP-504 heute in unserer Testumgebung nachstellen; morgen früh melde ich mich \
            mit dem Ergebnis."""),
        fqr("French: a finding and a request",
            """
            Bonjour Alex Example,

            j'ai vérifié les journaux de l'export : le délai vient du pool de connexions. Merci de relancer \
            l'export ce soir avec une taille de pool de 20."""),
        fqr("French: a question",
            """
            Bonjour Alex,

            pourriez-vous m'envoyer le journal de l'exécution de cette nuit ?"""));
  }

  @ParameterizedTest(name = "passes: {0}")
  @MethodSource("goodResponses")
  void acceptsAFirstQualityResponse(Fqr fqr) {
    assertThat(fqr.problems()).as("problems of '%s'", fqr).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private static final String PLACEHOLDERS = "draftBody: [[...]]";
  private static final String TEMPLATE_CODE = "draftBody: template code";
  private static final String BY_NAME = "draftBody: by name";
  private static final String PROGRESS = "draftBody: progress";

  static Stream<Arguments> poorResponses() {
    return Stream.of(
        // Prepared
        refused(fqr("the draft as rendered, both markers left", TEMPLATE), PLACEHOLDERS, PROGRESS),
        refused(fqr("the understanding filled in, the progress marker left",
            TEMPLATE.replaceFirst(UNDERSTANDING_MARKER, Matcher.quoteReplacement(UNDERSTANDING))),
            PLACEHOLDERS, PROGRESS),
        refused(fqr("progress written, the understanding marker left",
            TEMPLATE.replaceFirst(PROGRESS_MARKER,
                "Could you send me the log of last night's run?")), PLACEHOLDERS),
        refused(fqr("$customer.name left instead of the name",
            """
            Hello $customer.name,

            Could you send me the log of last night's export run?"""), TEMPLATE_CODE, BY_NAME),
        refused(fqr("a ${...} reference left in a sentence",
            """
            Hello Alex,

            I checked the log: the export stops when ${export.timeout} is reached. Please raise it to 120 minutes."""),
            TEMPLATE_CODE),
        refused(fqr("an empty email", ""), "draftBody: empty"),
        refused(fqr("a blank subject", filled(UNDERSTANDING, "Could you send me last night's log?"))
            .subject("  "), "draftSubject: empty"),
        refused(fqr("a subject with a line break (header injection)",
            filled(UNDERSTANDING, "Could you send me last night's log?"))
            .subject("Case 2611270000123\r\nBcc: someone@attacker.example"), "draftSubject: single line"),
        refused(fqr("a marker left in the subject", filled(UNDERSTANDING, "Could you send me last night's log?"))
            .subject("Case 2611270000123: [[short title]]"), "draftSubject: placeholder"),

        // Personalized
        refused(fqr("no name in the greeting",
            """
            Hello,

            I checked the export logs: the timeout comes from the connection pool. Please raise the pool size to 20."""),
            BY_NAME),
        refused(fqr("another customer's name",
            """
            Hi Sam,

            Could you send me the log of last night's export run?"""), BY_NAME),
        refused(fqr("the name only at the end",
            """
            Hello,

            I reproduced the timeout in our lab.
            The workaround is to split the export into two jobs.

            Thank you for your patience, Alex.
            Jordan"""), BY_NAME),
        refused(fqr("a first name that is also a word, used only as that word (\"I will\")",
            """
            Hello,

            I will check the export logs this afternoon and send you my findings by 16:00.""")
            .customer("Will Gardner"), BY_NAME),

        // Progress
        refused(fqr("a handshake",
            """
            Hello Alex,

            Thank you for contacting Followthrough Support. Your case 2611270000123 has been assigned to me.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("a handshake that promises to look into it",
            """
            Hello Alex,

            Thank you for your case. I will look into it and get back to you as soon as possible.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("thanks and nothing else",
            """
            Hi Alex,

            Thanks!

            Jordan"""), PROGRESS),
        refused(fqr("the problem description repeated",
            """
            Hello Alex,

            Since Monday the nightly export stops after about 40 minutes with error EXP-504.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("the customer's own questions said back",
            """
            Hello Alex,

            You wrote: The export fails with EXP-504. Can you fix this quickly? We have a board meeting on Friday.

            Kind regards,
            Jordan""").problem(PROBLEM_WITH_QUESTIONS), PROGRESS),
        refused(fqr("the customer's question quoted with >",
            """
            Hello Alex,

            > Can you fix this quickly? We have a board meeting on Friday.

            Kind regards,
            Jordan""").problem(PROBLEM_WITH_QUESTIONS), PROGRESS),
        refused(fqr("the template with the markers deleted",
            TEMPLATE.replaceFirst(UNDERSTANDING_MARKER, "").replaceFirst(PROGRESS_MARKER, "")), PROGRESS),
        refused(fqr("only the template's own sentences, under a new greeting",
            """
            Hi Alex,

            I will be your contact until it is resolved.

            If I have misread anything or a detail is missing, please correct me in your reply so we do not lose time on the wrong track.

            Kind regards,"""), PROGRESS),
        refused(fqr("a list of what we won't do",
            """
            Hello Alex,

            We cannot help with custom export scripts; please check them with your developers. \
            Third-party drivers are not supported, so please send any driver issue to its vendor. \
            Exports to network drives are out of scope.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("what we won't do, as \"I will not\"",
            """
            Hello Alex,

            Please note that I will not review custom export scripts or third-party drivers.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("what we won't do, as \"we cannot fix\"",
            """
            Hello Alex,

            We cannot fix problems in third-party software, and custom scripts are your responsibility.

            Kind regards,
            Jordan"""), PROGRESS),
        refused(fqr("German: a handshake",
            """
            Guten Tag Alex Example,

            vielen Dank für Ihre Nachricht. Wir schauen uns das an und melden uns so schnell wie möglich.

            Mit freundlichen Grüßen
            Jordan"""), PROGRESS),
        refused(fqr("German: what we won't do",
            """
            Hallo Alex,

            eigene Exportskripte werden nicht unterstützt, und wir können Treiber von Drittanbietern nicht prüfen.

            Mit freundlichen Grüßen
            Jordan"""), PROGRESS),
        refused(fqr("French: a handshake",
            """
            Bonjour Alex Example,

            merci pour votre message. Nous reviendrons vers vous dès que possible.

            Cordialement,
            Jordan"""), PROGRESS));
  }

  @ParameterizedTest(name = "refused: {0} -> {1}")
  @MethodSource("poorResponses")
  void refusesAPoorFirstResponse(Fqr fqr, List<String> expected) {
    List<String> problems = fqr.problems();

    assertThat(problems).as("problems of '%s'", fqr).hasSameSizeAs(expected);
    for (String expectation : expected) {
      String field = expectation.substring(0, expectation.indexOf(':'));
      String idea = expectation.substring(expectation.indexOf(':') + 1).strip();
      assertThat(problems)
          .as("'%s': a problem on %s about '%s'", fqr, field, idea)
          .anySatisfy(problem -> assertThat(problem).startsWith(field + ":").containsIgnoringCase(idea));
    }
  }

  @Test
  void theNameProblemNamesTheCustomer() {
    List<String> problems =
        FirstResponseQuality.problems(SUBJECT, "Hello,\n\nCould you send me the log?", CUSTOMER, TEMPLATE, PROBLEM,
            CustomerText.of(PROBLEM, CUSTOMER));

    assertThat(problems).singleElement().asString().contains(CUSTOMER).contains("Personalized");
  }

  // ---------------------------------------------------------------------------------------------
  // Customer text is data (R20): a title or description that looks like template code

  private static final String TITLE = "Could not resolve placeholder ${db.url} in $HOME/#config";
  private static final String DESCRIPTION = "Start-up stops: ${db.url} is unset. #set($a = 1) ## $!x #* *#";

  @Test
  void aDraftThatQuotesTheCustomersPlaceholdersPasses() {
    Map<String, Object> model = MailTemplates.sampleModel();
    @SuppressWarnings("unchecked") Map<String, Object> theCase = (Map<String, Object>) model.get("case");
    theCase.put("title", TITLE);
    theCase.put("problemDescription", DESCRIPTION);
    RenderedDraft draft = new MailTemplates(null).render("first-quality-response", model);
    String body = draft.body()
        .replaceFirst(UNDERSTANDING_MARKER, Matcher.quoteReplacement("the start-up cannot resolve ${db.url}."))
        .replaceFirst(PROGRESS_MARKER, Matcher.quoteReplacement("Could you send me the application.yml that sets ${db.url}?"));
    CustomerText customerText = CustomerText.of(TITLE, DESCRIPTION, CUSTOMER);

    assertThat(draft.subject()).endsWith(": " + TITLE);
    assertThat(FirstResponseQuality.problems(draft.subject(), body, CUSTOMER, draft.body(), DESCRIPTION, customerText))
        .as("the subject untouched, the description quoted, ${db.url} repeated by the engineer").isEmpty();
    assertThat(FirstResponseQuality.problems(draft.subject(), draft.body().replaceFirst(UNDERSTANDING_MARKER, "seen"),
        CUSTOMER, draft.body(), DESCRIPTION, customerText))
        .as("the template's marker is still caught").contains("draftBody: replace the [[...]] placeholders with your own words");
    assertThat(FirstResponseQuality.problems(draft.subject(), body.replace("${db.url}?", "${db.password}?"),
        CUSTOMER, draft.body(), DESCRIPTION, customerText))
        .as("a placeholder the customer never wrote").contains(
            "draftBody: the email still contains template code (a $reference or #directive)");
  }

  // ---------------------------------------------------------------------------------------------

  /** One FQR as the engineer submits it; {@code toString} is the row's description. */
  record Fqr(String description, String subject, String body, String customerName, String problemDescription) {

    Fqr customer(String name) {
      return new Fqr(description, subject, body, name, problemDescription);
    }

    Fqr subject(String value) {
      return new Fqr(description, value, body, customerName, problemDescription);
    }

    Fqr problem(String value) {
      return new Fqr(description, subject, body, customerName, value);
    }

    List<String> problems() {
      return FirstResponseQuality.problems(subject, body, customerName, TEMPLATE, problemDescription,
          CustomerText.of(problemDescription, customerName));
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private static Fqr fqr(String description, String body) {
    return new Fqr(description, SUBJECT, body, CUSTOMER, PROBLEM);
  }

  private static Arguments refused(Fqr fqr, String... expected) {
    return Arguments.of(fqr, List.of(expected));
  }

  private static String filled(String understanding, String progress) {
    return TEMPLATE
        .replaceFirst(UNDERSTANDING_MARKER, Matcher.quoteReplacement(understanding))
        .replaceFirst(PROGRESS_MARKER, Matcher.quoteReplacement(progress));
  }

  @SuppressWarnings("unchecked")
  private static String sampleProblemDescription() {
    Map<String, Object> caseData = (Map<String, Object>) MailTemplates.sampleModel().get("case");
    return (String) caseData.get("problemDescription");
  }
}
