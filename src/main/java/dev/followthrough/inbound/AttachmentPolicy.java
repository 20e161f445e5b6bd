package dev.followthrough.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is kept of the files a customer sends (R29), before anything is stored: each file up to a
 * limit per file, all of a message's files together up to a limit per message, in the order they
 * came; what exceeds is recorded as not kept, with the reason, and the engineer is told. Text files
 * (logs, configuration, {@code .env}) have their secrets redacted like bodies (R18). Plain Java.
 */
final class AttachmentPolicy {

  private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/yaml",
      "application/x-yaml", "application/toml", "application/x-sh", "application/x-shellscript",
      "application/javascript", "application/x-properties", "application/x-ndjson", "application/sql");
  private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "log", "out", "err", "trace", "env", "properties",
      "yaml", "yml", "conf", "cfg", "cnf", "ini", "json", "xml", "toml", "sh", "bash", "ps1", "bat", "cmd", "sql", "csv",
      "tsv", "md", "pem", "key", "crt", "htaccess", "tf", "tfvars", "hcl", "config", "props", "gradle", "pom", "jks.txt");

  /** What becomes of one file: kept with its (redacted) bytes, or only listed with why not. */
  record Decision(String name, String contentType, long size, byte[] content, String notKeptReason,
                  List<String> secretsRedacted) {
    boolean kept() {
      return content != null;
    }
  }

  private final long maxFileBytes;
  private final long maxMessageBytes;

  AttachmentPolicy(long maxFileBytes, long maxMessageBytes) {
    this.maxFileBytes = maxFileBytes;
    this.maxMessageBytes = maxMessageBytes;
  }

  List<Decision> decide(List<MimeReader.Attachment> files) {
    List<Decision> decisions = new ArrayList<>();
    long kept = 0;
    for (MimeReader.Attachment file : files) {
      long size = file.content().length;
      if (size > maxFileBytes) {
        decisions.add(notKept(file, "too large: over the limit of " + size(maxFileBytes) + " per file"));
      } else if (kept + size > maxMessageBytes) {
        decisions.add(notKept(file, "too large: the message's files together are over the limit of "
            + size(maxMessageBytes) + " per message"));
      } else {
        kept += size;
        decisions.add(keep(file));
      }
    }
    return decisions;
  }

  private static Decision notKept(MimeReader.Attachment file, String why) {
    return new Decision(file.fileName(), file.contentType(), file.content().length, null, why, List.of());
  }

  private static Decision keep(MimeReader.Attachment file) {
    if (!isText(file.fileName(), file.contentType())) {
      return new Decision(file.fileName(), file.contentType(), file.content().length, file.content(), null, List.of());
    }
    SecretRedactor.Redaction redaction = SecretRedactor.redact(MimeReader.decode(file.content(), null));
    if (!redaction.foundSecrets()) {
      return new Decision(file.fileName(), file.contentType(), file.content().length, file.content(), null, List.of());
    }
    byte[] redacted = redaction.text().getBytes(StandardCharsets.UTF_8);
    return new Decision(file.fileName(), file.contentType() + "; charset=UTF-8", redacted.length, redacted, null,
        redaction.kinds());
  }

  /** Text a person could paste a secret into: text types, and the usual names of logs and configuration. */
  static boolean isText(String fileName, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("text/") || TEXT_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+xml")) {
      return true;
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return name.startsWith(".env") || (dot >= 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1)));
  }

  /** The files as the engineer reads them with the reply: names, sizes, what was not kept and why. */
  static String summary(List<Decision> decisions) {
    if (decisions.isEmpty()) {
      return "";
    }
    StringBuilder summary = new StringBuilder("Attached files:");
    for (Decision decision : decisions) {
      summary.append("\n- ").append(decision.name()).append(" (").append(decision.contentType().split(";")[0])
          .append(", ").append(size(decision.size())).append(")");
      if (!decision.kept()) {
        summary.append(" - not kept, ").append(decision.notKeptReason())
            .append("; ask the customer to share it another way");
      } else if (!decision.secretsRedacted().isEmpty()) {
        summary.append(" - ").append(String.join(", ", decision.secretsRedacted())).append(" removed");
      }
    }
    return summary.toString();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0).replace(".0 ", " ");
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024)).replace(".0 ", " ");
  }
}
