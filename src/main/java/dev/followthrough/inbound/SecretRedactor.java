package dev.followthrough.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes passwords, keys, tokens and connection-string credentials out of a customer's text before
 * it is stored (R18). Every secret becomes {@code [redacted <kind>]}; the label in front of it and
 * all the words around it stay, so the engineer still reads "the password is [redacted password]"
 * and knows which credential to ask the customer to change. Plain Java, no dependencies.
 *
 * <h2>What is found</h2>
 *
 * <ul>
 *   <li><b>private key</b>: a PEM block {@code -----BEGIN … PRIVATE KEY-----} … {@code -----END …
 *       PRIVATE KEY-----} over any number of lines (RSA, EC, OpenSSH, encrypted, PGP "PRIVATE KEY
 *       BLOCK"); a block whose end was cut off loses its base64 lines too;
 *   <li><b>connection string password</b>: URL credentials {@code scheme://user:secret@host}
 *       ({@code postgres://}, {@code mongodb+srv://}, {@code https://}, {@code amqp://}…), a
 *       {@code password=}/{@code pwd=}/{@code pass=} key after {@code ;}, {@code ?} or {@code &}
 *       (JDBC, ADO.NET {@code Server=…;User Id=…;Password=…;}, ODBC {@code PWD={…}}, query strings
 *       {@code ?user=x&password=y}) and Oracle's {@code jdbc:oracle:thin:scott/tiger@host};
 *   <li><b>storage account key</b> ({@code AccountKey=}), <b>shared access key</b>
 *       ({@code SharedAccessKey=}), <b>shared access signature</b> ({@code SharedAccessSignature=},
 *       {@code sig=} in a SAS URL), <b>signed URL signature</b> ({@code X-Amz-Signature=},
 *       {@code X-Goog-Signature=});
 *   <li><b>AWS access key</b> ({@code AKIA}/{@code ASIA} + 16), <b>AWS secret key</b> (after
 *       {@code aws_secret_access_key}, {@code SecretAccessKey}…), <b>GitHub token</b>
 *       ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}),
 *       <b>GitLab token</b> ({@code glpat-}), <b>Slack token</b> ({@code xoxb-}, {@code xoxa-},
 *       {@code xoxp-}, {@code xoxr-}, {@code xoxs-}), <b>Slack webhook</b>, <b>Stripe key</b>
 *       ({@code sk_live_}, {@code rk_live_}), <b>Google API key</b> ({@code AIza…}), <b>npm
 *       token</b>;
 *   <li><b>bearer token</b>, <b>basic credentials</b>, <b>authorization header</b>: the value of an
 *       {@code Authorization:} header (the scheme word stays), and a stand-alone
 *       {@code Bearer <token>} whose token has a digit;
 *   <li><b>JWT</b>: three base64url segments, the first starting with {@code eyJ};
 *   <li><b>password</b>: a label — {@code password}, {@code passwd}, {@code passphrase},
 *       {@code passcode}, {@code pwd}, {@code pass}, {@code Passwort}, {@code Kennwort},
 *       {@code mot de passe}, also inside a longer key like {@code spring.datasource.password},
 *       {@code DB_PASSWORD} or a JSON {@code "password"} — followed by {@code :}, {@code =},
 *       {@code :=} or {@code =>} and a value on the same line; or a sentence "my password is
 *       hunter2", "the password for sa is …", "das Passwort lautet …", "le mot de passe est …";
 *       {@code curl -u user:secret}; SQL {@code IDENTIFIED BY}; an XML element
 *       {@code <password>…</password>};
 *   <li><b>API key</b>, <b>client secret</b>, <b>token</b>, <b>secret</b>, <b>access key</b>:
 *       {@code api_key}, {@code x-api-key}, {@code access_token}, {@code refresh_token},
 *       {@code client_secret}, {@code secret}, {@code token}… followed by {@code :} or {@code =}
 *       and a value that looks generated (at least 8 characters with letters and digits, or long
 *       and mixed case), or "the API key is …" with a long value.
 * </ul>
 *
 * <h2>What is left alone</h2>
 *
 * Prose about credentials ("I reset the password yesterday", "the password policy requires 12
 * characters", "the token expired", "the password is too short" — after "is" a value needs a digit, a
 * symbol, inner capitals or quotes); values that are no secret: placeholders ({@code ${DB_PASSWORD}},
 * {@code $TOKEN}, {@code <password>}, {@code {{secret}}}), masks ({@code ********}, {@code xxxx}) and
 * words such as "yes", "none", "required", "expired" (so MySQL's "using password: YES" stays); URLs
 * without credentials, email addresses, UUIDs, stack traces and {@code /etc/passwd}. A value ends at
 * white space, after {@code =} also at a {@code ;} or {@code &} that starts the next {@code key=}
 * ({@code Password=a&b;Server=x} redacts {@code a&b}); a quoted value ends at its quote; trailing
 * punctuation of the sentence ({@code . , ; : ) ] } >}) is not part of a bare value.
 *
 * <p>Redaction is idempotent: a {@code [redacted …]} marker is never taken for a secret.
 */
public final class SecretRedactor {

  /**
   * The redacted text and what was found.
   *
   * @param text the text with every secret replaced (null when the input was null)
   * @param kinds the kinds of secret found, each once, in the order the rules found them; never a
   *     secret itself
   */
  public record Redaction(String text, List<String> kinds) {
    public Redaction {
      kinds = List.copyOf(kinds);
    }

    public boolean foundSecrets() {
      return !kinds.isEmpty();
    }
  }

  private static final int I = Pattern.CASE_INSENSITIVE;
  /** How every redaction starts; a value that contains it was redacted already. */
  private static final String MARKER = "[redacted ";

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\$\\{.*|\\$[A-Z_][A-Z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|<.*|\\{\\{.*|\\[.*|\\(.*\\)");
  private static final Pattern MASK = Pattern.compile("[*•·xX#._-]+|\\.\\.\\.|…");
  private static final Pattern AUTHORIZATION_SCHEME =
      Pattern.compile("(?i)bearer|basic|token|digest|negotiate|ntlm|bot|apikey|ssws|header|required|failed|denied");
  private static final Set<String> NOT_A_SECRET = Set.of(
      "is", "was", "are", "were", "be", "been", "being", "the", "a", "an", "not", "none", "null", "nil", "n/a", "na",
      "required", "optional", "expired", "expires", "reset", "changed", "change", "set", "unset", "empty", "blank",
      "missing", "wrong", "incorrect", "invalid", "valid", "ok", "okay", "yes", "no", "true", "false", "same",
      "correct", "hidden", "masked", "redacted", "removed", "see", "below", "above", "unknown", "tbd", "all",
      "must", "should", "will", "has", "have", "needs", "never", "always", "policy", "protected", "encrypted",
      "hashed", "enabled", "disabled", "on", "off", "and", "or", "for", "of", "to", "in", "it", "this", "that",
      "too", "still", "now", "also", "only", "used", "given", "entered", "sent", "stored", "saved", "provided",
      "attached", "supplied", "rejected", "accepted", "failed", "authentication", "different", "strong", "weak",
      "short", "long", "ja", "nein", "oui", "non", "le", "la", "der", "die", "das", "ist", "est", "leer", "vide");

  /** Word characters that may not touch a label on the left (so "/etc/passwd" is no label). */
  private static final String LABEL_START = "(?<![A-Za-z0-9/\\\\])(?:[A-Za-z0-9]{1,40}[_.-]){0,8}";
  private static final String LABEL_END = "(?![A-Za-z0-9_])[\"']?";
  private static final String PASSWORD_LABEL =
      "(?:password|passwd|passphrase|passcode|passwort|kennwort|mot de passe|pgpassword|pwd|pass)";
  private static final String PROSE_PASSWORD_LABEL = "(?:password|passwd|passphrase|passcode|passwort|kennwort|mot de passe)";
  private static final String SECRET_LABEL =
      "(api[ _-]?key|apikey|api[ _-]?token|access[ _-]?token|auth[_-]?token|refresh[ _-]?token|bearer[_-]?token"
          + "|client[ _-]?secret|app[_-]?secret|secret[ _-]?key|private[_-]?key|access[ _-]?key|secret|token)";
  private static final String ASSIGN = "\\s*(?:=>|:=|[:=])[ \\t]*";
  private static final String EQUALS = "\\s*=(?![=>])[ \\t]*";
  private static final String COLON = "\\s*(?:=>|:=|:)[ \\t]*";
  private static final String VALUE_TO_SPACE = "(\"[^\"\\r\\n]*\"|'[^'\\r\\n]*'|[^\\s\"']\\S*)";
  /** After "=": a value ends at white space, or at a ";" or "&" that starts the next "key=". */
  private static final String VALUE_TO_SEPARATOR =
      "(\"[^\"\\r\\n]*\"|'[^'\\r\\n]*'|\\{[^}\\r\\n]*}"
          + "|[^\\s;&\"'<>]*(?:[;&](?![A-Za-z][\\w .-]{0,80}=)[^\\s;&\"'<>]*){0,20}[^\\s;&\"'<>])";
  private static final String PROSE_VERB =
      "(?:\\s+for\\s+[\\w@.'-]+(?:\\s+[\\w@.'-]+){0,2}?)?\\s+(?:is|was|ist|lautet|est)\\s+(?:(?:now|still|currently|jetzt|nun|maintenant)\\s+)?";

  private record Rule(Pattern pattern, int group, Function<Matcher, String> kind, Predicate<String> accepts) {}

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    // whole blocks and URLs first, so that later rules only see what is left
    rule("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----",
        0, 0, "private key", any());
    rule("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:(?:\\r?\\n[ \\t]*)?\\r?\\n[ \\t]*"
            + "(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]{2,}={1,2}|Proc-Type:[^\\r\\n]*|DEK-Info:[^\\r\\n]*|Comment:[^\\r\\n]*)){0,400}",
        0, 0, "private key", any());
    rule("https://hooks\\.slack\\.com/((?:services|workflows|triggers)/[A-Za-z0-9/_-]{8,})", 0, 1, "Slack webhook", any());
    rule("\\b[a-z][a-z0-9+.-]{0,30}://[^\\s:/?#@\\[\\]\"'<>]{1,256}:([^\\s/?#\"'<>]{1,256})@", I, 1, "connection string password",
        credential());
    rule("jdbc:oracle:[a-z0-9]+:@?[^\\s/@:;]+/([^\\s@;\"']+)@", I, 1, "connection string password", credential());
    rule("(?<=[;?&])\\s*(?:password|passwd|pwd|pass)\\s*=\\s*" + VALUE_TO_SEPARATOR, I, 1, "connection string password", credential());
    rule("\\bAccountKey\\s*=\\s*([^;\\s\"'<>]+)", I, 1, "storage account key", value());
    rule("\\bSharedAccessKey\\s*=\\s*([^;\\s\"'<>]+)", I, 1, "shared access key", value());
    rule("\\bSharedAccessSignature\\s*=\\s*([^;\\s\"'<>]+)", I, 1, "shared access signature", value());
    rule("[?&]sig=([^&\\s\"'<>#]+)", 0, 1, "shared access signature", value());
    rule("[?&]X-(?:Amz|Goog)-Signature=([^&\\s\"'<>#]+)", I, 1, "signed URL signature", value());

    // tokens that announce themselves
    rule("\\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})(?![0-9A-Za-z])", 0, 1, "AWS access key", any());
    rule(LABEL_START + "(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key)" + LABEL_END + ASSIGN + VALUE_TO_SPACE,
        I, 1, "AWS secret key", value());
    rule("\\b(gh[pousr]_[A-Za-z0-9]{36,255})(?![A-Za-z0-9])", 0, 1, "GitHub token", any());
    rule("\\b(github_pat_[A-Za-z0-9_]{22,255})", 0, 1, "GitHub token", any());
    rule("\\b(glpat-[A-Za-z0-9_-]{20,})", 0, 1, "GitLab token", any());
    rule("\\b(xox[baprs]-[A-Za-z0-9-]{10,})", 0, 1, "Slack token", any());
    rule("\\b([sr]k_live_[A-Za-z0-9]{16,})", 0, 1, "Stripe key", any());
    rule("\\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])", 0, 1, "Google API key", any());
    rule("\\b(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])", 0, 1, "npm token", any());

    // authorization headers before JWTs, so the header says what the token was used for
    RULES.add(new Rule(Pattern.compile(
        "\\b(?:Proxy-)?Authorization[\"']?\\s*[:=]\\s*[\"']?(?:(Bearer|Basic|Token|Digest|Negotiate|NTLM|Bot|ApiKey|SSWS)\\s+)?"
            + "([^\\s\"',]+)", I),
        2, SecretRedactor::authorizationKind, value().and(raw -> !AUTHORIZATION_SCHEME.matcher(bare(raw)).matches())));
    rule("\\bBearer\\s+([A-Za-z0-9._~+/-]{16,}=*)", I, 1, "bearer token", hasDigit());
    rule("\\b(eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*)", 0, 1, "JWT", any());

    // passwords
    rule("(?:^|\\s)(?:-u|--user)\\s+[\"']?[^\\s:\"']+:([^\\s\"']+)", 0, 1, "password", credential());
    rule("(?i:identified\\s+by)\\s+(?:PASSWORD\\s+)?('[^'\\r\\n]+'|\"[^\"\\r\\n]+\")", 0, 1, "password", value());
    rule("\\bIDENTIFIED\\s+BY\\s+(?!PASSWORD\\b|VALUES\\b)([^\\s;'\"]+)", 0, 1, "password", value());
    RULES.add(new Rule(Pattern.compile(
        "<((?:[A-Za-z0-9]{1,40}[_.:-]){0,8}(?:" + PASSWORD_LABEL.substring(3, PASSWORD_LABEL.length() - 1) + "|"
            + SECRET_LABEL.substring(1, SECRET_LABEL.length() - 1) + "))>\\s*([^<\\s][^<]*?)\\s*</\\1>", I),
        2, m -> labelKind(m.group(1)), value()));
    rule(LABEL_START + PASSWORD_LABEL + LABEL_END + EQUALS + VALUE_TO_SEPARATOR, I, 1, "password", value());
    rule(LABEL_START + PASSWORD_LABEL + LABEL_END + COLON + VALUE_TO_SPACE, I, 1, "password", value());
    rule(LABEL_START + PROSE_PASSWORD_LABEL + "(?![A-Za-z0-9_])" + PROSE_VERB + VALUE_TO_SPACE, I, 1, "password", proseValue(4));

    // other labelled secrets
    RULES.add(new Rule(Pattern.compile("(" + LABEL_START + SECRET_LABEL + ")" + LABEL_END + ASSIGN + VALUE_TO_SPACE, I),
        3, m -> labelKind(m.group(1)), generatedValue()));
    RULES.add(new Rule(Pattern.compile("(" + LABEL_START + SECRET_LABEL + ")(?![A-Za-z0-9_])" + PROSE_VERB + VALUE_TO_SPACE, I),
        3, m -> labelKind(m.group(1)), longGeneratedValue()));
  }

  private SecretRedactor() {}

  /**
   * Replaces every secret with {@code [redacted <kind>]}.
   *
   * @param text the customer's text; null gives a null text and no kinds
   * @return the redacted text and the kinds found (never the secrets)
   */
  public static Redaction redact(String text) {
    if (text == null) {
      return new Redaction(null, List.of());
    }
    Set<String> kinds = new LinkedHashSet<>();
    String result = text;
    for (Rule rule : RULES) {
      result = apply(rule, result, kinds);
    }
    return new Redaction(result, List.copyOf(kinds));
  }

  private static String apply(Rule rule, String text, Set<String> kinds) {
    Matcher matcher = rule.pattern().matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      int start = matcher.start(rule.group());
      int end = matcher.end(rule.group());
      if (start < 0 || end <= start) {
        continue;
      }
      String raw = text.substring(start, end);
      if (!rule.accepts().test(raw)) {
        continue;
      }
      // keep the quotes around a quoted value, and a sentence's punctuation after a bare one
      char first = raw.charAt(0);
      if (raw.length() >= 2 && (first == '"' || first == '\'' || first == '{') && raw.charAt(raw.length() - 1) == closing(first)) {
        start++;
        end--;
      } else if (rule.group() > 0) {
        while (end > start + 1 && ".,;:)]}>\"'".indexOf(text.charAt(end - 1)) >= 0) {
          end--;
        }
      }
      if (end <= start) {
        continue;
      }
      String kind = rule.kind().apply(matcher);
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(MARKER).append(kind).append(']');
      copied = end;
      kinds.add(kind);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static char closing(char open) {
    return open == '{' ? '}' : open;
  }

  // ---------------------------------------------------------------------------------------------
  // Rules and what a value must look like

  private static void rule(String regex, int flags, int group, String kind, Predicate<String> accepts) {
    RULES.add(new Rule(Pattern.compile(regex, flags), group, m -> kind, accepts));
  }

  private static Predicate<String> any() {
    return raw -> !raw.contains(MARKER.strip());
  }

  /** Anything but a placeholder, a mask, a prose word or a value shorter than 3 characters. */
  private static Predicate<String> value() {
    return raw -> {
      String value = bare(raw);
      if (value.length() < 3 || value.startsWith("[") || raw.contains(MARKER.strip())) {
        return false;
      }
      return !PLACEHOLDER.matcher(value).matches()
          && !MASK.matcher(value).matches()
          && !NOT_A_SECRET.contains(value.toLowerCase(Locale.ROOT));
    };
  }

  /** A credential in a connection string or URL: anything but a placeholder or a mask, however short. */
  private static Predicate<String> credential() {
    return raw -> {
      String value = bare(raw);
      return !value.isEmpty() && !value.startsWith("[") && !raw.contains(MARKER.strip()) && !PLACEHOLDER.matcher(value).matches() && !MASK.matcher(value).matches();
    };
  }

  /** After "is": quoted, or with a digit, a symbol or an inner capital — not an ordinary word. */
  private static Predicate<String> proseValue(int minLength) {
    return raw -> {
      if (!value().test(raw)) {
        return false;
      }
      String value = bare(raw);
      if (raw.startsWith("\"") || raw.startsWith("'")) {
        return true;
      }
      return value.length() >= minLength
          && (hasDigit(value) || value.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && c != '-' && c != '\'')
              || innerCapital(value));
    };
  }

  /** Looks generated: letters and digits, or mixed case and long, or very long. */
  private static Predicate<String> generatedValue() {
    return raw -> {
      if (!value().test(raw)) {
        return false;
      }
      String value = bare(raw);
      boolean letters = value.chars().anyMatch(Character::isLetter);
      return value.length() >= 8
          && ((letters && hasDigit(value)) || (innerCapital(value) && value.length() >= 16) || value.length() >= 24);
    };
  }

  private static Predicate<String> longGeneratedValue() {
    return raw -> generatedValue().test(raw) && bare(raw).length() >= 16 && hasDigit(bare(raw));
  }

  private static Predicate<String> hasDigit() {
    return raw -> !raw.contains(MARKER.strip()) && hasDigit(raw);
  }

  private static boolean hasDigit(String value) {
    return value.chars().anyMatch(Character::isDigit);
  }

  private static boolean innerCapital(String value) {
    return value.length() > 1 && value.substring(1).chars().anyMatch(Character::isUpperCase)
        && value.chars().anyMatch(Character::isLowerCase);
  }

  /** The value without quotes and without a sentence's trailing punctuation. */
  private static String bare(String raw) {
    String value = raw;
    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'") || value.startsWith("{"))
        && value.charAt(value.length() - 1) == closing(value.charAt(0))) {
      return value.substring(1, value.length() - 1);
    }
    int end = value.length();
    while (end > 1 && ".,;:)]}>\"'".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return value.substring(0, end);
  }

  private static String authorizationKind(Matcher matcher) {
    String scheme = matcher.group(1) == null ? "" : matcher.group(1).toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "bearer" -> "bearer token";
      case "basic" -> "basic credentials";
      default -> "authorization header";
    };
  }

  private static String labelKind(String label) {
    String key = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (key.matches(".*(password|passwd|passphrase|passcode|passwort|kennwort|motdepasse|pwd|pass)")) {
      return "password";
    }
    if (key.endsWith("clientsecret")) {
      return "client secret";
    }
    if (key.endsWith("apikey") || key.endsWith("apitoken")) {
      return "API key";
    }
    if (key.endsWith("privatekey")) {
      return "private key";
    }
    if (key.endsWith("accesskey")) {
      return "access key";
    }
    if (key.endsWith("token")) {
      return "token";
    }
    return "secret";
  }
}
