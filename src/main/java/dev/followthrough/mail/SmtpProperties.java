package dev.followthrough.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.smtp.*}: the server every email leaves through. {@code starttls} (the
 * default, port 587) requires the server to switch to TLS before anything else is said and never
 * falls back to plain text; {@code tls} is TLS from the first byte instead (SMTPS, port 465);
 * with neither, plain text (a relay inside the organisation's network only). {@code trust-store}
 * replaces the JVM's trusted certificates. With {@code user}, the app logs in with the password or,
 * with {@code oauth2}, with XOAUTH2 and an access token; without, it does not log in.
 */
@Validated
@ConfigurationProperties("followthrough.smtp")
public record SmtpProperties(
    String host,
    @Min(0) @Max(65535) @DefaultValue("587") int port,
    @DefaultValue("false") boolean tls,
    @DefaultValue("true") boolean starttls,
    String trustStore,
    String trustStorePassword,
    String user,
    String password,
    OAuth2Settings oauth2) {

  boolean usesOAuth2() {
    return oauth2 != null && oauth2.configured();
  }

  /** What sending needs and is not set, by property and environment variable; empty when everything is there. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (blank(host)) {
      missing.add("followthrough.smtp.host (FOLLOWTHROUGH_SMTP_HOST)");
    }
    if (blank(user) && (usesOAuth2() || !blank(password))) {
      missing.add("followthrough.smtp.user (FOLLOWTHROUGH_SMTP_USER)");
    }
    if (usesOAuth2()) {
      missing.addAll(oauth2.missing("followthrough.smtp.oauth2", "FOLLOWTHROUGH_SMTP_OAUTH2"));
    } else if (!blank(user) && blank(password)) {
      missing.add("followthrough.smtp.password (FOLLOWTHROUGH_SMTP_PASSWORD), or "
          + "followthrough.smtp.oauth2.token-uri (FOLLOWTHROUGH_SMTP_OAUTH2_TOKEN_URI) for OAuth2");
    }
    return missing;
  }

  /**
   * The mail session's settings: timeouts, the server's name checked against its certificate,
   * implicit TLS or required STARTTLS, the trust store, and the login when there is a user.
   */
  Properties sessionProperties() {
    Properties settings = new Properties();
    settings.put("mail.smtp.connectiontimeout", "10000");
    settings.put("mail.smtp.timeout", "30000");
    settings.put("mail.smtp.writetimeout", "30000");
    settings.put("mail.smtp.ssl.checkserveridentity", "true");
    if (tls) {
      settings.put("mail.smtp.ssl.enable", "true");
    } else if (starttls) {
      settings.put("mail.smtp.starttls.enable", "true");
      settings.put("mail.smtp.starttls.required", "true");
    }
    if (!blank(trustStore)) {
      settings.put("mail.smtp.ssl.socketFactory",
          TrustStore.sockets(trustStore, trustStorePassword, "followthrough.smtp.trust-store"));
    }
    if (!blank(user)) {
      // logs in wherever the server offers it; an empty password or token fails instead of skipping the login
      settings.put("mail.smtp.auth", "true");
    }
    if (usesOAuth2()) {
      // not among JavaMail's default mechanisms: it must be asked for
      settings.put("mail.smtp.auth.mechanisms", "XOAUTH2");
    }
    return settings;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "SmtpProperties[" + host + ":" + port + ", tls=" + tls + ", starttls=" + starttls + ", user=" + user
        + ", oauth2=" + usesOAuth2() + "]";
  }
}
