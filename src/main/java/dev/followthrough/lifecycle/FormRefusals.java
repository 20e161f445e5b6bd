package dev.followthrough.lifecycle;

import dev.followthrough.cases.CaseValidation;
import dev.followthrough.cases.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A refusal reads as a refusal (R28): when a rule of the lifecycle refuses a form submitted from
 * Tasklist, the engine's API answers 400 with the rule's own words, and nothing is logged above
 * DEBUG, because a form an engineer must correct is not a failure of the system.
 *
 * <p>How, and why so: anything a task listener throws reaches the API wrapped as "ENGINE-03051
 * There was an exception while invoking the TaskListener" (HTTP 500, logged as an ERROR with its
 * stack trace). The engine's REST resource answers 400 only for a
 * {@link FormFieldValidationException} thrown while the form is submitted, and the engine logs a
 * failed command at DEBUG only for a {@link BadUserRequestException}. So the rules run in the form
 * handler, before the task completes and outside any listener: a refusal is thrown there as a
 * {@link Refused} (a bad user request: logged at DEBUG when the command fails and its transaction
 * rolls back), and the outermost command interceptor hands it to the REST layer as a form field
 * validation exception (400, "Cannot submit task form &lt;id&gt;: &lt;the rule's words&gt;").
 *
 * <p>Which rules: the model's own. A user task's complete listener {@code ${bean.check(args)}} has
 * a twin {@code ${bean.problems(args)}} that says what is wrong without doing anything; the form
 * handler evaluates the twin with the same arguments. The listener stays in the model, so a task
 * completed through the Java API (or a model without this plugin) is held to the same rule.
 */
final class FormRefusals {

  /** {@code ${bean.check(args)}}: a rule of the model, checked on completion. */
  private static final Pattern CHECK = Pattern.compile("^\\$\\{\\s*(\\w+)\\.check\\((.*)\\)\\s*}$");

  private FormRefusals() {}

  /** The twins ({@code ${bean.problems(args)}}) of the user task's complete-listener rules. */
  static List<String> rulesOf(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    if (extensions == null) {
      return List.of();
    }
    List<String> rules = new ArrayList<>();
    for (Element listener : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "taskListener")) {
      String expression = listener.attribute("expression");
      Matcher check = expression == null ? null : CHECK.matcher(expression.strip());
      if ("complete".equals(listener.attribute("event")) && check != null && check.matches()) {
        rules.add("${" + check.group(1) + ".problems(" + check.group(2) + ")}");
      }
    }
    return rules;
  }

  static TaskFormHandler taskForm(TaskFormHandler form, List<String> rules) {
    return new CheckedTaskForm(form, List.copyOf(rules));
  }

  static StartFormHandler startForm(StartFormHandler form, Supplier<CaseValidation> validation,
                                    Predicate<String> caseExists) {
    return new CheckedStartForm(form, validation, caseExists);
  }

  /** The outermost command interceptor turns a refusal into the exception the REST API answers with 400. */
  static void answerAsBadRequests(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RefusalsAsBadRequests());
  }

  /** "field: problem" lines, one entry per field (problems of one field joined with "; "). */
  static Map<String, String> byField(List<String> problems) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String problem : problems) {
      int colon = problem.indexOf(':');
      fields.merge(problem.substring(0, colon), problem.substring(colon + 1).strip(), (a, b) -> a + "; " + b);
    }
    return fields;
  }

  /** A rule refused the submitted form: the engineer's mistake to correct, by field. */
  static final class Refused extends BadUserRequestException {

    private final transient Map<String, String> fields;

    Refused(InvalidInput refusal) {
      super(refusal.getMessage());
      this.fields = refusal.fields();
    }

    Map<String, String> fields() {
      return fields;
    }
  }

  private static final class RefusalsAsBadRequests extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (Refused refused) {
        throw new FormFieldValidationException(refused.fields(), refused.getMessage());
      }
    }
  }

  private record CheckedTaskForm(TaskFormHandler form, List<String> rules) implements TaskFormHandler {

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope task) {
      form.submitFormVariables(properties, task);
      List<String> problems = new ArrayList<>();
      for (String rule : rules) {
        Object found = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(rule)
            .getValue(task);
        if (found instanceof List<?> list) {
          list.forEach(problem -> problems.add(problem.toString()));
        }
      }
      if (!problems.isEmpty()) {
        throw new Refused(new InvalidInput(byField(problems)));
      }
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return form.createTaskForm(task);
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                   ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }
  }

  private record CheckedStartForm(StartFormHandler form, Supplier<CaseValidation> validation,
                                  Predicate<String> caseExists) implements StartFormHandler {

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope execution) {
      form.submitFormVariables(properties, execution);
      try {
        validation.get().check(execution::getVariable);
      } catch (InvalidInput refusal) {
        throw new Refused(refusal);
      }
      // the number is the business key everywhere: a second case under it is refused as the API refuses it
      CaseCommunicationProcess.CASE_NUMBER.find(execution).filter(caseExists).ifPresent(caseNumber -> {
        throw new Refused(InvalidInput.of("caseNumber", "case " + caseNumber + " exists already"));
      });
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
      return form.createStartFormData(processDefinition);
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                                   ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }
  }
}
