package dev.followthrough.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.followthrough.lifecycle.CaseCommunicationProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure our groups exist and may do their work with authorization on (R27): engineers open
 * cases and work their tasks in Tasklist, advisors take escalations, managers and process owners
 * watch in Cockpit. Idempotent; runs at every start.
 */
@Component
class GroupSetup {

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private static final String PROCESS = CaseCommunicationProcess.PROCESS_KEY;

  private static final List<Grant> GRANTS = List.of(
      new Grant(Groups.ENGINEERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.ENGINEERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE,
          Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.READ_HISTORY),
      new Grant(Groups.ENGINEERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      new Grant(Groups.ENGINEERS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE),
      new Grant(Groups.ENGINEERS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ,
          Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.READ_HISTORY),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      new Grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY, Permissions.READ_TASK),
      new Grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY),
      new Grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ));

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  GroupSetup(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  void ensureGroupsAndGrants() {
    for (String id : List.of(Groups.ENGINEERS, Groups.TECHNICAL_ADVISORS, Groups.MANAGERS, Groups.PROCESS_OWNERS)) {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(id.substring(0, 1).toUpperCase() + id.substring(1).replace('-', ' '));
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    for (Grant grant : GRANTS) {
      boolean exists = authorizations.createAuthorizationQuery().groupIdIn(grant.group())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0;
      if (!exists) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (Permission permission : grant.permissions()) {
          authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
      }
    }
  }
}
