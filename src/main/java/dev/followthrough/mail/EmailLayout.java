package dev.followthrough.mail;

import dev.followthrough.engineers.EngineerProfile;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the plain-text body the engineer edited into the email's two parts: the text with the
 * signature (R22), and an HTML alternative where every character of the body is escaped, so
 * customer text can never become markup. The HTML signature shows the organisation's logo,
 * attached inline as {@value #LOGO_CONTENT_ID}. The signature's labels are in the reader's language
 * (R30, {@link MailLanguage}).
 */
public final class EmailLayout {

  public static final String LOGO_CONTENT_ID = "followthrough-logo";

  private EmailLayout() {}

  private static final String SIGNATURE_SEPARATOR = "\n\n-- \n";

  public static String text(String body, EngineerProfile engineer, String organisation, MailLanguage words) {
    return body.strip() + SIGNATURE_SEPARATOR + signatureLines(engineer, organisation, words) + "\n";
  }

  /** The body that {@link #text} was given, without the signature (a body may hold "-- " lines of its own). */
  public static String bodyOf(String text) {
    int signature = text.lastIndexOf(SIGNATURE_SEPARATOR);
    return signature < 0 ? text : text.substring(0, signature);
  }

  public static String html(String body, EngineerProfile engineer, String organisation, MailLanguage words) {
    StringBuilder html = new StringBuilder(
        "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">");
    String normalised = body.replace("\r\n", "\n").replace('\r', '\n').strip();
    for (String paragraph : normalised.split("\n[ \t]*\n\\s*")) {
      html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
    }
    html.append("<table style=\"margin-top:24px;border-top:1px solid #ccc;padding-top:8px;font-size:12px;color:#444\"><tr>")
        .append("<td style=\"padding-right:12px;vertical-align:top\"><img src=\"cid:").append(LOGO_CONTENT_ID)
        .append("\" alt=\"").append(escape(organisation)).append("\" width=\"48\" height=\"48\"></td><td>")
        .append(escape(signatureLines(engineer, organisation, words)).replaceAll("\\R", "<br>"))
        .append("</td></tr></table></body></html>");
    return html.toString();
  }

  static String signatureLines(EngineerProfile engineer, String organisation, MailLanguage words) {
    StringBuilder lines = new StringBuilder()
        .append(engineer.name()).append('\n')
        .append(engineer.title()).append(" | ").append(engineer.team()).append(" | ").append(organisation).append('\n')
        .append(words.emailLabel()).append(": ").append(engineer.email()).append('\n');
    if (engineer.phone() != null && !engineer.phone().isBlank()) {
      lines.append(words.phoneLabel()).append(": ").append(engineer.phone()).append('\n');
    }
    return lines.append(words.workingHoursLabel()).append(": ").append(engineer.workingHours()).append('\n')
        .append(words.managerLabel()).append(": ").append(engineer.managerName())
        .append(" <").append(engineer.managerEmail()).append('>')
        .toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
