package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading real mail shapes into the customer's words, headers and files; never failing on a charset. */
class MimeReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @ParameterizedTest(name = "{0} declared, {1} bytes")
  @CsvSource({
      "unknown-8bit, UTF-8",
      "unknown-8bit, windows-1252",
      "x-unknown, UTF-8",
      "x-unknown, ISO-8859-1",
      "'', windows-1252",
      "utf-8, UTF-8",
      "iso-8859-1, ISO-8859-1",
      "'\"latin1\"', ISO-8859-1",
  })
  void anyCharset_isReadWithoutFailing(String declared, String actual) {
    byte[] source = concat(("From: dana@customer.example\r\nSubject: Re: Case CASE-1\r\nMessage-ID: <c@x>\r\n"
        + "Content-Type: text/plain" + (declared.isEmpty() ? "" : "; charset=" + declared) + "\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
        "Grüße aus Köln, the renewal fixed it.\r\n".getBytes(Charset.forName(actual)));

    assertThat(MimeReader.read(source, NOW).message().text()).isEqualTo("Grüße aus Köln, the renewal fixed it.");
  }

  @Test
  void anHtmlOnlyReply_isReadAsText_withParagraphsBreaksListsAndQuotes() {
    String html = """
        <html><head><title>x</title><style>p{}</style><script>alert(1)</script></head><body>
        <div>Hi Erin,</div><div><br></div>
        <p>the renewal fixed it&nbsp;&ndash; two things:</p>
        <ul><li>the import runs</li><li>the export too</li></ul>
        <pre>ERROR 1
          at line 2</pre>
        <blockquote type="cite"><p>Could you send the logs?</p><blockquote>older</blockquote></blockquote>
        </body></html>""";

    assertThat(MimeReader.htmlText(html)).isEqualTo("""
        Hi Erin,

        the renewal fixed it \u2013 two things:

        - the import runs
        - the export too
        ERROR 1
          at line 2

        > Could you send the logs?

        > > older""");
  }

  @Test
  void inAlternatives_theTextPartWins_unlessItIsEmpty() {
    String both = alternative("Plain words.", "<p>HTML words.</p>");
    String emptyPlain = alternative("   ", "<p>HTML words.</p>");

    assertThat(read(both).message().text()).isEqualTo("Plain words.");
    assertThat(read(emptyPlain).message().text()).isEqualTo("HTML words.");
  }

  @Test
  void everyHeader_isPassedOn_firstValuePerName() {
    MimeReader.Read read = read("""
        From: MAILER-DAEMON@mx.example
        Subject: Undeliverable
        Message-ID: <h@x>
        X-Failed-Recipients: dana@customer.example
        X-Autoresponder: yes
        List-Id: <support.customer.example>
        Feedback-ID: 1:2:3
        X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent
        Received: from a
        Received: from b
        Subject-Extra: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=

        text
        """);

    assertThat(read.message().headers()).containsEntry("X-Failed-Recipients", "dana@customer.example")
        .containsEntry("X-Autoresponder", "yes").containsEntry("List-Id", "<support.customer.example>")
        .containsEntry("Feedback-ID", "1:2:3").containsEntry("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent")
        .containsEntry("Received", "from a").containsEntry("Subject-Extra", "Grüße");
    assertThat(ReplyClassifier.classify(new ReplyClassifier.Message(read.message().headers(), read.message().from(),
        read.message().subject(), read.message().text(), read.message().contentType()), NOW.atZone(java.time.ZoneOffset.UTC)
        .toLocalDate()).kind()).as("the classifier sees X-Failed-Recipients").isEqualTo(ReplyClassifier.Kind.BOUNCE);
  }

  @Test
  void filesAreAttachments_withTheirNamesNotTheirPaths() {
    MimeReader.Read read = read("""
        From: dana@customer.example
        Subject: Re: Case CASE-1
        Message-ID: <a@x>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=UTF-8

        The log is attached.
        --b
        Content-Type: text/plain; charset=UTF-8; name="server.log"
        Content-Disposition: attachment; filename="C:\\\\Users\\\\dana\\\\server.log"

        ERROR something
        --b
        Content-Type: image/png
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --b--
        """);

    assertThat(read.message().text()).isEqualTo("The log is attached.");
    assertThat(read.attachments()).extracting(MimeReader.Attachment::fileName, MimeReader.Attachment::contentType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("server.log", "text/plain"),
            org.assertj.core.groups.Tuple.tuple("attachment", "image/png"));
    assertThat(new String(read.attachments().get(0).content(), StandardCharsets.UTF_8)).contains("ERROR something");
    assertThat(read.attachments().get(1).content()).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void aForwardedEmailIsAFile_aSignatureIsNot() {
    MimeReader.Read read = read("""
        From: dana@customer.example
        Subject: Re: Case CASE-1
        Message-ID: <s@x>
        MIME-Version: 1.0
        Content-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary="sig"

        --sig
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain; charset=UTF-8

        See the email from our vendor below.
        --b
        Content-Type: message/rfc822

        From: vendor@example.com
        Subject: Outage

        We had an outage.
        --b--
        --sig
        Content-Type: application/pkcs7-signature; name="smime.p7s"
        Content-Disposition: attachment; filename="smime.p7s"

        MIIG
        --sig--
        """);

    assertThat(read.message().text()).isEqualTo("See the email from our vendor below.");
    assertThat(read.attachments()).extracting(MimeReader.Attachment::fileName).containsExactly("forwarded-message.eml");
    assertThat(new String(read.attachments().get(0).content(), StandardCharsets.UTF_8)).contains("We had an outage.");
  }

  @Test
  void aMultipartWithoutItsBoundary_isReadAsText() {
    MimeReader.Read read = read("""
        From: dana@customer.example
        Subject: Re: Case CASE-1
        Message-ID: <m@x>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="never-used"

        Just text after all.
        """);

    assertThat(read.message().text()).contains("Just text after all.");
  }

  @Test
  void mimeNestedDeeperThanAnyMailProgramWrites_isRefused() {
    StringBuilder source = new StringBuilder("From: x@y\nMessage-ID: <d@x>\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
    for (int level = 0; level < 20; level++) {
      source.append("--b").append(level).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level + 1)
          .append("\"\n\n");
    }
    assertThatThrownBy(() -> read(source.toString())).isInstanceOf(MimeReader.Unreadable.class)
        .hasMessageContaining("nested deeper");
  }

  @Test
  void aMessageWithoutMessageId_getsTheSameSynthesisedIdEachTime() {
    String source = "From: dana@customer.example\nSubject: hello\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n\nhi\n";

    assertThat(read(source).message().messageId()).startsWith("<sha256.")
        .isEqualTo(read(source).message().messageId());
  }

  private static String alternative(String plain, String html) {
    return """
        From: dana@customer.example
        Subject: Re: Case CASE-1
        Message-ID: <alt@x>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=UTF-8

        %s
        --alt
        Content-Type: text/html; charset=UTF-8

        <html><body>%s</body></html>
        --alt--
        """.formatted(plain, html);
  }

  private static MimeReader.Read read(String source) {
    return MimeReader.read(source.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), NOW);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(first);
    out.writeBytes(second);
    return out.toByteArray();
  }
}
