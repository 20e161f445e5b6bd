package dev.followthrough.casework;

import dev.followthrough.cases.CaseRecord;

import dev.followthrough.cases.Preview;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;

import dev.followthrough.lifecycle.UserTaskConventions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tasks outside the lifecycle's process, for mail that needs a person: a reply to a closed case,
 * a bounce, a shared credential, an email for no known case. They show in Tasklist like the rest,
 * with the case number when there is one.
 */
@Component
public class StandaloneTasks {

  private final TaskService tasks;

  StandaloneTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  /** For {@code assignee}, or offered to {@code candidateGroup}; either may be null. */
  /** A task for the case's engineer, named as the lifecycle names its tasks ("what · case · customer"). */
  public void forTheEngineer(CaseRecord theCase, String what, String description) {
    create(UserTaskConventions.caseTaskName(what, theCase.caseNumber(), theCase.customerName()), description,
        theCase.engineerId(), null, theCase.caseNumber());
  }

  public void create(String name, String description, String assignee, String candidateGroup, String caseNumber) {
    Task task = tasks.newTask();
    task.setName(UserTaskConventions.fitName(name));
    task.setDescription(Preview.of(description, 3900));
    task.setAssignee(assignee);
    tasks.saveTask(task);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(task.getId(), candidateGroup);
    }
    if (caseNumber != null) {
      tasks.setVariable(task.getId(), CASE_NUMBER.name(), caseNumber);
    }
  }
}
