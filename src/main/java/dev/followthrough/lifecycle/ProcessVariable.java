package dev.followthrough.lifecycle;

import dev.followthrough.cases.Preview;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name, and how its stored value maps to the Java type. Every
 * variable of the lifecycle is declared once in {@link CaseCommunicationProcess}; nobody else
 * spells a variable name.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, value -> value.toString(), value -> value);
  }

  /**
   * Text that may be longer than the engine's string column (4,000 characters) holds: the
   * variable keeps a preview of at most {@code maxLength} characters, which says how much more
   * there is; the whole text is kept in our own tables. Camunda Forms show the preview.
   */
  public static ProcessVariable<String> preview(String name, int maxLength) {
    return new ProcessVariable<>(name, value -> value.toString(), value -> Preview.of(value, maxLength));
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, value -> ((Number) value).intValue(), value -> value);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name,
        value -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()), value -> value);
  }

  /** Stored as {@link Date}, the type the engine's timers and Cockpit understand. */
  public static ProcessVariable<Instant> instant(String name) {
    return new ProcessVariable<>(name, value -> ((Date) value).toInstant(), Date::from);
  }

  /** Stored as the constant's name, the value Camunda Forms submit. */
  public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type) {
    return new ProcessVariable<>(name, value -> Enum.valueOf(type, value.toString()), Enum::name);
  }

  public String name() {
    return name;
  }

  /** The value, or empty when the variable is absent, null or blank text. */
  public Optional<T> find(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    return Optional.of(read.apply(value));
  }

  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, toStored(value));
  }

  public Object toStored(T value) {
    return value == null ? null : write.apply(value);
  }

  public T fromStored(Object value) {
    return value == null ? null : read.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
