package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_TITLE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_NAME;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.DISSATISFACTION_REASON;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.LAST_REPLY_TEXT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.ENGINEER_ID;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PROBLEM_DESCRIPTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PRODUCT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.SEVERITY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.TAM_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.TAM_NAME;

import dev.followthrough.cases.Tier;
import dev.followthrough.engineers.EngineerDirectory;
import dev.followthrough.engineers.EngineerProfile;
import dev.followthrough.mail.CustomerText;
import dev.followthrough.mail.MailProperties;
import dev.followthrough.mail.MailTemplates;
import dev.followthrough.metrics.SurveyTokens;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The model every mail template sees: {@code case}, {@code customer}, {@code engineer} and
 * {@code organisation}, read from the process through the typed variables. Values are data, never
 * template code; {@link #customerText} says which of them the customer wrote.
 */
@Component
public class TemplateModels {

  private final EngineerDirectory engineers;
  private final MailProperties mail;
  private final SurveyTokens surveys;

  TemplateModels(EngineerDirectory engineers, MailProperties mail, SurveyTokens surveys) {
    this.engineers = engineers;
    this.mail = mail;
    this.surveys = surveys;
  }

  public Map<String, Object> of(VariableScope scope) {
    Map<String, Object> theCase = new HashMap<>();
    theCase.put("number", CASE_NUMBER.get(scope));
    theCase.put("title", CASE_TITLE.get(scope));
    theCase.put("problemDescription", PROBLEM_DESCRIPTION.get(scope));
    theCase.put("severity", SEVERITY.get(scope).name());
    theCase.put("product", PRODUCT.find(scope).orElse(CASE_TITLE.get(scope)));

    Map<String, Object> customer = new HashMap<>();
    customer.put("name", CUSTOMER_NAME.get(scope));
    customer.put("email", CUSTOMER_EMAIL.get(scope));
    customer.put("premier", CUSTOMER_TIER.get(scope) == Tier.PREMIER);
    TAM_NAME.find(scope).ifPresent(name -> customer.put("tamName", name));
    TAM_EMAIL.find(scope).ifPresent(email -> customer.put("tamEmail", email));

    EngineerProfile profile = engineers.get(ENGINEER_ID.get(scope));
    Map<String, Object> engineer = new HashMap<>();
    engineer.put("name", profile.name());
    engineer.put("email", profile.email());
    engineer.put("title", profile.title());
    engineer.put("team", profile.team());
    engineer.put("phone", profile.phone() == null ? "" : profile.phone());
    engineer.put("workingHours", profile.workingHours());
    engineer.put("managerName", profile.managerName());
    engineer.put("managerEmail", profile.managerEmail());

    Map<String, Object> model = new HashMap<>();
    model.put("case", theCase);
    model.put("customer", customer);
    model.put("engineer", engineer);
    model.put("organisation", Map.of("name", mail.organisationName()));
    model.put("survey", MailTemplates.whenRead(() -> survey(scope)));
    return model;
  }

  /**
   * The LQR's survey (R10): {@code survey.links}, one signed link per rating (1 to 5) for this
   * closing of the case (its process instance: a reopened case closes with a new survey). Empty
   * when the survey is not configured; the LQR templates then leave the question out. Signed only
   * when a template reads it.
   */
  private Map<String, Object> survey(VariableScope scope) {
    String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
        : scope instanceof DelegateExecution execution ? execution.getProcessInstanceId() : null;
    List<Map<String, Object>> links = processInstanceId == null ? List.of()
        : surveys.links(new SurveyTokens.Survey(CASE_NUMBER.get(scope), processInstanceId)).stream()
            .map(link -> Map.<String, Object>of("rating", link.rating(), "url", link.url())).toList();
    return Map.of("links", links, "lowest", SurveyTokens.LOWEST_RATING, "highest", SurveyTokens.HIGHEST_RATING);
  }

  /**
   * Everything of the case that the customer (or whoever opened it for them) wrote: title,
   * problem description, product, names and addresses, the last reply, the reason given for
   * dissatisfaction. Drafts may quote it as it is, whatever it looks like (R20).
   */
  public static CustomerText customerText(VariableScope scope) {
    return CustomerText.of(CASE_TITLE.find(scope).orElse(null), PROBLEM_DESCRIPTION.find(scope).orElse(null),
        PRODUCT.find(scope).orElse(null), CUSTOMER_NAME.find(scope).orElse(null), CUSTOMER_EMAIL.find(scope).orElse(null),
        TAM_NAME.find(scope).orElse(null), LAST_REPLY_TEXT.find(scope).orElse(null),
        DISSATISFACTION_REASON.find(scope).orElse(null));
  }
}
