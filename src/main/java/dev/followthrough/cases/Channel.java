package dev.followthrough.cases;

/** How the customer prefers to hear from us, and how an approval to close was given. */
public enum Channel {
  EMAIL,
  PHONE,
  CHAT
}
