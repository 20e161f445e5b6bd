package dev.followthrough.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

  private static final SurveyTokens TOKENS = new SurveyTokens(
      new SurveyProperties("a-test-secret-of-at-least-32-characters!", "https://support.example.com/", 2));
  private static final SurveyTokens.Survey SURVEY = new SurveyTokens.Survey("CASE-42", "instance-7");

  @Test
  void aTokenWeSigned_namesItsCaseAndClosing() {
    assertThat(TOKENS.verify(TOKENS.tokenFor(SURVEY))).contains(SURVEY);
  }

  @Test
  void theLqrGetsOneLinkPerRating_onThePublicAddress() {
    List<SurveyTokens.Link> links = TOKENS.links(SURVEY);
    assertThat(links).extracting(SurveyTokens.Link::rating).containsExactly(1, 2, 3, 4, 5);
    assertThat(links.get(0).url()).isEqualTo("https://support.example.com/survey/" + TOKENS.tokenFor(SURVEY) + "?rating=1");
  }

  @Test
  void aTamperedToken_anotherSecretsToken_andGarbage_areRefused() {
    String token = TOKENS.tokenFor(SURVEY);
    String otherCase = new SurveyTokens(new SurveyProperties("a-test-secret-of-at-least-32-characters!", "https://x", 2))
        .tokenFor(new SurveyTokens.Survey("CASE-43", "instance-7"));
    String forged = otherCase.substring(0, otherCase.indexOf('.')) + token.substring(token.indexOf('.'));
    SurveyTokens other = new SurveyTokens(new SurveyProperties("another-secret-of-at-least-32-characters", "https://x", 2));

    assertThat(TOKENS.verify(forged)).as("another case's payload with this signature").isEmpty();
    assertThat(TOKENS.verify(other.tokenFor(SURVEY))).as("signed with another secret").isEmpty();
    assertThat(TOKENS.verify(token.substring(0, token.length() - 2))).as("cut in the email").isEmpty();
    for (String garbage : new String[] {null, "", ".", "abc", "a.b.c", "%%%.%%%", "x".repeat(1000)}) {
      assertThat(TOKENS.verify(garbage)).as(String.valueOf(garbage)).isEmpty();
    }
  }

  @Test
  void withoutASecret_thereIsNoSurvey() {
    SurveyTokens none = new SurveyTokens(new SurveyProperties(null, null, 2));
    assertThat(none.links(SURVEY)).isEmpty();
    assertThat(none.verify(TOKENS.tokenFor(SURVEY))).isEmpty();
  }
}
