package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.AFTER_STRIKE_ONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_TWO;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.mail.EmailKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner adds steps from the element templates in {@code element-templates/}, without Java:
 * on the strike path, "Send customer email" (a reminder) and then "Wait business days" (2 after
 * that email) before strike 2. The templates' bindings are applied here as Camunda Modeler applies them; the changed
 * lifecycle is deployed and a case runs through the new steps.
 */
@SpringBootTest(properties = "followthrough.test.context=element-templates")
@ActiveProfiles({"local", "test"})
@DirtiesContext
class ElementTemplatesTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the owner types as the timer's Date, as the template's description says. */
  private static final String WAIT_TIMER_DATE = "${followUps.businessDaysLater(execution, waitBusinessDays)}";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired Policy policy;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTime() {
    lifecycle.realTime();
  }

  @Test
  void theTemplatesOfferOnlyWhatTheLifecycleKnows() throws IOException {
    JsonNode send = template("send-customer-email.json");
    assertThat(hidden(send, "camunda:delegateExpression")).isEqualTo("${sendEmail}");
    assertThat(hidden(send, "camunda:asyncBefore")).as("talks to the mail server after a saved state").isEqualTo("true");
    // no asyncAfter: the outbox ledger already keeps a retried send from sending again (README, "Exactly once")
    assertThat(send.get("properties").findValuesAsText("name")).as("one job per send").doesNotContain("camunda:asyncAfter");
    assertThat(choices(send, "email")).isNotEmpty().allSatisfy(id -> assertThat(EmailKind.fromId(id).reviewed())
        .as(id + " goes without an engineer's draft").isFalse());

    JsonNode wait = template("wait-business-days.json");
    assertThat(wait.get("description").asText()).contains(WAIT_TIMER_DATE);
    Pattern policyRule = Pattern.compile("\\$\\{policy\\.(\\w+)}");
    assertThat(choices(wait, "waitBusinessDays")).isNotEmpty().allSatisfy(value -> {
      Matcher rule = policyRule.matcher(value);
      if (rule.matches()) {
        assertThat(Stream.of(java.beans.Introspector.getBeanInfo(Policy.class).getPropertyDescriptors())
            .filter(property -> property.getName().equals(rule.group(1)))
            .filter(property -> property.getPropertyType() == int.class)).as(value + " is a policy interval").hasSize(1);
      } else {
        assertThat(Integer.parseInt(value)).isPositive();
      }
    });

    String modelsCycle = Bpmn.readModelFromFile(Path.of("bpmn/case-communication.bpmn").toFile())
        .<BaseElement>getModelElementById(AFTER_STRIKE_ONE).getExtensionElements()
        .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getFailedJobRetryTimeCycle())
        .as("a templated send, and a send after a templated wait, retry as the model's own sends do").isEqualTo(modelsCycle);
  }

  @Test
  void aProcessOwnersNewSteps_fromTheTemplates_runInTheLifecycle() throws IOException {
    BpmnModelInstance model = withStepsBeforeStrikeTwo();
    deploy(model);

    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.CUSTOMER_UNRESPONSIVE, Map.of());
    assertThat(instance).isWaitingAt(AFTER_STRIKE_ONE);
    int emailsBefore = lifecycle.emails(instance).size();

    lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    assertThat(instance).as("the templated send, then the templated wait").hasPassed("Task_RemindBeforeStrikeTwo")
        .isWaitingAt("Timer_GraceBeforeStrikeTwo");
    List<Lifecycle.Email> emails = lifecycle.emails(instance);
    assertThat(emails).hasSize(emailsBefore + 1);
    Lifecycle.Email reminder = emails.get(emailsBefore);
    assertThat(reminder.to()).containsExactly("dana.whitfield@customer.example");
    assertThat(reminder.subject()).contains(instance.getBusinessKey());
    assertThat(lifecycle.nextTimer(instance)).as("two of the customer's business days after the reminder (Thursday)")
        .isEqualTo(berlin("2026-11-30T10:00"));

    lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    assertThat(instance).hasPassed("Timer_GraceBeforeStrikeTwo", SEND_STRIKE_TWO);
    assertThat(lifecycle.emails(instance)).hasSize(emailsBefore + 2);
  }

  /** Strike 1 unanswered → [Send customer email: reminder] → [Wait business days: 2] → strike 2. */
  private static BpmnModelInstance withStepsBeforeStrikeTwo() throws IOException {
    BpmnModelInstance model;
    try (InputStream xml = Files.newInputStream(Path.of("bpmn/case-communication.bpmn"))) {
      model = Bpmn.readModelFromStream(xml);
    }
    SequenceFlow silence = model.getModelElementById("Flow_NoResponseToStrikeOne");
    FlowNode strikeTwo = silence.getTarget();
    SubProcess strikes = (SubProcess) silence.getParentElement();

    // the owner drops a timer intermediate catch event, sets its Date, and applies "Wait business days"
    IntermediateCatchEvent wait = model.newInstance(IntermediateCatchEvent.class);
    wait.setId("Timer_GraceBeforeStrikeTwo");
    wait.setName("Grace period after the reminder");
    strikes.addChildElement(wait);
    TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
    TimeDate date = model.newInstance(TimeDate.class);
    date.setTextContent(WAIT_TIMER_DATE);
    timer.setTimeDate(date);
    wait.getEventDefinitions().add(timer);
    apply(template("wait-business-days.json"), wait, Map.of("waitBusinessDays", "2"));

    // then a task, changed by "Send customer email" into a service task
    ServiceTask remind = model.newInstance(ServiceTask.class);
    remind.setId("Task_RemindBeforeStrikeTwo");
    remind.setName("Remind the customer before strike 2");
    strikes.addChildElement(remind);
    apply(template("send-customer-email.json"), remind, Map.of("email", "pending-information-reminder"));

    strikeTwo.getIncoming().remove(silence);
    silence.setTarget(remind);
    remind.getIncoming().add(silence);
    connect(model, strikes, "Flow_ReminderSentBeforeStrikeTwo", remind, wait);
    connect(model, strikes, "Flow_GraceOver", wait, strikeTwo);
    return model;
  }

  private static void connect(BpmnModelInstance model, SubProcess parent, String id, FlowNode from, FlowNode to) {
    SequenceFlow flow = model.newInstance(SequenceFlow.class);
    flow.setId(id);
    parent.addChildElement(flow);
    flow.setSource(from);
    flow.setTarget(to);
    from.getOutgoing().add(flow);
    to.getIncoming().add(flow);
  }

  /**
   * Applies a Camunda 7 element template as Modeler does: checks it applies to the element, sets
   * {@code camunda:modelerTemplate}, then each property by its binding — the Hidden ones with their
   * value, the others with the owner's choice (or the template's default).
   */
  private static void apply(JsonNode template, BaseElement element, Map<String, String> chosen) {
    String typeName = element.getElementType().getTypeName();
    String type = Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1);
    assertThat(template.get("appliesTo")).as(template.get("id") + " applies to a " + type)
        .anySatisfy(applies -> assertThat(applies.asText().replace("bpmn:", ""))
            .isIn(type, type.endsWith("Task") ? "Task" : type));
    if (template.has("elementType")) {
      assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:" + type);
    }
    element.setAttributeValueNs(CAMUNDA, "modelerTemplate", template.get("id").asText());
    element.setAttributeValueNs(CAMUNDA, "modelerTemplateVersion", template.get("version").asText());
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      String name = binding.get("name").asText();
      String value = chosen.getOrDefault(name, property.get("value").asText());
      if (!property.get("type").asText().equals("Hidden")) {
        assertThat(choices(property)).as("a choice the template offers for " + name).contains(value);
      }
      switch (binding.get("type").asText()) {
        case "property" -> element.setAttributeValueNs(CAMUNDA, name.substring("camunda:".length()), value);
        case "camunda:inputParameter" -> inputParameter(element, name, value);
        default -> throw new AssertionError("binding not applied by this test: " + binding);
      }
    }
  }

  private static void inputParameter(BaseElement element, String name, String value) {
    BpmnModelInstance model = (BpmnModelInstance) element.getModelInstance();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      element.setExtensionElements(extensions);
    }
    CamundaInputOutput io = extensions.getElementsQuery().filterByType(CamundaInputOutput.class).count() == 0
        ? extensions.addExtensionElement(CamundaInputOutput.class)
        : extensions.getElementsQuery().filterByType(CamundaInputOutput.class).singleResult();
    CamundaInputParameter parameter = model.newInstance(CamundaInputParameter.class);
    parameter.setCamundaName(name);
    parameter.setTextContent(value);
    io.addChildElement(parameter);
  }

  private static JsonNode template(String file) throws IOException {
    return JSON.readTree(Path.of("element-templates", file).toFile());
  }

  private static String hidden(JsonNode template, String name) {
    for (JsonNode property : template.get("properties")) {
      if (property.get("binding").get("name").asText().equals(name)) {
        assertThat(property.get("type").asText()).isEqualTo("Hidden");
        return property.get("value").asText();
      }
    }
    throw new AssertionError(template.get("id") + " binds no " + name);
  }

  private static List<String> choices(JsonNode template, String name) {
    for (JsonNode property : template.get("properties")) {
      if (property.get("binding").get("name").asText().equals(name)) {
        return choices(property);
      }
    }
    throw new AssertionError(template.get("id") + " binds no " + name);
  }

  private static List<String> choices(JsonNode property) {
    return property.has("choices")
        ? Stream.of(property.get("choices")).flatMap(node -> java.util.stream.StreamSupport.stream(node.spliterator(), false))
            .map(choice -> choice.get("value").asText()).toList()
        : List.of();
  }

  private void deploy(BpmnModelInstance model) throws IOException {
    Bpmn.validateModel(model);
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("case-communication")
        .addModelInstance("case-communication.bpmn", model);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        deployment.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    deployment.deploy();
  }
}
