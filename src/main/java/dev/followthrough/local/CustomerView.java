package dev.followthrough.local;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An email's HTML part as the customer's mail program shows it: the images it refers to by
 * {@code cid:} (the signature's logo) put in place as {@code data:} URLs, so the page needs nothing
 * from anywhere. The HTML is otherwise left as it came, script included: the page that shows it
 * gives it no power ({@link EmbeddedOutboxController#CUSTOMER_VIEW_POLICY}).
 */
final class CustomerView {

  private CustomerView() {}

  /** The HTML part with its inline images resolved, or {@code null} for an email without one. */
  static String of(Part email) throws MessagingException {
    Parts parts = new Parts();
    parts.collect(email);
    if (parts.html == null) {
      return null;
    }
    Document html = Jsoup.parse(parts.html);
    for (Element image : html.select("[src^=cid:]")) {
      String dataUrl = parts.inline.get(image.attr("src").substring("cid:".length()).toLowerCase(Locale.ROOT));
      if (dataUrl != null) {
        image.attr("src", dataUrl);
      }
    }
    return html.outerHtml();
  }

  /** The first text/html part, and every part with a Content-ID, by that id. */
  private static final class Parts {
    private String html;
    private final Map<String, String> inline = new HashMap<>();

    void collect(Part part) throws MessagingException {
      try {
        if (part.getContent() instanceof Multipart multipart) {
          for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            collect(child);
          }
          return;
        }
        if (html == null && part.isMimeType("text/html")) {
          html = part.getContent().toString();
          return;
        }
        String[] contentId = part.getHeader("Content-ID");
        if (contentId != null && contentId.length > 0) {
          String id = contentId[0].strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
          String type = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
          try (InputStream bytes = part.getInputStream()) {
            inline.put(id, "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes.readAllBytes()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
