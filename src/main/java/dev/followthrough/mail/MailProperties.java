package dev.followthrough.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code followthrough.mail.*}: mailboxes and the embedded mail server. */
@Validated
@ConfigurationProperties("followthrough.mail")
public record MailProperties(
    /** The support mailbox emails are sent from and replies come back to. */
    @NotBlank @Email String from,
    @NotBlank String organisationName,
    /** Copied on every email so it is attached to the case record (R21); empty: no copy. */
    @Email String archiveAddress,
    @NotBlank @Email String technicalAdvisorsAddress,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a host name") String messageIdDomain,
    /** Templates here override the built-in ones by file name, without a rebuild (R20). */
    Path templateOverrideDirectory,
    @Valid @DefaultValue EmbeddedServer embeddedServer) {

  /** GreenMail, for the local profile and the tests: SMTP and IMAP on this machine only. */
  public record EmbeddedServer(
      @DefaultValue("false") boolean enabled,
      @Min(0) @Max(65535) @DefaultValue("3025") int smtpPort,
      @Min(0) @Max(65535) @DefaultValue("3143") int imapPort) {}
}
