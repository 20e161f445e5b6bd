package dev.followthrough.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Spring's sender for the configured SMTP server. With OAuth2 it logs in with a current access
 * token at each connection (fetched again a minute before it expires), never with a stale one; a
 * token endpoint that fails makes the send fail like an unreachable server, so the job retries.
 */
public class SmtpMailSender extends JavaMailSenderImpl {

  private final OAuth2Tokens tokens;

  public SmtpMailSender(SmtpProperties properties, Clock clock) {
    setHost(properties.host());
    setPort(properties.port());
    setUsername(properties.user());
    setPassword(properties.password());
    setDefaultEncoding("UTF-8");
    setJavaMailProperties(properties.sessionProperties());
    this.tokens = properties.usesOAuth2() ? new OAuth2Tokens(properties.oauth2(), clock) : null;
  }

  @Override
  protected Transport connectTransport() throws MessagingException {
    if (tokens == null) {
      return super.connectTransport();
    }
    Transport transport = getTransport(getSession());
    transport.connect(getHost(), getPort(), getUsername(), tokens.accessToken());
    return transport;
  }
}
