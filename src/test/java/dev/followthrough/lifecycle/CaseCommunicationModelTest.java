package dev.followthrough.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
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

  @Test
  void everythingThatTalksToTheOutsideWorldRunsAfterASavepointWithRetries() {
    for (ServiceTask task : all(ServiceTask.class)) {
      if ("${sendEmail}".equals(task.getCamundaDelegateExpression())) {
        assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " async before").isTrue();
        assertThat(task.isCamundaAsyncAfter()).as(task.getId() + " async after").isTrue();
        assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
            .count()).as(task.getId() + " retry cycle").isEqualTo(1);
      }
    }
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
