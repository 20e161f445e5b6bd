package dev.followthrough.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LQR's survey (R10): links signed with {@code secret} (FOLLOWTHROUGH_SURVEY_SECRET, required
 * outside the local profile) on {@code publicUrl} (FOLLOWTHROUGH_PUBLIC_URL), the address customers
 * reach the application at. A rating at or below {@code dissatisfiedAtOrBelow} opens the
 * dissatisfied-customer path (R15).
 */
@Validated
@ConfigurationProperties("followthrough.survey")
public record SurveyProperties(String secret, String publicUrl,
                               @DefaultValue("2") @Min(1) @Max(5) int dissatisfiedAtOrBelow) {

  public static final int MINIMUM_SECRET_LENGTH = 32;

  public boolean enabled() {
    return secret != null && !secret.isBlank() && publicUrl != null && !publicUrl.isBlank();
  }
}
