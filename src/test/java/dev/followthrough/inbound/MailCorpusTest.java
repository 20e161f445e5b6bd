package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of real-world message shapes ({@code src/test/resources/mail-corpus}: out-of-office
 * replies from Exchange, Gmail and Sieve, bounces and delay warnings from Postfix, Exim, qmail,
 * sendmail, Gmail and Exchange, list and ticket-system acknowledgements, people's replies from
 * Thunderbird, Apple Mail, Outlook and Gmail), each parsed as the mailbox poller parses it
 * ({@link MimeReader#read}) and classified; the expected kind of each file is in
 * {@code expected.csv}. The table file → expected → got is printed and written to
 * {@code target/mail-corpus-classification.txt}.
 */
class MailCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/mail-corpus");
  private static final Map<String, String> TABLE = new LinkedHashMap<>();

  static Stream<Arguments> corpus() throws IOException {
    return expected().entrySet().stream().map(row -> Arguments.of(row.getKey(), row.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("corpus")
  void classifies(String file, ReplyClassifier.Kind expected) throws Exception {
    InboundMessage inbound = MimeReader.read(Files.readAllBytes(CORPUS.resolve(file)), Instant.parse("2026-11-23T09:00:00Z")).message();
    ReplyClassifier.Classification got = ReplyClassifier.classify(ReplyClassifier.Message.of(inbound),
        inbound.receivedAt().atZone(ZoneOffset.UTC).toLocalDate());
    synchronized (TABLE) {
      TABLE.put(file, String.format("| %-62s | %-16s | %-16s | %s |", file, expected, got.kind(), got.reason()));
    }
    assertThat(got.kind()).as(file + ": " + got.reason()).isEqualTo(expected);
  }

  @Test
  void everyMessageOfTheCorpusHasItsExpectedKind() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(path -> path.toString().endsWith(".eml"))
          .map(path -> CORPUS.relativize(path).toString().replace('\\', '/')).sorted().toList();
    }
    assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(files).as("the corpus is meant to cover the shapes, not just a few").hasSizeGreaterThanOrEqualTo(40);
    assertThat(expected().values()).as("every class has messages").containsAll(List.of(ReplyClassifier.Kind.values()));
  }

  @AfterAll
  static void printTheTable() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("Mail corpus: " + TABLE.size() + " messages");
    lines.add(String.format("| %-62s | %-16s | %-16s | %s |", "file", "expected", "got", "why"));
    lines.add("|" + "-".repeat(64) + "|" + "-".repeat(18) + "|" + "-".repeat(18) + "|---|");
    TABLE.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(row -> lines.add(row.getValue()));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/mail-corpus-classification.txt"), lines, StandardCharsets.UTF_8);
    lines.forEach(System.out::println);
  }

  /** One message of the corpus, parsed the way the poller reads the mailbox. */
  static MimeMessage parse(String file) throws Exception {
    try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private static Map<String, ReplyClassifier.Kind> expected() throws IOException {
    Map<String, ReplyClassifier.Kind> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", 2);
      expected.put(cells[0].strip(), ReplyClassifier.Kind.valueOf(cells[1].strip()));
    }
    return expected;
  }
}
