package dev.followthrough.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens for the XOAUTH2 login to the mail servers, IMAP and SMTP (Microsoft 365 and Gmail
 * take no passwords for either): fetched from the provider's token endpoint with the refresh token (or, without one, as the
 * client itself: client credentials), kept until a minute before they expire, then fetched again.
 * The tokens and secrets are never logged.
 */
public class OAuth2Tokens {

  /** How long before its expiry a token is replaced. */
  public static final Duration EARLY = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OAuth2Settings settings;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String token;
  private Instant renewAt = Instant.MIN;

  public OAuth2Tokens(OAuth2Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** A token valid for at least {@link #EARLY} more. */
  public synchronized String accessToken() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  private void fetch() {
    Map<String, String> form = new LinkedHashMap<>();
    if (settings.refreshToken() != null && !settings.refreshToken().isBlank()) {
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", settings.refreshToken());
    } else {
      form.put("grant_type", "client_credentials");
    }
    form.put("client_id", settings.clientId());
    if (settings.clientSecret() != null && !settings.clientSecret().isBlank()) {
      form.put("client_secret", settings.clientSecret());
    }
    if (settings.scope() != null && !settings.scope().isBlank()) {
      form.put("scope", settings.scope());
    }
    String body = form.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    Instant asked = clock.instant();
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUri()))
              .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
      if (answer == null || !answer.hasNonNull("access_token")) {
        throw new IllegalStateException("The token endpoint " + settings.tokenUri() + " answered " + response.statusCode()
            + " without an access token");
      }
      token = answer.get("access_token").asText();
      long lifetime = answer.path("expires_in").asLong(3600);
      renewAt = asked.plusSeconds(lifetime).minus(EARLY);
    } catch (IOException e) {
      throw new IllegalStateException("The token endpoint " + settings.tokenUri() + " cannot be reached: "
          + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching an access token", e);
    }
  }
}
