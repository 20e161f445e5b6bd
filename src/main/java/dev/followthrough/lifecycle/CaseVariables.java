package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_NUMBER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CASE_TITLE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_COUNTRY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_LANGUAGE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_NAME;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_PHONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_REGION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIER;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIME_ZONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.ENGINEER_ID;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PREFERRED_CHANNEL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PROBLEM_DESCRIPTION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.PRODUCT;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.SEVERITY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.TAM_EMAIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.TAM_NAME;

import dev.followthrough.cases.NewCase;
import java.util.HashMap;
import java.util.Map;

/**
 * A new case as the process variables the lifecycle starts with (optional ones explicitly empty);
 * the problem description as its preview (the whole text goes to {@code ft_case}).
 */
public final class CaseVariables {

  private CaseVariables() {}

  public static Map<String, Object> of(NewCase c) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_NUMBER.name(), c.caseNumber());
    variables.put(CASE_TITLE.name(), c.caseTitle());
    variables.put(PROBLEM_DESCRIPTION.name(), PROBLEM_DESCRIPTION.toStored(c.problemDescription()));
    variables.put(SEVERITY.name(), SEVERITY.toStored(c.severity()));
    variables.put(PRODUCT.name(), c.product());
    variables.put(CUSTOMER_NAME.name(), c.customerName());
    variables.put(CUSTOMER_EMAIL.name(), c.customerEmail());
    variables.put(CUSTOMER_PHONE.name(), c.customerPhone());
    variables.put(CUSTOMER_TIME_ZONE.name(), c.customerTimeZone());
    variables.put(CUSTOMER_COUNTRY.name(), c.customerCountry());
    variables.put(CUSTOMER_REGION.name(), c.customerRegion());
    variables.put(CUSTOMER_LANGUAGE.name(), c.customerLanguage() == null ? "en" : c.customerLanguage());
    variables.put(PREFERRED_CHANNEL.name(), PREFERRED_CHANNEL.toStored(c.preferredChannel()));
    variables.put(CUSTOMER_TIER.name(), CUSTOMER_TIER.toStored(c.customerTier()));
    variables.put(TAM_NAME.name(), c.tamName());
    variables.put(TAM_EMAIL.name(), c.tamEmail());
    variables.put(ENGINEER_ID.name(), c.engineerId());
    return variables;
  }
}
