package dev.followthrough.inbound;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * IMAP IDLE: where the server offers it, one connection waits in the support mailbox and a new
 * message is read at once ({@link MailboxPoller#pollOnce()}), so a reply moves its case within
 * seconds instead of a poll interval. Polling goes on beside it as the fallback: a server without
 * IDLE, or a connection that drops, only means waiting for the next poll (the connection is
 * opened again, backing off up to five minutes).
 */
class MailboxWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
  /** Longer than the keep-alive servers send during IDLE (dovecot: 2 minutes; RFC 2177: under 29). */
  private static final int IDLE_READ_TIMEOUT_MILLIS = (int) Duration.ofMinutes(10).toMillis();
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  private final Mailbox mailbox;
  private final MailboxPoller poller;
  private volatile boolean running;
  private volatile Store store;
  private Thread thread;

  MailboxWatcher(Mailbox mailbox, MailboxPoller poller) {
    this.mailbox = mailbox;
    this.poller = poller;
  }

  @Override
  public synchronized void start() {
    if (running || !mailbox.configured()) {
      return;
    }
    running = true;
    thread = new Thread(this::watch, "mailbox-idle");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Store open = store;
    if (open != null) {
      try {
        open.close(); // ends a waiting IDLE
      } catch (MessagingException | RuntimeException e) {
        // closing anyway
      }
    }
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void watch() {
    Duration backoff = Duration.ofSeconds(5);
    while (running) {
      try {
        if (!idleUntilClosed()) {
          log.info("The support mailbox's server offers no IMAP IDLE; it is polled");
          running = false;
          return;
        }
      } catch (MessagingException | RuntimeException e) {
        if (!running) {
          return;
        }
        log.info("IMAP IDLE on the support mailbox ended ({}); polling goes on, IDLE again in {} s",
            e.getClass().getSimpleName(), backoff.toSeconds());
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  /** Waits in IDLE until the connection ends; false when the server has no IDLE. */
  private boolean idleUntilClosed() throws MessagingException {
    try (Store opened = Session.getInstance(mailbox.sessionProperties(IDLE_READ_TIMEOUT_MILLIS))
        .getStore(mailbox.protocol())) {
      store = opened;
      opened.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.secret());
      if (opened instanceof IMAPStore imap && !imap.hasCapability("IDLE")) {
        return false;
      }
      IMAPFolder folder = (IMAPFolder) opened.getFolder(mailbox.folder());
      folder.open(Folder.READ_ONLY);
      folder.addMessageCountListener(new MessageCountAdapter() {
        @Override
        public void messagesAdded(MessageCountEvent event) {
          // on the mail library's event thread, not the one waiting in IDLE
          try {
            poller.pollOnce();
          } catch (RuntimeException e) {
            log.warn("New mail could not be read at once; the next poll reads it: {}", e.getClass().getSimpleName());
          }
        }
      });
      log.info("Waiting for new mail in the support mailbox with IMAP IDLE");
      // what came while no IDLE connection was open
      poller.pollOnce();
      while (running) {
        folder.idle();
      }
      return true;
    } finally {
      store = null;
    }
  }
}
