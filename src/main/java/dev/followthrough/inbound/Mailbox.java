package dev.followthrough.inbound;

import java.util.Properties;

/** Where the IMAP poller reads customer replies: the embedded server locally, the real one in production. */
public record Mailbox(String host, int port, boolean tls, String user, String password, String folder) {

  public boolean configured() {
    return host != null && !host.isBlank() && user != null && !user.isBlank();
  }

  /** What the intake knows this mailbox by: a UID means something only in its own mailbox and folder. */
  public String key() {
    return user + "@" + host + ":" + port + "/" + folder;
  }

  /** The mail session's settings: timeouts, and fetching with BODY.PEEK[] so reading sets no flag. */
  Properties sessionProperties() {
    Properties settings = new Properties();
    for (String protocol : new String[] {"imap", "imaps"}) {
      settings.put("mail." + protocol + ".connectiontimeout", "10000");
      settings.put("mail." + protocol + ".timeout", "30000");
      settings.put("mail." + protocol + ".peek", "true");
    }
    return settings;
  }
}
