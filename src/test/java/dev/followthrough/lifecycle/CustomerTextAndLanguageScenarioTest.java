package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.AFTER_STRIKE_ONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CLOSED_UNRESPONSIVE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.CLOSING_DATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_INFORMATION_REMINDER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_ONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_THREE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_STRIKE_TWO;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.SEND_UNRESPONSIVE_CLOSURE;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.followthrough.cases.NewCase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Customer text is data and every customer email is in the customer's language (R20, R30), on the
 * real process: the emails are read from the embedded SMTP server as the customer receives them.
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
class CustomerTextAndLanguageScenarioTest {

  private static final String TITLE = "Could not resolve placeholder ${db.url} in $HOME/#config";
  private static final String DESCRIPTION = """
      On start-up the service logs: Could not resolve placeholder ${db.url} in value "${db.url}".
      $HOME is set, $!x is empty, and the template has #set($a = 1) and #if broken in it.
      ## this line is not a comment
      #* and this is not a block *#""";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aTitleThatLooksLikeAPlaceholder_goesOutVerbatim_fromTheFqrToTheUnresponsiveClosure() {
    ProcessInstance instance = lifecycle.open(aCase(c -> spoken(c, TITLE, DESCRIPTION, "en")));
    String caseNumber = instance.getBusinessKey();

    lifecycle.sendFirstQualityResponse(instance); // the subject as drafted, untouched
    Lifecycle.Email fqr = lifecycle.lastEmail(instance);
    assertThat(fqr.subject()).isEqualTo("Case " + caseNumber + ": " + TITLE);
    assertThat(fqr.text()).contains(DESCRIPTION.lines().toList()).contains("I checked the export logs");

    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    for (int timer = 0; timer < 8 && !ended(instance); timer++) {
      lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    }

    assertThat(instance).isEnded().hasPassed(SEND_INFORMATION_REMINDER, SEND_STRIKE_ONE, SEND_STRIKE_TWO,
        SEND_STRIKE_THREE, SEND_UNRESPONSIVE_CLOSURE, CLOSED_UNRESPONSIVE);
    List<Lifecycle.Email> emails = lifecycle.emails(instance);
    assertThat(emails).as("FQR, status, reminder, three strikes, closure").hasSize(7);
    assertThat(emails).extracting(Lifecycle.Email::subject).allSatisfy(subject -> assertThat(subject).contains(TITLE));
    assertThat(emails.get(2).subject()).isEqualTo("Case " + caseNumber + ": " + TITLE);
    assertThat(emails.get(6).subject()).isEqualTo("Case " + caseNumber + " closed: " + TITLE);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
        .as("no incident").isZero();
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
        .failureLog().count()).as("no send failed even once").isZero();
  }

  @Test
  void aGermanCustomer_getsAGermanFqrDraft_andGermanFollowUpsWithGermanDates() {
    ProcessInstance instance = lifecycle.open(aCase(c -> spoken(c, c.caseTitle(), c.problemDescription(), "de")));
    String caseNumber = instance.getBusinessKey();

    Task fqrTask = lifecycle.task(instance, PREPARE_FQR);
    Map<String, Object> draft = lifecycle.variables(fqrTask);
    assertThat(draft.get("draftSubject")).isEqualTo("Fall " + caseNumber + ": Nightly export to the warehouse fails");
    assertThat((String) draft.get("draftBody")).startsWith("Guten Tag Dana Whitfield,\n\nich bin Erin Engineer")
        .contains("So haben Sie das Problem beschrieben:").contains("[[Fortschritt:").endsWith("Freundliche Grüße");
    lifecycle.complete(fqrTask, lifecycle.fqrForm(fqrTask,
        "Ich habe die Export-Logs geprüft: Die Verbindung bricht ab, wenn das Warehouse seine Zertifikate wechselt. "
            + "Könnten Sie mir die Uhrzeit des letzten erfolgreichen Laufs schicken?"));
    Lifecycle.Email fqr = lifecycle.lastEmail(instance);
    assertThat(fqr.text()).startsWith("Guten Tag Dana Whitfield,").contains("Könnten Sie mir die Uhrzeit")
        .contains("E-Mail: erin.engineer@followthrough.local", "Telefon: +49 30 5550 1234",
            "Arbeitszeiten: Mon-Fri 08:00-17:00 CET", "Teamleitung: Morgan Manager")
        .doesNotContain("Phone:", "Kind regards");

    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    lifecycle.timePassesUntil(berlin("2026-11-26T10:00"));
    assertThat(lifecycle.lastEmail(instance).text()).as("the reminder")
        .startsWith("Guten Tag Dana Whitfield,").contains("ich melde mich noch einmal zu Fall " + caseNumber + ".");
    lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    assertThat(instance).hasPassed(SEND_STRIKE_ONE).isWaitingAt(AFTER_STRIKE_ONE);
    assertThat(lifecycle.lastEmail(instance).text()).as("strike 1 names the reminder's date, in German")
        .contains("da ich seit meiner E-Mail vom Donnerstag, 26. November 2026 zu Fall " + caseNumber);

    lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    lifecycle.timePassesUntil(lifecycle.nextTimer(instance));
    assertThat(instance).hasPassed(SEND_STRIKE_THREE).isWaitingAt(CLOSING_DATE);
    Lifecycle.Email strikeThree = lifecycle.lastEmail(instance);
    assertThat(strikeThree.subject())
        .isEqualTo("Fall " + caseNumber + ": Nightly export to the warehouse fails - Schließung am Montag, 14. Dezember 2026");
    assertThat(strikeThree.text())
        .contains("werde ich Fall " + caseNumber + " am Montag, 14. Dezember 2026 schließen.");
    assertThat(lifecycle.nextTimer(instance)).as("the date the email names").isEqualTo(berlin("2026-12-14T10:00"));
  }

  private boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  private static NewCase spoken(NewCase c, String title, String description, String language) {
    return new NewCase(c.caseNumber(), title, description, c.severity(), c.product(), c.customerName(),
        c.customerEmail(), c.customerPhone(), c.customerTimeZone(), c.customerCountry(), c.customerRegion(), language,
        c.preferredChannel(), c.customerTier(), c.tamName(), c.tamEmail(), c.engineerId());
  }
}
