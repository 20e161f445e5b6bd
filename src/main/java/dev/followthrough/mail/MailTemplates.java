package dev.followthrough.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * Renders the product's customer and internal emails from Velocity templates (R20, R21, R30).
 *
 * <p>Templates live per language in the classpath folder {@code templates/mail/{language}/} as
 * {@code {name}.vm}: English ({@code en}), German ({@code de}) and French ({@code fr}) for every
 * email to the customer; the internal ones ({@link #internalNames()}) in English only, the
 * organisation's language. A customer's language tag picks the folder, most specific first:
 * {@code de-AT} reads {@code de-AT/}, then {@code de/}, then {@code en/}. A file with the same path
 * in the override directory wins over the bundled one of the same language only, so an override
 * of the German strike never hides the English or French one. Overrides are read on every render
 * (without an override directory, the bundled templates are parsed once and kept);
 * call {@link #verifyAll()} at start-up so a broken override is reported then, not at the first send.
 * Each language folder has a {@code layout.properties} with the fixed words around the text (see
 * {@link #language(String)}).
 *
 * <p>A template sets the subject with {@code #set($subject = "...")}; the merged output is the
 * plain-text body. The engine is private to this instance and runs in strict mode (a missing
 * value fails instead of printing {@code $placeholder}) with the secure introspector (templates
 * cannot reach reflection or class loading). Templates may not use {@code #evaluate},
 * {@code #define}, {@code #parse} or {@code #include}.
 *
 * <p>Customer text is data. Values from the model are inserted by Velocity, never parsed, and
 * every insertion is marked while rendering: the check for a placeholder left over (an escaped
 * {@code \$reference}, an unparsed block) reads only the template's own text, never a value, so a
 * case titled "Could not resolve ${db.url}" renders verbatim while a broken template still fails.
 * Dates in the model ({@link LocalDate}, {@link ZonedDateTime}) are written by {@link MailDates} in
 * the language of the template that was chosen.
 *
 * <p>This class is thread-safe.
 */
public final class MailTemplates {

  /** Classpath folder of the bundled templates; one sub-folder per language. */
  public static final String CLASSPATH_FOLDER = "templates/mail/";

  /** File name extension of a template. */
  public static final String EXTENSION = ".vm";

  /** The organisation's language: internal emails, and the last fallback for customers. */
  public static final String ORGANISATION_LANGUAGE = "en";

  /** The languages this product writes its customer emails in. */
  public static final List<String> BUNDLED_LANGUAGES = List.of("en", "de", "fr");

  /** The fixed words of each language (see {@link MailLanguage}). */
  public static final String LAYOUT_FILE = "layout.properties";

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

  /** Emails to our own people (the TAM is ours): written in the organisation's language only. */
  private static final Set<String> INTERNAL =
      Set.of("tam-outreach", "internal-escalation", "update-overdue", "first-response-at-risk",
          "first-response-missed");

  private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** A language folder: a language, optionally with its region ({@code de}, {@code de-AT}, {@code es-419}). */
  private static final Pattern LANGUAGE_FOLDER = Pattern.compile("[a-z]{2,3}(?:-(?:[A-Z]{2}|[0-9]{3}))?");

  /** Directives that could evaluate data as template code or pull in other files. */
  private static final Set<String> FORBIDDEN_DIRECTIVES =
      Set.of("evaluate", "define", "parse", "include");

  /**
   * Velocity code in the template's own output: a reference ({@code $customer.name}, {@code ${x}})
   * or a directive ({@code #if}) printed literally, e.g. escaped or inside {@code #[[ ]]#}.
   */
  private static final Pattern LEFTOVER_CODE = Pattern.compile(
      "\\$!?\\{?[A-Za-z_]|#\\{?(?:set|if|elseif|else|end|foreach|macro|break|stop|evaluate|define|parse|include)\\b");

  /** Marks where a value was inserted while rendering (private-use characters, removed afterwards). */
  private static final char DATA_START = '\uE000';
  private static final char DATA_END = '\uE001';
  private static final Pattern DATA = Pattern.compile(DATA_START + "[^" + DATA_END + "]*" + DATA_END);

  private static final Pattern BLANK_LINE_RUNS = Pattern.compile("\n{3,}");

  private static final String SUBJECT = "subject";

  private static final List<String> LAYOUT_KEYS =
      List.of("case", "signature.email", "signature.phone", "signature.workingHours", "signature.manager", "nextUpdate");

  private final Path overrideDirectory;
  private final VelocityEngine engine;
  /**
   * Without an override directory the templates cannot change while the application runs: each
   * is checked once (a walk of its syntax tree per send otherwise).
   */
  private final Map<String, Template> bundledChecked = new ConcurrentHashMap<>();

  /**
   * Templates come from the classpath folder {@code templates/mail/}; a file with the same path
   * (language folder and name) in {@code overrideDirectory} (nullable) wins, so process owners can
   * change wording without a rebuild. A directory that does not exist is ignored.
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

  /** The templates of emails to our own people, in the organisation's language only. */
  public static Set<String> internalNames() {
    return INTERNAL;
  }

  /**
   * The language folders to read for a customer's language tag, most specific first, always
   * ending with English: {@code de-AT} gives {@code [de-AT, de, en]}, {@code fr_CA} gives
   * {@code [fr-CA, fr, en]}, a blank or unreadable tag gives {@code [en]}.
   */
  public static List<String> languageChain(String languageTag) {
    List<String> chain = new ArrayList<>();
    if (languageTag != null && !languageTag.isBlank()) {
      Locale locale = Locale.forLanguageTag(languageTag.strip().replace('_', '-'));
      String language = locale.getLanguage();
      String region = locale.getCountry();
      if (!region.isEmpty() && LANGUAGE_FOLDER.matcher(language + "-" + region).matches()) {
        chain.add(language + "-" + region);
      }
      if (LANGUAGE_FOLDER.matcher(language).matches()) {
        chain.add(language);
      }
    }
    if (!chain.contains(ORGANISATION_LANGUAGE)) {
      chain.add(ORGANISATION_LANGUAGE);
    }
    return chain;
  }

  /** {@link #render(String, String, Map)} in the organisation's language. */
  public RenderedDraft render(String name, Map<String, Object> model) {
    return render(name, ORGANISATION_LANGUAGE, model);
  }

  /**
   * Renders {@code templates/mail/{language}/{name}.vm} (or its override) with the given model,
   * for the first language of {@link #languageChain(String)} that has the template. Dates in the
   * model are written in that language (with the customer's region when it is the customer's
   * language: {@code en-US} dates for an {@code en-US} customer).
   *
   * @return the subject (trimmed, one line, containing the case number) and the body (line ends
   *     normalised to {@code \n}, trailing whitespace removed, leading blank lines removed, runs of
   *     blank lines collapsed to one)
   * @throws TemplateRenderingException naming the template file and the problem: unknown template,
   *     syntax error, missing model value, forbidden directive, no or invalid subject, or Velocity
   *     code of the template itself left in the output
   */
  public RenderedDraft render(String name, String languageTag, Map<String, Object> model) {
    String templateName = requireValidName(name);
    List<String> chain = languageChain(languageTag);
    String folder = chain.stream().filter(language -> exists(language, templateName)).findFirst()
        .orElseThrow(() -> notFound(templateName, chain));
    if (model == null) {
      throw failure(templateName, folder, "no model was given");
    }
    Template template = load(templateName, folder);

    Map<String, Object> data = immutableCopy(model);
    Map<String, Object> contextMap = new LinkedHashMap<>(data);
    contextMap.remove(SUBJECT); // only the template may set the subject
    VelocityContext context = new VelocityContext(contextMap);
    EventCartridge cartridge = new EventCartridge();
    cartridge.addEventHandler(new ValuesAsData(dateLocale(folder, languageTag)));
    cartridge.attachToContext(context);

    StringWriter out = new StringWriter();
    try {
      template.merge(context, out);
    } catch (RuntimeException e) {
      throw failure(templateName, folder, "rendering failed: " + e.getMessage(), e);
    }

    Object subjectValue = context.get(SUBJECT);
    String markedSubject = subjectValue == null ? null : subjectValue.toString();
    String markedBody = out.toString();
    if ((markedSubject != null && leftoverCode(markedSubject)) || leftoverCode(markedBody)) {
      throw failure(templateName, folder,
          "the template's own text still contains Velocity code ($reference or #directive) that was not replaced"
              + " by a value (an escaped \\$ or an unparsed #[[...]]# block?)");
    }
    String subject = checkedSubject(templateName, folder, markedSubject == null ? null : unmarked(markedSubject), data);
    String body = normaliseBody(unmarked(markedBody));
    if (body.isEmpty()) {
      throw failure(templateName, folder, "the template produced an empty body");
    }
    return new RenderedDraft(subject, body);
  }

  /**
   * The fixed words of emails in a customer's language, read from {@code layout.properties} along
   * {@link #languageChain(String)} word by word (a German override that changes only the phone
   * label keeps the other German words), with dates in the most specific language found.
   */
  public MailLanguage language(String languageTag) {
    List<String> chain = languageChain(languageTag);
    Properties words = new Properties();
    String found = ORGANISATION_LANGUAGE;
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (loadLayout(words, chain.get(i))) {
        found = chain.get(i);
      }
    }
    List<String> missing = LAYOUT_KEYS.stream().filter(key -> words.getProperty(key, "").isBlank()).toList();
    if (!missing.isEmpty()) {
      throw new TemplateRenderingException(LAYOUT_FILE, "Mail layout words " + missing + " are missing for "
          + chain + " (" + LAYOUT_FILE + ")");
    }
    return new MailLanguage(dateLocale(found, languageTag), words.getProperty("case").strip(),
        words.getProperty("signature.email").strip(), words.getProperty("signature.phone").strip(),
        words.getProperty("signature.workingHours").strip(), words.getProperty("signature.manager").strip(),
        words.getProperty("nextUpdate").strip());
  }

  /**
   * Checks every known template (bundled and overrides) in every language: each is parsed,
   * checked for forbidden directives and rendered once with {@link #sampleModel()}, so that a
   * broken override (syntax error, misspelt value, missing subject) is reported at start-up; and
   * every language's {@code layout.properties}. An override that would silently have no effect is
   * reported too: a file outside a language folder, a name that is not one of {@link #names()},
   * an internal email in another language than English.
   *
   * @throws TemplateRenderingException listing every failing file and the Velocity error
   */
  public void verifyAll() {
    List<String> problems = new ArrayList<>();
    String firstFailing = null;
    Set<String> languages = new TreeSet<>(BUNDLED_LANGUAGES);
    for (Path entry : list(overrideDirectory)) {
      String file = entry.getFileName().toString();
      if (Files.isDirectory(entry) && LANGUAGE_FOLDER.matcher(file).matches()) {
        languages.add(file);
        for (Path inner : list(entry)) {
          String problem = overrideProblem(file, inner);
          if (problem != null) {
            problems.add(problem);
            firstFailing = firstFailing == null ? inner.getFileName().toString() : firstFailing;
          }
        }
      } else if (Files.isDirectory(entry)) {
        problems.add("Override folder " + entry + " is not a language (use a tag such as en, de, fr or de-AT)");
        firstFailing = firstFailing == null ? file : firstFailing;
      } else if (file.endsWith(EXTENSION)) {
        problems.add("Override file " + entry + " is not in a language folder and is never used; move it to "
            + overrideDirectory.resolve(ORGANISATION_LANGUAGE).resolve(file) + " for English, or to de/, fr/ ...");
        firstFailing = firstFailing == null ? file.substring(0, file.length() - EXTENSION.length()) : firstFailing;
      }
    }
    for (String language : languages) {
      for (String name : NAMES) {
        if (INTERNAL.contains(name) && !language.equals(ORGANISATION_LANGUAGE)) {
          continue;
        }
        try {
          render(name, language, sampleModel());
        } catch (TemplateRenderingException e) {
          if (!problems.contains(e.getMessage())) {
            problems.add(e.getMessage());
          }
          firstFailing = firstFailing == null ? name : firstFailing;
        }
      }
      try {
        MailLanguage words = language(language);
        if (!words.nextUpdateSentence().contains(MailLanguage.DATE)) {
          problems.add("Mail layout words for " + language + ": nextUpdate must contain " + MailLanguage.DATE);
        }
      } catch (TemplateRenderingException e) {
        problems.add(e.getMessage());
        firstFailing = firstFailing == null ? LAYOUT_FILE : firstFailing;
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

    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("case", caseData);
    model.put("customer", customer);
    model.put("engineer", engineer);
    model.put("organisation", Map.of("name", "Followthrough Support"));
    model.put("nextUpdate", ZonedDateTime.of(2026, 11, 27, 14, 0, 0, 0, berlin));
    model.put("customerDate", LocalDate.of(2026, 11, 26));
    model.put("previousEmailDate", LocalDate.of(2026, 11, 24));
    model.put("closingDate", LocalDate.of(2026, 12, 11));
    model.put("followUpNumber", 2);
    model.put("followUpCount", 3);
    model.put("callOutcome", "VOICEMAIL");
    model.put("dissatisfactionReason", "Three weeks without a working export");
    model.put("updateDue", ZonedDateTime.of(2026, 11, 27, 14, 0, 0, 0, berlin));
    model.put("firstResponseDue", ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, berlin));
    // the LQR's survey links (R10), one per rating, as the lifecycle's TemplateModels makes them
    model.put("survey", Map.of("lowest", 1, "highest", 5, "links", java.util.stream.IntStream.rangeClosed(1, 5)
        .mapToObj(rating -> Map.<String, Object>of("rating", rating,
            "url", "https://support.followthrough.example/survey/signed-token?rating=" + rating)).toList()));
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

    // With an override directory neither loader caches: an override added or changed later is
    // picked up on the next render. Without one, the bundled templates cannot change while the
    // application runs: each is parsed once and kept (issue 12: no parse per send).
    if (overrideDirectory != null) {
      engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "override,bundled");
      engine.setProperty("resource.loader.override.class", FileResourceLoader.class.getName());
      engine.setProperty("resource.loader.override.path", overrideDirectory.toString());
      engine.setProperty("resource.loader.override.cache", "false");
    } else {
      engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "bundled");
    }
    engine.setProperty("resource.loader.bundled.instance", new BundledTemplateLoader());
    engine.setProperty("resource.loader.bundled.cache", String.valueOf(overrideDirectory == null));
    engine.setProperty("resource.loader.bundled.modification_check_interval", "-1");
    engine.init();
    return engine;
  }

  /** The classpath loader, rooted at {@link #CLASSPATH_FOLDER} so both loaders see "{language}/{name}.vm". */
  private static final class BundledTemplateLoader extends ClasspathResourceLoader {
    /**
     * What the class path holds cannot change while the application runs: whether a language has
     * a template is looked up once, not opened on every render.
     */
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();

    @Override
    public Reader getResourceReader(String source, String encoding) {
      return super.getResourceReader(CLASSPATH_FOLDER + source, encoding);
    }

    @Override
    public boolean resourceExists(String source) {
      return exists.computeIfAbsent(source, super::resourceExists);
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

  private boolean exists(String language, String name) {
    return engine.resourceExists(language + "/" + name + EXTENSION);
  }

  private Template load(String name, String language) {
    return overrideDirectory == null
        ? bundledChecked.computeIfAbsent(language + "/" + name, key -> loadChecked(name, language))
        : loadChecked(name, language);
  }

  private Template loadChecked(String name, String language) {
    Template template;
    try {
      template = engine.getTemplate(language + "/" + name + EXTENSION, StandardCharsets.UTF_8.name());
    } catch (ResourceNotFoundException e) {
      throw notFound(name, List.of(language));
    } catch (RuntimeException e) { // ParseErrorException and friends
      throw failure(name, language, "cannot be parsed: " + e.getMessage(), e);
    }
    String forbidden = findForbiddenDirective((Node) template.getData());
    if (forbidden != null) {
      throw failure(
          name,
          language,
          "uses #"
              + forbidden
              + ", which mail templates may not use (data must never be evaluated as template"
              + " code, and templates must be self-contained)");
    }
    return template;
  }

  private TemplateRenderingException notFound(String name, List<String> chain) {
    return new TemplateRenderingException(
        name,
        "Mail template '"
            + name
            + "' not found in any of the languages "
            + chain
            + ": neither "
            + (overrideDirectory == null ? "" : overrideDirectory.resolve("{language}").resolve(name + EXTENSION) + " nor ")
            + "classpath:"
            + CLASSPATH_FOLDER
            + "{language}/"
            + name
            + EXTENSION
            + " exists");
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

  /**
   * Inserts every value of the model as data: a date in the template's language, anything else as
   * its text, between markers that tell the template's own text from inserted values.
   */
  private record ValuesAsData(Locale locale) implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
      if (value == null) {
        return null; // strict mode reports it, naming the reference
      }
      String text;
      if (value instanceof LocalDate date) {
        text = MailDates.date(date, locale);
      } else if (value instanceof ZonedDateTime moment) {
        text = MailDates.dateTime(moment, locale);
      } else {
        text = value.toString();
      }
      return DATA_START + text.replace(String.valueOf(DATA_START), "").replace(String.valueOf(DATA_END), "") + DATA_END;
    }
  }

  /** True if the template's own text, values left out, still holds Velocity code. */
  private static boolean leftoverCode(String marked) {
    return LEFTOVER_CODE.matcher(DATA.matcher(marked).replaceAll("\u0000")).find();
  }

  private static String unmarked(String marked) {
    return marked.replace(String.valueOf(DATA_START), "").replace(String.valueOf(DATA_END), "");
  }

  /**
   * The locale dates are written in: the customer's own (with its region) when the template is in
   * the customer's language, otherwise the template's language.
   */
  private static Locale dateLocale(String templateLanguage, String customerTag) {
    Locale template = Locale.forLanguageTag(templateLanguage);
    if (customerTag == null || customerTag.isBlank()) {
      return template;
    }
    Locale customer = Locale.forLanguageTag(customerTag.strip().replace('_', '-'));
    return customer.getLanguage().equals(template.getLanguage()) ? customer : template;
  }

  private String checkedSubject(String name, String language, String value, Map<String, Object> data) {
    if (value == null) {
      throw failure(name, language, "the template does not set $subject (add #set($subject = \"...\"))");
    }
    String subject = value.strip();
    if (subject.isEmpty()) {
      throw failure(name, language, "the subject is empty");
    }
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw failure(name, language, "the subject contains a line break; it must be a single line");
    }
    Object caseData = data.get("case");
    Object number = caseData instanceof Map<?, ?> m ? m.get("number") : null;
    if (number == null || number.toString().isBlank()) {
      throw failure(name, language, "the model has no case.number, which every subject must carry");
    }
    if (!subject.contains(number.toString())) {
      throw failure(
          name, language, "the subject does not contain the case number; add $case.number to it (R21)");
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
   * A part of a model worked out only if a template reads it, e.g. the LQR's signed survey links,
   * which every other email would otherwise compute for nothing.
   */
  public static Map<String, Object> whenRead(Supplier<? extends Map<String, ?>> part) {
    return new WhenRead(part);
  }

  private static final class WhenRead extends AbstractMap<String, Object> {
    private final Supplier<? extends Map<String, ?>> part;
    private volatile Map<String, Object> value;

    WhenRead(Supplier<? extends Map<String, ?>> part) {
      this.part = part;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      Map<String, Object> read = value;
      if (read == null) {
        read = immutableCopy(part.get());
        value = read;
      }
      return read.entrySet();
    }
  }

  /** A deep, read-only copy, so a template cannot change the caller's data. Nulls are kept. */
  private static Map<String, Object> immutableCopy(Map<?, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(String.valueOf(k), immutableValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object immutableValue(Object value) {
    if (value instanceof WhenRead) {
      return value; // read-only, and copied when it is first read
    }
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

  /** Reads {@code {language}/layout.properties}, bundled then override, into {@code words}; true if either exists. */
  private boolean loadLayout(Properties words, String language) {
    boolean found = false;
    try (InputStream bundled = MailTemplates.class.getClassLoader()
        .getResourceAsStream(CLASSPATH_FOLDER + language + "/" + LAYOUT_FILE)) {
      if (bundled != null) {
        words.load(new InputStreamReader(bundled, StandardCharsets.UTF_8));
        found = true;
      }
      if (overrideDirectory != null) {
        Path file = overrideDirectory.resolve(language).resolve(LAYOUT_FILE);
        if (Files.isRegularFile(file)) {
          try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            words.load(reader);
          }
          found = true;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new TemplateRenderingException(LAYOUT_FILE, "Cannot read the mail layout words of " + language
          + " (" + LAYOUT_FILE + "): " + e.getMessage(), e);
    }
    return found;
  }

  /** Why a file in an override language folder would have no effect, or null when it is used. */
  private String overrideProblem(String language, Path file) {
    String fileName = file.getFileName().toString();
    if (fileName.equals(LAYOUT_FILE)) {
      Properties words = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        words.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        return "Override file " + file + " cannot be read: " + e.getMessage();
      }
      Set<String> unknown = new TreeSet<>(words.stringPropertyNames());
      unknown.removeAll(LAYOUT_KEYS);
      return unknown.isEmpty() ? null : "Override file " + file + " has words this product does not use: " + unknown
          + "; expected some of " + LAYOUT_KEYS;
    }
    if (!fileName.endsWith(EXTENSION)) {
      return "Override file " + file + " is neither a template (" + EXTENSION + ") nor " + LAYOUT_FILE;
    }
    String name = fileName.substring(0, fileName.length() - EXTENSION.length());
    if (!NAMES.contains(name)) {
      return "Override file " + file + " is not a template this product uses; expected one of " + NAMES;
    }
    if (INTERNAL.contains(name) && !language.equals(ORGANISATION_LANGUAGE)) {
      return "Override file " + file + " is never used: internal emails are written in the organisation's language ("
          + ORGANISATION_LANGUAGE + "/" + fileName + ")";
    }
    return null;
  }

  private static List<Path> list(Path directory) {
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new TemplateRenderingException(
          null, "Cannot list the mail template override directory " + directory, e);
    }
  }

  private String sourceOf(String name, String language) {
    if (overrideDirectory != null) {
      Path file = overrideDirectory.resolve(language).resolve(name + EXTENSION);
      if (Files.isRegularFile(file)) {
        return "override file " + file;
      }
    }
    return "classpath:" + CLASSPATH_FOLDER + language + "/" + name + EXTENSION;
  }

  private TemplateRenderingException failure(String name, String language, String problem) {
    return failure(name, language, problem, null);
  }

  private TemplateRenderingException failure(String name, String language, String problem, Throwable cause) {
    String message = "Mail template '" + name + "' (" + sourceOf(name, language) + "): " + problem;
    return cause == null
        ? new TemplateRenderingException(name, message)
        : new TemplateRenderingException(name, message, cause);
  }
}
