package dev.followthrough.reporting;

import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.CustomerAnswer;
import dev.followthrough.lifecycle.Lifecycle;
import dev.followthrough.support.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The process owner's view: two cases closed through the real lifecycle (one First Contact
 * Resolution, one the customer resolved themselves), then Cockpit in headless Chromium, logged in,
 * with the Followthrough dashboard on its start page: the figures, the charts' data (read from
 * Chart.js itself), the per-engineer table and the definitions one click away. Screenshots in
 * {@code target/browser-screenshots/}.
 */
@ExtendWith(HeadlessChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class CockpitDashboardBrowserTest {

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait waitUpTo;

  @BeforeEach
  void mondayMorningAndABrowser() {
    lifecycle.mondayMorning();
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
  void theProcessOwnerSeesFcrAndTheLifecycleFiguresInCockpit() {
    ProcessInstance fcr = lifecycle.open(aCase(UnaryOperator.identity()));
    ProcessInstance byCustomer = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.timePassesUntil(berlin("2026-11-23T12:30"));
    for (ProcessInstance instance : List.of(fcr, byCustomer)) {
      lifecycle.sendFirstQualityResponse(instance);
      lifecycle.writeStatus(instance, CaseStanding.RESOLUTION_PROVIDED, Map.of());
      lifecycle.customerReplies(instance, "That fixed it, thank you. You can close the case.");
    }
    lifecycle.answer(fcr, CustomerAnswer.CONFIRMED, "Dana Whitfield");
    lifecycle.writeLastQualityResponse(fcr);
    lifecycle.answer(byCustomer, CustomerAnswer.RESOLVED_BY_CUSTOMER, "Dana Whitfield");
    lifecycle.writeLastQualityResponse(byCustomer);
    ClockUtil.reset();

    try {
      chromium.logIn("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/", "demo", "demo");

      WebElement fcrRate = waitUpTo.withMessage("the Followthrough dashboard on Cockpit's start page")
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("followthrough-fcr-rate")));
      assertThat(fcrRate.getText()).isEqualTo("50.0 %");
      assertThat(browser.findElement(By.id("followthrough-fcr-rate-approved")).getText()).isEqualTo("50.0 %");
      assertThat(browser.findElement(By.id("followthrough-closed")).getText()).isEqualTo("2");
      assertThat(browser.findElement(By.id("followthrough-first-response-median")).getText()).isEqualTo("2.5 h");
      assertThat(browser.findElement(By.id("followthrough-target-hit-rate")).getText()).isEqualTo("100.0 %");

      JavascriptExecutor js = (JavascriptExecutor) browser;
      waitUpTo.until(driver -> js.executeScript("return !!(window.Chart && Chart.getChart('followthrough-strikes'))"));
      assertThat(chartData(js, "followthrough-strikes")).containsExactly(2L, 0L, 0L, 0L);
      assertThat(chartData(js, "followthrough-first-response")).containsExactly(0L, 0L, 2L, 0L, 0L, 0L);
      assertThat(chartLabels(js, "followthrough-fcr-by-week")).containsExactly("2026-11-23");
      assertThat(chartData(js, "followthrough-fcr-by-week")).containsExactly(50L);

      List<WebElement> engineer = browser.findElements(By.cssSelector("#followthrough-engineers tbody tr td"));
      assertThat(engineer).extracting(WebElement::getText).startsWith("engineer", "2", "1", "50.0 %", "2.5 h", "100.0 %");
      scrollTo(browser.findElement(By.id("followthrough-dashboard")));
      chromium.screenshot("cockpit-dashboard-1-figures-and-charts");

      WebElement definitions = browser.findElement(By.id("followthrough-definitions"));
      assertThat(definitions.findElement(By.tagName("dl")).isDisplayed()).isFalse();
      definitions.findElement(By.tagName("summary")).click();
      waitUpTo.until(driver -> definitions.findElement(By.tagName("dl")).isDisplayed());
      assertThat(definitions.getText()).contains("First Contact Resolution (FCR)")
          .contains("Unresponsive closures and cases the customer resolved themselves are never FCR");
      scrollTo(definitions);
      chromium.screenshot("cockpit-dashboard-2-definitions");
      assertThat(browser.findElement(By.id("followthrough-csv")).getAttribute("href")).contains("/api/metrics/export.csv");
    } catch (RuntimeException | AssertionError e) {
      chromium.dumpPage("cockpit-dashboard-failure");
      chromium.screenshot("cockpit-dashboard-failure");
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long> chartData(JavascriptExecutor js, String id) {
    return ((List<Object>) js.executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data", id)).stream()
        .map(value -> ((Number) value).longValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartLabels(JavascriptExecutor js, String id) {
    return (List<String>) js.executeScript("return Chart.getChart(arguments[0]).data.labels", id);
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
  }
}
