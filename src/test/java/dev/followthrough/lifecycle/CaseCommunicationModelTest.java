package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.Test;

/**
 * The model is the product: it must open cleanly in Camunda Modeler and read like the lifecycle.
 * These checks hold the conventions process owners rely on when they edit it.
 */
class CaseCommunicationModelTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/case-communication.bpmn"));
  private final Process process = model.getModelElementById(CaseCommunicationProcess.PROCESS_KEY);

  @Test
  void isTheExecutableLifecycleWithAHistoryTimeToLive() {
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).isEqualTo("Case communication lifecycle");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyElementHasAStableIdThatSaysWhatItIs() {
    for (FlowElement element : all(FlowElement.class)) {
      assertThat(element.getId()).as("id of " + element.getElementType().getTypeName())
          .matches("(StartEvent|EndEvent|Task|Gateway|Timer|BoundaryEvent|SubProcess|Flow)_[A-Z][A-Za-z]+");
    }
  }

  @Test
  void tasksEventsAndQuestionsAreLabelledInTheLifecyclesWords() {
    for (FlowNode node : all(FlowNode.class)) {
      boolean splittingGateway = node instanceof Gateway && node.getOutgoing().size() > 1;
      if (!(node instanceof Gateway) || splittingGateway) {
        assertThat(node.getName()).as("label of " + node.getId()).isNotBlank();
      }
      if (splittingGateway) {
        assertThat(node.getName()).as("a splitting gateway asks a question: " + node.getId()).endsWith("?");
        node.getOutgoing().forEach(flow -> assertThat(flow.getName()).as("answer on " + flow.getId()).isNotBlank());
      }
    }
  }

  @Test
  void everyElementIsDrawnAndNoShapesOverlap() {
    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    for (FlowNode node : all(FlowNode.class)) {
      assertThat(shapes).as("shape of " + node.getId()).anyMatch(shape -> shape.getBpmnElement() == node);
    }
    for (SequenceFlow flow : all(SequenceFlow.class)) {
      BpmnEdge edge = model.getModelElementsByType(BpmnEdge.class).stream()
          .filter(candidate -> candidate.getBpmnElement() == flow).findFirst().orElse(null);
      assertThat(edge).as("edge of " + flow.getId()).isNotNull();
      assertThat(edge.getWaypoints()).hasSizeGreaterThanOrEqualTo(2);
    }
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (nested(a, b) || attached(a, b)) {
          continue;
        }
        assertThat(overlap(a.getBounds(), b.getBounds()))
            .as(a.getBpmnElement().getAttributeValue("id") + " overlaps " + b.getBpmnElement().getAttributeValue("id"))
            .isFalse();
      }
    }
  }

  /** Where a label lies: the element it names, and its bounds in the diagram. */
  private record Label(String id, String text, Bounds bounds) {}

  /** An expanded subprocess writes its name across its top: no label of its own steps goes there. */
  private static final double SUBPROCESS_TITLE_HEIGHT = 24;
  /** bpmn-js wraps an outside label, and a task's name, at about 90 px (12 px Arial). */
  private static final double LINE_WIDTH = 90;

  @Test
  void everyNameOutsideItsShapeHasItsPlace_overNoShapeAndNoOtherLabel() {
    List<Label> labels = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      String name = shape.getBpmnElement().getAttributeValue("name");
      boolean outside = shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.Event
          || shape.getBpmnElement() instanceof Gateway;
      if (outside && name != null && !name.isBlank()) {
        assertThat(shape.getBpmnLabel()).as("label of " + shape.getBpmnElement().getAttributeValue("id")).isNotNull();
        labels.add(new Label(shape.getBpmnElement().getAttributeValue("id"), name, shape.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      String name = edge.getBpmnElement().getAttributeValue("name");
      if (name != null && !name.isBlank()) {
        assertThat(edge.getBpmnLabel()).as("label of " + edge.getBpmnElement().getAttributeValue("id")).isNotNull();
        labels.add(new Label(edge.getBpmnElement().getAttributeValue("id"), name, edge.getBpmnLabel().getBounds()));
      }
    }
    assertThat(labels).hasSizeGreaterThan(40);
    for (Label label : labels) {
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        Bounds bounds = shape.getBounds();
        String what = "the label of " + label.id() + " (" + label.text() + ") over "
            + shape.getBpmnElement().getAttributeValue("id");
        if (shape.getBpmnElement() instanceof SubProcess) {
          assertThat(overlap(label.bounds(), bounds.getX(), bounds.getY(), bounds.getWidth(), SUBPROCESS_TITLE_HEIGHT))
              .as(what + "'s title").isFalse();
          assertThat(!overlap(label.bounds(), bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight())
              || inside(label.bounds(), bounds)).as(what + "'s border").isTrue();
        } else {
          assertThat(overlap(label.bounds(), bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight()))
              .as(what).isFalse();
        }
      }
      for (Label other : labels) {
        if (other != label) {
          assertThat(overlap(label.bounds(), other.bounds().getX(), other.bounds().getY(), other.bounds().getWidth(),
              other.bounds().getHeight())).as("the label of " + label.id() + " over the label of " + other.id()).isFalse();
        }
      }
    }
  }

  @Test
  void noWordIsBrokenAcrossLines() {
    for (FlowElement element : all(FlowElement.class)) {
      String name = element.getName();
      if (name == null) {
        continue;
      }
      for (String word : name.split("\\s+")) {
        assertThat(estimatedWidth(word)).as("'" + word + "' of " + element.getId() + " fits on one line")
            .isLessThanOrEqualTo(LINE_WIDTH);
      }
    }
  }

  @Test
  void labelsNameTheRule_notANumberThePolicyCanChange() {
    for (FlowElement element : all(FlowElement.class)) {
      if (element.getName() != null) {
        assertThat(element.getName()).as(element.getId())
            .doesNotContainPattern("\\d+ (business )?days?");
      }
    }
  }

  /** Arial at 12 px, roughly: narrow, wide and capital letters apart, the rest 6.2 px. */
  private static double estimatedWidth(String text) {
    double width = 0;
    for (char c : text.toCharArray()) {
      width += "il.,'|!:;".indexOf(c) >= 0 ? 3.2 : "ftjr()-".indexOf(c) >= 0 ? 4.2
          : "mwMW".indexOf(c) >= 0 ? 9.5 : Character.isUpperCase(c) ? 8 : 6.2;
    }
    return width;
  }

  private static boolean overlap(Bounds a, double x, double y, double width, double height) {
    return a.getX() < x + width && x < a.getX() + a.getWidth() && a.getY() < y + height && y < a.getY() + a.getHeight();
  }

  private static boolean inside(Bounds inner, Bounds outer) {
    return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }

  /**
   * Every email goes out in a job that has retries and ends in an incident: its own job
   * ({@code asyncBefore}, with its own retry cycle) after a person's task or an incoming message,
   * or, right after a timer (through gateways and expression tasks only), the timer's job, with the
   * retry cycle on the timer. Never {@code asyncAfter}: the outbox ledger keeps a retried send from
   * sending again, so a job after it would only cost.
   */
  @Test
  void everythingThatTalksToTheOutsideWorldRunsInAJobWithRetries() {
    int inOwnJob = 0;
    int inTimersJob = 0;
    for (ServiceTask task : all(ServiceTask.class)) {
      if (!sends(task)) {
        continue;
      }
      assertThat(task.isCamundaAsyncAfter()).as(task.getId() + " one job per send").isFalse();
      if (task.isCamundaAsyncBefore()) {
        assertThat(retryCycles(task)).as(task.getId() + " retry cycle").isEqualTo(1);
        inOwnJob++;
      } else {
        assertThat(retryCycles(task)).as(task.getId() + " runs in its timer's job: the retry cycle is the timer's").isZero();
        for (CatchEvent timer : timersBefore(task, task, new HashSet<>())) {
          assertThat(retryCycles(timer)).as(timer.getId() + " sends " + task.getId() + ": retry cycle").isEqualTo(1);
        }
        inTimersJob++;
      }
    }
    assertThat(inTimersJob).as("sends in their timer's job").isEqualTo(14);
    assertThat(inOwnJob).as("sends in their own job").isEqualTo(3);
  }

  private static boolean sends(ServiceTask task) {
    return "${sendEmail}".equals(task.getCamundaDelegateExpression());
  }

  private static int retryCycles(BaseElement element) {
    return element.getExtensionElements() == null ? 0
        : element.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count();
  }

  /** The timers whose job reaches this node: back through gateways and expression tasks, nothing else. */
  private static List<CatchEvent> timersBefore(FlowNode node, ServiceTask send, Set<FlowNode> seen) {
    if (!seen.add(node)) {
      return List.of();
    }
    assertThat(node.getIncoming()).as(node.getId() + " is reached").isNotEmpty();
    List<CatchEvent> timers = new ArrayList<>();
    for (SequenceFlow flow : node.getIncoming()) {
      FlowNode before = flow.getSource();
      if (before instanceof CatchEvent event
          && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)) {
        timers.add(event);
      } else if (before instanceof Gateway
          || before instanceof ServiceTask step && !sends(step) && !step.isCamundaAsyncBefore() && !step.isCamundaAsyncAfter()) {
        timers.addAll(timersBefore(before, send, seen));
      } else {
        throw new AssertionError(send.getId() + " has no asyncBefore, but " + before.getId() + " comes before it: "
            + "only a timer's job may send without a job of its own (make it asyncBefore with a retry cycle)");
      }
    }
    return timers;
  }

  @Test
  void timersTakeTheirDatesFromTheCalendarOrThePolicy_notFromLiterals() {
    for (TimeDate timeDate : model.getModelElementsByType(TimeDate.class)) {
      assertThat(timeDate.getTextContent().strip()).startsWith("${");
    }
  }

  @Test
  void userTasksUseDeployedCamundaForms() {
    for (UserTask task : all(UserTask.class)) {
      assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
          .as("form of " + task.getId()).isNotBlank();
      assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding")).isEqualTo("deployment");
    }
  }

  @Test
  void theIdsTheCodeUsesExistInTheModel() throws IllegalAccessException {
    for (var field : CaseCommunicationProcess.Elements.class.getFields()) {
      String id = (String) field.get(null);
      assertThat((BaseElement) model.getModelElementById(id)).as(field.getName() + " = " + id).isNotNull();
    }
  }

  private <T extends FlowElement> Collection<T> all(Class<T> type) {
    return model.getModelElementsByType(type);
  }

  private static boolean nested(BpmnShape a, BpmnShape b) {
    return contains(a, b) || contains(b, a);
  }

  private static boolean contains(BpmnShape outer, BpmnShape inner) {
    if (!(outer.getBpmnElement() instanceof SubProcess subProcess)) {
      return false;
    }
    return subProcess.getFlowElements().contains(inner.getBpmnElement())
        || (inner.getBpmnElement() instanceof BoundaryEvent boundary
            && subProcess.getFlowElements().contains(boundary.getAttachedTo()));
  }

  private static boolean attached(BpmnShape a, BpmnShape b) {
    return a.getBpmnElement() instanceof BoundaryEvent boundary && boundary.getAttachedTo() == b.getBpmnElement()
        || b.getBpmnElement() instanceof BoundaryEvent other && other.getAttachedTo() == a.getBpmnElement();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
