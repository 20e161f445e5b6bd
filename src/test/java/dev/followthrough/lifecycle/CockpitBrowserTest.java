package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_FQR;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PROCESS_KEY;
import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner finds a case in the real Cockpit, in headless Chromium: types the case number into
 * the instance search of the lifecycle, opens the case, and sees where it stands, the current
 * activity marked in the diagram. And every webapp wears Followthrough's face: our name and logo in
 * the header and the title, no Camunda 7 end-of-life banner.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, unless
 * {@code FOLLOWTHROUGH_REQUIRE_BROWSER=true}. Screenshots in {@code target/browser-screenshots/}.
 */
@ExtendWith(HeadlessChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class CockpitBrowserTest {

  private static final By EOL_BANNER = By.cssSelector(".ce-eol-banner");
  private static final By BRAND_NAME = By.cssSelector("[cam-widget-header] .navbar-brand .brand-name");
  private static final By BRAND_LOGO = By.cssSelector("[cam-widget-header] .navbar-brand .brand-logo");

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait waitUpTo;

  @BeforeEach
  void mondayMorningAndABrowser() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
    waitUpTo = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aCaseIsFoundInCockpitByItsCaseNumber_withItsCurrentActivityMarked() {
    lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.open(aCase(UnaryOperator.identity()));
    String caseNumber = instance.getBusinessKey();
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();

    inTheBrowser(() -> {
      logIn("cockpit", "demo", "demo");
      browser.get(app("cockpit") + "#/process-definition/" + definitionId + "/runtime");
      WebElement search = waitUpTo.withMessage("the instance search of the lifecycle")
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-search] input.main-field")));
      search.click();
      search.sendKeys("Business Key");
      waitUpTo.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//*[@cam-widget-search]//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='Business Key']")))
          .click();
      // Cockpit may draw the new pill's input again while it opens, and then closes its editor: the
      // input is found afresh, and the editor opened again with a click on the value, until typing takes
      By input = By.cssSelector("[cam-widget-search-pill] .value-field input[ng-model='formData.editValue']");
      By shownValue = By.cssSelector("[cam-widget-search-pill] .value-field .view-value");
      new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
          .withMessage("the value of the Business Key search pill, typed")
          .until(driver -> {
            WebElement editor = ExpectedConditions.elementToBeClickable(input).apply(driver);
            if (editor == null) {
              driver.findElements(shownValue).stream().filter(WebElement::isDisplayed).findFirst()
                  .ifPresent(WebElement::click);
              return false;
            }
            editor.sendKeys(caseNumber, Keys.ENTER);
            return true;
          });
      chromium.screenshot("cockpit-1-search-by-case-number");

      // the instance list holds this case alone: its id links to the case's page
      By link = By.cssSelector("a[title='" + instance.getId() + "'][href*='process-instance/" + instance.getId() + "']");
      waitUpTo.withMessage("only the case " + caseNumber + " in the instance list")
          .until(driver -> !driver.findElements(link).isEmpty()
              && driver.findElements(By.cssSelector("a[href*='process-instance/']")).stream()
                  .filter(WebElement::isDisplayed)
                  .map(a -> a.getDomAttribute("href").replaceAll(".*process-instance/([^?/]+).*", "$1"))
                  .distinct().count() == 1);
      waitUpTo.until(ExpectedConditions.elementToBeClickable(link)).click();

      // the case's own page: its case number, and the activity it waits in marked in the diagram
      // (Cockpit redraws its overlays as the page loads: asked afresh each time, never held)
      waitUpTo.withMessage("the case's diagram with its current activity, and no other, marked")
          .until(driver -> List.of(PREPARE_FQR).equals(((JavascriptExecutor) driver).executeScript(
              "return [...document.querySelectorAll('.djs-overlays .instance-count')]"
                  + ".filter(badge => badge.offsetParent !== null && badge.textContent.trim() === '1')"
                  + ".map(badge => badge.closest('.djs-overlays').dataset.containerId);")));
      waitUpTo.withMessage("the case number on the case's page")
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), caseNumber));
      chromium.screenshot("cockpit-2-case-with-current-activity");
    });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappWearsFollowthroughsFace_withoutTheEndOfLifeBanner(String webapp) {
    inTheBrowser(() -> {
      browser.get(app(webapp));
      WebElement loginLogo = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".login-logo")));
      assertThat(backgroundOf(loginLogo)).as("our logo on the login page").contains("followthrough-logo.svg");
      assertThat(loginLogo.findElements(By.tagName("svg"))).as("Camunda's logo hidden").noneMatch(WebElement::isDisplayed);
      assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript(
          "return getComputedStyle(document.querySelector('.login-header .app-name'), '::before').content;")))
          .as("our name before the app's on the login page").contains("Followthrough");
      assertNoEndOfLifeBanner();
      chromium.screenshot("face-" + webapp + "-login");

      logIn(webapp, "demo", "demo");
      String name = webapp.substring(0, 1).toUpperCase() + webapp.substring(1);
      WebElement brand = waitUpTo.withMessage("our name in the header")
          .until(ExpectedConditions.visibilityOfElementLocated(BRAND_NAME));
      assertThat(brand.getText()).isEqualTo("Followthrough " + name);
      WebElement logo = browser.findElement(BRAND_LOGO);
      assertThat(backgroundOf(logo)).contains("followthrough-logo.svg");
      assertThat(logo.getSize().getWidth()).as("the logo has room").isGreaterThanOrEqualTo(24);
      assertThat(logo.findElements(By.tagName("svg"))).as("Camunda's logo hidden").noneMatch(WebElement::isDisplayed);
      waitUpTo.withMessage("the page title says Followthrough")
          .until(driver -> driver.getTitle().startsWith("Followthrough " + name));
      assertNoEndOfLifeBanner();
      chromium.screenshot("face-" + webapp);
    });
  }

  @Test
  void theLogoAndTheFaviconAreServed() {
    ResponseEntity<String> logo = http.getForEntity("/camunda/assets/followthrough-logo.svg", String.class);
    assertThat(logo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(logo.getHeaders().getContentType()).hasToString("image/svg+xml");
    assertThat(logo.getBody()).contains("<title id=\"title\">Followthrough</title>");

    ResponseEntity<byte[]> favicon = http.getForEntity("/camunda/favicon.ico", byte[].class);
    assertThat(favicon.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(favicon.getBody()).as("our icon: PNG images in an .ico, Camunda's is a bitmap").isNotNull()
        .satisfies(bytes -> assertThat(new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("PNG"));
  }

  // ------------------------------------------------------------------ the webapps, as a person uses them

  private String app(String webapp) {
    // this context's engine by name: the webapps see every engine in the JVM (other test contexts' too)
    return "http://localhost:" + port + "/camunda/app/" + webapp + "/" + engine.getName() + "/";
  }

  private void logIn(String webapp, String user, String password) {
    chromium.logIn(app(webapp), user, password);
    waitUpTo.withMessage("logged in to " + webapp + " as " + user)
        .until(ExpectedConditions.visibilityOfElementLocated(BRAND_NAME));
  }

  /** The running-instances badge Cockpit puts on an activity where the case waits. */
  private static By runningBadge(String activityId) {
    return By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .instance-count");
  }

  private void assertNoEndOfLifeBanner() {
    List<WebElement> banners = browser.findElements(EOL_BANNER);
    assertThat(banners).as("Camunda 7 CE's end-of-life banner").noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
  }

  private String backgroundOf(WebElement element) {
    return String.valueOf(((JavascriptExecutor) browser)
        .executeScript("return getComputedStyle(arguments[0]).backgroundImage;", element));
  }

  private void inTheBrowser(Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      chromium.dumpPage("cockpit-failure");
      chromium.screenshot("cockpit-failure");
      throw e;
    }
  }
}
