package dev.followthrough.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer's reply, as {@code POST /api/cases/{caseNumber}/replies} takes it. */
public record CustomerReply(
    @Size(max = 320) String from,
    @Size(max = 1000) String subject,
    @NotBlank @Size(max = 100000) String body) {}
