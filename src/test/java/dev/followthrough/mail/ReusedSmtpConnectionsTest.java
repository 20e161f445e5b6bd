package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.followthrough.inbound.MovableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;

/**
 * Counted where the mail server sees it: a TCP relay in front of a real SMTP server (GreenMail)
 * counts the connections opened to it, and the server the emails it accepted.
 */
class ReusedSmtpConnectionsTest {

  private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  private Relay relay;
  private MovableClock clock;
  private ReusedSmtpConnections sender;

  @BeforeEach
  void start() throws IOException {
    server.start();
    relay = new Relay(server.getSmtp().getPort());
    clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
    sender = new ReusedSmtpConnections(clock);
    sender.setHost("127.0.0.1");
    sender.setPort(relay.port());
  }

  @AfterEach
  void stop() throws IOException {
    sender.destroy();
    relay.close();
    server.stop();
  }

  @Test
  void emailsOneAfterTheOther_goOverOneConnection_eachItsOwnTransaction() {
    for (int i = 0; i < 5; i++) {
      sender.send(email(i));
    }

    assertThat(server.getReceivedMessages()).hasSize(5);
    assertThat(relay.connections.get()).isEqualTo(1);
  }

  @Test
  void aConnectionCarriesAtMostItsShareOfEmails_thenANewOneIsOpened() {
    for (int i = 0; i < ReusedSmtpConnections.MAX_MESSAGES + 1; i++) {
      sender.send(email(i));
    }

    assertThat(server.getReceivedMessages()).hasSize(ReusedSmtpConnections.MAX_MESSAGES + 1);
    assertThat(relay.connections.get()).isEqualTo(2);
  }

  @Test
  void aConnectionIdleTooLong_isNotUsedAgain() {
    sender.send(email(1));
    clock.move(ReusedSmtpConnections.MAX_IDLE.plusSeconds(1));
    sender.send(email(2));

    assertThat(server.getReceivedMessages()).hasSize(2);
    assertThat(relay.connections.get()).isEqualTo(2);
  }

  @Test
  void aConnectionTheServerDropped_isNoticedBeforeTheNextEmail_whichGoesOverANewOne() throws IOException {
    sender.send(email(1));
    relay.dropAll();

    sender.send(email(2));

    assertThat(server.getReceivedMessages()).hasSize(2);
    assertThat(relay.connections.get()).isEqualTo(2);
  }

  @Test
  void aServerThatIsGone_failsTheSend_andTheNextSendConnectsAnew() throws IOException {
    sender.send(email(1));
    relay.dropAll();
    relay.refuse(true);

    assertThatThrownBy(() -> sender.send(email(2))).isInstanceOf(MailSendException.class);

    relay.refuse(false);
    sender.send(email(3));
    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  private static SimpleMailMessage email(int number) {
    SimpleMailMessage email = new SimpleMailMessage();
    email.setFrom("support@followthrough.local");
    email.setTo("dana.whitfield@customer.example");
    email.setSubject("Case " + number);
    email.setText("Status " + number);
    return email;
  }

  /** Relays TCP to the mail server, counting connections; can drop them all, or refuse new ones. */
  private static final class Relay implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    Relay(int target) throws IOException {
      Thread accepting = new Thread(() -> {
        while (!listening.isClosed()) {
          try {
            Socket client = listening.accept();
            if (refusing) {
              client.close();
              continue;
            }
            connections.incrementAndGet();
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            open.add(client);
            open.add(upstream);
            pipe(client, upstream);
            pipe(upstream, client);
          } catch (IOException e) {
            // closed
          }
        }
      }, "smtp-relay");
      accepting.setDaemon(true);
      accepting.start();
    }

    int port() {
      return listening.getLocalPort();
    }

    void refuse(boolean refusing) {
      this.refusing = refusing;
    }

    void dropAll() throws IOException {
      for (Socket socket : open) {
        socket.close();
      }
      open.clear();
    }

    private static void pipe(Socket from, Socket to) {
      Thread copying = new Thread(() -> {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException e) {
          // one side closed
        } finally {
          try {
            from.close();
            to.close();
          } catch (IOException e) {
            // closed already
          }
        }
      }, "smtp-relay-pipe");
      copying.setDaemon(true);
      copying.start();
    }

    @Override
    public void close() throws IOException {
      listening.close();
      dropAll();
    }
  }
}
