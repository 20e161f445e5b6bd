package dev.followthrough.security;

/** The Camunda groups Followthrough's people belong to (SPEC §1). */
public final class Groups {
  public static final String ENGINEERS = "engineers";
  public static final String TECHNICAL_ADVISORS = "technical-advisors";
  public static final String MANAGERS = "managers";
  public static final String PROCESS_OWNERS = "process-owners";

  private Groups() {}
}
