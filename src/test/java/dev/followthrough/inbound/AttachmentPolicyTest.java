package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The limits per file and per message, and redaction of text files (R18, R29). */
class AttachmentPolicyTest {

  private final AttachmentPolicy policy = new AttachmentPolicy(100, 250);

  @Test
  void eachFileUpToItsLimit_andTheMessageUpToItsLimit_inTheOrderTheyCame() {
    List<AttachmentPolicy.Decision> decisions = policy.decide(List.of(file("a.bin", 100), file("b.bin", 101),
        file("c.bin", 100), file("d.bin", 60), file("e.bin", 50)));

    assertThat(decisions).extracting(AttachmentPolicy.Decision::name, AttachmentPolicy.Decision::kept)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a.bin", true), org.assertj.core.groups.Tuple.tuple("b.bin", false),
            org.assertj.core.groups.Tuple.tuple("c.bin", true), org.assertj.core.groups.Tuple.tuple("d.bin", false),
            org.assertj.core.groups.Tuple.tuple("e.bin", true));
    assertThat(decisions.get(1).notKeptReason()).isEqualTo("too large: over the limit of 100 bytes per file");
    assertThat(decisions.get(3).notKeptReason())
        .isEqualTo("too large: the message's files together are over the limit of 250 bytes per message");
    assertThat(decisions.get(1).size()).isEqualTo(101);
    assertThat(decisions.get(1).content()).isNull();
  }

  @Test
  void secretsInTextFiles_areRedacted_andNamed() {
    AttachmentPolicy.Decision decision = new AttachmentPolicy(10_000, 10_000).decide(List.of(new MimeReader.Attachment(
        "application.properties", "application/octet-stream",
        "spring.datasource.url=jdbc:h2:mem\nspring.datasource.password=Tr0ub4dor&3xyz\n".getBytes(StandardCharsets.UTF_8))))
        .get(0);

    assertThat(new String(decision.content(), StandardCharsets.UTF_8)).contains("spring.datasource.url=jdbc:h2:mem")
        .doesNotContain("Tr0ub4dor&3xyz");
    assertThat(decision.secretsRedacted()).isNotEmpty();
    assertThat(AttachmentPolicy.summary(List.of(decision))).contains("application.properties").contains(" removed");
  }

  @Test
  void binaryFiles_areKeptAsTheyCame() {
    byte[] zip = {'P', 'K', 3, 4, 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', '=', 'x'};
    AttachmentPolicy.Decision decision = policy.decide(List.of(new MimeReader.Attachment("logs.zip", "application/zip",
        zip))).get(0);

    assertThat(decision.content()).isEqualTo(zip);
    assertThat(decision.contentType()).isEqualTo("application/zip");
  }

  @ParameterizedTest(name = "{0} as {1}: text {2}")
  @CsvSource({
      "server.log, application/octet-stream, true",
      ".env, application/octet-stream, true",
      ".env.production, application/octet-stream, true",
      "values.yaml, application/octet-stream, true",
      "nginx.conf, application/octet-stream, true",
      "settings.json, application/json, true",
      "pom.xml, application/xml, true",
      "notes, text/plain, true",
      "report.csv, text/csv, true",
      "screenshot.png, image/png, false",
      "dump.zip, application/zip, false",
      "attachment, application/octet-stream, false",
      "feed, application/atom+xml, true",
  })
  void textFiles_areKnownByTypeOrName(String name, String type, boolean text) {
    assertThat(AttachmentPolicy.isText(name, type)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"0, 0 bytes", "1023, 1023 bytes", "1024, 1 KiB", "1536, 1.5 KiB", "10485760, 10 MiB", "10485761, 10 MiB"})
  void sizesAreShownInBinaryUnits(long bytes, String shown) {
    assertThat(AttachmentPolicy.size(bytes)).isEqualTo(shown);
  }

  private static MimeReader.Attachment file(String name, int size) {
    return new MimeReader.Attachment(name, "application/octet-stream", new byte[size]);
  }
}
