package dev.followthrough.engineers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;

/**
 * An engineer as the signature (R22), the routing of internal emails and their reminders need
 * them. {@code country} (optional) adds that country's public holidays to their working days.
 */
public record EngineerProfile(
    @NotBlank String name,
    @NotBlank @Email String email,
    @NotBlank String title,
    @NotBlank String team,
    String phone,
    @NotBlank String workingHours,
    @NotNull ZoneId timeZone,
    @NotBlank String managerName,
    @NotBlank @Email String managerEmail,
    @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as DE") String country) {}
