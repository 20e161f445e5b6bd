package dev.followthrough.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;

/**
 * The sender for the configured SMTP server, its connections kept open between emails
 * ({@link ReusedSmtpConnections}). With OAuth2 it logs in with a current access
 * token at each connection (fetched again a minute before it expires), never with a stale one, and
 * does not use a connection again once its token was renewed; a
 * token endpoint that fails makes the send fail like an unreachable server, so the job retries.
 */
public class SmtpMailSender extends ReusedSmtpConnections {

  private final OAuth2Tokens tokens;

  public SmtpMailSender(SmtpProperties properties, Clock clock) {
    super(clock);
    setHost(properties.host());
    setPort(properties.port());
    setUsername(properties.user());
    setPassword(properties.password());
    setDefaultEncoding("UTF-8");
    setJavaMailProperties(properties.sessionProperties());
    this.tokens = properties.usesOAuth2() ? new OAuth2Tokens(properties.oauth2(), clock) : null;
  }

  @Override
  protected Transport openConnection() throws MessagingException {
    if (tokens == null) {
      return super.openConnection();
    }
    Transport transport = getTransport(getSession());
    transport.connect(getHost(), getPort(), getUsername(), tokens.accessToken());
    return transport;
  }

  @Override
  protected Object currentCredentials() throws MessagingException {
    return tokens == null ? super.currentCredentials() : tokens.accessToken();
  }
}
