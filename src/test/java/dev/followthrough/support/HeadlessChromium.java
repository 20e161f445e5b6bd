package dev.followthrough.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the operating system's packages ({@code apt-get install chromium
 * chromium-driver}), never one that Selenium Manager would download: the driver and the browser are
 * given by path.
 *
 * <p>As a JUnit condition it skips a test class, with a message, when the browser or its driver is
 * missing; with {@code FOLLOWTHROUGH_REQUIRE_BROWSER=true} (CI) a missing browser fails instead.
 */
public final class HeadlessChromium implements ExecutionCondition, AutoCloseable {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final String REQUIRE = "FOLLOWTHROUGH_REQUIRE_BROWSER";
  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  /** For JUnit's {@code @ExtendWith}. */
  public HeadlessChromium() {
    this.service = null;
    this.driver = null;
    this.profile = null;
  }

  private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = Stream.of(BROWSER, DRIVER).filter(path -> !Files.isExecutable(path))
        .map(Path::toString).reduce((a, b) -> a + " and " + b).orElse(null);
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    }
    String message = missing + " not found: `apt-get install -y chromium chromium-driver` to run the Tasklist "
        + "browser test";
    if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
      throw new ExtensionConfigurationException(message + " (" + REQUIRE + "=true requires it)");
    }
    return ConditionEvaluationResult.disabled(message);
  }

  /** Starts a fresh browser with its own empty profile. */
  public static HeadlessChromium start() {
    Path profile;
    try {
      Files.createDirectories(SCREENSHOTS);
      profile = Files.createTempDirectory("followthrough-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1200", "--user-data-dir=" + profile.toAbsolutePath());
    try {
      return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteQuietly(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Opens a Camunda webapp page and signs in on its login form. The caller waits for what its app
   * shows once signed in. Give the page of this context's engine by name: Camunda's webapps see every
   * engine in the JVM (other test contexts' too), and their default may belong to a context closed.
   */
  public void logIn(String appUrl, String user, String password) {
    driver.get(appUrl);
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** A PNG of the window, for humans, in {@code target/browser-screenshots/}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's DOM as it is now, next to the screenshots: what to look at when a locator breaks. */
  public Path dumpPage(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".html");
      Files.writeString(file, driver.getPageSource(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      if (profile != null) {
        deleteQuietly(profile);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is not worth failing the test for
    }
  }

}
