package dev.followthrough.inbound;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private dovecot IMAP server for one test class: a real server outside the JVM, from the
 * distribution's {@code dovecot-imapd} package, with its own configuration, port, users and
 * maildir in a temporary directory, and a certificate for {@code localhost} made for the run
 * (STARTTLS offered, not forced), stopped and removed afterwards. With {@link #startSubmission} it
 * also takes mail over SMTP (the {@code dovecot-submissiond} package: the same logins, STARTTLS on
 * one port, TLS from the first byte on another) and relays it to a given SMTP server. Tests that
 * need it are skipped with a message when dovecot is not installed, and fail instead when
 * {@code FOLLOWTHROUGH_REQUIRE_DOVECOT=true} (as in CI).
 */
public final class Dovecot implements AutoCloseable {

  public static final String USER = "support@followthrough.local";
  public static final String PASSWORD = "dovecot-test-password";
  public static final String TRUST_STORE_PASSWORD = "dovecot-test-trust";
  private static final Path BINARY = Path.of("/usr/sbin/dovecot");
  private static final Path SUBMISSION = Path.of("/usr/lib/dovecot/submission");

  private final Path directory;
  private final int port;
  private final int submissionPort;
  private final int submissionsPort;
  private final Process process;

  private Dovecot(Path directory, int port, int submissionPort, int submissionsPort, Process process) {
    this.directory = directory;
    this.port = port;
    this.submissionPort = submissionPort;
    this.submissionsPort = submissionsPort;
    this.process = process;
  }

  /** Starts dovecot offering STARTTLS, or skips the test (fails it when dovecot is required). */
  static Dovecot start() throws Exception {
    return start(true, null, 0);
  }

  /** Starts dovecot without TLS at all. */
  static Dovecot startWithoutTls() throws Exception {
    return start(false, null, 0);
  }

  /**
   * Starts dovecot taking XOAUTH2 logins, each token checked at the given OAuth2 introspection
   * endpoint (RFC 7662); password logins still work for delivering test mail.
   */
  static Dovecot startWithOAuth2(String introspectionUrl) throws Exception {
    return start(false, introspectionUrl, 0);
  }

  /**
   * Starts dovecot with TLS taking mail over SMTP for {@link #USER} (password or, with an
   * introspection endpoint, XOAUTH2) and relaying it to the SMTP server on 127.0.0.1 at
   * {@code relayPort}.
   */
  public static Dovecot startSubmission(String introspectionUrl, int relayPort) throws Exception {
    return start(true, introspectionUrl, relayPort);
  }

  private static Dovecot start(boolean tls, String introspectionUrl, int relayPort) throws Exception {
    required(BINARY, "dovecot-imapd", "IMAP");
    if (relayPort != 0) {
      required(SUBMISSION, "dovecot-submissiond", "SMTP submission");
    }
    Path directory = Files.createTempDirectory("followthrough-dovecot");
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path mail = Files.createDirectories(directory.resolve("mail"));
    Files.createDirectories(directory.resolve("run"));
    Files.createDirectories(directory.resolve("state"));
    boolean root = "root".equals(System.getProperty("user.name"));
    // dovecot runs its login and mail processes unprivileged: as root, as its own system users
    String me = System.getProperty("user.name");
    String internalUser = root ? "dovecot" : me;
    String loginUser = root ? "dovenull" : me;
    String mailUser = root ? "dovecot" : me;
    if (root) {
      UserPrincipal owner = mail.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(mailUser);
      Files.setOwner(mail, owner);
    }
    Files.writeString(directory.resolve("users"), USER + ":{PLAIN}" + PASSWORD + "\n");
    if (tls) {
      certificate(directory);
    }
    if (introspectionUrl != null) {
      Files.writeString(directory.resolve("oauth2.conf.ext"), String.join("\n",
          "introspection_mode = post",
          "introspection_url = " + introspectionUrl,
          "username_attribute = username",
          "active_attribute = active",
          "active_value = true",
          ""));
    }
    int port = freePort();
    int submissionPort = relayPort == 0 ? 0 : freePort();
    int submissionsPort = relayPort == 0 ? 0 : freePort();
    Path config = directory.resolve("dovecot.conf");
    Files.writeString(config, String.join("\n",
        "base_dir = " + directory.resolve("run"),
        "state_dir = " + directory.resolve("state"),
        "instance_name = followthrough-test-" + port,
        "log_path = " + directory.resolve("dovecot.log"),
        relayPort == 0 ? "protocols = imap" : "protocols = imap submission",
        relayPort == 0 ? "" : String.join("\n", "hostname = localhost",
            "submission_relay_host = 127.0.0.1", "submission_relay_port = " + relayPort, "submission_relay_ssl = no",
            "service submission-login {",
            "  inet_listener submission {\n    address = 127.0.0.1\n    port = " + submissionPort + "\n  }",
            "  inet_listener submissions {\n    address = 127.0.0.1\n    port = " + submissionsPort
                + "\n    ssl = yes\n  }",
            "}"),
        "listen = 127.0.0.1",
        // TLS with a certificate for localhost made for this run: STARTTLS is offered, not forced
        tls ? "ssl = yes\nssl_cert = <" + directory.resolve("cert.pem") + "\nssl_key = <" + directory.resolve("key.pem")
            : "ssl = no",
        "disable_plaintext_auth = no",
        "auth_mechanisms = plain login" + (introspectionUrl == null ? "" : " xoauth2 oauthbearer"),
        "default_internal_user = " + internalUser,
        "default_internal_group = " + internalUser,
        "default_login_user = " + loginUser,
        "first_valid_uid = 1",
        "mail_location = maildir:" + mail + "/%u",
        introspectionUrl == null ? "" : "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = "
            + directory.resolve("oauth2.conf.ext") + "\n}",
        "passdb {",
        "  driver = passwd-file",
        "  args = scheme=PLAIN " + directory.resolve("users"),
        "}",
        "userdb {",
        "  driver = static",
        "  args = uid=" + mailUser + " gid=" + mailUser + " home=" + mail + "/%u",
        "}",
        "service imap-login {",
        "  inet_listener imap {",
        "    address = 127.0.0.1",
        "    port = " + port,
        "  }",
        "  inet_listener imaps {",
        "    port = 0",
        "  }",
        "}",
        ""));
    Process process = new ProcessBuilder(BINARY.toString(), "-F", "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(directory.resolve("dovecot.out").toFile()).start();
    Dovecot dovecot = new Dovecot(directory, port, submissionPort, submissionsPort, process);
    dovecot.awaitGreeting();
    return dovecot;
  }

  /** A PKCS12 trust store that holds this dovecot's certificate (for {@code localhost}) and nothing else. */
  public String trustStore() {
    return directory.resolve("truststore.p12").toString();
  }

  int port() {
    return port;
  }

  /** SMTP with STARTTLS offered (port 587's way). */
  public int submissionPort() {
    return submissionPort;
  }

  /** SMTP with TLS from the first byte (port 465's way). */
  public int submissionsPort() {
    return submissionsPort;
  }

  /** Skips the test when the program is missing, or fails it when dovecot is required. */
  private static void required(Path program, String debianPackage, String what) {
    if (!Files.isExecutable(program)) {
      String why = "dovecot is not installed (" + program + "); install the " + debianPackage + " package to run "
          + "the tests against a real " + what + " server";
      if ("true".equalsIgnoreCase(System.getenv("FOLLOWTHROUGH_REQUIRE_DOVECOT"))) {
        fail(why + " - FOLLOWTHROUGH_REQUIRE_DOVECOT=true requires it");
      }
      Assumptions.abort(why + "; skipped");
    }
  }

  /**
   * A key and a self-signed certificate for {@code localhost}, made with the JDK's keytool, written
   * as PEM for dovecot and as a trust store for the client.
   */
  private static void certificate(Path directory) throws Exception {
    Path server = directory.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "dovecot", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", server.toString(), "-storepass", TRUST_STORE_PASSWORD, "-keypass", TRUST_STORE_PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server)) {
      keys.load(in, TRUST_STORE_PASSWORD.toCharArray());
    }
    Certificate certificate = keys.getCertificate("dovecot");
    Key key = keys.getKey("dovecot", TRUST_STORE_PASSWORD.toCharArray());
    Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(directory.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
        + pem.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    Files.writeString(directory.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + pem.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("dovecot", certificate);
    try (OutputStream out = Files.newOutputStream(directory.resolve("truststore.p12"))) {
      trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
  }

  /** The mailbox the poller reads: plain IMAP on localhost, as a test may (production uses TLS). */
  Mailbox mailbox() {
    return new Mailbox("127.0.0.1", port, false, USER, PASSWORD, "INBOX");
  }

  /** Delivers a message as its source, with IMAP APPEND, with the given flags set (a person read it first). */
  void deliver(String source, Flags.Flag... flags) throws Exception {
    try (Store store = connect()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(source.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
      Flags set = new Flags();
      for (Flags.Flag flag : flags) {
        set.add(flag);
      }
      message.setFlags(set, true);
      inbox.appendMessages(new Message[] {message});
      inbox.close(false);
    }
  }

  /** Whether the message with this Message-ID is \Seen on the server now. */
  boolean seen(String messageId) throws Exception {
    try (Store store = connect()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] found = inbox.search(new HeaderTerm("Message-ID", messageId));
      if (found.length != 1) {
        throw new AssertionError("expected one message " + messageId + " in the mailbox, found " + found.length);
      }
      boolean seen = found[0].isSet(Flags.Flag.SEEN);
      inbox.close(false);
      return seen;
    }
  }

  private Store connect() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", port, USER, PASSWORD);
    return store;
  }

  private void awaitGreeting() throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dovecot stopped at start-up: " + log());
      }
      try (Socket socket = new Socket("127.0.0.1", port); InputStream in = socket.getInputStream()) {
        socket.setSoTimeout(5000);
        byte[] greeting = new byte[4];
        if (in.readNBytes(greeting, 0, 4) == 4 && new String(greeting, StandardCharsets.US_ASCII).equals("* OK")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("dovecot did not answer on port " + port + ": " + log());
  }

  private String log() {
    StringBuilder log = new StringBuilder();
    for (String file : new String[] {"dovecot.out", "dovecot.log"}) {
      try {
        log.append(Files.readString(directory.resolve(file))).append('\n');
      } catch (IOException e) {
        // not written
      }
    }
    return log.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
