package dev.followthrough.cases;

import java.util.regex.Pattern;

/** Case numbers inside text, e.g. email subjects: CASE-1 is not mentioned by "CASE-10". */
public final class CaseNumbers {

  private CaseNumbers() {}

  public static boolean mentionedIn(String text, String caseNumber) {
    return text != null && Pattern.compile("(?<![A-Za-z0-9._-])" + Pattern.quote(caseNumber)
        + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])").matcher(text).find();
  }
}
