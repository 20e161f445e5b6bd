package dev.followthrough.mail;

/** Who an email is for; decides the recipients and whether it joins the customer's thread. */
public enum Audience {
  CUSTOMER,
  TAM,
  TECHNICAL_ADVISORS,
  MANAGER,
  ENGINEER
}
