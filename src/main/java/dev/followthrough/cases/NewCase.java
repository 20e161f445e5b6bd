package dev.followthrough.cases;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to open a case, from {@code POST /api/cases} or the Tasklist start form. Both are
 * checked by {@link CaseValidation}; field names are the process variables' names. Each size is
 * the one its column holds ({@code ft_case}, or the engine's 4,000-character variable column); the
 * problem description is kept whole in {@code ft_case} and its process variable is a preview.
 */
public record NewCase(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
        message = "may contain letters, digits, '.', '_' and '-' only") String caseNumber,
    @NotBlank @Size(max = 500) String caseTitle,
    @NotBlank @Size(max = 20000) @MultiLine String problemDescription,
    @NotNull Severity severity,
    @Size(max = 200) String product,
    @NotBlank @Size(max = 200) String customerName,
    @NotBlank @Email @Size(max = 320) String customerEmail,
    @Size(max = 40) String customerPhone,
    @NotBlank @Size(max = 64) String customerTimeZone,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as DE or US")
        String customerCountry,
    @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be a region code such as by or ny")
        String customerRegion,
    @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT")
        String customerLanguage,
    @NotNull Channel preferredChannel,
    @NotNull Tier customerTier,
    @Size(max = 200) String tamName,
    @Email @Size(max = 320) String tamEmail,
    @NotBlank @Size(max = 64) String engineerId) {}
