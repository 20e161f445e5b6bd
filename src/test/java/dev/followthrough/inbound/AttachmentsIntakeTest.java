package dev.followthrough.inbound;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.INFORMATION_FOLLOW_UP_DUE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.Elements.PREPARE_STATUS_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import dev.followthrough.lifecycle.CaseStanding;
import dev.followthrough.lifecycle.Lifecycle;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Files customers send by email (R29): kept with the case in our tables within the limits, secrets
 * in text files redacted, listed for the engineer with the reply and in the case API, and
 * downloaded as attachments. Read over IMAP from the embedded server.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class AttachmentsIntakeTest {

  private static final String SUPPORT = "support@followthrough.local";
  private static final String SECRET = "Tr0ub4dor&3xyz";

  @Autowired Lifecycle lifecycle;
  @Autowired ProcessEngine engine;
  @Autowired MailboxPoller poller;
  @Autowired GreenMail mailServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc api;

  @BeforeEach
  void mondayMorning() {
    lifecycle.mondayMorning();
    mailServer.setUser(SUPPORT, SUPPORT, "embedded");
  }

  @AfterEach
  void realTimeAgain() {
    lifecycle.realTime();
  }

  @Test
  void aReplyThatIsOnlyFiles_isAReply_andItsFilesAreKeptListedAndRedacted() throws Exception {
    ProcessInstance instance = waitingForInformation();
    String caseNumber = instance.getBusinessKey();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    deliver("""
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: <%s@customer.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="files"

        --files
        Content-Type: application/octet-stream; name="app.env"
        Content-Disposition: attachment; filename="app.env"

        DB_URL=jdbc:postgresql://db/app
        DB_PASSWORD=%s
        --files
        Content-Type: image/png; name="screenshot.png"
        Content-Disposition: attachment; filename="screenshot.png"
        Content-Transfer-Encoding: base64

        %s
        --files
        Content-Type: application/zip; name="heap-dump.zip"
        Content-Disposition: attachment; filename="heap-dump.zip"
        Content-Transfer-Encoding: base64

        %s
        --files--
        """.formatted(caseNumber, UUID.randomUUID(), SECRET, Base64.getMimeEncoder().encodeToString(png),
        Base64.getMimeEncoder().encodeToString(tooLarge)));

    poller.pollOnce();
    lifecycle.runDueJobs();

    assertThat(instance).as("a reply, though it has no text").isWaitingAt(PREPARE_STATUS_UPDATE);
    String shown = engine.getRuntimeService().getVariable(instance.getId(), "lastReplyText").toString();
    assertThat(shown).contains("Attached files:", "- app.env (application/octet-stream, ", "- screenshot.png (image/png, 12 bytes)",
        "- heap-dump.zip (application/zip, 10 MiB) - not kept, too large: over the limit of 10 MiB per file")
        .doesNotContain(SECRET);
    assertThat(engine.getTaskService().createTaskQuery()
        .taskNameLike("Ask the customer to change a shared credential · " + caseNumber + "%").count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(instance.getId()).values()).as("no file in a process variable")
        .noneMatch(value -> value instanceof byte[] || String.valueOf(value).contains("DB_URL"));

    MvcResult view = api.perform(get("/api/cases/{caseNumber}", caseNumber)).andExpect(status().isOk())
        .andExpect(jsonPath("$.attachments", hasSize(3)))
        .andExpect(jsonPath("$.attachments[0].name", is("app.env")))
        .andExpect(jsonPath("$.attachments[0].kept", is(true)))
        .andExpect(jsonPath("$.attachments[0].downloadUrl", startsWith("/api/cases/" + caseNumber + "/attachments/")))
        .andExpect(jsonPath("$.attachments[1].name", is("screenshot.png")))
        .andExpect(jsonPath("$.attachments[1].size", is(png.length)))
        .andExpect(jsonPath("$.attachments[1].contentType", is("image/png")))
        .andExpect(jsonPath("$.attachments[1].receivedAt").exists())
        .andExpect(jsonPath("$.attachments[2].name", is("heap-dump.zip")))
        .andExpect(jsonPath("$.attachments[2].size", is(tooLarge.length)))
        .andExpect(jsonPath("$.attachments[2].kept", is(false)))
        .andExpect(jsonPath("$.attachments[2].downloadUrl", nullValue()))
        .andReturn();
    String env = com.jayway.jsonpath.JsonPath.read(view.getResponse().getContentAsString(), "$.attachments[0].downloadUrl");
    String screenshot = com.jayway.jsonpath.JsonPath.read(view.getResponse().getContentAsString(),
        "$.attachments[1].downloadUrl");
    long tooLargeId = ((Number) com.jayway.jsonpath.JsonPath.read(view.getResponse().getContentAsString(),
        "$.attachments[2].id")).longValue();

    String envFile = api.perform(get(env)).andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(envFile).contains("DB_URL=jdbc:postgresql://db/app").doesNotContain(SECRET);
    byte[] image = api.perform(get(screenshot)).andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(image).isEqualTo(png);
    api.perform(get("/api/cases/{caseNumber}/attachments/{id}", caseNumber, tooLargeId)).andExpect(status().isNotFound());
    api.perform(get("/api/cases/{caseNumber}/attachments/{id}", "CASE-NOPE", tooLargeId)).andExpect(status().isNotFound());
    api.perform(get("/api/cases/{caseNumber}/attachments", caseNumber)).andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(3)));
  }

  @Test
  void anotherCasesFile_isNotServedUnderThisCase() throws Exception {
    ProcessInstance one = waitingForInformation();
    ProcessInstance other = waitingForInformation();
    deliver("""
        From: Dana Whitfield <dana.whitfield@customer.example>
        To: support@followthrough.local
        Subject: Re: Case %s
        Message-ID: <%s@customer.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=UTF-8

        The log you asked for.
        --b
        Content-Type: text/plain; name="server.log"
        Content-Disposition: attachment; filename="server.log"

        2026-11-23 INFO started
        --b--
        """.formatted(one.getBusinessKey(), UUID.randomUUID()));
    poller.pollOnce();

    Long id = jdbc.queryForObject("select a.id from ft_inbound_attachment a join ft_inbound_message m "
        + "on m.id = a.inbound_message_id where m.case_number = ?", Long.class, one.getBusinessKey());
    api.perform(get("/api/cases/{caseNumber}/attachments/{id}", one.getBusinessKey(), id)).andExpect(status().isOk());
    api.perform(get("/api/cases/{caseNumber}/attachments/{id}", other.getBusinessKey(), id))
        .andExpect(status().isNotFound());
  }

  private ProcessInstance waitingForInformation() {
    ProcessInstance instance = lifecycle.open(Lifecycle.aCase(UnaryOperator.identity()));
    lifecycle.sendFirstQualityResponse(instance);
    lifecycle.writeStatus(instance, CaseStanding.PENDING_CUSTOMER_INFORMATION, Map.of());
    assertThat(instance).isWaitingAt(INFORMATION_FOLLOW_UP_DUE);
    return instance;
  }

  private void deliver(String source) throws Exception {
    mailServer.getUserManager().getUserByEmail(SUPPORT).deliver(new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(source.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
  }
}
