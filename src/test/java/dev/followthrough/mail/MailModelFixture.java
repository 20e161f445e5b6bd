package dev.followthrough.mail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Models for the mail template tests: mutable nested maps, so tests can remove or change values. */
final class MailModelFixture {

  static final String CASE_NUMBER = "2611250000042";
  static final String CUSTOMER_NAME = "Riley Customer";
  static final String MANAGER_NAME = "Pat Lead";
  static final String MANAGER_EMAIL = "pat.lead@followthrough.example";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Dates go into the model as dates; each template writes them in its language (MailDates). */
  static final ZonedDateTime NEXT_UPDATE = ZonedDateTime.of(2026, 11, 27, 14, 0, 0, 0, BERLIN);
  static final LocalDate CLOSING_DATE = LocalDate.of(2026, 12, 14);
  static final LocalDate PREVIOUS_EMAIL_DATE = LocalDate.of(2026, 12, 1);
  static final LocalDate CUSTOMER_DATE = LocalDate.of(2026, 11, 27);
  static final ZonedDateTime UPDATE_DUE = ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, BERLIN);
  /** The same dates as the English templates write them. */
  static final String NEXT_UPDATE_EN = "Friday, 27 November 2026 at 14:00 CET";
  static final String CLOSING_DATE_EN = "Monday, 14 December 2026";
  static final String PREVIOUS_EMAIL_DATE_EN = "Tuesday, 1 December 2026";
  static final String CUSTOMER_DATE_EN = "Friday, 27 November 2026";
  static final String UPDATE_DUE_EN = "Thursday, 26 November 2026 at 10:00 CET";
  static final String REASON = "Waited two weeks for a workaround";

  private MailModelFixture() {}

  /** Required values only: no optional top-level values, no TAM. */
  static Map<String, Object> minimal() {
    Map<String, Object> caseData = new LinkedHashMap<>();
    caseData.put("number", CASE_NUMBER);
    caseData.put("title", "Login page returns error 500");
    caseData.put("problemDescription", "After the upgrade every login fails with HTTP 500.");
    caseData.put("severity", "A");
    caseData.put("product", "Identity Gateway");

    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", CUSTOMER_NAME);
    customer.put("email", "riley@customer.example");
    customer.put("premier", Boolean.FALSE);

    Map<String, Object> engineer = new LinkedHashMap<>();
    engineer.put("name", "Casey Engineer");
    engineer.put("email", "casey@followthrough.example");
    engineer.put("title", "Senior Support Engineer");
    engineer.put("team", "Identity");
    engineer.put("phone", "+44 20 7946 0000");
    engineer.put("workingHours", "Mon-Fri 08:00-16:00 GMT");
    engineer.put("managerName", MANAGER_NAME);
    engineer.put("managerEmail", MANAGER_EMAIL);

    Map<String, Object> organisation = new LinkedHashMap<>();
    organisation.put("name", "Followthrough Support");

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("case", caseData);
    model.put("customer", customer);
    model.put("engineer", engineer);
    model.put("organisation", organisation);
    // the LQR's survey (R10): one link per rating, as TemplateModels makes them
    model.put("survey", Map.of("lowest", 1, "highest", 5, "links", java.util.stream.IntStream.rangeClosed(1, 5)
        .mapToObj(rating -> Map.<String, Object>of("rating", rating, "url", SURVEY_URL + rating)).toList()));
    return model;
  }

  static final String SURVEY_URL = "https://support.followthrough.example/survey/signed-token?rating=";

  /** Every value, optional ones included, premier customer with a TAM. */
  static Map<String, Object> full() {
    Map<String, Object> model = minimal();
    Map<String, Object> customer = nested(model, "customer");
    customer.put("premier", Boolean.TRUE);
    customer.put("tamName", "Taylor Account");
    customer.put("tamEmail", "taylor.account@followthrough.example");
    model.put("nextUpdate", NEXT_UPDATE);
    model.put("customerDate", CUSTOMER_DATE);
    model.put("previousEmailDate", PREVIOUS_EMAIL_DATE);
    model.put("closingDate", CLOSING_DATE);
    model.put("followUpNumber", 2);
    model.put("followUpCount", 3);
    model.put("callOutcome", "VOICEMAIL");
    model.put("dissatisfactionReason", REASON);
    model.put("updateDue", UPDATE_DUE);
    return model;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> nested(Map<String, Object> model, String key) {
    return (Map<String, Object>) model.get(key);
  }
}
