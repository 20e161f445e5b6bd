package dev.followthrough.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a mail server's TLS certificate is checked against when the JVM's own are not
 * the right ones (a server with a certificate of the organisation's own authority): a PKCS12 store,
 * or JKS when the file ends in {@code .jks}. The same for IMAP and SMTP.
 */
public final class TrustStore {

  private TrustStore() {
  }

  /**
   * Sockets that trust exactly the certificates in the store.
   *
   * @param property the setting that names the store, for the message when it cannot be read
   */
  public static SSLSocketFactory sockets(String path, String password, String property) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance(path.endsWith(".jks") ? "JKS" : "PKCS12");
      store.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("The trust store " + path + " (" + property + ") cannot be read: "
          + e.getMessage(), e);
    }
  }
}
