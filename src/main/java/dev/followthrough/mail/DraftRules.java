package dev.followthrough.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every draft must satisfy before it may go to a customer: a one-line subject, a body, and
 * no fill-in markers ({@code [[...]]}) or template code left over from our templates. Plain Java:
 * the lifecycle checks it when a task is completed, and again just before sending.
 *
 * <p>Customer text is data (R20): a marker or a piece of template code that the customer wrote
 * ({@link CustomerText}: a case titled "Could not resolve placeholder ${db.url}", a description
 * with {@code #set(...)}) is quoted, not left over, and passes, in the subject and in the body.
 * Each suspicious piece is looked up whole ({@code ${db.url}}, not just {@code ${}), so a
 * {@code ${db.password}} the customer never wrote is still caught.
 */
public final class DraftRules {

  /** A fill-in marker of our templates: {@code [[Your findings]]} (a shell test {@code [[ -f x ]]} is not one). */
  public static final Pattern FILL_IN_MARKER = Pattern.compile("\\[\\[(?:[^\\s\\]][^\\]]*)?]]");
  /**
   * Template code left in a draft, whole: a formal reference ({@code ${anything}}), a reference to
   * the template model ({@code $customer.name}) or a Velocity directive call ({@code #if(...)}).
   * Other dollars and hashes ({@code $100}, {@code $JAVA_HOME}, {@code #include <stdio.h>}, ticket
   * #42) are ordinary text.
   */
  private static final Pattern TEMPLATE_CODE = Pattern.compile(
      "\\$!?\\{[A-Za-z][^}\\r\\n]*}?"
          + "|\\$!?(?:case|customer|engineer|organisation|subject|nextUpdate|customerDate|previousEmailDate|closingDate"
          + "|followUpNumber|followUpCount|callOutcome|dissatisfactionReason|updateDue|firstResponseDue)\\b(?:\\.[A-Za-z_]\\w*)*"
          + "|#\\{?(?:set|if|elseif|foreach|parse|include|evaluate|define|macro)\\}?\\s*\\([^)\\r\\n]*\\)?");

  /** The longest subject a draft may have (one readable line; the engine's text column is the hard limit). */
  public static final int MAX_SUBJECT_LENGTH = 500;
  /** The longest body a draft may have: the engine keeps a task's text in columns of 4,000 characters. */
  public static final int MAX_BODY_LENGTH = 4000;

  private DraftRules() {}

  /** Problems with the draft, in words an engineer understands; empty when it may go. */
  public static List<String> problems(String subject, String body, CustomerText customerText) {
    return problems("draftSubject", subject, "draftBody", body, customerText);
  }

  /** The same, for a draft whose subject and body live in fields of other names. */
  public static List<String> problems(String subjectField, String subject, String bodyField, String body,
                                      CustomerText customerText) {
    List<String> problems = new ArrayList<>();
    if (subject == null || subject.isBlank()) {
      problems.add(subjectField + ": the subject is empty");
    } else if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      problems.add(subjectField + ": the subject must be a single line");
    } else if (subject.length() > MAX_SUBJECT_LENGTH) {
      problems.add(subjectField + ": the subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
    } else if (leftOver(FILL_IN_MARKER, subject, customerText) || leftOver(TEMPLATE_CODE, subject, customerText)) {
      problems.add(subjectField + ": the subject still contains a template placeholder");
    }
    if (body == null || body.isBlank()) {
      problems.add(bodyField + ": the email is empty");
    } else if (body.length() > MAX_BODY_LENGTH) {
      problems.add(bodyField + ": the email is longer than " + String.format(java.util.Locale.ROOT, "%,d", MAX_BODY_LENGTH)
          + " characters; shorten it (a long log is better sent as a file)");
    } else if (leftOver(FILL_IN_MARKER, body, customerText)) {
      problems.add(bodyField + ": replace the [[...]] placeholders with your own words");
    } else if (leftOver(TEMPLATE_CODE, body, customerText)) {
      problems.add(bodyField + ": the email still contains template code (a $reference or #directive)");
    }
    return problems;
  }

  /** True if the text has a piece of this kind that the customer did not write. */
  private static boolean leftOver(Pattern kind, String text, CustomerText customerText) {
    Matcher piece = kind.matcher(text);
    while (piece.find()) {
      if (!customerText.contains(piece.group())) {
        return true;
      }
    }
    return false;
  }
}
