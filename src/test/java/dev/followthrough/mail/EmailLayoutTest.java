package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.engineers.EngineerProfile;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two parts of every email: the text with the full signature (R22), and an HTML alternative in
 * which nothing the engineer or the customer wrote can become markup (R20). Plus the header guards
 * (R21) that keep line breaks and non-addresses out of the headers.
 */
class EmailLayoutTest {

  private static final String ORGANISATION = "Followthrough Support";
  private static final EngineerProfile ENGINEER = engineer("+1 555 0100");
  private static final MailTemplates TEMPLATES = new MailTemplates(null);
  private static final MailLanguage ENGLISH = TEMPLATES.language("en");
  private static final String BODY = "Hello Alex,\n\nCould you send me the log of last night's run?\n\nKind regards";

  /** The tags EmailLayout itself writes; anything else in the HTML came from the content. */
  private static final Set<String> LAYOUT_TAGS = Set.of("!doctype", "html", "body", "p", "br", "table", "tr", "td", "img");

  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([!a-zA-Z][^\\s>/]*)");

  private static EngineerProfile engineer(String phone) {
    return new EngineerProfile(
        "Jordan Engineer",
        "jordan@followthrough.example",
        "Support Engineer",
        "Data Platform",
        phone,
        "Mon-Fri 09:00-17:00 CET",
        ZoneId.of("Europe/Berlin"),
        "Morgan Manager",
        "morgan@followthrough.example",
        "DE");
  }

  // ---------------------------------------------------------------------------------------------
  // The signature (R22)

  @ParameterizedTest(name = "the text signature shows the {0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          name             ; Jordan Engineer
          title            ; Support Engineer
          team             ; Data Platform
          organisation     ; Followthrough Support
          title line       ; Support Engineer | Data Platform | Followthrough Support
          email            ; Email: jordan@followthrough.example
          phone            ; Phone: +1 555 0100
          working hours    ; Working hours: Mon-Fri 09:00-17:00 CET
          manager          ; Manager: Morgan Manager <morgan@followthrough.example>
          """)
  void textSignature(String what, String expected) {
    assertThat(signature(EmailLayout.text(BODY, ENGINEER, ORGANISATION, ENGLISH))).as(what).contains(expected);
  }

  @ParameterizedTest(name = "the HTML signature shows the {0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          name             ; Jordan Engineer
          title line       ; Support Engineer | Data Platform | Followthrough Support
          email            ; Email: jordan@followthrough.example
          phone            ; Phone: +1 555 0100
          working hours    ; Working hours: Mon-Fri 09:00-17:00 CET
          manager          ; Manager: Morgan Manager &lt;morgan@followthrough.example&gt;
          """)
  void htmlSignature(String what, String expected) {
    String html = EmailLayout.html(BODY, ENGINEER, ORGANISATION, ENGLISH);

    assertThat(html.substring(html.indexOf("<table"))).as(what).contains(expected);
  }

  @Test
  void theTextIsTheBodyThenTheSignatureAfterTheStandardDelimiter() {
    assertThat(EmailLayout.text("\n\n  " + BODY + "\n\n\n", ENGINEER, ORGANISATION, ENGLISH))
        .isEqualTo(
            BODY
                + "\n\n-- \n"
                + "Jordan Engineer\n"
                + "Support Engineer | Data Platform | Followthrough Support\n"
                + "Email: jordan@followthrough.example\n"
                + "Phone: +1 555 0100\n"
                + "Working hours: Mon-Fri 09:00-17:00 CET\n"
                + "Manager: Morgan Manager <morgan@followthrough.example>\n");
  }

  @ParameterizedTest(name = "[{0}] signature")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          de    ; E-Mail: jordan@followthrough.example\\nTelefon: +1 555 0100\\nArbeitszeiten: Mon-Fri 09:00-17:00 CET\\nTeamleitung: Morgan Manager
          de-AT ; E-Mail: jordan@followthrough.example\\nTelefon: +1 555 0100\\nArbeitszeiten: Mon-Fri 09:00-17:00 CET\\nTeamleitung: Morgan Manager
          fr    ; E-mail: jordan@followthrough.example\\nTéléphone: +1 555 0100\\nHoraires: Mon-Fri 09:00-17:00 CET\\nResponsable: Morgan Manager
          it    ; Email: jordan@followthrough.example\\nPhone: +1 555 0100\\nWorking hours: Mon-Fri 09:00-17:00 CET\\nManager: Morgan Manager
          """)
  void theSignatureLabelsAreInTheReadersLanguage(String language, String expected) {
    MailLanguage words = TEMPLATES.language(language);

    assertThat(signature(EmailLayout.text(BODY, ENGINEER, ORGANISATION, words))).contains(expected.replace("\\n", "\n"));
    assertThat(EmailLayout.html(BODY, ENGINEER, ORGANISATION, words)).contains(expected.replace("\\n", "<br>"));
  }

  @ParameterizedTest(name = "phone [{0}] is left out")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void aBlankPhoneIsLeftOut(String phone) {
    EngineerProfile withoutPhone = engineer(phone);

    String text = EmailLayout.text(BODY, withoutPhone, ORGANISATION, ENGLISH);
    String html = EmailLayout.html(BODY, withoutPhone, ORGANISATION, ENGLISH);

    assertThat(text).doesNotContain("Phone").contains("Email: jordan@followthrough.example\nWorking hours:");
    assertThat(html).doesNotContain("Phone").doesNotContain("null");
  }

  @Test
  void theLogoIsTheInlineImageInTheHtmlOnly() {
    String html = EmailLayout.html(BODY, ENGINEER, ORGANISATION, ENGLISH);

    assertThat(EmailLayout.LOGO_CONTENT_ID).isEqualTo("followthrough-logo");
    assertThat(html)
        .contains("<img src=\"cid:followthrough-logo\"")
        .contains("alt=\"Followthrough Support\"");
    assertThat(count(html, "<img")).isEqualTo(1);
    assertThat(EmailLayout.text(BODY, ENGINEER, ORGANISATION, ENGLISH)).doesNotContain("cid:").doesNotContain("<img");
  }

  // ---------------------------------------------------------------------------------------------
  // Paragraphs and line breaks

  @ParameterizedTest(name = "body {0}")
  @MethodSource("paragraphs")
  void paragraphsAndLineBreaks(String description, String body, String expectedParagraphs) {
    String html = EmailLayout.html(body, ENGINEER, ORGANISATION, ENGLISH);

    assertThat(html.substring(html.indexOf("<p>"), html.indexOf("<table"))).isEqualTo(expectedParagraphs);
  }

  static Stream<Arguments> paragraphs() {
    return Stream.of(
        Arguments.of("one line", "One", "<p>One</p>"),
        Arguments.of("two lines", "One\nTwo", "<p>One<br>Two</p>"),
        Arguments.of("two paragraphs", "One\n\nTwo", "<p>One</p><p>Two</p>"),
        Arguments.of("CRLF line ends", "One\r\nTwo\r\n\r\nThree", "<p>One<br>Two</p><p>Three</p>"),
        Arguments.of("several blank lines", "One\n\n\n\nTwo", "<p>One</p><p>Two</p>"),
        Arguments.of("a blank line with spaces", "One\n   \nTwo", "<p>One</p><p>Two</p>"),
        Arguments.of("leading and trailing blank lines", "\n\nOne\n\n", "<p>One</p>"),
        Arguments.of("a greeting, a list and a closing",
            "Hello Alex,\n\nNext steps:\n- restart the worker\n- run the export\n\nKind regards",
            "<p>Hello Alex,</p><p>Next steps:<br>- restart the worker<br>- run the export</p><p>Kind regards</p>"));
  }

  // ---------------------------------------------------------------------------------------------
  // Nothing written in the body becomes markup

  @ParameterizedTest(name = "body [{0}] is shown as text")
  @MethodSource("hostileText")
  void escapesTheBody(String text, String expectedEscaped) {
    String html = EmailLayout.html("Hello Alex,\n\nYou wrote: " + text + "\n\nKind regards", ENGINEER, ORGANISATION, ENGLISH);

    assertThat(html).contains(expectedEscaped);
    assertOnlyLayoutMarkup(html);
  }

  static Stream<Arguments> hostileText() {
    return Stream.of(
        Arguments.of("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        Arguments.of("Tom & Jerry", "Tom &amp; Jerry"),
        Arguments.of("He said \"hi\"", "He said &quot;hi&quot;"),
        Arguments.of("it's", "it&#39;s"),
        Arguments.of("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        Arguments.of("</p></td></table><a href=\"javascript:alert(1)\">click</a>",
            "&lt;/p&gt;&lt;/td&gt;&lt;/table&gt;&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;"),
        Arguments.of("\"><svg onload=alert(1)>", "&quot;&gt;&lt;svg onload=alert(1)&gt;"),
        Arguments.of("<!-- hidden -->", "&lt;!-- hidden --&gt;"),
        Arguments.of("&lt;b&gt; already escaped", "&amp;lt;b&amp;gt; already escaped"),
        Arguments.of("a < b > c", "a &lt; b &gt; c"),
        Arguments.of("<style>body{display:none}</style>", "&lt;style&gt;body{display:none}&lt;/style&gt;"),
        Arguments.of("Grüße, café – 東京", "Grüße, café – 東京"));
  }

  @Test
  void escapesTheSignatureAndTheOrganisation() {
    EngineerProfile odd =
        new EngineerProfile(
            "Jo <b>Bold</b>",
            "jo@followthrough.example",
            "R&D \"Lead\"",
            "<script>x()</script>",
            "+1 555 0100",
            "Mon-Fri 09:00-17:00 CET",
            ZoneId.of("UTC"),
            "Pat O'Manager",
            "pat@followthrough.example",
            null);

    String html = EmailLayout.html(BODY, odd, "Acme \"Support\" <Ltd> & Co", ENGLISH);

    assertThat(html)
        .contains("Jo &lt;b&gt;Bold&lt;/b&gt;")
        .contains("R&amp;D &quot;Lead&quot; | &lt;script&gt;x()&lt;/script&gt; | Acme &quot;Support&quot; &lt;Ltd&gt; &amp; Co")
        .contains("alt=\"Acme &quot;Support&quot; &lt;Ltd&gt; &amp; Co\"")
        .contains("Manager: Pat O&#39;Manager &lt;pat@followthrough.example&gt;");
    assertOnlyLayoutMarkup(html);
  }

  @Test
  void theHtmlIsOneDocument() {
    String html = EmailLayout.html(BODY, ENGINEER, ORGANISATION, ENGLISH);

    assertThat(html).startsWith("<!DOCTYPE html><html><body").endsWith("</body></html>");
    assertOnlyLayoutMarkup(html);
  }

  // ---------------------------------------------------------------------------------------------
  // Header values (R21: no header injection, plausible addresses). Top-level methods, not
  // @Nested, so that -Dtest=EmailLayoutTest runs them too.

  @ParameterizedTest(name = "[{0}] is a single line")
  @ValueSource(strings = {"Case 2611270000123: Nightly export", "Jordan Engineer (Followthrough)", "Ü & é – $100 #1"})
  void acceptsASingleLine(String value) {
    assertThat(HeaderValues.requireSingleLine("subject", value)).isEqualTo(value);
  }

  @ParameterizedTest(name = "[{0}] is empty")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void rejectsAnEmptyValue(String value) {
    assertThatThrownBy(() -> HeaderValues.requireSingleLine("subject", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject")
        .hasMessageContaining("empty");
  }

  @ParameterizedTest(name = "[{0}] has a line break")
  @ValueSource(
      strings = {
        "Case 42\nBcc: someone@attacker.example",
        "Case 42\r\nBcc: someone@attacker.example",
        "Case 42\rX-Injected: yes",
        "Case 42\n",
        "\r\nCase 42"
      })
  void rejectsALineBreak(String value) {
    assertThatThrownBy(() -> HeaderValues.requireSingleLine("subject", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subject")
        .hasMessageContaining("single line");
  }

  @ParameterizedTest(name = "[{0}] is an address")
  @ValueSource(
      strings = {
        "alex@customer.example",
        "first.last+tag@mail.customer.co.uk",
        "o'brien@example.ie",
        "user_name-1@example-domain.com",
        "ALEX@EXAMPLE.COM",
        "x@y.io",
        "archive+2611270000123@followthrough.example"
      })
  void acceptsAnAddress(String address) {
    assertThat(HeaderValues.requireAddress("to", address)).isEqualTo(address);
  }

  @ParameterizedTest(name = "[{0}] is not an address")
  @ValueSource(
      strings = {
        "alex",
        "alex@",
        "@customer.example",
        "alex@customer",
        "alex@customer.",
        "alex@.example",
        "alex@customer..example",
        "alex @customer.example",
        "alex@cust omer.example",
        "alex@customer.example ",
        "a@b@customer.example",
        "Alex <alex@customer.example>",
        "<alex@customer.example>",
        "alex@customer.example, bob@customer.example",
        "alex@customer.example;bob@customer.example"
      })
  void rejectsANonAddress(String address) {
    assertThatThrownBy(() -> HeaderValues.requireAddress("cc", address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cc")
        .hasMessageContaining("not an email address");
  }

  @ParameterizedTest(name = "address [{0}] is rejected before it is parsed")
  @ValueSource(strings = {"alex@customer.example\r\nBcc: someone@attacker.example", "alex@customer.example\n"})
  void rejectsAnAddressWithALineBreak(String address) {
    assertThatThrownBy(() -> HeaderValues.requireAddress("to", address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single line");
  }

  @ParameterizedTest(name = "address [{0}] is empty")
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void rejectsAnEmptyAddress(String address) {
    assertThatThrownBy(() -> HeaderValues.requireAddress("to", address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  // ---------------------------------------------------------------------------------------------

  /** The text after the "-- " signature delimiter. */
  private static String signature(String text) {
    return text.substring(text.indexOf("\n-- \n") + 5);
  }

  /** Every tag in the HTML is one EmailLayout writes itself, and there is a single image. */
  private static void assertOnlyLayoutMarkup(String html) {
    Set<String> tags = new TreeSet<>();
    Matcher matcher = TAG.matcher(html);
    while (matcher.find()) {
      tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
    assertThat(tags).as("tags in %s", html).isSubsetOf(LAYOUT_TAGS);
    assertThat(count(html, "<img")).as("images").isEqualTo(1);
    assertThat(html).as("event handler attributes").doesNotContainPattern("<[^>]*\\son\\w+\\s*=");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
