package dev.followthrough.inbound;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import dev.followthrough.lifecycle.EngineClock;
import dev.followthrough.mail.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads new messages from the support mailbox over IMAP (R23). Each message is stored in the inbox
 * first and only then marked as seen on the server, so a crash in between means it is read again
 * and recognised by its Message-ID, never lost. Then every stored message is handled.
 */
@Component
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
  private static final String[] CLASSIFYING_HEADERS = {"Auto-Submitted", "X-Autoreply", "X-Autorespond",
      "X-Autoresponder", "X-Auto-Response-Suppress", "Precedence", "Return-Path", "X-Failed-Recipients", "List-Id",
      "List-Unsubscribe", "Mailing-List", "X-Mailing-List", "X-List-Administrivia"};

  private final Mailbox mailbox;
  private final InboundIntake intake;

  MailboxPoller(Mailbox mailbox, InboundIntake intake) {
    this.mailbox = mailbox;
    this.intake = intake;
  }

  /**
   * Reads what is new, stores it, then handles every message not handled yet; returns how many were
   * read. Several nodes may poll the same mailbox: the inbox keeps each Message-ID once, and each
   * message is handled under a row lock.
   */
  public int pollOnce() {
    int fresh = 0;
    if (!mailbox.configured()) {
      return 0;
    }
    Properties settings = new Properties();
    settings.put("mail.imap.connectiontimeout", "10000");
    settings.put("mail.imap.timeout", "30000");
    try (Store store = Session.getInstance(settings).getStore(mailbox.tls() ? "imaps" : "imap")) {
      store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_WRITE);
      try {
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          // one fetch of the whole message, then parsed here: no round trip per header
          intake.store(toInbound(new MimeMessage((MimeMessage) message)));
          message.setFlag(Flags.Flag.SEEN, true);
          fresh++;
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      log.warn("Could not read the support mailbox at {}:{}: {}", mailbox.host(), mailbox.port(), e.getMessage());
    }
    intake.handlePending();
    return fresh;
  }

  static InboundMessage toInbound(MimeMessage message) throws MessagingException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : CLASSIFYING_HEADERS) {
      String value = message.getHeader(name, ", ");
      if (value != null) {
        headers.put(name, value);
      }
    }
    String text = PlainText.of(message);
    Address[] from = message.getFrom();
    String messageId = message.getMessageID() != null ? message.getMessageID() : synthesisedId(message, text);
    return new InboundMessage(messageId, from == null || from.length == 0 ? null : from[0].toString(),
        message.getSubject(), message.getHeader("In-Reply-To", null), message.getHeader("References", " "),
        headers, message.getContentType(), text == null ? "" : text, EngineClock.now(), null,
        DeliveryReports.read(message).orElse(null));
  }

  /** A message without a Message-ID still gets a stable one, so a second delivery is recognised. */
  private static String synthesisedId(MimeMessage message, String text) throws MessagingException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(message.getSubject()).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(message.getSentDate()).getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
      return "<sha256." + HexFormat.of().formatHex(digest.digest()) + "@followthrough.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
