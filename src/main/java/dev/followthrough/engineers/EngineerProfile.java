package dev.followthrough.engineers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;

/** An engineer as the signature (R22) and the routing of internal emails need them. */
public record EngineerProfile(
    @NotBlank String name,
    @NotBlank @Email String email,
    @NotBlank String title,
    @NotBlank String team,
    String phone,
    @NotBlank String workingHours,
    @NotNull ZoneId timeZone,
    @NotBlank String managerName,
    @NotBlank @Email String managerEmail) {}
