package dev.followthrough.mail;

import java.util.regex.Pattern;

/** Guards what goes into a mail header: no line breaks (header injection), plausible addresses. */
public final class HeaderValues {

  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\".]+(\\.[^\\s@<>,;\".]+)+");

  private HeaderValues() {}

  public static String requireSingleLine(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + field + " must not be empty");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("The " + field + " must be a single line (no line breaks)");
    }
    return value;
  }

  public static String requireAddress(String field, String value) {
    requireSingleLine(field, value);
    if (!ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException("The " + field + " address is not an email address");
    }
    return value;
  }
}
