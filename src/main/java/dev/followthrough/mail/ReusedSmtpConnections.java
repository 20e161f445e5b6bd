package dev.followthrough.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's sender, keeping SMTP connections open between emails. Without it every email opened a
 * connection of its own: TCP, the greeting, EHLO, STARTTLS with its handshake and EHLO again, the
 * login, and QUIT; with a real server that is most of a send's time, and in a burst of follow-ups
 * at 09:00 it is done hundreds of times over. A connection is handed to one send at a time, asked
 * with NOOP whether it still stands before it is used again (a server closes idle sessions), and
 * closed after {@link #MAX_MESSAGES} emails, after {@link #MAX_IDLE} unused, or at the first failure
 * of any kind, so a send never goes over a connection in an unknown state. What the server accepts
 * is unchanged: one SMTP transaction per email.
 */
public class ReusedSmtpConnections extends JavaMailSenderImpl implements DisposableBean {

  /** Well under the few minutes after which servers close an idle session. */
  static final Duration MAX_IDLE = Duration.ofSeconds(30);
  /** Servers limit the messages of one session (some to a few dozen); we stay below. */
  static final int MAX_MESSAGES = 20;

  private final Deque<Reused> idle = new ConcurrentLinkedDeque<>();
  private final Clock clock;

  public ReusedSmtpConnections(Clock clock) {
    this.clock = clock;
  }

  /** A new connection, logged in with {@link #currentCredentials}. */
  protected Transport openConnection() throws MessagingException {
    return super.connectTransport();
  }

  /**
   * What a connection logs in with now. A connection that logged in with something else (an OAuth2
   * token since renewed) is not used again: the server might end a session whose token expired.
   */
  protected Object currentCredentials() throws MessagingException {
    return getPassword();
  }

  @Override
  protected final Transport connectTransport() throws MessagingException {
    Instant now = clock.instant();
    Object credentials = currentCredentials();
    for (Reused connection; (connection = idle.pollFirst()) != null; ) {
      if (now.isBefore(connection.idleSince.plus(MAX_IDLE)) && Objects.equals(connection.credentials, credentials)
          && connection.delegate.isConnected()) {
        return connection;
      }
      connection.discard();
    }
    Transport transport = openConnection();
    return new Reused(transport, credentials);
  }

  @Override
  public void destroy() {
    for (Reused connection; (connection = idle.pollFirst()) != null; ) {
      connection.discard();
    }
  }

  /**
   * The connection as Spring's sender sees it: {@code close()} after the send hands it back
   * instead of saying QUIT, unless the send failed or it has carried enough emails.
   */
  private final class Reused extends Transport {
    private final Transport delegate;
    private final Object credentials;
    private int messages;
    private boolean failed;
    private Instant idleSince;

    Reused(Transport delegate, Object credentials) {
      super(getSession(), null);
      this.delegate = delegate;
      this.credentials = credentials;
    }

    @Override
    public void sendMessage(Message message, Address[] addresses) throws MessagingException {
      messages++;
      try {
        delegate.sendMessage(message, addresses);
      } catch (MessagingException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public boolean isConnected() {
      return !failed && delegate.isConnected();
    }

    @Override
    public void close() throws MessagingException {
      if (failed || messages >= MAX_MESSAGES) {
        delegate.close();
        return;
      }
      idleSince = clock.instant();
      idle.addFirst(this);
    }

    void discard() {
      try {
        delegate.close();
      } catch (MessagingException | RuntimeException e) {
        // it is gone either way
      }
    }
  }
}
