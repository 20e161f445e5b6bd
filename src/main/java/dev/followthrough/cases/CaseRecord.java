package dev.followthrough.cases;

import java.time.Instant;

/** A row of {@code ft_case}: the case's facts as of now. */
public record CaseRecord(
    String caseNumber,
    String processInstanceId,
    String title,
    Severity severity,
    String customerName,
    String customerEmail,
    Tier customerTier,
    String engineerId,
    Instant openedAt,
    boolean open,
    String standing,
    Instant firstResponseAt,
    String firstResponseChannel,
    Instant lastSuccessfulContactAt,
    int strikesReached,
    Instant closedAt,
    ClosureReason closureReason,
    String approvalBy,
    Instant approvalAt,
    Channel approvalChannel,
    boolean dissatisfied,
    boolean firstResponseTargetMissed) {}
