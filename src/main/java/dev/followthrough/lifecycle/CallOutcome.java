package dev.followthrough.lifecycle;

/** How a call to the customer went (R6, R8, R19). */
public enum CallOutcome {
  REACHED,
  VOICEMAIL,
  NO_ANSWER
}
