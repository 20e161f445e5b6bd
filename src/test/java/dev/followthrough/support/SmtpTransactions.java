package dev.followthrough.support;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every delivery the embedded SMTP server accepted, recorded the moment it accepted it: one entry
 * per SMTP transaction and recipient (GreenMail stores one copy per recipient). Nothing is merged:
 * the same email sent twice, with the same Message-ID, is two deliveries here, so a test can see a
 * customer emailed twice. Mailboxes may be purged (the simulated year does); this record is not.
 */
@Component
@ConditionalOnProperty(name = "followthrough.mail.embedded-server.enabled", havingValue = "true")
public class SmtpTransactions {

  /** One recipient's copy of one accepted SMTP transaction. */
  public record Delivery(String messageId, String recipient, MimeMessage message) {

    public Key key() {
      return new Key(messageId, recipient);
    }
  }

  /** What must reach a recipient once: an email (its Message-ID) to one address. */
  public record Key(String messageId, String recipient) {}

  private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
  private final AtomicLong accepted = new AtomicLong();
  private volatile boolean keepMessages = true;

  SmtpTransactions(GreenMail mailServer) {
    MessageDeliveryHandler delivering = mailServer.getUserManager().getMessageDeliveryHandler();
    mailServer.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      var user = delivering.handle(message, recipient);
      String messageId;
      try {
        messageId = message.getMessage().getMessageID();
      } catch (MessagingException e) {
        throw new IllegalStateException("A delivery without a readable Message-ID", e);
      }
      accepted.incrementAndGet();
      deliveries.add(new Delivery(messageId, recipient.getEmail().toLowerCase(java.util.Locale.ROOT),
          keepMessages ? message.getMessage() : null));
      return user;
    });
  }

  /** Every delivery so far, in the order the server accepted them. */
  public List<Delivery> deliveries() {
    return new ArrayList<>(deliveries);
  }

  public List<Delivery> deliveries(Predicate<Delivery> which) {
    return deliveries.stream().filter(which).toList();
  }

  /** How many deliveries the server accepted in all. */
  public long count() {
    return accepted.get();
  }

  /** How often each (Message-ID, recipient) was delivered. */
  public Map<Key, Integer> countsByKey(Predicate<Delivery> which) {
    Map<Key, Integer> counts = new LinkedHashMap<>();
    deliveries.stream().filter(which).forEach(delivery -> counts.merge(delivery.key(), 1, Integer::sum));
    return counts;
  }

  /** The (Message-ID, recipient) pairs delivered more than once, with how often. */
  public Map<Key, Integer> duplicates(Predicate<Delivery> which) {
    Map<Key, Integer> duplicates = new LinkedHashMap<>(countsByKey(which));
    duplicates.values().removeIf(count -> count < 2);
    return duplicates;
  }

  /** Fails naming the pairs that the server accepted more than once. */
  public void assertNoDuplicate(Predicate<Delivery> which) {
    Map<Key, Integer> duplicates = duplicates(which);
    if (!duplicates.isEmpty()) {
      throw new AssertionError("The mail server accepted these emails more than once (Message-ID, recipient = times): "
          + duplicates);
    }
  }

  /** For long runs: {@code false} counts the deliveries from now on but keeps no message content. */
  public void keepMessages(boolean keep) {
    keepMessages = keep;
  }
}
