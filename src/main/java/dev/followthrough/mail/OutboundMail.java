package dev.followthrough.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The one way out for email: claims the email in the {@link OutboxLedger}, sends it over SMTP
 * with a deterministic Message-ID and the case's thread headers (R21), then marks it sent. An
 * email already marked sent is not sent again. One found still {@code SENDING} (an earlier attempt
 * ended between the server's answer and the ledger's record, and SMTP cannot tell us which way it
 * went) is sent again with the same Message-ID, logged and counted: the documented rule for the
 * crash window. SMTP failures propagate, so the calling job retries
 * and finally raises an incident in Cockpit (R25). Logs name the case and the kind of email, never
 * addresses or bodies.
 */
@Service
public class OutboundMail {

  private static final Logger log = LoggerFactory.getLogger(OutboundMail.class);
  /** Read once: every email carries it inline. */
  private static final ByteArrayResource LOGO = logo();
  /**
   * One map of file types for all emails. Spring's helper otherwise parses its {@code mime.types}
   * anew for every message not made by its own sender: more than a quarter of a send's CPU in a burst.
   */
  private static final FileTypeMap FILE_TYPES = fileTypes();

  private final JavaMailSender sender;
  private final OutboxLedger ledger;
  private final MailProperties properties;

  OutboundMail(JavaMailSender sender, OutboxLedger ledger, MailProperties properties) {
    this.sender = sender;
    this.ledger = ledger;
    this.properties = properties;
  }

  /** What became of an email. */
  public enum Outcome {
    SENT,
    /** The server refused it for good: an address that does not exist, a 5xx. Retrying will not help. */
    REJECTED
  }

  /**
   * Sends the email unless the ledger says it went already. A temporary failure propagates (the job
   * retries, then raises an incident); a permanent refusal is an outcome the lifecycle handles.
   */
  public Outcome send(OutgoingEmail email, Instant now) {
    OutboxLedger.Entry entry = ledger.claim(email, messageId(email.idempotencyKey()),
        email.kind().audience() == Audience.CUSTOMER, now);
    if (entry.status() == OutboxLedger.Status.SENT || entry.status() == OutboxLedger.Status.REJECTED) {
      log.info("Case {}: {} was {} before ({}), not sending it again", email.caseNumber(), email.kind().id(),
          entry.status().name().toLowerCase(), email.idempotencyKey());
      return entry.status() == OutboxLedger.Status.SENT ? Outcome.SENT : Outcome.REJECTED;
    }
    if (entry.outcomeUnknown()) {
      log.warn("Case {}: an earlier attempt to send {} ended before the mail server's answer was recorded; sending it "
          + "again with the same Message-ID ({})", email.caseNumber(), email.kind().id(), email.idempotencyKey());
    }
    try {
      sender.send(toMime(email, entry));
    } catch (MailSendException e) {
      if (isPermanent(e)) {
        ledger.markRejected(email.idempotencyKey(), now);
        log.warn("Case {}: {} was refused by the mail server for good ({})", email.caseNumber(), email.kind().id(),
            email.idempotencyKey());
        return Outcome.REJECTED;
      }
      if (!e.getFailedMessages().isEmpty()) {
        // the server did not take it (a 4xx, no connection): the retry is a plain retry. With no
        // failed message, sending succeeded and only closing the connection failed: outcome unknown
        ledger.markFailed(email.idempotencyKey());
      }
      throw e;
    } catch (MailException e) {
      // could not log in or build the message: nothing reached the server
      ledger.markFailed(email.idempotencyKey());
      throw e;
    }
    ledger.markSent(email.idempotencyKey(), now);
    log.info("Case {}: sent {} ({})", email.caseNumber(), email.kind().id(), email.idempotencyKey());
    return Outcome.SENT;
  }

  /** The server named addresses it will never deliver to (SMTP 5xx for the recipient). */
  static boolean isPermanent(MailSendException failure) {
    return failure.getFailedMessages().values().stream()
        .anyMatch(cause -> cause instanceof SendFailedException refused
            && refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
  }

  String messageId(String idempotencyKey) {
    return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + properties.messageIdDomain() + ">";
  }

  private MimeMessage toMime(OutgoingEmail email, OutboxLedger.Entry entry) {
    try {
      MimeMessage message = new ThreadedMimeMessage(session(), entry.messageId());
      MimeMessageHelper helper = new Helper(message);
      helper.setFrom(properties.from(), email.fromName());
      helper.setReplyTo(properties.from());
      helper.setTo(email.to().toArray(String[]::new));
      helper.setCc(email.cc().toArray(String[]::new));
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      helper.addInline(EmailLayout.LOGO_CONTENT_ID, LOGO, "image/png");
      if (entry.inReplyTo() != null) {
        message.setHeader("In-Reply-To", entry.inReplyTo());
        message.setHeader("References", entry.references());
      }
      return message;
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new MailPreparationException("Could not build " + email.kind().id() + " for case " + email.caseNumber(), e);
    }
  }

  private Session session() {
    return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  private static ByteArrayResource logo() {
    try (var in = new ClassPathResource("mail/logo.png").getInputStream()) {
      return new ByteArrayResource(in.readAllBytes(), "the organisation's logo");
    } catch (IOException e) {
      throw new UncheckedIOException("mail/logo.png is missing from the application", e);
    }
  }

  private static FileTypeMap fileTypes() {
    ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
    types.afterPropertiesSet();
    return types;
  }

  /** Spring's helper with the shared map of file types. */
  private static final class Helper extends MimeMessageHelper {
    Helper(MimeMessage message) throws MessagingException {
      super(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
      return FILE_TYPES;
    }
  }

  /** Keeps our Message-ID: JavaMail would otherwise replace it with a random one when saving. */
  private static final class ThreadedMimeMessage extends MimeMessage {
    private final String messageId;

    ThreadedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
