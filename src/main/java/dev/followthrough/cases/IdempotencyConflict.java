package dev.followthrough.cases;

/**
 * A retried request whose idempotency key (or message id) was used before for a different request:
 * the API answers 409 naming the field that carried the key.
 */
public class IdempotencyConflict extends RuntimeException {

  private final String field;

  public IdempotencyConflict(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
