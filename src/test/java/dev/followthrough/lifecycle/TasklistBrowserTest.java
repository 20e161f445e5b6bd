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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An engineer does the first step of a case in the real Tasklist, in headless Chromium: logs in,
 * opens the FQR task, sees the rendered draft in the Camunda Form, is refused a handshake with the
 * server's message (R2), then writes real progress and completes the task, and the customer gets
 * the First Quality Response (R1).
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
  private WebDriverWait waitUpTo;

  @BeforeEach
  void mondayMorningAndABrowser() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    waitUpTo = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anEngineerIsRefusedAHandshake_thenSendsTheFirstQualityResponseFromTasklist() {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    String caseNumber = instance.getBusinessKey();
    Task fqr = lifecycle.task(instance, PREPARE_FQR);
    assertThat(fqr.getName()).as("the task name carries the case and the customer")
        .startsWith("Prepare the First Quality Response").endsWith(" · " + caseNumber + " · Dana Whitfield");
    assertThat(engine.getIdentityService().createUserQuery().userId("engineer").count())
        .as("the local profile's demo user engineer/engineer (LocalDemoUsers)").isOne();

    inTheBrowser(() -> {
      logIn("engineer", "engineer");
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
      chromium.screenshot("1-fqr-form");

      // a handshake: the markers deleted, nothing of the engineer's own, the three P's ticked anyway
      replaceText(body, MARKER.matcher(draft).replaceAll(""));
      THREE_PS.forEach(this::tick);
      complete();

      WebElement error = waitUpTo.withMessage("an error notification in Tasklist")
          .until(ExpectedConditions.visibilityOfElementLocated(ERROR_NOTIFICATION));
      chromium.screenshot("2-fqr-handshake-refused");
      assertThat(error.getText()).as("the server's message, shown in Tasklist")
          .contains("draftBody").containsIgnoringCase("progress");
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
      chromium.screenshot("3-fqr-completed");
    });

    assertThat(engine.getTaskService().createTaskQuery().taskId(fqr.getId()).count())
        .as("the FQR task is completed").isZero();
    lifecycle.runDueJobs();
    List<Lifecycle.Email> emails = lifecycle.emails(instance);
    assertThat(emails).hasSize(1);
    Lifecycle.Email sent = emails.get(0);
    assertThat(sent.to()).containsExactly(CUSTOMER);
    assertThat(sent.subject()).contains(caseNumber);
    assertThat(sent.text()).startsWith("Hello Dana Whitfield").contains(UNDERSTANDING).contains(PROGRESS)
        .doesNotContain("[[");
    Task statusUpdate = lifecycle.task(instance, PREPARE_STATUS_UPDATE);
    assertThat(statusUpdate.getAssignee()).isEqualTo("engineer");

    // and the next step is waiting for the engineer in Tasklist
    inTheBrowser(() -> {
      browser.navigate().refresh();
      openTask(statusUpdate.getName());
      waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(DRAFT_BODY));
      chromium.screenshot("4-status-update-form");
    });
  }

  // ------------------------------------------------------------------ Tasklist, as a person uses it

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
    // this context's engine by name: Camunda's webapps see every engine in the JVM (other test
    // contexts' too), and the one they would pick by default may belong to a context already closed
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/" + engine.getName() + "/");
    waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitUpTo.withMessage("logged in to Tasklist as " + user)
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Clicks the task in the list, and claims it if it is not the user's yet. */
  private void openTask(String name) {
    waitUpTo.withMessage("the task \"" + name + "\" in the task list")
        .until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
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
