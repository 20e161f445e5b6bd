package dev.followthrough.security;

import dev.followthrough.cases.CaseRecord;
import dev.followthrough.cases.CaseRecords;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may do what with one case on {@code /api/cases/{caseNumber}/**}, the same split as in
 * Tasklist (R27): the case's engineer reads and works it (reading includes the customer's files); technical advisors read every case and
 * flag a dissatisfied customer (they take the escalation); managers and process owners read; the
 * Camunda admin may do everything. Anyone else gets 403. An unknown case passes, so the API
 * answers 404 as before.
 */
final class CaseAccess implements AuthorizationManager<RequestAuthorizationContext> {

  static final String ADMINS = "camunda-admin";

  /** What a request does to a case, from its method and the rest of its path. */
  enum Action {
    READ, RECORD_REPLY, FLAG_DISSATISFIED, MARK_AWAY, OTHER;

    static Action of(String method, String path) {
      String rest = path.replaceFirst("^.*/api/cases/[^/]+", "");
      if ("GET".equals(method) && (rest.isEmpty() || rest.equals("/attachments") || rest.startsWith("/attachments/"))) {
        return READ;
      }
      return switch (rest) {
        case "/replies" -> RECORD_REPLY;
        case "/dissatisfaction" -> FLAG_DISSATISFIED;
        case "/customer-away" -> MARK_AWAY;
        default -> OTHER;
      };
    }
  }

  private final CaseRecords records;

  CaseAccess(CaseRecords records) {
    this.records = records;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null || !caller.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith("GROUP_")).map(authority -> authority.substring(6))
        .collect(Collectors.toSet());
    Optional<CaseRecord> theCase = records.find(context.getVariables().get("caseNumber"));
    if (theCase.isEmpty()) {
      return new AuthorizationDecision(!groups.isEmpty());
    }
    Action action = Action.of(context.getRequest().getMethod(), context.getRequest().getRequestURI());
    return new AuthorizationDecision(allows(caller.getName(), groups, theCase.get().engineerId(), action));
  }

  static boolean allows(String user, Set<String> groups, String caseEngineer, Action action) {
    if (groups.contains(ADMINS)) {
      return true;
    }
    boolean ownCase = groups.contains(Groups.ENGINEERS) && user.equals(caseEngineer);
    return switch (action) {
      case READ -> ownCase || groups.contains(Groups.TECHNICAL_ADVISORS) || groups.contains(Groups.MANAGERS)
          || groups.contains(Groups.PROCESS_OWNERS);
      case FLAG_DISSATISFIED -> ownCase || groups.contains(Groups.TECHNICAL_ADVISORS);
      case RECORD_REPLY, MARK_AWAY, OTHER -> ownCase;
    };
  }
}
