package dev.followthrough.lifecycle;

import dev.followthrough.support.HeadlessChromium;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An engineer works in the real Tasklist, in headless Chromium: logs in, opens a case from the start
 * form (time zone, country and region chosen from lists), finds the FQR task under "My open cases",
 * sees the rendered draft in the Camunda Form, is refused a handshake with the gate's own words
 * (R2; 400, not the engine's "ENGINE-03051" wrapping), then writes real progress and completes the
 * task, and the customer gets the First Quality Response (R1). Every form and every filter is kept
 * as a screenshot, and checked at a form width of 1,000 px.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, unless
 * {@code FOLLOWTHROUGH_REQUIRE_BROWSER=true}. Screenshots for humans land in
 * {@code target/browser-screenshots/}, with the page's DOM next to them when something fails.
 */
@ExtendWith(HeadlessChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class TasklistBrowserTest {

  private static final String CUSTOMER = "dana.whitfield@customer.example";
  private static final Pattern MARKER = dev.followthrough.mail.DraftRules.FILL_IN_MARKER;
  private static final String UNDERSTANDING = "The nightly export to your warehouse has stopped with DW-4012 since "
      + "Tuesday, so this morning's reports are missing the last day of data.";
  private static final String PROGRESS = "I checked the export logs you attached: the connection resets when the "
      + "warehouse rotates its certificates. Could you send me the time of the last successful run?";

  /** form-js gives each field the id {@code fjs-form-<form instance>-<component id>}. */
  private static By field(String componentId) {
    return By.cssSelector("[id^='fjs-form-'][id$='-" + componentId + "']");
  }

  private static final By DRAFT_SUBJECT = field("Field_draftSubject");
  private static final By DRAFT_BODY = field("Field_draftBody");
  private static final List<By> THREE_PS =
      List.of(field("Field_fqrPrepared"), field("Field_fqrPersonalized"), field("Field_fqrProgress"));
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By CLAIM = By.cssSelector("button[ng-click='claim()']");
  private static final By ERROR_NOTIFICATION = By.cssSelector(".page-notifications .alert-danger");
  private static final By FORM_FAILURE = By.xpath("//*[contains(@class, 'alert-danger')][contains(., 'Form failure')]");

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private WebDriverWait waitUpTo;

  @BeforeEach
  void mondayMorningAndABrowser() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    waitUpTo = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anEngineerOpensACaseFromTheStartForm_isRefusedAHandshake_thenSendsTheFirstQualityResponse() {
    String caseNumber = "CASE-BROWSER-" + System.nanoTime() % 100_000;
    assertThat(engine.getIdentityService().createUserQuery().userId("engineer").count())
        .as("the local profile's demo user engineer/engineer (LocalDemoUsers)").isOne();

    inTheBrowser(() -> {
      logIn("engineer", "engineer");
      startACaseFromTheStartForm(caseNumber);
    });
    lifecycle.runDueJobs();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(instance).as("the case started from Tasklist's start form").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "customerTimeZone")).isEqualTo("America/Chicago");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "customerCountry")).isEqualTo("US");
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    assertThat(fqr.getName()).as("the task name carries the case and the customer")
        .startsWith("Prepare the First Quality Response").endsWith(" · " + caseNumber + " · Dana Whitfield");

    inTheBrowser(() -> {
      browser.navigate().refresh();
      openFilter("My open cases");
      chromium.screenshot("filter-my-open-cases");
      openTask(fqr.getName());

      // the Camunda Form with the draft rendered for this case
      WebElement body = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(DRAFT_BODY));
      waitUpTo.until(driver -> !valueOf(body).isBlank());
      assertThat(browser.findElements(FORM_FAILURE)).as("Tasklist renders the Camunda Form without a form failure")
          .noneMatch(WebElement::isDisplayed);
      assertThat(valueOf(browser.findElement(DRAFT_SUBJECT))).contains(caseNumber);
      String draft = valueOf(body);
      assertThat(draft).startsWith("Hello Dana Whitfield").contains("[[");
      scrollTo(body);
      chromium.screenshot("form-prepare-fqr");

      // a handshake: the markers deleted, nothing of the engineer's own, the three P's ticked anyway
      replaceText(body, MARKER.matcher(draft).replaceAll(""));
      THREE_PS.forEach(this::tick);
      complete();

      WebElement error = waitUpTo.withMessage("an error notification in Tasklist")
          .until(ExpectedConditions.visibilityOfElementLocated(ERROR_NOTIFICATION));
      chromium.screenshot("fqr-handshake-refused");
      assertThat(error.getText()).as("the gate's own words, shown in Tasklist, not the engine's wrapping")
          .contains("draftBody").containsIgnoringCase("progress")
          .doesNotContain("ENGINE-03051").doesNotContain("TaskListener").doesNotContain("Exception");
      // read, and closed, as a person would: the notification covers the Complete button
      error.findElement(By.cssSelector("button[ng-click^='removeNotification']")).click();
      waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(ERROR_NOTIFICATION));
      assertThat(engine.getTaskService().createTaskQuery().taskId(fqr.getId()).count())
          .as("the FQR task is still open").isOne();
      assertThat(lifecycle.emails(instance)).isEmpty();

      // real progress in place of the markers
      Matcher markers = MARKER.matcher(draft);
      assertThat(markers.find()).isTrue();
      String written = markers.replaceFirst(Matcher.quoteReplacement(UNDERSTANDING));
      written = MARKER.matcher(written).replaceFirst(Matcher.quoteReplacement(PROGRESS));
      assertThat(written).doesNotContain("[[");
      replaceText(body, written);
      THREE_PS.forEach(this::tick);
      complete();

      waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(DRAFT_BODY));
      chromium.screenshot("fqr-completed");
    });

    assertThat(engine.getTaskService().createTaskQuery().taskId(fqr.getId()).count())
        .as("the FQR task is completed").isZero();
    // the customer is in Chicago: the email waits for their business hours (09:00 there is 16:00 in Berlin)
    lifecycle.timePassesUntil(berlin("2026-11-23T16:05"));
    List<Lifecycle.Email> emails = lifecycle.emails(instance);
    assertThat(emails).as("the First Quality Response at the embedded mail server").hasSize(1);
    Lifecycle.Email sent = emails.get(0);
    assertThat(sent.to()).containsExactly(CUSTOMER);
    assertThat(sent.subject()).contains(caseNumber);
    assertThat(sent.text()).startsWith("Hello Dana Whitfield").contains(UNDERSTANDING).contains(PROGRESS)
        .doesNotContain("[[");
    Task statusUpdate = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    assertThat(statusUpdate.getAssignee()).isEqualTo("engineer");
  }

  /**
   * Every form as an engineer (or advisor) sees it, and every shared filter, kept as screenshots for
   * review; at a form width of 1,000 px no field spills out of its box.
   */
  @Test
  void everyFormAndFilter_fitsA1000PixelForm_andIsKeptAsAScreenshot() {
    ProcessInstance fresh = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance phone = lifecycle.open(aCase(Lifecycle::prefersPhone));
    Task phoneFqr = lifecycle.task(phone, PREPARE_FQR);
    lifecycle.complete(phoneFqr, lifecycle.fqrForm(phoneFqr, PROGRESS));
    ProcessInstance status = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(status);
    ProcessInstance premier = lifecycle.open(aCase(Lifecycle::premierWithTam));
    lifecycle.sendFirstQualityResponse(premier);
    lifecycle.writeStatus(premier, CaseStanding.CUSTOMER_UNRESPONSIVE, java.util.Map.of());
    ProcessInstance solved = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(solved);
    lifecycle.writeStatus(solved, CaseStanding.RESOLUTION_PROVIDED, java.util.Map.of());
    lifecycle.customerReplies(solved, "That fixed it, thank you. You can close the case.");
    ProcessInstance closing = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(closing);
    lifecycle.writeStatus(closing, CaseStanding.RESOLUTION_PROVIDED, java.util.Map.of());
    lifecycle.customerReplies(closing, "That fixed it, thank you. You can close the case.");
    lifecycle.answer(closing, CustomerAnswer.CONFIRMED, "Dana Whitfield");

    java.util.Map<String, Task> forms = new java.util.LinkedHashMap<>();
    forms.put("prepare-fqr", lifecycle.task(fresh, PREPARE_FQR));
    forms.put("call-customer", lifecycle.task(phone, CaseCommunicationProcess.Elements.CALL_FOR_FQR));
    forms.put("status-update", lifecycle.task(status, PREPARE_STATUS_UPDATE));
    forms.put("reach-out-to-tam", lifecycle.task(premier, CaseCommunicationProcess.Elements.REACH_OUT_TO_TAM));
    forms.put("review-customer-answer", lifecycle.task(solved, CaseCommunicationProcess.Elements.REVIEW_CUSTOMER_ANSWER));
    forms.put("prepare-lqr", lifecycle.task(closing, CaseCommunicationProcess.Elements.PREPARE_LQR));

    inTheBrowser(() -> {
      logIn("engineer", "engineer");
      for (String filter : List.of("My open cases", "Due today", "At risk", "Waiting on the customer")) {
        openFilter(filter);
        chromium.screenshot("filter-" + filter.toLowerCase().replace(' ', '-'));
      }
      openStartForm();
      assertNothingSpills("open-case");
      browser.findElement(By.xpath("//div[contains(@class, 'modal-footer')]//*[normalize-space(.)='Close']")).click();
      waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
      for (java.util.Map.Entry<String, Task> form : forms.entrySet()) {
        // the task chosen from the list
        openFilter("My open cases");
        openTask(form.getValue().getName());
        waitUpTo.withMessage("the form " + form.getKey()).until(ExpectedConditions.visibilityOfElementLocated(
            field("Field_caseNumber")));
        waitUpTo.until(driver -> !valueOf(driver.findElement(field("Field_caseNumber"))).isBlank());
        if (form.getKey().equals("call-customer")) {
          assertThat(browser.findElement(DRAFT_BODY).isDisplayed())
              .as("after a first-response call an email always goes: its draft is shown before any outcome is chosen")
              .isTrue();
        }
        assertNothingSpills(form.getKey());
      }
    });
  }

  // ------------------------------------------------------------------ Tasklist, as a person uses it

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/" + engine.getName() + "/";
  }

  private void openFilter(String name) {
    By filter = By.xpath("//div[contains(@class, 'task-filter')][.//h4[contains(@class, 'name')]/a[contains(normalize-space(.), '"
        + name + "')]]");
    waitUpTo.withMessage("the filter \"" + name + "\"").until(ExpectedConditions.elementToBeClickable(filter)).click();
    waitUpTo.until(ExpectedConditions.attributeContains(filter, "class", "active"));
  }

  private void openStartForm() {
    waitUpTo.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.), 'Start process')]"))).click();
    waitUpTo.withMessage("the lifecycle among the processes to start").until(ExpectedConditions.elementToBeClickable(
        By.xpath("//a[@ng-click='selectProcessDefinition(processDefinition)'][contains(., 'Case communication lifecycle')]")))
        .click();
    waitUpTo.withMessage("the open-case form").until(ExpectedConditions.visibilityOfElementLocated(field("Field_caseNumber")));
  }

  /** The open-case form filled in as an engineer would: zone, country and region are chosen, not typed. */
  private void startACaseFromTheStartForm(String caseNumber) {
    openStartForm();
    type("Field_caseNumber", caseNumber);
    choose("Field_severity", "B – serious impact");
    type("Field_caseTitle", "Nightly export to the warehouse fails");
    type("Field_problemDescription", "Since Tuesday the nightly export stops after 20 minutes with error DW-4012.");
    type("Field_customerName", "Dana Whitfield");
    type("Field_customerEmail", CUSTOMER);
    choose("Field_customerTimeZone", "America/Chicago");
    choose("Field_customerCountry", "United States (US)");
    choose("Field_customerRegion", "Illinois");
    pick("Field_preferredChannel", "Email");
    pick("Field_customerTier", "Standard");
    type("Field_engineerId", "engineer");
    chromium.screenshot("form-open-case");
    browser.findElement(By.cssSelector("[ng-click='startProcessInstance()']")).click();
    waitUpTo.withMessage("the start form closed").until(ExpectedConditions.invisibilityOfElementLocated(
        field("Field_caseNumber")));
  }

  private void type(String componentId, String text) {
    WebElement input = browser.findElement(field(componentId));
    scrollTo(input);
    input.clear();
    input.sendKeys(text);
  }

  /** A form-js select: open it, type to search where it is searchable, click the option. */
  private void choose(String componentId, String option) {
    WebElement select = browser.findElement(field(componentId));
    boolean searchable = !select.getDomAttribute("class").contains("fjs-select-hidden-input");
    WebElement opener = searchable ? select : browser.findElement(By.id(select.getDomAttribute("id") + "-display"));
    scrollTo(opener);
    opener.click();
    if (searchable) {
      select.sendKeys(option);
    }
    waitUpTo.withMessage(option + " in " + componentId).until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))).click();
  }

  /** A form-js radio group: click the option with this label. */
  private void pick(String componentId, String option) {
    for (WebElement input : browser.findElements(By.cssSelector("input[type='radio'][id*='-" + componentId + "']"))) {
      String label = (String) ((JavascriptExecutor) browser).executeScript("""
          const input = arguments[0];
          const label = document.querySelector("label[for='" + input.id + "']") || input.closest('label');
          return label ? label.textContent.trim() : '';""", input);
      if (option.equals(label)) {
        scrollTo(input);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", input);
        return;
      }
    }
    throw new AssertionError("no option " + option + " in " + componentId);
  }

  /** The form at 1,000 px wide: every field's input stays inside the field's box, every box inside the form. */
  private void assertNothingSpills(String form) {
    chromium.screenshot("form-" + form);
    @SuppressWarnings("unchecked")
    List<String> spills = (List<String>) ((JavascriptExecutor) browser).executeScript("""
        const form = document.querySelector('.fjs-form');
        const before = form.style.cssText;
        form.style.width = '1000px'; form.style.maxWidth = '1000px';
        const spills = [];
        const box = form.getBoundingClientRect();
        for (const field of form.querySelectorAll('.fjs-form-field')) {
          const f = field.getBoundingClientRect();
          if (f.width === 0) continue;
          if (f.left < box.left - 1 || f.right > box.right + 1) spills.push(field.className + ' leaves the form');
          for (const inner of field.querySelectorAll('input, textarea, select, .fjs-select-display, .fjs-input-group')) {
            const r = inner.getBoundingClientRect();
            if (r.width === 0) continue;
            if (r.left < f.left - 1 || r.right > f.right + 1) spills.push((inner.id || inner.className) + ' spills out of its box');
          }
        }
        form.style.cssText = before;
        return spills;""");
    assertThat(spills).as(form + " at 1,000 px").isEmpty();
  }

  /** Runs the steps; when one fails, leaves the page's DOM and a screenshot for whoever looks next. */
  private void inTheBrowser(Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      chromium.dumpPage("failure");
      chromium.screenshot("failure");
      throw e;
    }
  }

  private void logIn(String user, String password) {
    chromium.logIn(tasklist(), user, password);
    waitUpTo.withMessage("logged in to Tasklist as " + user)
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Clicks the task in the list, and claims it if it is not the user's yet. */
  private void openTask(String name) {
    // a long list scrolls under Tasklist's fixed footer, as it does for a person, who scrolls to it;
    // Tasklist redraws the list now and then, so a link found a moment ago may be gone: find it again
    new WebDriverWait(browser, PATIENCE)
        .withMessage("the task \"" + name + "\" in the task list, clicked")
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> {
          WebElement task = ExpectedConditions.elementToBeClickable(By.linkText(name)).apply(driver);
          if (task == null) {
            return false;
          }
          scrollTo(task);
          task.click();
          return true;
        });
    waitUpTo.withMessage("the task \"" + name + "\" opened").until(ExpectedConditions.or(
        ExpectedConditions.visibilityOfElementLocated(CLAIM), ExpectedConditions.visibilityOfElementLocated(COMPLETE)));
    List<WebElement> claim = browser.findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(COMPLETE));
    }
  }

  private void complete() {
    WebElement complete = browser.findElement(COMPLETE);
    scrollTo(complete);
    waitUpTo.until(ExpectedConditions.elementToBeClickable(complete)).click();
  }

  /** Selects everything in the field and types the new text, as a person would. */
  private void replaceText(WebElement input, String text) {
    scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    waitUpTo.withMessage("the typed text in the field").until(driver -> valueOf(input).equals(text));
  }

  private void tick(By checkbox) {
    WebElement box = browser.findElement(checkbox);
    scrollTo(box);
    if (!box.isSelected()) {
      box.click();
    }
    waitUpTo.until(ExpectedConditions.elementToBeSelected(box));
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static String valueOf(WebElement input) {
    String value = input.getDomProperty("value");
    return value == null ? "" : value;
  }
}
