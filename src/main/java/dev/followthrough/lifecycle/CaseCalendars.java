package dev.followthrough.lifecycle;

import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_AWAY_UNTIL;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_COUNTRY;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_REGION;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_TIME_ZONE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.CUSTOMER_FOLLOW_UP_DATE;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.ENGINEER_ID;
import static dev.followthrough.lifecycle.CaseCommunicationProcess.NEXT_UPDATE_AT;

import dev.followthrough.calendar.BusinessCalendar;
import dev.followthrough.calendar.CalendarProperties;
import dev.followthrough.calendar.CustomerCalendars;
import dev.followthrough.engineers.EngineerDirectory;
import dev.followthrough.mail.MailDates;
import dev.followthrough.mail.MailTemplates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A case's calendars and dates the way people meant them: the customer's business days and hours
 * in the customer's zone (their country's holidays), the engineer's in the engineer's zone, the
 * customer's dates read in their zone, the engineer's promises in the engineer's.
 */
@Component
public class CaseCalendars {

  private final CalendarProperties calendar;
  private final CustomerCalendars calendars;
  private final EngineerDirectory engineers;

  CaseCalendars(CalendarProperties calendar, CustomerCalendars calendars, EngineerDirectory engineers) {
    this.calendar = calendar;
    this.calendars = calendars;
    this.engineers = engineers;
  }

  /** The customer's business days and hours: their country's (and region's) holidays. */
  public BusinessCalendar customerCalendar(VariableScope scope) {
    return calendars.forCustomer(CUSTOMER_COUNTRY.find(scope).orElse(null), CUSTOMER_REGION.find(scope).orElse(null));
  }

  /**
   * The engineer's working days and hours, in the engineer's zone: the organisation's calendar, with
   * the public holidays of the engineer's country when their profile names one.
   */
  public BusinessCalendar engineerCalendar(VariableScope scope) {
    return ENGINEER_ID.find(scope).flatMap(engineers::find).map(profile -> profile.country())
        .map(country -> calendars.forCustomer(country, null))
        .orElseGet(calendars::organisation);
  }

  /** The customer is back from an absence (R9): follow-ups wait until then. */
  public Optional<Instant> customerBackAt(VariableScope scope) {
    return CUSTOMER_AWAY_UNTIL.find(scope)
        .map(date -> customerOpeningOn(scope, parseDate(CUSTOMER_AWAY_UNTIL.name(), date)));
  }

  /** The date the customer said they would come back: when their business hours open that day. */
  public Optional<Instant> customerDate(VariableScope scope) {
    return CUSTOMER_FOLLOW_UP_DATE.find(scope)
        .map(value -> customerOpeningOn(scope, parseDate(CUSTOMER_FOLLOW_UP_DATE.name(), value)));
  }

  /** {@code moment} when the customer's business hours are open then, otherwise their next opening (R14). */
  public Instant customerNextOpening(VariableScope scope, Instant moment) {
    return customerCalendar(scope).nextOpening(moment, customerZone(scope));
  }

  /** The first opening of the customer's business hours on {@code date}, or after it when it is not a business day. */
  private Instant customerOpeningOn(VariableScope scope, LocalDate date) {
    return customerNextOpening(scope, date.atStartOfDay(customerZone(scope)).toInstant());
  }

  public ZoneId customerZone(VariableScope scope) {
    return CUSTOMER_TIME_ZONE.find(scope).map(ZoneId::of).orElse(calendar.defaultTimeZone());
  }

  public ZoneId engineerZone(VariableScope scope) {
    return ENGINEER_ID.find(scope).flatMap(engineers::find).map(profile -> profile.timeZone())
        .orElse(calendar.defaultTimeZone());
  }

  /** The update the engineer promised, a local date-time in the engineer's zone. */
  public Optional<Instant> promisedUpdate(VariableScope scope) {
    return NEXT_UPDATE_AT.find(scope).map(value -> parseDateTime(NEXT_UPDATE_AT.name(), value).atZone(engineerZone(scope)).toInstant());
  }

  /** For the engineer: the engineer's zone, in the organisation's language (emails format their own dates). */
  public String formatForEngineer(VariableScope scope, Instant instant) {
    return MailDates.dateTime(instant.atZone(engineerZone(scope)), Locale.forLanguageTag(MailTemplates.ORGANISATION_LANGUAGE));
  }

  static LocalDateTime parseDateTime(String field, String value) {
    try {
      return LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value);
    } catch (DateTimeParseException e) {
      throw new dev.followthrough.cases.InvalidInput(java.util.Map.of(field, "must be a date and time such as 2026-11-27T14:00"));
    }
  }

  static LocalDate parseDate(String field, String value) {
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new dev.followthrough.cases.InvalidInput(java.util.Map.of(field, "must be a date such as 2026-11-27"));
    }
  }
}
