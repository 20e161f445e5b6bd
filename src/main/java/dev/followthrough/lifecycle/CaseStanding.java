package dev.followthrough.lifecycle;

/** Where the case stands after a status email (R3): the answers of Gateway_CaseStanding. */
public enum CaseStanding {
  RESOLUTION_PROVIDED,
  PENDING_CUSTOMER_INFORMATION,
  PENDING_INTERNAL_RESEARCH,
  NEEDS_CALL,
  CUSTOMER_UNRESPONSIVE
}
