package dev.followthrough.inbound;

import dev.followthrough.mail.OAuth2Settings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.inbound.*}: the mailbox customers reply to (R23), polled over IMAP, and how
 * often a message that could not be handled yet is tried again before it goes to triage, and how
 * large a customer's files may be (R29: per file, and all of one message's files together; sizes
 * like {@code 10MB} are binary, 10 MiB). {@code tls} is IMAPS; {@code starttls} (with {@code tls}
 * off) requires STARTTLS and never falls back to plain text; {@code trust-store} replaces the JVM's
 * trusted certificates; {@code idle} waits for new mail with IMAP IDLE where the server offers it,
 * with polling as the fallback. {@code oauth2} logs in with XOAUTH2 instead of the password.
 */
@Validated
@ConfigurationProperties("followthrough.inbound")
public record InboundProperties(
    @DefaultValue("false") boolean polling,
    @DefaultValue("PT30S") Duration pollInterval,
    String host,
    @Min(0) @Max(65535) @DefaultValue("993") int port,
    @DefaultValue("true") boolean tls,
    @DefaultValue("false") boolean starttls,
    String trustStore,
    String trustStorePassword,
    String user,
    String password,
    @DefaultValue("INBOX") String folder,
    @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
    @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue("25MB") DataSize maxAttachmentsPerMessage,
    @DefaultValue("true") boolean idle,
    OAuth2Settings oauth2) {

  /**
   * What polling needs and is not set, by property and environment variable; empty when polling is
   * off or everything is there.
   */
  java.util.List<String> missing() {
    if (!polling) {
      return java.util.List.of();
    }
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (host == null || host.isBlank()) {
      missing.add("followthrough.inbound.host (FOLLOWTHROUGH_IMAP_HOST)");
    }
    if (user == null || user.isBlank()) {
      missing.add("followthrough.inbound.user (FOLLOWTHROUGH_IMAP_USER)");
    }
    if (oauth2 != null && oauth2.configured()) {
      missing.addAll(oauth2.missing("followthrough.inbound.oauth2", "FOLLOWTHROUGH_IMAP_OAUTH2"));
    } else if (password == null || password.isBlank()) {
      missing.add("followthrough.inbound.password (FOLLOWTHROUGH_IMAP_PASSWORD), or "
          + "followthrough.inbound.oauth2.token-uri (FOLLOWTHROUGH_IMAP_OAUTH2_TOKEN_URI) for OAuth2");
    }
    return missing;
  }
}
