package dev.followthrough.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.followthrough.lifecycle.CaseCommunicationProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure our groups exist and may do their work with authorization on (R27), and nothing more.
 * Case data is not granted by group: an engineer reads a case's process instance because it was
 * assigned to them ({@code lifecycle.CaseAccessGrants}) and works a task because it is assigned to
 * them (the engine grants its assignee, and the candidate group of an escalation, on the task).
 * By group: engineers open cases in Tasklist; technical advisors use Tasklist for their
 * escalations; managers read every case and task in Cockpit and Tasklist; process owners deploy,
 * change job due dates, suspend and migrate the lifecycle in Cockpit. Idempotent and reconciling:
 * runs at every start and brings grants written by an earlier version to exactly these.
 */
@Component
class GroupSetup {

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private static final String PROCESS = CaseCommunicationProcess.PROCESS_KEY;

  private static final List<Grant> GRANTS = List.of(
      new Grant(Groups.ENGINEERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.ENGINEERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE),
      new Grant(Groups.ENGINEERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
      new Grant(Groups.ENGINEERS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
      new Grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.READ_INSTANCE,
          Permissions.READ_HISTORY, Permissions.READ_TASK),
      new Grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ, Permissions.UPDATE,
          Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_HISTORY,
          ProcessDefinitionPermissions.MIGRATE_INSTANCE),
      new Grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE, Permissions.DELETE),
      new Grant(Groups.PROCESS_OWNERS, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));

  /** Blanket grants an earlier version gave; removed at start so that only the per-case ones remain. */
  private static final List<Grant> WITHDRAWN = List.of(
      new Grant(Groups.ENGINEERS, Resources.TASK, ANY),
      new Grant(Groups.TECHNICAL_ADVISORS, Resources.TASK, ANY));

  private static final List<String> TASKLIST_GROUPS = List.of(Groups.ENGINEERS, Groups.TECHNICAL_ADVISORS, Groups.MANAGERS);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final String tasklistFilter;

  GroupSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
             @Value("${camunda.bpm.filter.create:}") String tasklistFilter) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasklistFilter = tasklistFilter;
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
      Authorization authorization = existing(grant);
      if (authorization == null) {
        authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.group());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
      }
      authorization.setPermissions(grant.permissions());
      authorizations.saveAuthorization(authorization);
    }
    for (Grant withdrawn : WITHDRAWN) {
      Authorization authorization = existing(withdrawn);
      if (authorization != null) {
        authorizations.deleteAuthorization(authorization.getId());
      }
    }
    readTheTasklistFilter();
  }

  /** The shared "All tasks" filter lists, for each of them, the tasks they may read, no more. */
  private void readTheTasklistFilter() {
    if (tasklistFilter.isBlank()) {
      return;
    }
    for (Filter filter : filters.createFilterQuery().filterName(tasklistFilter).list()) {
      for (String group : TASKLIST_GROUPS) {
        Grant read = new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        if (existing(read) == null) {
          Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          authorization.setGroupId(group);
          authorization.setResource(Resources.FILTER);
          authorization.setResourceId(filter.getId());
          authorization.addPermission(Permissions.READ);
          authorizations.saveAuthorization(authorization);
        }
      }
    }
  }

  private Authorization existing(Grant grant) {
    return authorizations.createAuthorizationQuery().groupIdIn(grant.group()).authorizationType(AUTH_TYPE_GRANT)
        .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
  }
}
