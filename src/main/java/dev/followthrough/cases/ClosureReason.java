package dev.followthrough.cases;

public enum ClosureReason {
  RESOLVED,
  RESOLVED_BY_CUSTOMER,
  UNRESPONSIVE
}
