package dev.followthrough.cases;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What counts as text in a request, for the API and the Tasklist start form alike: text made only
 * of invisible characters (spaces of any kind, no-break and zero-width spaces, format and control
 * characters, fillers) is no text at all; a single-line field holds no control character; a
 * multi-line field ({@link MultiLine}) holds tabs and line breaks but no other control character;
 * no field holds a lone UTF-16 surrogate (it cannot be stored as UTF-8).
 */
public final class Text {

  private Text() {}

  /** True for null and for text without a single visible character. */
  public static boolean isBlank(String value) {
    return value == null || value.codePoints().allMatch(Text::invisible);
  }

  /** What is wrong with the characters of a value, or null when nothing is. */
  public static String problem(String value, boolean multiLine) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an invalid character (a lone UTF-16 surrogate)";
      } else if (multiLine ? Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t'
          : Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
        return multiLine ? "must not contain control characters other than tabs and line breaks"
            : "must be a single line without control characters";
      }
    }
    return null;
  }

  /** The character problems of every text field of a request, by field name. */
  public static Map<String, String> problems(Record request) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (RecordComponent component : request.getClass().getRecordComponents()) {
      if (component.getType() == String.class) {
        try {
          String problem = problem((String) component.getAccessor().invoke(request), isMultiLine(component));
          if (problem != null) {
            problems.put(component.getName(), problem);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return problems;
  }

  public static boolean isMultiLine(RecordComponent component) {
    return component.isAnnotationPresent(MultiLine.class);
  }

  private static boolean invisible(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.UNASSIGNED -> true;
      // fillers and blanks that are letters or symbols by category but show nothing
      default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F;
    };
  }
}
