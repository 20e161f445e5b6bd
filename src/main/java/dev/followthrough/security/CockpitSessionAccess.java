package dev.followthrough.security;

import jakarta.servlet.http.HttpSession;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics: a user of {@code groups} with HTTP Basic (a script, Prometheus), or
 * the same people signed in to Cockpit, whose dashboard plugin calls the API with the webapp's
 * own session (Camunda keeps its login in the HTTP session, not in Spring Security).
 */
final class CockpitSessionAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final Set<String> groups;

  CockpitSessionAccess(Set<String> groups) {
    this.groups = Set.copyOf(groups);
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication basic = authentication.get();
    if (basic != null && basic.isAuthenticated() && inGroups(basic.getAuthorities())) {
      return new AuthorizationDecision(true);
    }
    HttpSession session = context.getRequest().getSession(false);
    Authentications cockpit = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    boolean signedIn = cockpit != null && cockpit.getAuthentications().stream()
        .anyMatch(user -> user.isAuthorizedForApp("cockpit") && user.getGroupIds() != null
            && user.getGroupIds().stream().anyMatch(groups::contains));
    return new AuthorizationDecision(signedIn);
  }

  private boolean inGroups(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.startsWith("GROUP_") && groups.contains(authority.substring("GROUP_".length())));
  }
}
