package dev.followthrough.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.security.Groups;
import dev.followthrough.support.HeadlessChromium;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The holidays page in a real browser, as a process owner uses it with the API closed: log in,
 * see Great Britain's usual region and its days, then Japan's with the configuration's removal,
 * correct a day and take the correction back. Screenshots in {@code target/browser-screenshots/}.
 */
@ExtendWith(HeadlessChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "followthrough.security.api-open=false")
@ActiveProfiles({"local", "test"})
class HolidaysPageBrowserTest {

  private static final String OWNER = "olga";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void aProcessOwnerSeesAndCorrectsACountrysDaysOff() {
    if (identity.createUserQuery().userId(OWNER).count() == 0) {
      User user = identity.newUser(OWNER);
      user.setFirstName("Olga");
      user.setLastName("Owner");
      user.setEmail("olga@support.example");
      user.setPassword(OWNER);
      identity.saveUser(user);
      identity.createMembership(OWNER, Groups.PROCESS_OWNERS);
    }
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      browser.get("http://" + OWNER + ":" + OWNER + "@localhost:" + port + "/holidays.html");

      // Great Britain by default, in its usual region
      wait.until(page -> page.findElement(By.id("summary")).getText().contains("days off"));
      assertThat(browser.findElement(By.id("summary")).getText()).contains("GB / eng", "the usual region");
      assertThat(rows(browser)).anyMatch(row -> row.contains("Summer Bank Holiday") && row.contains("holiday library"));
      chromium.screenshot("holidays-gb");

      // Japan 2027: the former Emperor's birthday removed by the configuration, with its reason
      show(browser, "JP", "2027");
      wait.until(page -> page.findElement(By.id("summary")).getText().startsWith("JP"));
      assertThat(rows(browser)).anyMatch(row -> row.startsWith("2027-12-23") && row.contains("configuration: removed")
          && row.contains("not a holiday since 2019"));

      // a correction: a day off in the whole country, then taken back
      ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = '2027-08-13'");
      new Select(browser.findElement(By.id("change"))).selectByValue("ADD");
      browser.findElement(By.id("reason")).sendKeys("Obon: the office closes");
      browser.findElement(By.cssSelector("#correct button")).click();
      wait.until(page -> rows(page).stream().anyMatch(row -> row.startsWith("2027-08-13") && row.contains("correction: added")));
      assertThat(rows(browser)).anyMatch(row -> row.startsWith("2027-08-13 Fri off") && row.contains("Obon: the office closes")
          && row.contains(OWNER));
      chromium.screenshot("holidays-jp-corrected");

      ((JavascriptExecutor) browser).executeScript("Array.from(document.querySelectorAll('#days tr'))"
          + ".find(row => row.cells[0].textContent === '2027-08-13').querySelector('button').click()");
      wait.until(page -> rows(page).stream().noneMatch(row -> row.startsWith("2027-08-13")));

      // a bad correction is refused, naming the field
      ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = '2027-08-13'");
      new Select(browser.findElement(By.id("correctionRegion"))).selectByIndex(0);
      browser.findElement(By.id("reason")).clear();
      browser.findElement(By.id("reason")).sendKeys(" ");
      ((JavascriptExecutor) browser).executeScript("document.getElementById('reason').removeAttribute('required')");
      browser.findElement(By.cssSelector("#correct button")).click();
      wait.until(page -> page.findElement(By.id("correctProblem")).getText().contains("reason"));
    }
  }

  private static void show(WebDriver browser, String country, String year) {
    WebElement countryField = browser.findElement(By.id("country"));
    countryField.clear();
    countryField.sendKeys(country);
    WebElement yearField = browser.findElement(By.id("year"));
    yearField.clear();
    yearField.sendKeys(year);
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById('country').dispatchEvent(new Event('change'))");
  }

  /** Each row's cells joined by spaces, read in one go (the page replaces its rows when it reloads). */
  @SuppressWarnings("unchecked")
  private static java.util.List<String> rows(WebDriver browser) {
    return (java.util.List<String>) ((JavascriptExecutor) browser).executeScript(
        "return Array.from(document.querySelectorAll('#days tr'))"
            + ".map(row => Array.from(row.cells).map(cell => cell.textContent).join(' '))");
  }
}
