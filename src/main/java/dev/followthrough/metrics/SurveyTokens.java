package dev.followthrough.metrics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The survey's tokens: the case number and the process instance whose LQR carries the survey,
 * signed with HMAC-SHA256. Only we can make one; each is answered once (the answers' primary key).
 * No login is needed, and nothing in the token is secret but its signature.
 */
@Component
public class SurveyTokens {

  public static final int LOWEST_RATING = 1;
  public static final int HIGHEST_RATING = 5;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** What a valid token names. */
  public record Survey(String caseNumber, String processInstanceId) {}

  /** A rating link of the LQR: {@code rating} of {@code LOWEST_RATING..HIGHEST_RATING}. */
  public record Link(int rating, String url) {}

  private final byte[] secret;
  private final String publicUrl;

  /** Without a secret and an address (possible in tests only: production refuses to start) the LQR has no survey. */
  public SurveyTokens(SurveyProperties properties) {
    this.secret = properties.enabled() ? properties.secret().getBytes(StandardCharsets.UTF_8) : null;
    this.publicUrl = properties.publicUrl();
  }

  public String tokenFor(Survey survey) {
    if (secret == null) {
      throw new IllegalStateException("The survey has no secret (followthrough.survey.secret)");
    }
    String payload = survey.caseNumber() + "/" + survey.processInstanceId();
    return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The links to put in the LQR, one per rating; none when the survey is not configured. */
  public List<Link> links(Survey survey) {
    if (secret == null) {
      return List.of();
    }
    String base = publicUrl.replaceAll("/+$", "") + "/survey/" + tokenFor(survey) + "?rating=";
    return IntStream.rangeClosed(LOWEST_RATING, HIGHEST_RATING).mapToObj(rating -> new Link(rating, base + rating)).toList();
  }

  /** The survey a token names, when we signed it; empty for anything else. */
  public Optional<Survey> verify(String token) {
    if (secret == null || token == null || token.length() > 400) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      int slash = payload.indexOf('/');
      if (slash <= 0 || slash == payload.length() - 1 || !MessageDigest.isEqual(sign(payload), signature)) {
        return Optional.empty();
      }
      return Optional.of(new Survey(payload.substring(0, slash), payload.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(("followthrough-survey:" + payload).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
