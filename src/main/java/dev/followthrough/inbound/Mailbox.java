package dev.followthrough.inbound;

import dev.followthrough.mail.OAuth2Tokens;
import dev.followthrough.mail.TrustStore;
import java.util.Properties;

/**
 * Where the IMAP poller reads customer replies: the embedded server locally, the real one in
 * production. {@code tls} connects with TLS from the start (IMAPS, port 993); {@code starttls}
 * connects in plain text and requires the server to switch to TLS before the login, never falling
 * back to plain text. {@code trustStore} (PKCS12 or JKS) replaces the JVM's trusted certificates,
 * for a server with a certificate of the organisation's own authority. With {@code oauth2} the login
 * is XOAUTH2 with an access token instead of the password.
 */
public record Mailbox(String host, int port, boolean tls, String user, String password, String folder,
                      boolean starttls, String trustStore, String trustStorePassword, OAuth2Tokens oauth2) {

  /** A mailbox with neither STARTTLS nor a trust store of its own, logging in with a password. */
  public Mailbox(String host, int port, boolean tls, String user, String password, String folder) {
    this(host, port, tls, user, password, folder, false, null, null, null);
  }

  /** A mailbox logging in with a password. */
  public Mailbox(String host, int port, boolean tls, String user, String password, String folder, boolean starttls,
                 String trustStore, String trustStorePassword) {
    this(host, port, tls, user, password, folder, starttls, trustStore, trustStorePassword, null);
  }

  public boolean configured() {
    return host != null && !host.isBlank() && user != null && !user.isBlank();
  }

  /** What the intake knows this mailbox by: a UID means something only in its own mailbox and folder. */
  public String key() {
    return user + "@" + host + ":" + port + "/" + folder;
  }

  /** What the login presents: an access token with OAuth2, else the password. */
  String secret() {
    return oauth2 != null ? oauth2.accessToken() : password;
  }

  String protocol() {
    return tls ? "imaps" : "imap";
  }

  /**
   * The mail session's settings: timeouts, fetching with BODY.PEEK[] so reading sets no flag, the
   * server's name checked against its certificate, STARTTLS required when asked for.
   *
   * @param readTimeoutMillis how long a read may wait for the server (longer for IDLE)
   */
  Properties sessionProperties(int readTimeoutMillis) {
    Properties settings = new Properties();
    String prefix = "mail." + protocol() + ".";
    settings.put(prefix + "connectiontimeout", "10000");
    settings.put(prefix + "timeout", String.valueOf(readTimeoutMillis));
    settings.put(prefix + "writetimeout", "30000");
    settings.put(prefix + "peek", "true");
    settings.put(prefix + "ssl.checkserveridentity", "true");
    if (starttls && !tls) {
      settings.put(prefix + "starttls.enable", "true");
      settings.put(prefix + "starttls.required", "true");
    }
    if (trustStore != null && !trustStore.isBlank()) {
      settings.put(prefix + "ssl.socketFactory",
          TrustStore.sockets(trustStore, trustStorePassword, "followthrough.inbound.trust-store"));
    }
    if (oauth2 != null) {
      settings.put(prefix + "auth.mechanisms", "XOAUTH2");
    }
    return settings;
  }

  Properties sessionProperties() {
    return sessionProperties(30000);
  }

  @Override
  public String toString() {
    return "Mailbox[" + key() + ", tls=" + tls + ", starttls=" + starttls + ", oauth2=" + (oauth2 != null) + "]";
  }
}
