package dev.followthrough.security;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REACH_OUT_TO_TAM;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.REVIEW_DISSATISFIED_CUSTOMER;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.casework.SupportCases;
import dev.followthrough.cases.NewCase;
import dev.followthrough.cases.Severity;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared Tasklist filters with authorization on, as in production: they exist once each after
 * every start, each one lists the tasks its name promises for the person who opens it (the
 * expected lists are worked out here from the tasks themselves, not from the filter), sorted by
 * due date then priority; the groups read them, and nobody but an admin writes a filter.
 */
@SpringBootTest(properties = "camunda.bpm.authorization.enabled=true")
@ActiveProfiles({"local", "test"})
class TasklistFiltersTest {

  @Autowired ProcessEngine engine;
  @Autowired Lifecycle lifecycle;
  @Autowired SupportCases cases;
  @Autowired TasklistFilters tasklistFilters;

  private FilterService filters;

  @BeforeEach
  void mondayMorning() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    filters = engine.getFilterService();
  }

  @AfterEach
  void realTimeAndNobodyLoggedIn() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theFiltersExistOnceEach_evenAfterAnotherStart() {
    tasklistFilters.ensureFilters();

    for (String name : List.of(TasklistFilters.MY_OPEN_CASES, TasklistFilters.DUE_TODAY, TasklistFilters.AT_RISK,
        TasklistFilters.WAITING_ON_THE_CUSTOMER, TasklistFilters.ESCALATIONS)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isOne();
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(filter.getOwner()).as("shared, owned by nobody").isNull();
      assertThat(filter.getProperties()).containsKeys("description", "priority", "variables");
    }
  }

  @Test
  void eachFilterListsWhatItsNamePromises_forTheEngineerWhoOpensIt() {
    ProcessInstance fresh = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance critical = lifecycle.open(aCase(c -> withSeverity(c, Severity.A)));
    ProcessInstance unhappy = lifecycle.open(aCase(UnaryOperator.identity()));
    cases.flagDissatisfied(unhappy.getBusinessKey(), "Third time the export broke this month");
    ProcessInstance silent = lifecycle.open(aCase(Lifecycle::premierWithTam));
    lifecycle.sendFirstQualityResponse(silent);
    lifecycle.writeStatus(silent, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    ProcessInstance someoneElses = lifecycle.open(aCase(c -> ownedBy(c, "demo")));
    lifecycle.runDueJobs();

    List<Task> engineers = engine.getTaskService().createTaskQuery().taskAssignee("engineer").list();
    assertThat(engineers).extracting(Task::getProcessInstanceId)
        .doesNotContain(someoneElses.getId())
        .contains(fresh.getId(), critical.getId(), unhappy.getId(), silent.getId());

    loggedInAs("engineer", Groups.ENGINEERS);
    assertThat(names(filters.createFilterQuery().list()))
        .contains(TasklistFilters.MY_OPEN_CASES, TasklistFilters.DUE_TODAY, TasklistFilters.AT_RISK,
            TasklistFilters.WAITING_ON_THE_CUSTOMER)
        .doesNotContain(TasklistFilters.ESCALATIONS);

    List<Task> mine = list(TasklistFilters.MY_OPEN_CASES);
    assertThat(ids(mine)).containsExactlyInAnyOrderElementsOf(ids(engineers));
    assertThat(mine.stream().filter(task -> task.getDueDate() != null).toList()).as("sorted by due date, the earliest first")
        .hasSizeGreaterThan(2).isSortedAccordingTo(Comparator.comparing(Task::getDueDate));

    LocalDate today = berlin("2026-11-23T10:00").atZone(ZoneId.systemDefault()).toLocalDate();
    assertThat(ids(list(TasklistFilters.DUE_TODAY))).as("due before the end of the server's today, " + today)
        .containsExactlyInAnyOrderElementsOf(ids(engineers.stream().filter(task -> task.getDueDate() != null
            && task.getDueDate().toInstant().isBefore(today.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()))
            .toList()));

    assertThat(list(TasklistFilters.AT_RISK)).extracting(Task::getProcessInstanceId)
        .as("the severity A case inside its warning window, and the dissatisfied customer's case")
        .contains(critical.getId(), unhappy.getId())
        .doesNotContain(fresh.getId(), silent.getId());

    assertThat(list(TasklistFilters.WAITING_ON_THE_CUSTOMER)).extracting(Task::getTaskDefinitionKey)
        .as("the unresponsive premier customer: reach out to the TAM").containsExactly(REACH_OUT_TO_TAM);

    loggedInAs("advisor", Groups.TECHNICAL_ADVISORS);
    assertThat(list(TasklistFilters.ESCALATIONS)).extracting(Task::getTaskDefinitionKey, Task::getProcessInstanceId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(REVIEW_DISSATISFIED_CUSTOMER, unhappy.getId()));
  }

  @Test
  void anEngineerReadsTheSharedFilters_butCannotCreateOrChangeOne() {
    Filter shared = filters.createFilterQuery().filterName(TasklistFilters.MY_OPEN_CASES).singleResult();
    loggedInAs("engineer", Groups.ENGINEERS);

    assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter("Everything, with an expression of mine")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"))))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'CREATE' permission");

    Filter readable = filters.getFilter(shared.getId());
    assertThat(readable).isNotNull();
    readable.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${'demo'}"));
    assertThatThrownBy(() -> filters.saveFilter(readable)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("'UPDATE' permission");
    assertThatThrownBy(() -> filters.deleteFilter(shared.getId())).isInstanceOf(AuthorizationException.class);
  }

  // ------------------------------------------------------------------

  private void loggedInAs(String user, String group) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
  }

  private List<Task> list(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    assertThat(filter).as(filterName + " readable").isNotNull();
    return filters.list(filter.getId());
  }

  private static List<String> names(List<Filter> list) {
    return list.stream().map(Filter::getName).toList();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private static NewCase withSeverity(NewCase c, Severity severity) {
    return new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(), severity, c.product(),
        c.customerName(), c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(),
        c.customerRegion(), c.customerLanguage(), c.preferredChannel(), c.customerTier(), c.tamName(), c.tamEmail(),
        c.engineerId());
  }

  private static NewCase ownedBy(NewCase c, String engineerId) {
    return new NewCase(c.caseNumber(), c.caseTitle(), c.problemDescription(), c.severity(), c.product(),
        c.customerName(), c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(),
        c.customerRegion(), c.customerLanguage(), c.preferredChannel(), c.customerTier(), c.tamName(), c.tamEmail(),
        engineerId);
  }
}
