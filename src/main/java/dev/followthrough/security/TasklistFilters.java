package dev.followthrough.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.followthrough.lifecycle.CaseCommunicationProcess;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Policy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters that guide an engineer's day, created at every start (idempotent, by
 * name: an existing filter of that name is brought back to this query and these properties), each
 * sorted by due date, then priority:
 * <ul>
 *   <li>engineers: "My open cases", "Due today", "At risk" (the first-response target missed, a
 *       due date inside the policy's warning window or past it — an overdue promised update is a
 *       status task past its due date — or a customer flagged as dissatisfied), "Waiting on the
 *       customer" (the standing says the next move is the customer's);</li>
 *   <li>technical advisors: "Escalations", the dissatisfied customers waiting for their review.</li>
 * </ul>
 * The filters read "who am I" and "now" through expressions ({@code ${currentUser()}},
 * {@code ${dateTime()}}), which the engine evaluates for stored queries only when
 * {@code enableExpressionsInStoredQueries} is on. That is safe because only the application and
 * admins write filters: the groups get READ on these filters and no CREATE on filters at all
 * (README, "Hardening"); ad-hoc queries keep expressions off.
 */
@Component
class TasklistFilters {

  static final String MY_OPEN_CASES = "My open cases";
  static final String DUE_TODAY = "Due today";
  static final String AT_RISK = "At risk";
  static final String WAITING_ON_THE_CUSTOMER = "Waiting on the customer";
  static final String ESCALATIONS = "Escalations";

  private static final String ME = "${currentUser()}";
  private static final String END_OF_TODAY = "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  private record SharedFilter(String name, String description, int priority, List<String> groups,
                              Supplier<TaskQuery> query) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final Policy policy;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, Policy policy) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.policy = policy;
  }

  /** After {@link GroupSetup}: the groups exist. */
  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  void ensureFilters() {
    for (SharedFilter shared : sharedFilters()) {
      List<Filter> existing = filters.createFilterQuery().filterName(shared.name()).list();
      Filter filter = existing.isEmpty() ? filters.newTaskFilter(shared.name()) : existing.get(0);
      filter.setOwner(null);
      filter.setQuery(sortedByDueDateThenPriority(shared.query().get()));
      filter.setProperties(properties(shared));
      filter = filters.saveFilter(filter);
      for (String group : shared.groups()) {
        grantRead(group, filter.getId());
      }
    }
  }

  private List<SharedFilter> sharedFilters() {
    String targetMissed = CaseCommunicationProcess.FIRST_RESPONSE_TARGET_MISSED.name();
    List<String> engineers = List.of(Groups.ENGINEERS, Groups.MANAGERS);
    return List.of(
        new SharedFilter(MY_OPEN_CASES, "Every task of your cases, the most urgent first", -20, engineers,
            () -> mine()),
        new SharedFilter(DUE_TODAY, "Your tasks due by the end of today, overdue ones included", -19, engineers,
            () -> mine().dueBeforeExpression(END_OF_TODAY)),
        new SharedFilter(AT_RISK, "First-response target missed or close, an overdue promise, or a dissatisfied customer",
            -18, engineers, () -> mine()
                .or()
                .processVariableValueEquals(targetMissed, true)
                .dueBeforeExpression(dueSoon())
                .processVariableValueLike(CaseCommunicationProcess.DISSATISFACTION_REASON.name(), "%")
                .endOr()),
        new SharedFilter(WAITING_ON_THE_CUSTOMER, "Your cases where the next move is the customer's", -17, engineers,
            () -> mine()
                .or()
                .processVariableValueEquals(CaseCommunicationProcess.CASE_STANDING.name(),
                    CaseStanding.PENDING_CUSTOMER_INFORMATION.name())
                .processVariableValueEquals(CaseCommunicationProcess.CASE_STANDING.name(),
                    CaseStanding.RESOLUTION_PROVIDED.name())
                .processVariableValueEquals(CaseCommunicationProcess.CASE_STANDING.name(),
                    CaseStanding.CUSTOMER_UNRESPONSIVE.name())
                .endOr()),
        new SharedFilter(ESCALATIONS, "Dissatisfied customers waiting for a technical advisor's review", -16,
            List.of(Groups.TECHNICAL_ADVISORS, Groups.MANAGERS),
            () -> tasks.createTaskQuery().taskCandidateGroup(Groups.TECHNICAL_ADVISORS).includeAssignedTasks()));
  }

  private TaskQuery mine() {
    return tasks.createTaskQuery().taskAssigneeExpression(ME);
  }

  /** "Close": inside the longest warning window of the first-response targets (policy), or past due. */
  private String dueSoon() {
    long minutes = policy.getFirstResponseTargets().values().stream().map(Policy.FirstResponseTarget::getWarnBefore)
        .filter(Objects::nonNull).max(Duration::compareTo).orElse(Duration.ofHours(1)).toMinutes();
    return "${dateTime().plusMinutes(" + minutes + ").toDate()}";
  }

  private static TaskQuery sortedByDueDateThenPriority(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  /** Tasklist's filter properties: its place in the list, the description, and the case on every card. */
  private static Map<String, Object> properties(SharedFilter shared) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", shared.description());
    properties.put("priority", shared.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", CaseCommunicationProcess.CASE_NUMBER.name(), "label", "Case"),
        Map.of("name", CaseCommunicationProcess.CUSTOMER_NAME.name(), "label", "Customer"),
        Map.of("name", CaseCommunicationProcess.SEVERITY.name(), "label", "Severity")));
    return properties;
  }

  private void grantRead(String group, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filterId);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }
}
