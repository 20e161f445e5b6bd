package dev.followthrough.local;

import static dev.followthrough.lifecycle.Lifecycle.aCase;
import static dev.followthrough.lifecycle.Lifecycle.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.lifecycle.Lifecycle;
import dev.followthrough.support.HeadlessChromium;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The outbox page shows each email as the customer sees it: the HTML part, with the signature's
 * logo in place, in a frame that gives it no power. Anyone may send to the embedded mail server, so
 * the page is tried with an email whose HTML carries script: it renders, and runs nothing, neither
 * in the page nor opened on its own.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, unless
 * {@code FOLLOWTHROUGH_REQUIRE_BROWSER=true}. Screenshots land in {@code target/browser-screenshots/}.
 */
@ExtendWith(HeadlessChromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class OutboxPageTest {

  /** Each of these would leave a mark if it ran: on the outbox page, in the frame, or in the title. */
  private static final String HOSTILE_HTML = """
      <html><head><title>owned</title></head><body>
      <p id="words">Thanks, here is the log you asked for.</p>
      <script>document.body.setAttribute('data-ran', 'script');
        try { top.document.title = 'owned'; top.ran = 'script'; } catch (e) {}</script>
      <img src="x" onerror="document.body.setAttribute('data-ran', 'onerror'); top.ran = 'onerror'">
      <svg onload="document.body.setAttribute('data-ran', 'svg'); top.ran = 'svg'"></svg>
      </body></html>""";

  @LocalServerPort int port;
  @Autowired Lifecycle lifecycle;
  @Autowired GreenMail mailServer;
  @Autowired TestRestTemplate http;

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Listed(String messageId, String subject, String text, String customerView) {}

  @BeforeEach
  void mondayMorning() {
    lifecycle.clockAt(berlin("2026-11-23T10:00"));
  }

  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  @Test
  void theFirstQualityResponse_isShownAsTheCustomerSeesIt_withTheLogoInPlace() throws Exception {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    Listed fqr = single(outbox("?caseNumber=" + instance.getBusinessKey()));
    assertThat(fqr.customerView()).startsWith("/outbox/email?messageId=");

    // the link as the page follows it: already encoded
    ResponseEntity<String> view = http.getForEntity(URI.create(fqr.customerView()), String.class);

    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(view.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
    assertThat(view.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo(EmbeddedOutboxController.CUSTOMER_VIEW_POLICY)
        .startsWith("sandbox;").contains("default-src 'none'").doesNotContain("script-src");
    String html = view.getBody();
    assertThat(html).contains("Hello Dana Whitfield").contains("I checked the export logs")
        .doesNotContain("cid:");
    String logo = Base64.getEncoder().encodeToString(new ClassPathResource("mail/logo.png").getContentAsByteArray());
    assertThat(html).as("the signature's logo, the very image attached to the email")
        .contains("<img src=\"data:image/png;base64," + logo + "\"");

    assertThat(http.getForEntity("/outbox/email?messageId=<nobody@followthrough.local>", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anEmailWithScript_rendersInThePage_andRunsNothing() throws Exception {
    ProcessInstance instance = lifecycle.open(aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    String subject = "Re: [" + instance.getBusinessKey() + "] a reply with script in it";
    deliver(subject, HOSTILE_HTML);
    Listed hostile = outbox("").stream().filter(email -> email.subject().equals(subject)).findFirst().orElseThrow();
    assertThat(hostile.customerView()).isNotNull();

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      WebDriver browser = chromium.driver();
      WebDriverWait waitUpTo = new WebDriverWait(browser, Duration.ofSeconds(20));
      try {
        browser.get("http://localhost:" + port + "/outbox.html");
        WebElement frame = waitUpTo.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("iframe[title$='" + subject + "']")));
        assertThat(frame.getDomAttribute("sandbox")).as("sandboxed to nothing").isEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", frame);

        browser.switchTo().frame(frame);
        WebElement words = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("words")));
        assertThat(words.getText()).isEqualTo("Thanks, here is the log you asked for.");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-ran"))
            .as("no script ran in the frame").isNull();
        browser.switchTo().defaultContent();
        chromium.screenshot("outbox-hostile-email");

        JavascriptExecutor page = (JavascriptExecutor) browser;
        assertThat(page.executeScript("return window.ran === undefined ? null : String(window.ran);"))
            .as("nothing reached the outbox page").isNull();
        assertThat(browser.getTitle()).isEqualTo("Followthrough · Outbox");
        assertThat(browser.findElements(By.cssSelector("iframe[title^='As the customer sees it']")))
            .as("the FQR in the same page too").hasSizeGreaterThanOrEqualTo(2);

        // opened on its own (a link copied out of the page): the response's CSP sandbox holds
        browser.get("http://localhost:" + port + hostile.customerView());
        waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("words")));
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-ran"))
            .as("no script ran in the email opened on its own").isNull();
        assertThat(page.executeScript("return window.ran === undefined ? null : String(window.ran);")).isNull();
      } catch (RuntimeException | AssertionError e) {
        chromium.dumpPage("outbox-failure");
        chromium.screenshot("outbox-failure");
        throw e;
      }
    }
  }

  private List<Listed> outbox(String query) {
    ResponseEntity<List<Listed>> response = http.exchange("/api/outbox" + query, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static Listed single(List<Listed> emails) {
    assertThat(emails).hasSize(1);
    return emails.get(0);
  }

  /** Sends an HTML email to the embedded server over SMTP, as anyone on the machine could. */
  private void deliver(String subject, String html) throws Exception {
    Properties smtp = new Properties();
    smtp.putAll(Map.of("mail.smtp.host", "127.0.0.1", "mail.smtp.port", String.valueOf(mailServer.getSmtp().getPort())));
    Session session = Session.getInstance(smtp);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("dana.whitfield@customer.example"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("support@followthrough.local"));
    message.setSubject(subject);
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Thanks, here is the log you asked for.", "UTF-8");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setContent(html, "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, rich));
    Transport.send(message);
  }
}
