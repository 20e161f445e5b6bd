package dev.followthrough.inbound;

import dev.followthrough.cases.Preview;

import dev.followthrough.casework.StandaloneTasks;
import dev.followthrough.lifecycle.EngineClock;
import dev.followthrough.security.Groups;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the support mailbox over IMAP (R23) in three steps, each message on its own:
 * <ol>
 *   <li><b>Fetch</b>: messages are tracked by UIDVALIDITY and UID, not by {@code \Seen}: the
 *       mailbox is shared, and a message a person opened first must still be handled. The folder is
 *       opened read-only and fetched with {@code BODY.PEEK[]}, so polling never changes a flag. Each
 *       message's source is stored in {@code ft_mailbox_message} in UID order, and the next poll
 *       starts after the highest UID stored; the first message that cannot be stored ends the
 *       round, so nothing after it is skipped. A new UIDVALIDITY reads the folder again; the inbox
 *       keeps each Message-ID once. (Moving handled mail to a folder would need a folder and
 *       write rights on the shared mailbox, and move mail away from the people who read it.)</li>
 *   <li><b>Read</b>: each stored source is parsed ({@link MimeReader}) and handed to the intake,
 *       which keeps it once per Message-ID. A message that cannot be read keeps its source and
 *       error, is tried again on the next polls, and after {@code max-attempts} becomes a triage
 *       task; it never holds up the others.</li>
 *   <li><b>Handle</b>: every message in the inbox not handled yet ({@link InboundIntake#handlePending}).</li>
 * </ol>
 * Logs name ids and UIDs, never senders, subjects or bodies.
 */
@Component
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
  /** Messages fetched per poll at most; the rest come on the next poll. */
  private static final int FETCH_LIMIT = 200;

  private final Mailbox mailbox;
  private final MailboxMessages messages;
  private final InboundIntake intake;
  private final StandaloneTasks tasks;
  private final InboundProperties properties;
  private final TransactionTemplate ownTransaction;

  MailboxPoller(Mailbox mailbox, MailboxMessages messages, InboundIntake intake, StandaloneTasks tasks,
                InboundProperties properties, PlatformTransactionManager transactions) {
    this.mailbox = mailbox;
    this.messages = messages;
    this.intake = intake;
    this.tasks = tasks;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
  }

  /**
   * Fetches what is new, reads what was stored, handles what is pending; returns how many messages
   * were fetched. Several nodes may poll the same mailbox: each UID is stored once, each
   * Message-ID kept once, and each message handled under a row lock.
   */
  public synchronized int pollOnce() {
    int fetched = mailbox.configured() ? fetchNew() : 0;
    readStored();
    intake.handlePending();
    return fetched;
  }

  private int fetchNew() {
    int fetched = 0;
    try (Store store = Session.getInstance(mailbox.sessionProperties()).getStore(mailbox.protocol())) {
      store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.secret());
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_ONLY);
      try {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        long after = messages.highestUid(mailbox.key(), validity);
        // "UID n:*" answers with the last message even when its UID is below n: filter
        Message[] fresh = Arrays.stream(uids.getMessagesByUID(after + 1, UIDFolder.LASTUID))
            .filter(message -> uid(uids, message) > after)
            .sorted(Comparator.comparingLong(message -> uid(uids, message)))
            .limit(FETCH_LIMIT).toArray(Message[]::new);
        for (Message message : fresh) {
          long uid = uids.getUID(message);
          byte[] source = source(message);
          try {
            if (messages.store(mailbox.key(), validity, uid, source, EngineClock.now())) {
              fetched++;
            }
          } catch (RuntimeException e) {
            // the database refused it: stop here, the next poll starts again at this UID
            log.warn("Mailbox message UID {} could not be stored; fetching stops until the next poll: {}", uid,
                e.getClass().getSimpleName());
            break;
          }
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      log.warn("Could not read the support mailbox at {}:{}: {}", mailbox.host(), mailbox.port(), e.getMessage());
    }
    return fetched;
  }

  private static long uid(UIDFolder folder, Message message) {
    try {
      return folder.getUID(message);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message's RFC 822 source, fetched with BODY.PEEK[] so the server sets no flag. */
  private static byte[] source(Message message) throws MessagingException, IOException {
    if (message instanceof IMAPMessage imap) {
      imap.setPeek(true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  /** Reads every stored source not read yet, each on its own: one that fails waits for the next poll. */
  void readStored() {
    for (Long id : messages.unread(500)) {
      try {
        read(messages.load(id));
      } catch (RuntimeException e) {
        log.warn("Mailbox message {} could not be read or set aside: {}", id, e.getClass().getSimpleName());
      }
    }
  }

  private void read(MailboxMessages.Raw raw) {
    if (raw.attempts() >= properties.maxAttempts()) {
      unreadable(raw); // its last attempt failed, but its triage task could not be created then
      return;
    }
    try {
      MimeReader.Read read = MimeReader.read(raw.source(), raw.fetchedAt());
      Optional<Long> inboundId = intake.store(read.message(), read.attachments());
      messages.read(raw.id(), inboundId.orElse(null), EngineClock.now());
    } catch (RuntimeException e) {
      int attempts = messages.failed(raw.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
      log.warn("Mailbox message {} (UID {}) could not be read (attempt {} of {}): {}", raw.id(), raw.uid(), attempts,
          properties.maxAttempts(), e.getClass().getSimpleName());
      if (attempts >= properties.maxAttempts()) {
        unreadable(messages.load(raw.id()));
      }
    }
  }

  /** After the last attempt a person looks at it: a triage task with its source, secrets redacted. */
  private void unreadable(MailboxMessages.Raw raw) {
    String source = MimeReader.decode(raw.source(), null);
    String shown = SecretRedactor.redact(Preview.line(source, 3000)).text();
    ownTransaction.executeWithoutResult(status -> {
      tasks.create("Triage an inbound email that could not be read · mailbox message " + raw.id(),
          "This email came to the support mailbox at " + raw.fetchedAt() + " (UID " + raw.uid() + ", UIDVALIDITY "
              + raw.uidValidity() + ") but could not be read after " + raw.attempts() + " attempts (last error: "
              + messages.lastError(raw.id()) + "). It is still in the mailbox, and its source is kept as mailbox "
              + "message " + raw.id() + ". Read it in a mail client, find its case and handle it by hand.\n\n"
              + "Its source begins:\n\n" + shown,
          null, Groups.ENGINEERS, null);
      messages.unreadable(raw.id(), EngineClock.now());
    });
    log.info("Mailbox message {} (UID {}) went to triage after {} attempts", raw.id(), raw.uid(), raw.attempts());
  }
}
