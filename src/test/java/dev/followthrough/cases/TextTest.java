package dev.followthrough.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What counts as text, and how long text is cut: plain rules, no engine. */
class TextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n\r", "\u00A0", "\u202F", "\u2007", "\u3000", "\u200B", "\u200C\u200D", "\uFEFF",
      "\u2060", "\u00AD", "\u034F", "\u2800", "\u3164", "\u115F", "\u0000", "\u001B", "\u0085", " \u00A0\u200B\uFEFF "})
  void textWithoutAVisibleCharacter_isBlank(String text) {
    assertThat(Text.isBlank(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", " x ", "\u00A0é", "日本", "\uD83D\uDE00", "0", "-", "\u200Bx"})
  void aVisibleCharacter_isText(String text) {
    assertThat(Text.isBlank(text)).isFalse();
  }

  @Test
  void aSingleLine_holdsNoControlCharacterOrLineBreak() {
    assertThat(Text.problem("Export fails", false)).isNull();
    assertThat(Text.problem("Export\tfails", false)).isNotNull();
    assertThat(Text.problem("Export fails\nBcc: x@y.example", false)).isNotNull();
    assertThat(Text.problem("a\u2028b", false)).isNotNull();
    assertThat(Text.problem("a\u0000b", false)).isNotNull();
  }

  @Test
  void severalLines_holdTabsAndLineBreaks_butNoOtherControlCharacter() {
    assertThat(Text.problem("line 1\r\n\tline 2\n", true)).isNull();
    assertThat(Text.problem("a\u0000b", true)).isNotNull();
    assertThat(Text.problem("a\u001B[31mred", true)).isNotNull();
  }

  @Test
  void aLoneSurrogate_isRefused_aPairIsText() {
    assertThat(Text.problem("\uD83D\uDE00", false)).isNull();
    assertThat(Text.problem("a\uD800", true)).contains("surrogate");
    assertThat(Text.problem("\uDC00a", true)).contains("surrogate");
    assertThat(Text.isBlank("\uD800")).isFalse();
  }

  @Test
  void longText_isCutToFit_sayingHowLongItWas() {
    String text = "x".repeat(10_000);
    String preview = Preview.of(text, 1500);
    assertThat(preview).hasSize(1500).startsWith("xxxx").contains("10000 characters in all");
    assertThat(Preview.of("short", 1500)).isEqualTo("short");
    assertThat(Preview.line("y".repeat(300), 255)).hasSize(255).endsWith("y…");
    assertThat(Preview.cut("z".repeat(400), 320)).isEqualTo("z".repeat(320));
    assertThat(Preview.cut("a\uD83D\uDE00", 2)).as("a column cut never splits a character").isEqualTo("a");
    assertThat(Preview.cut(null, 10)).isNull();
    assertThat(Preview.line("\uD83D\uDE00".repeat(200), 255)).hasSizeLessThanOrEqualTo(255)
        .doesNotContain("\uD83D…").endsWith("…");
  }
}
