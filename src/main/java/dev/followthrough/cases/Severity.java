package dev.followthrough.cases;

/** A = critical. */
public enum Severity {
  A,
  B,
  C
}
