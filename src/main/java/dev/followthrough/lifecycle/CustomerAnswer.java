package dev.followthrough.lifecycle;

/** The customer's answer to a solution we provided (R8). */
public enum CustomerAnswer {
  CONFIRMED,
  RESOLVED_BY_CUSTOMER,
  NOT_RESOLVED;

  public boolean closesTheCase() {
    return this != NOT_RESOLVED;
  }
}
