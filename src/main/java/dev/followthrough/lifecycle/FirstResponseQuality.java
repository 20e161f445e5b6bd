package dev.followthrough.lifecycle;

import dev.followthrough.mail.CustomerText;
import dev.followthrough.mail.DraftRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * R2, the FQR gate: a First Quality Response is Prepared, Personalized and makes Progress. It is
 * refused when it still has placeholders, does not address the customer by name in its greeting, or
 * adds nothing that moves the case: no question, action, finding or next step of the engineer's own
 * (text copied from the draft template or from the customer's description does not count, nor does
 * a list of what we will not do).
 */
public final class FirstResponseQuality {

  private static final int OPENING_LINES = 3;

  /*
   * The words of progress and of its absence, in the languages the product writes to customers in
   * (English, German, French: the engineer writes the FQR in the customer's language). They are
   * matched against a normalised sentence: lower case, apostrophes and hyphens turned to spaces
   * ("we'll" reads "we ll", "pourriez-vous" reads "pourriez vous").
   */
  private static final Pattern PROGRESS = Pattern.compile(String.join("|",
      // a question is always progress
      "\\?",
      // English
      "\\b(next steps?|(i|we)( will| ll| am going to| are going to) (check|test|review|run|reproduce|analy[sz]e|"
          + "collect|compare|escalate|engage|send|share|try|set up|schedule|call|apply|deploy|update you)|"
          + "i have|i ve|we have|we ve|i found|we found|i checked|i reviewed|i tested|i reproduced|i looked|i ran|"
          + "i noticed|i can see|it looks like|root cause|the cause|caused by|workaround|fix|resolve|"
          + "please (try|run|check|send|share|confirm|upload|apply|collect|enable)|could you|can you|would you|"
          + "recommend|suggest|attached|steps)\\b",
      // German
      "\\b(nächsten? schritte?|(ich werde|wir werden) ([\\p{L}\\p{N}]+ ){0,8}(prüfen|testen|überprüfen|analysieren|nachstellen|"
          + "reproduzieren|sammeln|vergleichen|eskalieren|senden|schicken|teilen|einrichten|anrufen|aktualisieren)|"
          + "ich habe|wir haben|habe ich|haben wir|festgestellt|gefunden|ursache|umgehung|workaround|behoben|beheben|"
          + "lösung|bitte (versuchen|prüfen|senden|schicken|bestätigen|aktivieren|führen|starten|laden)|"
          + "könnten sie|können sie|würden sie|empfehle|empfehlen|schlage vor|schlagen vor|anbei|angehängt|schritte)\\b",
      // French
      "\\b(prochaines? étapes?|(je vais|nous allons) (vérifier|tester|analyser|examiner|reproduire|collecter|"
          + "comparer|escalader|envoyer|partager|essayer|planifier|appeler|appliquer|déployer|revoir)|"
          + "j ai|nous avons|constaté|trouvé|la cause|contournement|correctif|corriger|résoudre|résolu|"
          + "(merci de|veuillez) (essayer|vérifier|envoyer|partager|confirmer|activer|exécuter|lancer|joindre)|"
          + "pourriez vous|pouvez vous|je recommande|je suggère|nous recommandons|nous suggérons|ci joint|"
          + "en pièce jointe|étapes)\\b"), Pattern.UNICODE_CHARACTER_CLASS);
  /** A list of what we will not do, or a promise to look into it some day, is not progress. */
  private static final Pattern NOT_PROGRESS = Pattern.compile(String.join("|",
      // English
      "\\b(i|we) (do not|don t|cannot|can t|won t|will not|am not able to|are not able to|are unable to|"
          + "am unable to)\\b|\\bout of scope\\b|\\bnot supported\\b|\\blook into (it|this|that|your)\\b"
          + "|\\bget back to you\\b|\\bas soon as possible\\b",
      // German
      "\\b(ich kann|wir können|ich werde|wir werden) (\\p{L}+ )?nicht\\b|\\bnicht unterstützt\\b"
          + "|\\baußerhalb (des|unseres) (supports?|leistungsumfangs|umfangs)\\b|\\bso schnell wie möglich\\b"
          + "|\\b(melde mich|melden uns) (bei ihnen|zurück)\\b|\\bschauen (uns|es uns) an\\b",
      // French
      "\\b(je ne peux pas|nous ne pouvons pas|nous ne (ferons|allons) pas|je ne (ferai|vais) pas)\\b"
          + "|\\bhors (du )?périmètre\\b|\\bnon pris en charge\\b|\\bdès que possible\\b"
          + "|\\breviendr(ai|ons) vers vous\\b"), Pattern.UNICODE_CHARACTER_CLASS);

  private FirstResponseQuality() {}

  /**
   * @param body the email as the engineer wants to send it
   * @param template the draft as it was rendered, before the engineer's edits
   * @param customerText what the customer wrote, which the draft may quote as it is
   */
  public static List<String> problems(String subject, String body, String customerName, String template,
                                      String problemDescription, CustomerText customerText) {
    List<String> problems = new ArrayList<>(DraftRules.problems(subject, body, customerText));
    if (body == null || body.isBlank()) {
      return problems;
    }
    if (!addressesByName(body, customerName)) {
      problems.add("draftBody: address " + customerName + " by name at the start (Personalized)");
    }
    if (!makesProgress(body, template, problemDescription)) {
      problems.add("draftBody: add progress of your own: a question, an action you took, a finding or a next step "
          + "(a handshake or a restatement of the problem is not a First Quality Response)");
    }
    return problems;
  }

  /**
   * The greeting (the first line) names the customer, in any case; or their name, as written,
   * stands in the first lines ("Good morning,\n\nDana, thank you..."). "I will" does not greet Will.
   */
  static boolean addressesByName(String body, String customerName) {
    if (customerName == null || customerName.isBlank()) {
      return true;
    }
    List<String> opening = body.strip().lines().filter(line -> !line.isBlank()).limit(OPENING_LINES).toList();
    String greeting = opening.isEmpty() ? "" : opening.get(0);
    String openingText = String.join(" ", opening);
    return Arrays.stream(customerName.split("[\\s,]+"))
        .filter(part -> part.length() > 1)
        .anyMatch(part -> word(part, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(greeting).find()
            || word(part, 0).matcher(openingText).find());
  }

  private static Pattern word(String word, int flags) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])", flags);
  }

  static boolean makesProgress(String body, String template, String problemDescription) {
    Set<String> given = normalisedSentences(template == null ? "" : template);
    given.addAll(normalisedSentences(problemDescription == null ? "" : problemDescription));
    String problem = normalise(problemDescription == null ? "" : problemDescription);
    return sentences(body).stream()
        .map(FirstResponseQuality::normalise)
        .filter(sentence -> !sentence.isBlank() && !given.contains(sentence))
        .filter(sentence -> problem.isBlank() || !problem.contains(sentence))
        .filter(sentence -> !NOT_PROGRESS.matcher(sentence).find())
        .anyMatch(sentence -> PROGRESS.matcher(sentence).find());
  }

  private static Set<String> normalisedSentences(String text) {
    return sentences(text).stream().map(FirstResponseQuality::normalise).collect(Collectors.toSet());
  }

  private static List<String> sentences(String text) {
    return Arrays.stream(text.split("(?<=[.!?])\\s+|\\R")).toList();
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\"'`>*_-]+", " ").strip();
  }
}
