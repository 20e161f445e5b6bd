package dev.followthrough.cases;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Bad input, field by field. The REST API answers it with 400; Tasklist shows the message. */
public class InvalidInput extends RuntimeException {

  private final Map<String, String> fields;
  private final String error;

  public InvalidInput(Map<String, String> fields) {
    this(fields, "invalid input");
  }

  /** With what was wrong as a whole, e.g. a body that is no JSON object (fields may be empty). */
  public InvalidInput(Map<String, String> fields, String error) {
    super(fields.isEmpty() ? error : describe(fields));
    this.fields = new TreeMap<>(fields);
    this.error = error;
  }

  public static InvalidInput of(String field, String problem) {
    return new InvalidInput(Map.of(field, problem));
  }

  /** The message alone: Tasklist shows it inside the engine's own error text. */
  @Override
  public String toString() {
    return getMessage();
  }

  public Map<String, String> fields() {
    return fields;
  }

  /** What was wrong as a whole: "invalid input" when the fields say it all. */
  public String error() {
    return error;
  }

  private static String describe(Map<String, String> fields) {
    return new TreeMap<>(fields).entrySet().stream()
        .map(entry -> entry.getKey() + ": " + entry.getValue())
        .collect(Collectors.joining("; "));
  }
}
