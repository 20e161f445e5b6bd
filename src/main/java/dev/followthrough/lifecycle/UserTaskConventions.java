package dev.followthrough.lifecycle;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CaseValidation;
import dev.followthrough.cases.Preview;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.ANSWERS_BY_FORM;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_NAME;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PROCESS_KEY;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every user task of the lifecycle ({@value CaseCommunicationProcess#PROCESS_KEY}) does, so the
 * model keeps the plain labels a process owner reads in Modeler. Other processes deployed on the
 * engine (a process owner's second model, a one-task experiment) are left exactly as modelled.
 * <ul>
 *   <li>its name carries the case number and the customer, so a Tasklist full of "Follow-up email
 *       with status and next steps" still says whose case is whose (cut with an ellipsis to the
 *       engine's 255 characters when a long customer name would not fit);</li>
 *   <li>its description says in one line what to do next and by when ({@link NextSteps});</li>
 *   <li>the FQR call is marked ({@link CaseCommunicationProcess#FIRST_RESPONSE_CALL}), so its form shows the
 *       email that follows every such call;</li>
 *   <li>the answers its form asks for start empty ({@link CaseCommunicationProcess#ANSWERS_BY_FORM}),
 *       not pre-filled with the last round's answer;</li>
 *   <li>a form submitted from Tasklist is checked by the same rules as the model's complete
 *       listener, before the task completes, and a refusal answers 400 with the rule's words
 *       ({@link FormRefusals}); the start form is checked by {@link CaseValidation}.</li>
 * </ul>
 */
@Component
public class UserTaskConventions extends AbstractProcessEnginePlugin {

  /** What the engine's task name column holds ({@code ACT_RU_TASK.NAME_}, {@code ACT_HI_TASKINST.NAME_}). */
  public static final int TASK_NAME_LENGTH = 255;

  private static final TaskListener NAME_WITH_CASE = task -> CASE_NUMBER.find(task).ifPresent(caseNumber ->
      task.setName(caseTaskName(task.getName(), caseNumber, CUSTOMER_NAME.find(task).orElse(""))));

  private final ObjectProvider<NextSteps> nextSteps;
  private final ObjectProvider<CaseValidation> caseValidation;
  private final ObjectProvider<CaseRecords> caseRecords;

  UserTaskConventions(ObjectProvider<NextSteps> nextSteps, ObjectProvider<CaseValidation> caseValidation,
                      ObjectProvider<CaseRecords> caseRecords) {
    this.nextSteps = nextSteps;
    this.caseValidation = caseValidation;
    this.caseRecords = caseRecords;
  }

  /** "What to do · case number · customer": every task of a case is named so, lifecycle or standalone. */
  public static String caseTaskName(String what, String caseNumber, String customerName) {
    return fitName(what + " · " + caseNumber + " · " + customerName);
  }

  /** A task name cut with an ellipsis to fit the engine's column: every task, lifecycle or standalone. */
  public static String fitName(String name) {
    return Preview.line(name, TASK_NAME_LENGTH);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new LifecycleParseListener());
    FormRefusals.answerAsBadRequests(configuration);
  }

  private static boolean isLifecycle(ScopeImpl scope) {
    return scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
        && PROCESS_KEY.equals(definition.getKey());
  }

  private final class LifecycleParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      if (PROCESS_KEY.equals(processDefinition.getKey()) && processDefinition.getStartFormHandler() != null) {
        processDefinition.setStartFormHandler(
            FormRefusals.startForm(processDefinition.getStartFormHandler(), caseValidation::getObject,
                caseNumber -> caseRecords.getObject().find(caseNumber).isPresent()));
      }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!isLifecycle(activity)) {
        return;
      }
      TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE, NAME_WITH_CASE);
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE,
          (DelegateTask task) -> task.setDescription(nextSteps.getObject().describe(task)));
      String form = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      List<ProcessVariable<?>> answers = form == null ? List.of() : ANSWERS_BY_FORM.getOrDefault(form, List.of());
      if (!answers.isEmpty()) {
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> answers.forEach(answer -> task.getExecution().setVariable(answer.name(), null)));
      }
      if (CaseCommunicationProcess.Elements.CALL_FOR_FQR.equals(activity.getId())) {
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> task.setVariableLocal(CaseCommunicationProcess.FIRST_RESPONSE_CALL.name(), true));
      }
      List<String> rules = FormRefusals.rulesOf(userTaskElement);
      if (!rules.isEmpty()) {
        definition.setTaskFormHandler(FormRefusals.taskForm(definition.getTaskFormHandler(), rules));
      }
    }
  }
}
