package dev.followthrough.engineers;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.engineers.<user id>.*}: the engineers' profiles, keyed by their Tasklist
 * user id, so nobody retypes a signature per case.
 */
@Validated
@ConfigurationProperties("followthrough")
public record EngineerDirectory(@DefaultValue({}) Map<String, @Valid EngineerProfile> engineers) {

  public Optional<EngineerProfile> find(String userId) {
    return Optional.ofNullable(userId).map(engineers::get);
  }

  public EngineerProfile get(String userId) {
    return find(userId).orElseThrow(() -> new IllegalStateException(
        "No profile for engineer '" + userId + "' under followthrough.engineers"));
  }

  public Set<String> userIds() {
    return engineers.keySet();
  }
}
