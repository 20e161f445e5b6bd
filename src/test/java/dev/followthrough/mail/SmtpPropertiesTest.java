package dev.followthrough.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Missing SMTP settings are reported at start-up, by property and environment variable. */
class SmtpPropertiesTest {

  @Test
  void noServer_failsAtStartUp_namingTheVariable() {
    assertThatThrownBy(() -> new SmtpConfiguration().smtpMailSender(smtp(" ", null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Emails are sent through the SMTP server (followthrough.smtp), but "
            + "followthrough.smtp.host (FOLLOWTHROUGH_SMTP_HOST) is not set");
  }

  @Test
  void aUserWithoutPasswordOrOAuth2_isReported() {
    assertThat(smtp("smtp.example.com", "support@example.com", "", null).missing()).containsExactly(
        "followthrough.smtp.password (FOLLOWTHROUGH_SMTP_PASSWORD), or "
            + "followthrough.smtp.oauth2.token-uri (FOLLOWTHROUGH_SMTP_OAUTH2_TOKEN_URI) for OAuth2");
  }

  @Test
  void oauth2_needsTheUserAndTheClientId_butNoPassword() {
    SmtpProperties oauth2 = smtp("smtp.office365.com", null, null,
        new OAuth2Settings("https://login.example.com/token", "", null, "refresh", null));

    assertThat(oauth2.missing()).containsExactly("followthrough.smtp.user (FOLLOWTHROUGH_SMTP_USER)",
        "followthrough.smtp.oauth2.client-id (FOLLOWTHROUGH_SMTP_OAUTH2_CLIENT_ID)");
  }

  @Test
  void aRelayWithoutLogin_needsOnlyTheHost_andStillRequiresStarttls() {
    SmtpProperties relay = smtp("relay.example.com", null, null, null);

    assertThat(relay.missing()).isEmpty();
    assertThat(relay.sessionProperties()).containsEntry("mail.smtp.starttls.required", "true")
        .doesNotContainKey("mail.smtp.auth");
  }

  @Test
  void withAPassword_theLoginIsRequired_andThePasswordIsNotInTheSettingsName() {
    SmtpProperties login = smtp("smtp.example.com", "support@example.com", "s3cret-pass", null);

    assertThat(login.missing()).isEmpty();
    assertThat(login.sessionProperties()).containsEntry("mail.smtp.auth", "true")
        .doesNotContainKey("mail.smtp.auth.mechanisms");
    assertThat(login.toString()).doesNotContain("s3cret-pass");
  }

  @Test
  void aTrustStoreThatCannotBeRead_isReportedAtStartUp() {
    SmtpProperties unreadable = new SmtpProperties("smtp.example.com", 587, false, true, "/nonexistent/trust.p12",
        "changeit", null, null, null);

    assertThatThrownBy(() -> new SmtpConfiguration().smtpMailSender(unreadable))
        .hasMessageContaining("followthrough.smtp.trust-store");
  }

  private static SmtpProperties smtp(String host, String user, String password, OAuth2Settings oauth2) {
    return new SmtpProperties(host, 587, false, true, null, null, user, password, oauth2);
  }
}
