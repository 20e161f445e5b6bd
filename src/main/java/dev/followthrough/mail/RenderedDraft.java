package dev.followthrough.mail;

import java.util.Objects;

/**
 * An email rendered from a mail template: a one-line subject and a plain-text body.
 *
 * <p>The body has no signature; the sender appends the engineer's signature (R22). Drafts of
 * reviewed emails may still contain {@code [[...]]} fill-in markers that the engineer replaces
 * before sending.
 */
public record RenderedDraft(String subject, String body) {

  public RenderedDraft {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
