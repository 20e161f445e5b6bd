package dev.followthrough.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code followthrough.inbound.oauth2.*} and {@code followthrough.smtp.oauth2.*}: XOAUTH2 login
 * with tokens from the provider's token endpoint, with the refresh token when given, else as the
 * client itself (client credentials). Configured when the token endpoint is set.
 */
public record OAuth2Settings(String tokenUri, String clientId, String clientSecret, String refreshToken, String scope) {

  public boolean configured() {
    return tokenUri != null && !tokenUri.isBlank();
  }

  /**
   * What the login needs and is not set, by property and environment variable.
   *
   * @param property where these settings are bound, e.g. {@code followthrough.smtp.oauth2}
   * @param variable the prefix of their environment variables, e.g. {@code FOLLOWTHROUGH_SMTP_OAUTH2}
   */
  public List<String> missing(String property, String variable) {
    List<String> missing = new ArrayList<>();
    if (clientId == null || clientId.isBlank()) {
      missing.add(property + ".client-id (" + variable + "_CLIENT_ID)");
    }
    return missing;
  }
}
