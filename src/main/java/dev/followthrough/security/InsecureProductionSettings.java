package dev.followthrough.security;

import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused by {@link ProductionSettings}; the message lists every problem. */
public class InsecureProductionSettings extends RuntimeException {

  private final List<String> problems;

  InsecureProductionSettings(List<String> problems) {
    super("Production settings refused (start with --spring.profiles.active=local to try Followthrough on one machine):\n - "
        + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** Prints the problems as Spring Boot's start-up failure report, without a stack trace. */
  public static class Analyzer extends AbstractFailureAnalyzer<InsecureProductionSettings> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureProductionSettings cause) {
      return new FailureAnalysis("Followthrough refuses to start in production:\n - " + String.join("\n - ", cause.problems()),
          "Set the variables named above (see the README, \"Hardening\"); nothing was written to the database.", cause);
    }
  }
}
