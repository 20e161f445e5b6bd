package dev.followthrough.metrics;

import java.util.List;

/** What every figure means, served with the numbers and written in the README ("Metrics"). */
public final class MetricDefinitions {

  public record Definition(String figure, String name, String definition) {}

  public static final List<Definition> ALL = List.of(
      new Definition("firstContactResolutions", "First Contact Resolution (FCR)",
          "A closed case is FCR when all of these hold: it closed as resolved by us with the customer's recorded "
              + "approval (R12); the standing chosen with the first contact (the FQR and the status email that "
              + "follows it) was 'resolution provided'; no further engineer email or call went to the customer "
              + "before they confirmed; it was not reopened within the reopen window. Unresponsive closures and "
              + "cases the customer resolved themselves are never FCR."),
      new Definition("fcrRate", "FCR rate (all closed)",
          "FCR cases / all cases closed in the range, unresponsive closures and customer-resolved cases included."),
      new Definition("fcrRateOfApproved", "FCR rate (closed with approval)",
          "FCR cases / cases closed with the customer's recorded approval (resolved by us or by the customer); "
              + "unresponsive closures left out."),
      new Definition("firstResponseMedianBusinessHours", "First-response time",
          "From opening to the First Quality Response, counted in the hours the first-response target counts: the "
              + "customer's business hours on their business days (severity A around the clock). Median and 90th "
              + "percentile."),
      new Definition("firstResponseTargetHitRate", "First-response target hit rate",
          "Cases whose FQR went before the target of their severity / cases with an FQR."),
      new Definition("firstResponseDistribution", "First-response time distribution",
          "Cases by first-response time in business hours: under 1, 1-2, 2-4, 4-8, 8-24, 24 and more."),
      new Definition("followUpsPerCase", "Follow-ups per case",
          "Reminders, solution check-ins, daily follow-ups, TAM outreach and strikes sent / closed cases."),
      new Definition("strikesFunnel", "Strikes funnel",
          "Closed cases by the highest strike they reached: 0, 1, 2, 3 (a reply resets the strikes, the highest stays)."),
      new Definition("unresponsiveClosureRate", "Unresponsive-closure rate",
          "Cases closed by the unresponsive path (R11) / closed cases."),
      new Definition("resolutionMedianHours", "Time to resolution",
          "From opening to closing, median: on the calendar, and in the customer's business hours."),
      new Definition("reopenRate", "Reopen rate",
          "Closed cases that a reply within the reopen window reopened at least once / closed cases."),
      new Definition("dissatisfiedRate", "Dissatisfied rate",
          "Closed cases flagged dissatisfied (by an engineer, or by a low survey rating) / closed cases."),
      new Definition("satisfactionAverage", "Customer satisfaction",
          "The LQR's survey, rated 1 (poor) to 5 (excellent): the average rating, and the share of 4 and 5 among "
              + "answers. Unresponsive closures get no survey."),
      new Definition("range", "Range and segments",
          "Cases closed from 'from' to 'to' (days in UTC, both included). Segments: severity, tier, engineer, team "
              + "(from the engineer's profile when the case closed), product, week (the Monday, UTC, of the week it closed)."));

  private MetricDefinitions() {}
}
