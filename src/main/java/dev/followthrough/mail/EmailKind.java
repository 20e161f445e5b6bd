package dev.followthrough.mail;

import java.util.Arrays;

/**
 * Every email the lifecycle sends. The model names them by {@link #id()} in the send tasks'
 * {@code email} input; the engineer reviews the {@link #reviewed()} ones as a draft first (R20),
 * the others are personalised from case data when they go. Those to the {@link Audience#CUSTOMER}
 * are written in the customer's language (R30); the others, to our own people (the TAM included),
 * in the organisation's: their templates are {@link MailTemplates#internalNames()}.
 */
public enum EmailKind {
  FIRST_QUALITY_RESPONSE("first-quality-response", "first-quality-response", Audience.CUSTOMER, true, false),
  STATUS_UPDATE("status-update", "status-update", Audience.CUSTOMER, true, false),
  PENDING_INFORMATION_REMINDER("pending-information-reminder", "pending-information-reminder", Audience.CUSTOMER, false, false),
  VOICEMAIL_FOLLOW_UP("voicemail-follow-up", "voicemail-follow-up", Audience.CUSTOMER, true, false),
  SOLUTION_CHECK_IN("solution-check-in", "solution-check-in", Audience.CUSTOMER, true, false),
  SOLUTION_FOLLOW_UP("solution-follow-up", "solution-check-in", Audience.CUSTOMER, false, false),
  TAM_OUTREACH("tam-outreach", "tam-outreach", Audience.TAM, true, true),
  STRIKE_1("strike-1", "strike-1", Audience.CUSTOMER, false, true),
  STRIKE_2("strike-2", "strike-2", Audience.CUSTOMER, false, true),
  STRIKE_3("strike-3", "strike-3", Audience.CUSTOMER, false, true),
  UNRESPONSIVE_CLOSURE("unresponsive-closure", "unresponsive-closure", Audience.CUSTOMER, false, true),
  /** The template depends on who resolved it: see {@link #LQR_RESOLVED_BY_CUSTOMER_TEMPLATE}. */
  LAST_QUALITY_RESPONSE("last-quality-response", "lqr-resolved", Audience.CUSTOMER, true, false),
  INTERNAL_ESCALATION("internal-escalation", "internal-escalation", Audience.TECHNICAL_ADVISORS, false, false),
  UPDATE_OVERDUE("update-overdue", "update-overdue", Audience.MANAGER, false, false),
  /** An email the server refused, again, to the address the engineer corrected. */
  RESEND("resend", null, Audience.CUSTOMER, true, false),
  FIRST_RESPONSE_AT_RISK("first-response-at-risk", "first-response-at-risk", Audience.ENGINEER, false, false),
  FIRST_RESPONSE_MISSED("first-response-missed", "first-response-missed", Audience.MANAGER, false, false);

  public static final String LQR_RESOLVED_BY_CUSTOMER_TEMPLATE = "lqr-resolved-by-customer";

  private final String id;
  private final String template;
  private final Audience audience;
  private final boolean reviewed;
  private final boolean unresponsivePath;

  EmailKind(String id, String template, Audience audience, boolean reviewed, boolean unresponsivePath) {
    this.id = id;
    this.template = template;
    this.audience = audience;
    this.reviewed = reviewed;
    this.unresponsivePath = unresponsivePath;
  }

  /** The emails that reach out to the customer (directly or through their TAM): follow-ups count from them. */
  public static java.util.List<String> outreachIds() {
    return Arrays.stream(values()).filter(kind -> kind.audience == Audience.CUSTOMER || kind.audience == Audience.TAM)
        .map(EmailKind::id).toList();
  }

  public static EmailKind fromId(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown email '" + id + "'; known: "
            + Arrays.stream(values()).map(EmailKind::id).toList()));
  }

  public String id() {
    return id;
  }

  public String template() {
    return template;
  }

  public Audience audience() {
    return audience;
  }

  /** Drafted in a task and edited by the engineer before it goes. */
  public boolean reviewed() {
    return reviewed;
  }

  /** R11: the TAM and the manager are copied on every email of the unresponsive path. */
  public boolean copiesTamAndManager() {
    return unresponsivePath;
  }

  /** 1, 2 or 3 for the strikes, otherwise 0. */
  public int strike() {
    return switch (this) {
      case STRIKE_1 -> 1;
      case STRIKE_2 -> 2;
      case STRIKE_3 -> 3;
      default -> 0;
    };
  }
}
