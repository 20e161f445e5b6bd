package dev.followthrough.inbound;

import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a mail server said about an email it could not (yet) deliver, read from a delivery status
 * notification (RFC 3464) or from a non-standard bounce (Exim, qmail, an Exchange NDR without a
 * report part, {@code X-Failed-Recipients}). The {@code original…} fields are the headers of the
 * email that was returned: ours, so they lead to the case.
 *
 * @param action what happened; for several recipients the one that matters most (failed before
 *     delayed before delivered)
 * @param status the RFC 3463 status code ("5.1.1"), null when the server named none
 * @param finalRecipients the addresses that failed (or were delayed), may be empty
 * @param diagnostic the server's words ("550 5.1.1 User unknown"), null when none; personal data:
 *     never logged
 * @param originalMessageId the returned email's Message-ID, null when not returned
 * @param originalInReplyTo the returned email's In-Reply-To, may be null
 * @param originalReferences the returned email's References, may be null
 * @param originalSubject the returned email's subject, may be null
 * @param originalText the returned email's text when the server sent the whole email back, else null
 * @param standard whether it came as an RFC 3464 {@code multipart/report}
 */
public record DeliveryReport(
    Action action,
    String status,
    List<String> finalRecipients,
    String diagnostic,
    String originalMessageId,
    String originalInReplyTo,
    String originalReferences,
    String originalSubject,
    String originalText,
    boolean standard) {

  /** RFC 3464 section 2.3.3. */
  public enum Action {
    FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED;

    /** The action named in a DSN field ("failed", "Delayed "), or null when unknown. */
    static Action of(String field) {
      if (field == null) {
        return null;
      }
      String token = field.strip().toUpperCase(java.util.Locale.ROOT);
      int end = token.indexOf(' ');
      token = end > 0 ? token.substring(0, end) : token;
      for (Action action : values()) {
        if (action.name().equals(token)) {
          return action;
        }
      }
      return null;
    }
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  public DeliveryReport {
    Objects.requireNonNull(action, "action");
    finalRecipients = finalRecipients == null ? List.of() : List.copyOf(finalRecipients);
  }

  /** The address is dead: the email will not arrive. */
  public boolean permanent() {
    return action == Action.FAILED;
  }

  /** The Message-IDs of the returned email and of its thread, its own first. */
  public List<String> originalThreadIds() {
    return Stream.of(originalMessageId, originalInReplyTo, originalReferences)
        .filter(Objects::nonNull)
        .flatMap(header -> MESSAGE_ID.matcher(header).results().map(MatchResult::group))
        .distinct()
        .toList();
  }
}
