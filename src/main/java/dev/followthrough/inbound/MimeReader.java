package dev.followthrough.inbound;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an email as the mailbox stored it (its RFC 822 source) into what the intake needs: every
 * header (first value per name), the customer's words, and the files they attached. Plain Java and
 * lenient the way real mail needs: a charset Java does not know (sendmail's {@code unknown-8bit},
 * {@code x-unknown}) is read as UTF-8 when it is valid UTF-8, else as windows-1252; an HTML-only
 * reply is read with jsoup into text with its paragraphs and line breaks, quoted blocks marked
 * {@code >}; in {@code multipart/alternative} the text part wins when it has words. What it cannot
 * read at all (MIME nested deeper than any mail program writes) it refuses with {@link Unreadable}.
 */
final class MimeReader {

  /** Multipart nesting no mail program writes; deeper is refused rather than recursed into. */
  static final int MAX_DEPTH = 12;

  private static final Session LENIENT = Session.getInstance(lenient());
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** A file that came with the message, as sent (before limits and redaction). */
  record Attachment(String fileName, String contentType, byte[] content) {}

  /** The message for the intake, and its files. */
  record Read(InboundMessage message, List<Attachment> attachments) {}

  /** A message that cannot be read; kept raw, tried again, then shown to a person. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  private MimeReader() {}

  static Read read(byte[] raw, Instant receivedAt) {
    try {
      MimeMessage message = new MimeMessage(LENIENT, new ByteArrayInputStream(raw));
      Body body = new Body();
      walk(message, body, 0);
      String text = body.text.toString().strip();
      String messageId = message.getMessageID();
      if (messageId == null || messageId.isBlank() || messageId.length() > 300) {
        messageId = synthesisedId(message, text, messageId);
      }
      return new Read(new InboundMessage(messageId.strip(), from(message), message.getSubject(),
          message.getHeader("In-Reply-To", null), message.getHeader("References", " "), headers(message),
          contentType(message), text, receivedAt, null, DeliveryReports.read(message).orElse(null)),
          List.copyOf(body.attachments));
    } catch (MessagingException e) {
      throw new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Every header the message has, first value per name, names looked up in any case. */
  private static Map<String, String> headers(MimeMessage message) throws MessagingException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
      Header header = all.nextElement();
      headers.putIfAbsent(header.getName(), decoded(MimeUtility.unfold(header.getValue() == null ? "" : header.getValue())));
    }
    return new LinkedHashMap<>(headers);
  }

  private static String decoded(String value) {
    try {
      return MimeUtility.decodeText(value);
    } catch (IOException | RuntimeException e) {
      return value;
    }
  }

  private static String from(MimeMessage message) throws MessagingException {
    try {
      Address[] from = message.getFrom();
      return from == null || from.length == 0 ? null : from[0].toString();
    } catch (MessagingException e) {
      return message.getHeader("From", null);
    }
  }

  private static String contentType(Part part) {
    try {
      return part.getContentType();
    } catch (MessagingException e) {
      return "text/plain";
    }
  }

  /** What the walk collects: the customer's words and the files. */
  private static final class Body {
    final StringBuilder text = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();

    void addText(String words) {
      if (words != null && !words.isBlank()) {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        text.append(words.strip());
      }
    }
  }

  private static void walk(Part part, Body body, int depth) throws MessagingException {
    if (depth > MAX_DEPTH) {
      throw new Unreadable("MIME nested deeper than " + MAX_DEPTH + " levels");
    }
    if (isAttachment(part)) {
      body.attachments.add(new Attachment(fileName(part), baseType(part), bytes(part)));
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = multipart(part);
      if (multipart == null) {
        body.addText(text(part));
      } else if (part.isMimeType("multipart/alternative")) {
        alternative(multipart, body, depth);
      } else if (part.isMimeType("multipart/report") || part.isMimeType("multipart/signed")) {
        // a delivery report: its human-readable part is the text; the machine parts and the
        // returned original are not files from the customer. A signed message: its signature is
        // not a file either
        if (multipart.getCount() > 0) {
          walk(multipart.getBodyPart(0), body, depth + 1);
        }
      } else {
        for (int i = 0; i < multipart.getCount(); i++) {
          walk(multipart.getBodyPart(i), body, depth + 1);
        }
      }
    } else if (part.isMimeType("text/html")) {
      body.addText(htmlText(text(part)));
    } else if (part.isMimeType("text/*")) {
      body.addText(text(part));
    }
    // other inline parts without a name (message/delivery-status and the like) are not words
  }

  /** {@code multipart/alternative}: the plain text when it has words, else the HTML read as text. */
  private static void alternative(Multipart multipart, Body body, int depth) throws MessagingException {
    Body plain = null;
    Body other = null;
    for (int i = 0; i < multipart.getCount(); i++) {
      Part choice = multipart.getBodyPart(i);
      Body read = new Body();
      walk(choice, read, depth + 1);
      if (choice.isMimeType("text/plain") && !read.text.toString().isBlank()) {
        plain = plain == null ? read : plain;
      } else if (other == null && (!read.text.toString().isBlank() || !read.attachments.isEmpty())) {
        other = read;
      }
    }
    Body chosen = plain != null ? plain : other;
    if (chosen != null) {
      body.addText(chosen.text.toString());
      body.attachments.addAll(chosen.attachments);
    }
  }

  private static Multipart multipart(Part part) throws MessagingException {
    try {
      return part.getContent() instanceof Multipart multipart ? multipart : null;
    } catch (IOException | MessagingException e) {
      return null; // a multipart without its boundaries: its source is read as text
    }
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    if (part.isMimeType("multipart/*")) {
      return false;
    }
    String disposition = safeDisposition(part);
    if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || rawFileName(part) != null) {
      return true;
    }
    // a forwarded email (message/rfc822) is a file too; delivery-status parts outside a report are not
    return !part.isMimeType("text/*") && !part.isMimeType("message/delivery-status")
        && !part.isMimeType("message/disposition-notification");
  }

  private static String safeDisposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String rawFileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null || name.isBlank() ? null : decoded(name);
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String fileName(Part part) throws MessagingException {
    String name = rawFileName(part);
    if (name == null) {
      return part.isMimeType("message/rfc822") ? "forwarded-message.eml" : "attachment";
    }
    // a name, not a path: some clients send C:\Users\...\log.txt
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return base.isEmpty() ? "attachment" : base;
  }

  private static String baseType(Part part) {
    try {
      return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  /** The part's bytes, transfer encoding undone; a broken encoding yields what could be read. */
  private static byte[] bytes(Part part) throws MessagingException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new Unreadable("a part's content cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /** A text part's words, in its declared charset when Java knows it, else {@link #decode}. */
  static String text(Part part) throws MessagingException {
    String charset = null;
    try {
      charset = new ContentType(part.getContentType()).getParameter("charset");
    } catch (ParseException | RuntimeException e) {
      // an unparsable Content-Type: the bytes decide
    }
    return decode(bytes(part), charset);
  }

  /**
   * Bytes to text, never failing: the declared charset when Java knows it; otherwise UTF-8 when the
   * bytes are valid UTF-8, else windows-1252 (a superset of ISO-8859-1 in what mail uses).
   */
  static String decode(byte[] bytes, String declared) {
    Charset known = known(declared);
    if (known != null) {
      return new String(bytes, known);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  private static Charset known(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    try {
      String name = MimeUtility.javaCharset(declared.strip());
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * HTML read as a person reads it: paragraphs, line breaks and list items on their own lines,
   * quoted blocks marked {@code > }, no scripts, styles or markup.
   */
  static String htmlText(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head, title, template").remove();
    HtmlText text = new HtmlText();
    NodeTraversor.traverse(text, document.body());
    return text.toString();
  }

  private static final class HtmlText implements NodeVisitor {
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "li", "tr", "table", "pre", "blockquote", "hr", "address", "section", "article", "header",
        "footer", "dl", "dt", "dd");
    private final StringBuilder out = new StringBuilder();
    private int quoteDepth;
    private int preDepth;
    private boolean lineStart = true;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        if (preDepth > 0) {
          String[] lines = textNode.getWholeText().split("\r?\n", -1);
          for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
              newline();
            }
            words(lines[i], false);
          }
        } else {
          words(textNode.text(), true);
        }
      } else if (node instanceof Element element) {
        String name = element.normalName();
        if (name.equals("br")) {
          newline();
        } else if (BLOCKS.contains(name)) {
          blockBreak(name);
          if (name.equals("blockquote")) {
            quoteDepth++;
          } else if (name.equals("pre")) {
            preDepth++;
          } else if (name.equals("li")) {
            words("- ", false);
          } else if (name.equals("td") || name.equals("th")) {
            words(" ", false);
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        String name = element.normalName();
        blockBreak(name);
        if (name.equals("blockquote")) {
          quoteDepth--;
        } else if (name.equals("pre")) {
          preDepth--;
        }
      }
    }

    private void blockBreak(String name) {
      if (!lineStart) {
        newline();
      }
      if (name.equals("p") || name.equals("blockquote") || name.startsWith("h")) {
        paragraph();
      }
    }

    private void paragraph() {
      if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
        newline();
      }
    }

    private void words(String text, boolean collapse) {
      String value = text.replace('\u00a0', ' ');
      if (lineStart) {
        if (collapse) {
          value = value.stripLeading();
        }
        if (value.isEmpty()) {
          return;
        }
        out.append("> ".repeat(quoteDepth));
        lineStart = false;
      }
      out.append(value);
    }

    private void newline() {
      // trailing spaces of the line go
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == ' ') {
        end--;
      }
      out.setLength(end);
      out.append('\n');
      lineStart = true;
    }

    @Override
    public String toString() {
      return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
  }

  /** A message without a usable Message-ID still gets a stable one, so a second delivery is recognised. */
  private static String synthesisedId(MimeMessage message, String text, String original) throws MessagingException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(original).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(message.getHeader("Subject", " ")).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(message.getHeader("Date", " ")).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
      return "<sha256." + HexFormat.of().formatHex(digest.digest()) + "@followthrough.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties lenient() {
    Properties properties = new Properties();
    properties.put("mail.mime.address.strict", "false");
    properties.put("mail.mime.parameters.strict", "false");
    properties.put("mail.mime.base64.ignoreerrors", "true");
    properties.put("mail.mime.uudecode.ignoreerrors", "true");
    properties.put("mail.mime.uudecode.ignoremissingbeginend", "true");
    properties.put("mail.mime.multipart.ignoremissingendboundary", "true");
    properties.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
    properties.put("mail.mime.decodetext.strict", "false");
    properties.put("mail.mime.decodefilename", "true");
    return properties;
  }
}
