package dev.followthrough.inbound;

/** Where the IMAP poller reads customer replies: the embedded server locally, the real one in production. */
public record Mailbox(String host, int port, boolean tls, String user, String password, String folder) {

  public boolean configured() {
    return host != null && !host.isBlank() && user != null && !user.isBlank();
  }
}
