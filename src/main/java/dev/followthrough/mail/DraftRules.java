package dev.followthrough.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every draft must satisfy before it may go to a customer: a one-line subject, a body, and
 * no fill-in markers ({@code [[...]]}) or template references left over. Plain Java: the lifecycle
 * checks it when a task is completed, and again just before sending.
 */
public final class DraftRules {

  /** A fill-in marker of our templates: {@code [[Your findings]]} (a shell test {@code [[ -f x ]]} is not one). */
  public static final Pattern FILL_IN_MARKER = Pattern.compile("\\[\\[(?:[^\\s\\]][^\\]]*)?]]");
  /**
   * Template code left in a draft: a formal reference ({@code ${anything}}), a reference to the
   * template model ({@code $customer.name}) or a Velocity directive call ({@code #if(}). Other
   * dollars and hashes ({@code $100}, {@code $JAVA_HOME}, {@code #include <stdio.h>}, ticket #42)
   * are ordinary text.
   */
  private static final Pattern TEMPLATE_REFERENCE = Pattern.compile(
      "\\$!?\\{[A-Za-z]|\\$!?(case|customer|engineer|organisation|subject|nextUpdate|customerDate|previousEmailDate|closingDate"
          + "|followUpNumber|followUpCount|callOutcome|dissatisfactionReason|updateDue)\\b"
          + "|#\\{?(set|if|elseif|foreach|parse|include|evaluate|define|macro)\\}?\\s*\\(");

  private DraftRules() {}

  /** Problems with the draft, in words an engineer understands; empty when it may go. */
  public static List<String> problems(String subject, String body) {
    return problems("draftSubject", subject, "draftBody", body);
  }

  /** The same, for a draft whose subject and body live in fields of other names. */
  public static List<String> problems(String subjectField, String subject, String bodyField, String body) {
    List<String> problems = new ArrayList<>();
    if (subject == null || subject.isBlank()) {
      problems.add(subjectField + ": the subject is empty");
    } else if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      problems.add(subjectField + ": the subject must be a single line");
    } else if (FILL_IN_MARKER.matcher(subject).find() || TEMPLATE_REFERENCE.matcher(subject).find()) {
      problems.add(subjectField + ": the subject still contains a template placeholder");
    }
    if (body == null || body.isBlank()) {
      problems.add(bodyField + ": the email is empty");
    } else if (FILL_IN_MARKER.matcher(body).find()) {
      problems.add(bodyField + ": replace the [[...]] placeholders with your own words");
    } else if (TEMPLATE_REFERENCE.matcher(body).find()) {
      problems.add(bodyField + ": the email still contains template code (a $reference or #directive)");
    }
    return problems;
  }
}
