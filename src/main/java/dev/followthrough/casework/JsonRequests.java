package dev.followthrough.casework;

import dev.followthrough.cases.InvalidInput;
import dev.followthrough.cases.Text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a request body into its record strictly, reporting every bad field at once (R28). The body
 * is first read as a JSON tree (strictly: UTF-8, no repeated keys, nothing after the object), so
 * a value of the wrong type does not stop the reading of the others; then each field is bound by
 * its declared type without coercion:
 * <ul>
 *   <li>text only from JSON strings (not numbers or booleans); text without a visible character
 *       counts as absent; control characters as {@link Text} says;</li>
 *   <li>a choice (enum) only from a string that is exactly one of its names;</li>
 *   <li>a date only from an ISO date string ({@code 2026-12-07});</li>
 *   <li>a number only from a JSON integer that fits, a flag only from {@code true}/{@code false};</li>
 *   <li>a property the record does not have is refused by name; {@code null} is the same as absent.</li>
 * </ul>
 * Then the record's Bean Validation constraints and the caller's own checks run on what could be
 * bound, and every problem is thrown together as {@link InvalidInput}.
 */
@Component
public class JsonRequests {

  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

  private final Validator validator;
  private final ObjectMapper json;

  JsonRequests(Validator validator, ObjectMapper json) {
    this.validator = validator;
    this.json = json;
  }

  public <T extends Record> T read(byte[] body, Class<T> type) {
    return read(body, type, request -> Map.of());
  }

  /**
   * Reads the body's bytes as one JSON object, strictly: UTF-8, no key twice, nothing after it.
   * A repeated key, a number or text too large to read, or bytes that are not UTF-8 inside a
   * value are refused naming the field; other syntax errors say where.
   *
   * @param moreChecks problems by field of a bound request (its bad fields are null); they are
   *                   reported with the type and constraint problems, for fields not named already
   * @throws InvalidInput naming every bad field
   */
  public <T extends Record> T read(byte[] body, Class<T> type, Function<T, Map<String, String>> moreChecks) {
    return read(tree(body), type, moreChecks);
  }

  private JsonNode tree(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidInput(Map.of(), "the request body must be a JSON object");
    }
    requireUtf8(body);
    try (JsonParser parser = json.createParser(body)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      try {
        JsonNode tree = json.readTree(parser);
        if (parser.nextToken() != null) {
          throw new InvalidInput(Map.of(), "the request body is not valid JSON: there is more after the first value"
              + where(parser.currentLocation()));
        }
        return tree;
      } catch (JsonProcessingException e) {
        throw unreadable(e, parser);
      }
    } catch (IOException e) {
      throw new InvalidInput(Map.of(), "the request body is not valid JSON");
    }
  }

  /**
   * Strict UTF-8 (RFC 8259): no malformed, overlong or surrogate sequences, which Jackson's
   * parser would let through, and no UTF-16 or UTF-32 (NUL bytes).
   */
  private static void requireUtf8(byte[] body) {
    ByteBuffer in = ByteBuffer.wrap(body);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, CharBuffer.allocate(body.length), true);
    int nul = 0;
    while (nul < body.length && body[nul] != 0) {
      nul++;
    }
    if (result.isError() || nul < body.length) {
      throw new InvalidInput(Map.of(), "the request body is not valid JSON: it must be UTF-8 (byte "
          + (Math.min(result.isError() ? in.position() : body.length, nul) + 1) + " is not)");
    }
  }

  private static InvalidInput unreadable(JsonProcessingException e, JsonParser parser) {
    String where = where(e.getLocation());
    String message = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      return new InvalidInput(Map.of(printable(duplicate.group(1)), "appears more than once"),
          "the request body is not valid JSON: a key appears twice" + where);
    }
    String field = currentField(parser);
    if (field != null && e instanceof StreamConstraintsException) {
      return new InvalidInput(Map.of(printable(field), "is too large to read (too many digits or characters)"),
          "the request body is not valid JSON: a value is too large" + where);
    }
    if (field != null && message.contains("UTF-8")) {
      return new InvalidInput(Map.of(printable(field), "holds bytes that are not UTF-8"),
          "the request body is not valid JSON: it must be UTF-8" + where);
    }
    return new InvalidInput(Map.of(), "the request body is not valid JSON" + where);
  }

  private static String currentField(JsonParser parser) {
    try {
      return parser.currentName();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private <T extends Record> T read(JsonNode body, Class<T> type, Function<T, Map<String, String>> moreChecks) {
    if (body == null || !body.isObject()) {
      throw new InvalidInput(Map.of(), "the request body must be a JSON object");
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    Map<String, String> problems = new LinkedHashMap<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.put(printable(name), "is not a field of this request (known: " + String.join(", ", known) + ")");
      }
    }
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      JsonNode node = body.get(component.getName());
      if (node == null || node.isNull()) {
        if (component.getType().isPrimitive()) {
          problems.put(component.getName(), "is required");
        }
        continue;
      }
      try {
        values[i] = bind(node, component);
      } catch (Refused refused) {
        problems.put(component.getName(), refused.getMessage());
      }
    }
    T request = construct(type, components, values);
    for (ConstraintViolation<T> violation : validator.validate(request)) {
      problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    moreChecks.apply(request).forEach(problems::putIfAbsent);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return request;
  }

  private static Object bind(JsonNode node, RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      if (!node.isTextual()) {
        throw new Refused("must be text (a JSON string), not " + kind(node));
      }
      String text = node.textValue();
      String problem = Text.problem(text, Text.isMultiLine(component));
      if (problem != null && !text.isBlank()) {
        throw new Refused(problem);
      }
      return Text.isBlank(text) ? null : text;
    }
    if (type.isEnum()) {
      Object[] choices = type.getEnumConstants();
      if (node.isTextual()) {
        for (Object choice : choices) {
          if (((Enum<?>) choice).name().equals(node.textValue())) {
            return choice;
          }
        }
      }
      throw new Refused("must be one of " + Arrays.toString(choices) + " (exactly, as a JSON string)");
    }
    if (type == LocalDate.class) {
      if (node.isTextual()) {
        try {
          return LocalDate.parse(node.textValue(), ISO_DATE);
        } catch (DateTimeParseException e) {
          // refused below
        }
      }
      throw new Refused("must be a date as a JSON string such as \"2026-12-07\"");
    }
    if (type == Boolean.class || type == boolean.class) {
      if (!node.isBoolean()) {
        throw new Refused("must be true or false, not " + kind(node));
      }
      return node.booleanValue();
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      if (!node.isIntegralNumber()) {
        throw new Refused("must be a whole number, not " + kind(node));
      }
      boolean fits = type == Integer.class || type == int.class ? node.canConvertToInt() : node.canConvertToLong();
      if (!fits) {
        throw new Refused("is too large a number for this field");
      }
      return type == Integer.class || type == int.class ? (Object) node.intValue() : (Object) node.longValue();
    }
    throw new IllegalStateException("No strict binding for " + type + " of " + component);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "text";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase();
    };
  }

  private static <T extends Record> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null && types[i].isPrimitive()) {
        values[i] = types[i] == boolean.class ? false : types[i] == long.class ? 0L : 0;
      }
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot construct " + type, e);
    }
  }

  /** A property name as it may be echoed: control characters shown as escapes, long names cut. */
  private static String printable(String name) {
    StringBuilder shown = new StringBuilder();
    name.codePoints().limit(100).forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate((char) c)) {
        shown.append(String.format("\\u%04X", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return name.codePointCount(0, name.length()) > 100 ? shown + "…" : shown.toString();
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
