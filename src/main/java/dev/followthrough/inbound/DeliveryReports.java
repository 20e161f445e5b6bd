package dev.followthrough.inbound;

import dev.followthrough.mail.PlainText;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads what a mail server says about an undelivered email out of the message it sent back.
 *
 * <ul>
 *   <li><b>RFC 3464</b> ({@code multipart/report; report-type=delivery-status}, Postfix, Exchange,
 *       Gmail, Exim with DSN): the {@code message/delivery-status} part is parsed by the mail
 *       library's DSN support ({@link DeliveryStatus}); each recipient's {@code Action},
 *       {@code Status}, {@code Final-Recipient} and {@code Diagnostic-Code} are read; the returned
 *       email's headers come from the {@code message/rfc822} or {@code text/rfc822-headers} part.
 *   <li><b>Non-standard bounces</b>, recognised by {@code X-Failed-Recipients}, a
 *       {@code MAILER-DAEMON}/{@code postmaster} sender or a bounce subject
 *       ({@link ReplyClassifier#looksLikeBounce}): a returned email attached as
 *       {@code message/rfc822}, or copied inline after qmail's "Below this line is a copy of the
 *       message", Exim's "This is a copy of the message, including all the headers", or an
 *       "Original message" marker. Delay wording makes the action {@code delayed}, else
 *       {@code failed}.
 * </ul>
 *
 * Anything else gives {@link Optional#empty()}; a report that cannot be read gives what could be read.
 */
public final class DeliveryReports {

  private static final int MAX_DEPTH = 5;
  private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
  private static final Pattern SMTP_REPLY = Pattern.compile("(?m)^\\s*(?:remote (?:host|server) said:\\s*)?([245]\\d\\d[ -].{3,300})$");
  private static final Pattern COPY_MARKER = Pattern.compile(
      "(?im)^\\s*-*\\s*(?:below this line is a copy of the message\\.?"
          + "|this is a copy of the message, including all the headers\\.?"
          + "|original message (?:headers )?follows\\.?|the original message (?:headers )?(?:follow|are included)[^\\n]*"
          + "|-+ ?original message ?-+)\\s*-*\\s*$");
  private static final Pattern ADDRESS_LINE = Pattern.compile(
      "(?m)^\\s*<?([A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})>?\\s*:?\\s*$");
  private static final Pattern DELAY_WORDING = Pattern.compile(
      "(?i)(?:delivery (?:has been |is )?delayed|has not (?:yet )?been delivered|not yet been delivered"
          + "|will (?:continue|keep) (?:trying|to try|retrying)|still trying|could not send message for (?:the )?past"
          + "|temporary (?:failure|problem)|zustellung verzögert|remise retardée)");

  private DeliveryReports() {}

  /** The report in this message, if it is one. */
  public static Optional<DeliveryReport> read(MimeMessage message) {
    try {
      Optional<DeliveryReport> standard = standard(message);
      if (standard.isPresent()) {
        return standard;
      }
      return looksLikeBounce(message) ? Optional.of(nonStandard(message)) : Optional.empty();
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // RFC 3464

  private static Optional<DeliveryReport> standard(MimeMessage message) throws MessagingException, IOException {
    if (!message.isMimeType("multipart/report")) {
      return Optional.empty();
    }
    String reportType = new ContentType(message.getContentType()).getParameter("report-type");
    if (reportType == null || !reportType.toLowerCase(Locale.ROOT).contains("delivery-status")) {
      return Optional.empty();
    }
    Parts parts = new Parts();
    parts.collect(message, 0);
    if (parts.status == null) {
      return Optional.empty();
    }
    DeliveryStatus status = parts.status.getContent() instanceof DeliveryStatus parsed
        ? parsed : new DeliveryStatus(parts.status.getInputStream());
    DeliveryReport.Action worst = null;
    String statusCode = null;
    String diagnostic = null;
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < status.getRecipientDSNCount(); i++) {
      InternetHeaders recipient = status.getRecipientDSN(i);
      DeliveryReport.Action action = DeliveryReport.Action.of(recipient.getHeader("Action", null));
      if (action == null) {
        continue;
      }
      if (worst == null || action.ordinal() < worst.ordinal()) {
        worst = action;
        statusCode = firstStatus(recipient.getHeader("Status", null));
        diagnostic = typed(recipient.getHeader("Diagnostic-Code", null));
      }
      String finalRecipient = typed(recipient.getHeader("Final-Recipient", null));
      if (finalRecipient == null) {
        finalRecipient = typed(recipient.getHeader("Original-Recipient", null));
      }
      if (finalRecipient != null && (action == DeliveryReport.Action.FAILED || action == DeliveryReport.Action.DELAYED)) {
        recipients.add(finalRecipient);
      }
    }
    if (worst == null) {
      return Optional.empty();
    }
    return Optional.of(report(worst, statusCode, recipients, diagnostic, parts, true));
  }

  /** "rfc822; dana@example.com" gives "dana@example.com"; "smtp; 550 5.1.1 …" gives "550 5.1.1 …". */
  private static String typed(String field) {
    if (field == null) {
      return null;
    }
    String unfolded = field.replaceAll("\\s*\\R\\s*", " ").strip();
    int semicolon = unfolded.indexOf(';');
    String value = semicolon >= 0 ? unfolded.substring(semicolon + 1).strip() : unfolded;
    return value.isEmpty() ? null : value;
  }

  private static String firstStatus(String text) {
    if (text == null) {
      return null;
    }
    Matcher status = STATUS.matcher(text);
    return status.find() ? status.group(1) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Non-standard bounces

  private static boolean looksLikeBounce(MimeMessage message) throws MessagingException {
    return message.getHeader("X-Failed-Recipients") != null
        || ReplyClassifier.looksLikeBounce(decoded(message.getHeader("From", null)), message.getSubject());
  }

  private static DeliveryReport nonStandard(MimeMessage message) throws MessagingException, IOException {
    Parts parts = new Parts();
    parts.collect(message, 0);
    String text = PlainText.of(message);
    text = text == null ? "" : text;
    Matcher marker = COPY_MARKER.matcher(text);
    String ownText = text;
    if (marker.find()) {
      ownText = text.substring(0, marker.start());
      if (parts.original == null && parts.originalHeaders == null) {
        String copy = text.substring(marker.end()).stripLeading();
        InternetHeaders inline = new InternetHeaders(new ByteArrayInputStream(copy.getBytes(StandardCharsets.UTF_8)));
        if (inline.getHeader("Message-ID") != null || inline.getHeader("Subject") != null) {
          parts.originalHeaders = inline;
        }
      }
    }
    Set<String> recipients = new LinkedHashSet<>();
    String[] failed = message.getHeader("X-Failed-Recipients");
    if (failed != null) {
      for (String value : failed) {
        for (String address : value.split(",")) {
          if (!address.isBlank()) {
            recipients.add(address.strip());
          }
        }
      }
    }
    Matcher address = ADDRESS_LINE.matcher(ownText);
    while (address.find()) {
      recipients.add(address.group(1));
    }
    Matcher reply = SMTP_REPLY.matcher(ownText);
    String diagnostic = reply.find() ? reply.group(1).strip() : null;
    String status = firstStatus(diagnostic != null ? diagnostic : ownText);
    boolean delayed = DELAY_WORDING.matcher(String.valueOf(message.getSubject()) + "\n" + ownText).find()
        || (status != null && status.startsWith("4"));
    return report(delayed ? DeliveryReport.Action.DELAYED : DeliveryReport.Action.FAILED, status,
        List.copyOf(recipients), diagnostic, parts, false);
  }

  // ---------------------------------------------------------------------------------------------
  // The returned email

  private static DeliveryReport report(DeliveryReport.Action action, String status, List<String> recipients,
                                       String diagnostic, Parts parts, boolean standard)
      throws MessagingException, IOException {
    InternetHeaders headers = parts.originalHeaders;
    String originalText = null;
    if (parts.original != null) {
      headers = new InternetHeaders();
      for (String name : List.of("Message-ID", "In-Reply-To", "References", "Subject")) {
        String value = parts.original.getHeader(name, " ");
        if (value != null) {
          headers.setHeader(name, value);
        }
      }
      try {
        originalText = PlainText.of(parts.original);
      } catch (MessagingException | RuntimeException unreadable) {
        originalText = null;
      }
    }
    return new DeliveryReport(action, status, recipients, diagnostic,
        header(headers, "Message-ID"), header(headers, "In-Reply-To"), header(headers, "References"),
        headers == null ? null : decoded(headers.getHeader("Subject", " ")),
        originalText == null || originalText.isBlank() ? null : originalText, standard);
  }

  private static String header(InternetHeaders headers, String name) {
    if (headers == null) {
      return null;
    }
    String value = headers.getHeader(name, " ");
    return value == null || value.isBlank() ? null : value.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static String decoded(String value) {
    if (value == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (UnsupportedEncodingException e) {
      return value;
    }
  }

  /** The parts of a report that matter, found wherever they are nested. */
  private static final class Parts {
    Part status;
    MimeMessage original;
    InternetHeaders originalHeaders;

    void collect(Part part, int depth) throws MessagingException, IOException {
      if (depth > MAX_DEPTH) {
        return;
      }
      if (part.isMimeType("multipart/*")) {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
          for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            collect(child, depth + 1);
          }
        }
      } else if (depth > 0 && (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status"))) {
        status = status == null ? part : status;
      } else if (depth > 0 && (part.isMimeType("message/rfc822") || part.isMimeType("message/global"))) {
        if (original == null) {
          Object content = part.getContent();
          if (content instanceof MimeMessage returned) {
            original = returned;
          } else if (content instanceof Message) {
            original = new MimeMessage((MimeMessage) content);
          } else {
            try (InputStream in = part.getInputStream()) {
              original = new MimeMessage(null, in);
            }
          }
        }
      } else if (depth > 0 && (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers"))) {
        if (originalHeaders == null) {
          try (InputStream in = part.getInputStream()) {
            originalHeaders = new InternetHeaders(in);
          }
        }
      }
    }
  }
}
