package dev.followthrough.cases;

public class CaseNotFound extends RuntimeException {
  public CaseNotFound(String caseNumber) {
    super("No case " + caseNumber);
  }
}
