package dev.followthrough.inbound;

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
 * like {@code 10MB} are binary, 10 MiB).
 */
@Validated
@ConfigurationProperties("followthrough.inbound")
public record InboundProperties(
    @DefaultValue("false") boolean polling,
    @DefaultValue("PT30S") Duration pollInterval,
    String host,
    @Min(0) @Max(65535) @DefaultValue("993") int port,
    @DefaultValue("true") boolean tls,
    String user,
    String password,
    @DefaultValue("INBOX") String folder,
    @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
    @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue("25MB") DataSize maxAttachmentsPerMessage) {}
