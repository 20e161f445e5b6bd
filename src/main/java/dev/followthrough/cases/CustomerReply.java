package dev.followthrough.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer's reply, as {@code POST /api/cases/{caseNumber}/replies} takes it. {@code messageId}
 * is optional: the client's own id of the message (an email's Message-ID, with or without angle
 * brackets); a reply posted again with the same id is recorded once. Sizes are those of
 * {@code ft_customer_reply} and {@code ft_inbound_message}.
 */
public record CustomerReply(
    @Size(max = 320) String from,
    @Size(max = 1000) String subject,
    @NotBlank @Size(max = 100000) @MultiLine String body,
    @Size(max = 250) @Pattern(regexp = "<[^<>\\s]+@[^<>\\s]+>|[^<>\\s]+@[^<>\\s]+",
        message = "must be a message id such as <1234@mail.customer.example>") String messageId) {

  /** A reply without a client message id (from the mailbox, or a test). */
  public CustomerReply(String from, String subject, String body) {
    this(from, subject, body, null);
  }
}
