package dev.followthrough.cases;

/**
 * Long text cut to fit a column, saying so: the head of the text, an ellipsis, and how many
 * characters were left out. Never cuts a character in two (surrogate pairs stay whole).
 */
public final class Preview {

  private Preview() {}

  /** The text as it is when it fits {@code maxLength}; otherwise its head and a note of what was left out. */
  public static String of(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    String note = " … [" + text.length() + " characters in all; the whole text is kept with the case]";
    return head(text, maxLength - note.length()) + note;
  }

  /** A name or line cut with a trailing ellipsis so it fits {@code maxLength}. */
  public static String line(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    return head(text, maxLength - 1) + "…";
  }

  /** A value cut to fit a column of {@code maxLength} characters, without a note (null stays null). */
  public static String cut(String text, int maxLength) {
    return text == null || text.length() <= maxLength ? text : head(text, maxLength);
  }

  private static String head(String text, int length) {
    int end = Math.max(0, length);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
