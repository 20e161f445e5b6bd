package dev.followthrough.cases;

/** The request is fine, but the case is not in a state that allows it (409). */
public class CaseConflict extends RuntimeException {
  public CaseConflict(String message) {
    super(message);
  }
}
