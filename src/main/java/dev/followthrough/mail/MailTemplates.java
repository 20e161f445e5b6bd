package dev.followthrough.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * Renders the product's customer and internal emails from Velocity templates (R20, R21).
 *
 * <p>Templates live in the classpath folder {@code templates/mail/} as {@code {name}.vm}. A file
 * with the same name in the override directory wins, so process owners can change the wording
 * without a rebuild; overrides are read on every render, so a changed file takes effect
 * immediately. Call {@link #verifyAll()} at start-up so a broken override is reported then, not at
 * the first send.
 *
 * <p>A template sets the subject with {@code #set($subject = "...")}; the merged output is the
 * plain-text body. The engine is private to this instance and runs in strict mode (a missing
 * value fails instead of printing {@code $placeholder}) with the secure introspector (templates
 * cannot reach reflection or class loading). Values from the model are inserted as data; Velocity
 * never evaluates their content, and templates may not use {@code #evaluate}, {@code #define},
 * {@code #parse} or {@code #include}.
 *
 * <p>This class is thread-safe.
 */
public final class MailTemplates {

  /** Classpath folder of the bundled templates. */
  public static final String CLASSPATH_FOLDER = "templates/mail/";

  /** File name extension of a template. */
  public static final String EXTENSION = ".vm";

  private static final List<String> NAMES =
      List.of(
          "first-quality-response",
          "status-update",
          "pending-information-reminder",
          "voicemail-follow-up",
          "solution-check-in",
          "strike-1",
          "strike-2",
          "strike-3",
          "unresponsive-closure",
          "lqr-resolved",
          "lqr-resolved-by-customer",
          "tam-outreach",
          "internal-escalation",
          "update-overdue",
          "first-response-at-risk",
          "first-response-missed");

  private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Directives that could evaluate data as template code or pull in other files. */
  private static final Set<String> FORBIDDEN_DIRECTIVES =
      Set.of("evaluate", "define", "parse", "include");

  /** A Velocity reference that survived rendering, e.g. {@code $customer.name} or {@code ${x}}. */
  private static final Pattern LEFTOVER_REFERENCE = Pattern.compile("\\$!?\\{?[A-Za-z_]");

  private static final Pattern BLANK_LINE_RUNS = Pattern.compile("\n{3,}");

  private static final String SUBJECT = "subject";

  private final Path overrideDirectory;
  private final VelocityEngine engine;

  /**
   * Templates come from the classpath folder {@code templates/mail/}; a file with the same name in
   * {@code overrideDirectory} (nullable) wins, so process owners can change wording without a
   * rebuild. A directory that does not exist is ignored.
   */
  public MailTemplates(Path overrideDirectory) {
    this.overrideDirectory =
        overrideDirectory != null && Files.isDirectory(overrideDirectory)
            ? overrideDirectory.toAbsolutePath().normalize()
            : null;
    this.engine = newEngine(this.overrideDirectory);
  }

  /** The template names this product ships. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Renders {@code templates/mail/{name}.vm} (or its override) with the given model.
   *
   * @return the subject (trimmed, one line, containing the case number) and the body (line ends
   *     normalised to {@code \n}, trailing whitespace removed, leading blank lines removed, runs of
   *     blank lines collapsed to one)
   * @throws TemplateRenderingException naming the template and the problem: unknown template,
   *     syntax error, missing model value, forbidden directive, no or invalid subject, or a
   *     reference left unrendered
   */
  public RenderedDraft render(String name, Map<String, Object> model) {
    String templateName = requireValidName(name);
    if (model == null) {
      throw failure(templateName, "no model was given");
    }
    Template template = load(templateName);

    Map<String, Object> data = immutableCopy(model);
    Map<String, Object> contextMap = new LinkedHashMap<>(data);
    contextMap.remove(SUBJECT); // only the template may set the subject
    VelocityContext context = new VelocityContext(contextMap);

    StringWriter out = new StringWriter();
    try {
      template.merge(context, out);
    } catch (RuntimeException e) {
      throw failure(templateName, "rendering failed: " + e.getMessage(), e);
    }

    String subject = checkedSubject(templateName, context.get(SUBJECT), data);
    String body = normaliseBody(out.toString());
    if (body.isEmpty()) {
      throw failure(templateName, "the template produced an empty body");
    }
    Collection<String> values = stringValues(data);
    if (hasLeftoverReference(subject, values) || hasLeftoverReference(body, values)) {
      throw failure(
          templateName,
          "the output still contains a Velocity reference ($...) that was not replaced by a value");
    }
    return new RenderedDraft(subject, body);
  }

  /**
   * Checks every known template (bundled and overrides): each is parsed, checked for forbidden
   * directives and rendered once with {@link #sampleModel()}, so that a broken override (syntax
   * error, misspelt value, missing subject) is reported at start-up. An override file that is not
   * one of {@link #names()} is reported too, since it would silently have no effect.
   *
   * @throws TemplateRenderingException listing every failing file and the Velocity error
   */
  public void verifyAll() {
    List<String> problems = new ArrayList<>();
    String firstFailing = null;
    for (String file : overrideFileNames()) {
      String name = file.substring(0, file.length() - EXTENSION.length());
      if (!NAMES.contains(name)) {
        problems.add(
            "Override file "
                + overrideDirectory.resolve(file)
                + " is not a template this product uses; expected one of "
                + NAMES);
        firstFailing = firstFailing == null ? name : firstFailing;
      }
    }
    for (String name : NAMES) {
      try {
        render(name, sampleModel());
      } catch (TemplateRenderingException e) {
        problems.add(e.getMessage());
        firstFailing = firstFailing == null ? name : firstFailing;
      }
    }
    if (!problems.isEmpty()) {
      throw new TemplateRenderingException(
          firstFailing,
          "Mail template check failed ("
              + problems.size()
              + " problem(s)):\n - "
              + String.join("\n - ", problems));
    }
  }

  /**
   * A complete example model with every optional value present, as used by {@link #verifyAll()}.
   * Useful for previews.
   */
  public static Map<String, Object> sampleModel() {
    Map<String, Object> caseData = new LinkedHashMap<>();
    caseData.put("number", "2611270000123");
    caseData.put("title", "Nightly export stops with a timeout");
    caseData.put(
        "problemDescription",
        "Since Monday the nightly export stops after about 40 minutes with error EXP-504.");
    caseData.put("severity", "B");
    caseData.put("product", "Data Export Service");

    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "Alex Example");
    customer.put("email", "alex@customer.example");
    customer.put("premier", Boolean.TRUE);
    customer.put("tamName", "Sam Account");
    customer.put("tamEmail", "sam.account@followthrough.example");

    Map<String, Object> engineer = new LinkedHashMap<>();
    engineer.put("name", "Jordan Engineer");
    engineer.put("email", "jordan@followthrough.example");
    engineer.put("title", "Support Engineer");
    engineer.put("team", "Data Platform");
    engineer.put("phone", "+1 555 0100");
    engineer.put("workingHours", "Mon-Fri 09:00-17:00 CET");
    engineer.put("managerName", "Morgan Manager");
    engineer.put("managerEmail", "morgan@followthrough.example");

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("case", caseData);
    model.put("customer", customer);
    model.put("engineer", engineer);
    model.put("organisation", Map.of("name", "Followthrough Support"));
    model.put("nextUpdate", "Thursday, 27 November 2026 at 14:00 CET");
    model.put("customerDate", "Wednesday, 26 November 2026");
    model.put("previousEmailDate", "Monday, 24 November 2026");
    model.put("closingDate", "Friday, 11 December 2026");
    model.put("followUpNumber", 2);
    model.put("followUpCount", 3);
    model.put("callOutcome", "VOICEMAIL");
    model.put("dissatisfactionReason", "Three weeks without a working export");
    model.put("updateDue", "Thursday, 27 November 2026 at 14:00 CET");
    model.put("firstResponseDue", "Monday, 23 November 2026 at 14:00 CET");
    return model;
  }

  // ---------------------------------------------------------------------------------------------

  private static VelocityEngine newEngine(Path overrideDirectory) {
    VelocityEngine engine = new VelocityEngine();
    engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    engine.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
    engine.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
    engine.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
    // a macro defined in one template must not leak into another
    engine.setProperty("velocimacro.inline.local_scope", "true");
    engine.setProperty("directive.foreach.max_loops", "1000");

    // Neither loader caches: an override added or changed later is picked up on the next render.
    if (overrideDirectory != null) {
      engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "override,bundled");
      engine.setProperty("resource.loader.override.class", FileResourceLoader.class.getName());
      engine.setProperty("resource.loader.override.path", overrideDirectory.toString());
      engine.setProperty("resource.loader.override.cache", "false");
    } else {
      engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "bundled");
    }
    engine.setProperty("resource.loader.bundled.instance", new BundledTemplateLoader());
    engine.setProperty("resource.loader.bundled.cache", "false");
    engine.init();
    return engine;
  }

  /** The classpath loader, rooted at {@link #CLASSPATH_FOLDER} so both loaders see "{name}.vm". */
  private static final class BundledTemplateLoader extends ClasspathResourceLoader {
    @Override
    public Reader getResourceReader(String source, String encoding) {
      return super.getResourceReader(CLASSPATH_FOLDER + source, encoding);
    }
  }

  private static String requireValidName(String name) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new TemplateRenderingException(
          String.valueOf(name),
          "Mail template name '"
              + name
              + "' is not valid: use lower-case letters, digits and hyphens, e.g. status-update");
    }
    return name;
  }

  private Template load(String name) {
    Template template;
    try {
      template = engine.getTemplate(name + EXTENSION, StandardCharsets.UTF_8.name());
    } catch (ResourceNotFoundException e) {
      throw new TemplateRenderingException(
          name,
          "Mail template '"
              + name
              + "' not found: neither "
              + (overrideDirectory == null ? "" : overrideDirectory.resolve(name + EXTENSION) + " nor ")
              + "classpath:"
              + CLASSPATH_FOLDER
              + name
              + EXTENSION
              + " exists",
          e);
    } catch (RuntimeException e) { // ParseErrorException and friends
      throw failure(name, "cannot be parsed: " + e.getMessage(), e);
    }
    String forbidden = findForbiddenDirective((Node) template.getData());
    if (forbidden != null) {
      throw failure(
          name,
          "uses #"
              + forbidden
              + ", which mail templates may not use (data must never be evaluated as template"
              + " code, and templates must be self-contained)");
    }
    return template;
  }

  private static String findForbiddenDirective(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ASTDirective directive
        && FORBIDDEN_DIRECTIVES.contains(directive.getDirectiveName())) {
      return directive.getDirectiveName();
    }
    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
      String found = findForbiddenDirective(node.jjtGetChild(i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String checkedSubject(String name, Object value, Map<String, Object> data) {
    if (value == null) {
      throw failure(name, "the template does not set $subject (add #set($subject = \"...\"))");
    }
    String subject = value.toString().strip();
    if (subject.isEmpty()) {
      throw failure(name, "the subject is empty");
    }
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw failure(name, "the subject contains a line break; it must be a single line");
    }
    Object caseData = data.get("case");
    Object number = caseData instanceof Map<?, ?> m ? m.get("number") : null;
    if (number == null || number.toString().isBlank()) {
      throw failure(name, "the model has no case.number, which every subject must carry");
    }
    if (!subject.contains(number.toString())) {
      throw failure(
          name, "the subject does not contain the case number; add $case.number to it (R21)");
    }
    return subject;
  }

  /**
   * Line ends to {@code \n}, trailing whitespace of each line removed, leading blank lines
   * removed, runs of blank lines collapsed to a single blank line, no trailing newline.
   */
  static String normaliseBody(String raw) {
    List<String> lines =
        raw.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing).toList();
    int first = 0;
    while (first < lines.size() && lines.get(first).isEmpty()) {
      first++;
    }
    String text = String.join("\n", lines.subList(first, lines.size())).stripTrailing();
    return BLANK_LINE_RUNS.matcher(text).replaceAll("\n\n");
  }

  /**
   * True if the text contains a Velocity reference that is not part of a model value, i.e. the
   * template printed a placeholder literally (escaped reference, unparsed block). Customer text
   * may legitimately contain "$..." and is ignored.
   */
  private static boolean hasLeftoverReference(String text, Collection<String> values) {
    if (!LEFTOVER_REFERENCE.matcher(text).find()) {
      return false;
    }
    String rest = text;
    for (String value : values) {
      rest = rest.replace(value, "\u0000");
    }
    Matcher matcher = LEFTOVER_REFERENCE.matcher(rest);
    return matcher.find();
  }

  /**
   * The model's string values (nested) that themselves look like a Velocity reference, longest
   * first, for {@link #hasLeftoverReference}.
   */
  private static Collection<String> stringValues(Map<String, Object> data) {
    List<String> values = new ArrayList<>();
    collectStrings(data, values);
    values.removeIf(v -> !LEFTOVER_REFERENCE.matcher(v).find());
    values.sort(Comparator.comparingInt(String::length).reversed());
    return values;
  }

  private static void collectStrings(Object value, List<String> into) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collectStrings(v, into));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(v -> collectStrings(v, into));
    } else if (value != null) {
      into.add(value.toString());
    }
  }

  /** A deep, read-only copy, so a template cannot change the caller's data. Nulls are kept. */
  private static Map<String, Object> immutableCopy(Map<?, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(String.valueOf(k), immutableValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object immutableValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return immutableCopy(map);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(v -> list.add(immutableValue(v)));
      return Collections.unmodifiableList(list);
    }
    return value;
  }

  private Set<String> overrideFileNames() {
    if (overrideDirectory == null || !Files.isDirectory(overrideDirectory)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(overrideDirectory)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(EXTENSION))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new TemplateRenderingException(
          null, "Cannot list the mail template override directory " + overrideDirectory, e);
    }
  }

  private String sourceOf(String name) {
    if (overrideDirectory != null) {
      Path file = overrideDirectory.resolve(name + EXTENSION);
      if (Files.isRegularFile(file)) {
        return "override file " + file;
      }
    }
    return "classpath:" + CLASSPATH_FOLDER + name + EXTENSION;
  }

  private TemplateRenderingException failure(String name, String problem) {
    return failure(name, problem, null);
  }

  private TemplateRenderingException failure(String name, String problem, Throwable cause) {
    String message = "Mail template '" + name + "' (" + sourceOf(name) + "): " + problem;
    return cause == null
        ? new TemplateRenderingException(name, message)
        : new TemplateRenderingException(name, message, cause);
  }
}
