package dev.followthrough.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.mail.OAuth2Settings;
import dev.followthrough.mail.OAuth2Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Missing IMAP settings are reported at start-up, by property and environment variable. */
class InboundPropertiesTest {

  @Test
  void pollingWithoutHostUserOrPassword_failsAtStartUp_namingEachSetting() {
    InboundProperties missing = properties(true, null, " ", null);

    assertThatThrownBy(() -> new InboundConfiguration().configuredMailbox(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("followthrough.inbound.host (FOLLOWTHROUGH_IMAP_HOST)")
        .hasMessageContaining("followthrough.inbound.user (FOLLOWTHROUGH_IMAP_USER)")
        .hasMessageContaining("followthrough.inbound.password (FOLLOWTHROUGH_IMAP_PASSWORD)");
  }

  @Test
  void withoutPolling_nothingIsMissing() {
    assertThat(properties(false, null, null, null).missing()).isEmpty();
    assertThat(new InboundConfiguration().configuredMailbox(properties(false, null, null, null)).configured()).isFalse();
  }

  @Test
  void everythingThere_givesTheMailbox_withoutItsPasswordInItsName() {
    Mailbox mailbox = new InboundConfiguration().configuredMailbox(properties(true, "imap.example.com", "support",
        "s3cret-pass"));

    assertThat(mailbox.configured()).isTrue();
    assertThat(mailbox.toString()).doesNotContain("s3cret-pass");
    assertThat(mailbox.sessionProperties()).containsEntry("mail.imaps.peek", "true");
  }

  @Test
  void withOAuth2_noPasswordIsNeeded_butAClientIdIs() {
    InboundProperties oauth2 = new InboundProperties(true, Duration.ofSeconds(30), "outlook.office365.com", 993, true,
        false, null, null, "support@example.com", null, "INBOX", 5, DataSize.ofMegabytes(10), DataSize.ofMegabytes(25),
        true, new OAuth2Settings("https://login.example.com/token", " ", null, "refresh", null));

    assertThat(oauth2.missing()).containsExactly("followthrough.inbound.oauth2.client-id (FOLLOWTHROUGH_IMAP_OAUTH2_CLIENT_ID)");
    assertThat(new Mailbox("h", 993, true, "u", null, "INBOX", false, null, null,
        new OAuth2Tokens(oauth2.oauth2(), java.time.Clock.systemUTC())).sessionProperties())
        .containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
  }

  @Test
  void starttls_isRequired_whenAskedFor() {
    Mailbox mailbox = new Mailbox("imap.example.com", 143, false, "support", "pw", "INBOX", true, null, null);

    assertThat(mailbox.sessionProperties()).containsEntry("mail.imap.starttls.enable", "true")
        .containsEntry("mail.imap.starttls.required", "true");
  }

  @Test
  void aTrustStoreThatCannotBeRead_isReportedAtStartUp() {
    assertThatThrownBy(() -> new Mailbox("imap.example.com", 993, true, "support", "pw", "INBOX", false,
        "/nonexistent/truststore.p12", "changeit").sessionProperties())
        .hasMessageContaining("followthrough.inbound.trust-store");
  }

  private static InboundProperties properties(boolean polling, String host, String user, String password) {
    return new InboundProperties(polling, Duration.ofSeconds(30), host, 993, true, false, null, null, user, password,
        "INBOX", 5, DataSize.ofMegabytes(10), DataSize.ofMegabytes(25), true, null);
  }
}
