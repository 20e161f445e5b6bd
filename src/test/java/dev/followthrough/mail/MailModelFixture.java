package dev.followthrough.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/** Models for {@link MailTemplatesTest}: mutable nested maps, so tests can remove or change values. */
final class MailModelFixture {

  static final String CASE_NUMBER = "2611250000042";
  static final String CUSTOMER_NAME = "Riley Customer";
  static final String MANAGER_NAME = "Pat Lead";
  static final String MANAGER_EMAIL = "pat.lead@followthrough.example";
  static final String NEXT_UPDATE = "Thursday, 27 November 2026 at 14:00 CET";
  static final String CLOSING_DATE = "Monday, 14 December 2026";
  static final String PREVIOUS_EMAIL_DATE = "Tuesday, 1 December 2026";
  static final String CUSTOMER_DATE = "Friday, 28 November 2026";
  static final String UPDATE_DUE = "Wednesday, 26 November 2026 at 10:00 CET";
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
    return model;
  }

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
