package dev.followthrough.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The customer's calendar as the contact window (R14), the two-week rule (R13) and the
 * first-response targets (R17) use it: real public holidays from Jollyday for the customer's
 * country and region, the configured weekend, business hours and company holidays, in the
 * customer's own time zone. (Pure day arithmetic with hand-made holiday sets is in
 * {@link BusinessCalendarTest}.)
 *
 * <p>Every expected answer is written out by hand from the real 2026 calendars, never computed by
 * the code under test. Every moment is written with its offset: a guard checks that the offset is
 * the zone's offset at that instant (so the local time is the one meant) and that the weekday
 * column matches the local date.
 *
 * <p>Calendars: {@code CC} or {@code CC/region} is {@link CustomerCalendars#forCustomer}, the
 * region as Jollyday names it ({@code by} Bavaria, {@code be} Berlin, {@code eng} England,
 * {@code sct} Scotland, {@code ny} New York, {@code nsw} New South Wales, {@code auk} Auckland);
 * {@code ORG} is {@link CustomerCalendars#organisation()}; {@code 24x7} is
 * {@link BusinessCalendar#aroundTheClock()}; a {@code company:} prefix uses the configuration
 * with company holidays (Fri 15 May 2026, the bridge day after Ascension; Thu 24 Dec; Thu 31 Dec).
 * The configuration: Saturday + Sunday weekend, 09:00-17:00; SA works Sunday to Thursday
 * (weekend FRIDAY + SATURDAY); ES works 08:00-15:00.
 *
 * <p>DST in 2026: Europe 29 Mar / 25 Oct; North America 8 Mar / 1 Nov; Australia/Sydney ends
 * 5 Apr and starts 4 Oct; Pacific/Auckland ends 5 Apr and starts 27 Sep. Pacific/Honolulu
 * (UTC-10), Pacific/Pago_Pago (UTC-11), Pacific/Kiritimati (UTC+14), Asia/Riyadh have none.
 */
class CustomerCalendarTest {

  private static final List<LocalDate> COMPANY_HOLIDAYS =
      List.of(LocalDate.parse("2026-05-15"), LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-31"));

  private static final Calendars CALENDARS = Calendars.fresh();

  // ---------------------------------------------------------------------------------------------
  // The contact window: isOpen and nextOpening ("itself" = open, the moment is the opening)

  static final String CONTACT_WINDOW =
      """
      # calendar, zone, moment, day, open/closed, next opening, why

      # A plain week in Germany
      DE, Europe/Berlin, 2026-03-04T08:59+01:00, Wed, closed, 2026-03-04T09:00+01:00, 'before opening'
      DE, Europe/Berlin, 2026-03-04T09:00+01:00, Wed, open, itself, 'at opening'
      DE, Europe/Berlin, 2026-03-04T12:30+01:00, Wed, open, itself, 'midday'
      DE, Europe/Berlin, 2026-03-04T16:59+01:00, Wed, open, itself, 'at 16:59'
      DE, Europe/Berlin, 2026-03-04T16:59:59+01:00, Wed, open, itself, 'the last second'
      DE, Europe/Berlin, 2026-03-04T17:00+01:00, Wed, closed, 2026-03-05T09:00+01:00, 'at 17:00 closed'
      DE, Europe/Berlin, 2026-03-04T23:30+01:00, Wed, closed, 2026-03-05T09:00+01:00, 'late evening'
      DE, Europe/Berlin, 2026-03-05T00:00+01:00, Thu, closed, 2026-03-05T09:00+01:00, 'midnight'
      DE, Europe/Berlin, 2026-03-05T03:00+01:00, Thu, closed, 2026-03-05T09:00+01:00, 'middle of the night'
      DE, Europe/Berlin, 2026-03-06T16:30+01:00, Fri, open, itself, 'Friday afternoon'
      DE, Europe/Berlin, 2026-03-06T17:00+01:00, Fri, closed, 2026-03-09T09:00+01:00, 'Friday closing waits for Monday'
      DE, Europe/Berlin, 2026-03-07T12:00+01:00, Sat, closed, 2026-03-09T09:00+01:00, 'Saturday'
      DE, Europe/Berlin, 2026-03-08T23:59+01:00, Sun, closed, 2026-03-09T09:00+01:00, 'Sunday night'
      DE, Europe/Berlin, 2026-03-09T06:00+01:00, Mon, closed, 2026-03-09T09:00+01:00, 'Monday early'

      # Germany: Easter (Good Friday and Easter Monday), Labour Day, Ascension + bridge day, Whit Monday
      DE, Europe/Berlin, 2026-04-02T16:59+02:00, Thu, open, itself, 'Maundy Thursday is a business day'
      DE, Europe/Berlin, 2026-04-02T17:00+02:00, Thu, closed, 2026-04-07T09:00+02:00, 'Good Friday to Easter Monday'
      DE, Europe/Berlin, 2026-04-03T10:00+02:00, Fri, closed, 2026-04-07T09:00+02:00, 'Good Friday: a holiday on a Friday'
      DE, Europe/Berlin, 2026-04-04T10:00+02:00, Sat, closed, 2026-04-07T09:00+02:00, 'Easter Saturday'
      DE, Europe/Berlin, 2026-04-06T09:00+02:00, Mon, closed, 2026-04-07T09:00+02:00, 'Easter Monday: a holiday on a Monday'
      DE, Europe/Berlin, 2026-04-06T23:00+02:00, Mon, closed, 2026-04-07T09:00+02:00, 'Easter Monday night'
      DE, Europe/Berlin, 2026-04-07T08:00+02:00, Tue, closed, 2026-04-07T09:00+02:00, 'Tuesday after Easter early'
      DE, Europe/Berlin, 2026-04-07T09:00+02:00, Tue, open, itself, 'Tuesday after Easter at opening'
      DE, Europe/Berlin, 2026-04-30T17:30+02:00, Thu, closed, 2026-05-04T09:00+02:00, 'Labour Day on a Friday'
      DE, Europe/Berlin, 2026-05-01T11:00+02:00, Fri, closed, 2026-05-04T09:00+02:00, 'Labour Day'
      DE, Europe/Berlin, 2026-05-13T17:00+02:00, Wed, closed, 2026-05-15T09:00+02:00, 'Ascension skipped; the bridge day is a business day'
      DE, Europe/Berlin, 2026-05-14T10:00+02:00, Thu, closed, 2026-05-15T09:00+02:00, 'Ascension Day'
      DE, Europe/Berlin, 2026-05-15T10:00+02:00, Fri, open, itself, 'bridge day after Ascension'
      DE/be, Europe/Berlin, 2026-05-15T10:00+02:00, Fri, open, itself, 'bridge day in Berlin'
      company:DE, Europe/Berlin, 2026-05-13T17:00+02:00, Wed, closed, 2026-05-18T09:00+02:00, 'Ascension then the company bridge day'
      company:DE, Europe/Berlin, 2026-05-15T10:00+02:00, Fri, closed, 2026-05-18T09:00+02:00, 'company holiday on the bridge day'
      company:DE/be, Europe/Berlin, 2026-05-14T12:00+02:00, Thu, closed, 2026-05-18T09:00+02:00, 'Ascension then the company bridge day'
      DE, Europe/Berlin, 2026-05-22T17:00+02:00, Fri, closed, 2026-05-26T09:00+02:00, 'Whit Monday ahead'
      DE, Europe/Berlin, 2026-05-24T12:00+02:00, Sun, closed, 2026-05-26T09:00+02:00, 'Whit Sunday'
      DE, Europe/Berlin, 2026-05-25T09:30+02:00, Mon, closed, 2026-05-26T09:00+02:00, 'Whit Monday'
      DE, Europe/Berlin, 2026-10-02T17:00+02:00, Fri, closed, 2026-10-05T09:00+02:00, 'Unity Day on a Saturday: no substitute Monday'

      # Germany by region: Bavaria keeps Epiphany and Corpus Christi, Berlin works; Berlin keeps Womens Day
      DE/by, Europe/Berlin, 2026-01-05T17:00+01:00, Mon, closed, 2026-01-07T09:00+01:00, 'Epiphany in Bavaria ahead'
      DE/by, Europe/Berlin, 2026-01-06T10:00+01:00, Tue, closed, 2026-01-07T09:00+01:00, 'Epiphany in Bavaria'
      DE/be, Europe/Berlin, 2026-01-05T17:00+01:00, Mon, closed, 2026-01-06T09:00+01:00, 'Berlin works on Epiphany'
      DE/be, Europe/Berlin, 2026-01-06T10:00+01:00, Tue, open, itself, 'Epiphany is a business day in Berlin'
      DE, Europe/Berlin, 2026-01-06T10:00+01:00, Tue, open, itself, 'Epiphany is not a national holiday'
      DE/by, Europe/Berlin, 2026-06-03T17:00+02:00, Wed, closed, 2026-06-05T09:00+02:00, 'Corpus Christi in Bavaria; Friday bridge day open'
      DE/by, Europe/Berlin, 2026-06-04T12:00+02:00, Thu, closed, 2026-06-05T09:00+02:00, 'Corpus Christi in Bavaria'
      DE/by, Europe/Berlin, 2026-06-05T09:00+02:00, Fri, open, itself, 'bridge day after Corpus Christi'
      DE/be, Europe/Berlin, 2026-06-03T17:00+02:00, Wed, closed, 2026-06-04T09:00+02:00, 'Berlin works on Corpus Christi'
      DE/be, Europe/Berlin, 2026-06-04T12:00+02:00, Thu, open, itself, 'Corpus Christi is a business day in Berlin'
      DE/be, Europe/Berlin, 2027-03-05T17:00+01:00, Fri, closed, 2027-03-09T09:00+01:00, 'Womens Day Monday 2027 in Berlin'
      DE/by, Europe/Berlin, 2027-03-08T10:00+01:00, Mon, open, itself, 'Womens Day is not a holiday in Bavaria'

      # Germany: Christmas and New Year; company holidays on 24 and 31 December
      DE, Europe/Berlin, 2026-12-24T10:00+01:00, Thu, open, itself, 'Christmas Eve is not a public holiday'
      company:DE, Europe/Berlin, 2026-12-24T10:00+01:00, Thu, closed, 2026-12-28T09:00+01:00, 'Christmas Eve is a company holiday'
      DE, Europe/Berlin, 2026-12-24T17:00+01:00, Thu, closed, 2026-12-28T09:00+01:00, 'Christmas on Friday and Saturday'
      DE, Europe/Berlin, 2026-12-28T09:00+01:00, Mon, open, itself, 'no substitute for the 26th on a Saturday'
      DE, Europe/Berlin, 2026-12-31T12:00+01:00, Thu, open, itself, 'New Years Eve is not a public holiday'
      DE, Europe/Berlin, 2026-12-31T17:00+01:00, Thu, closed, 2027-01-04T09:00+01:00, 'New Year 2027 on a Friday'
      company:DE, Europe/Berlin, 2026-12-30T17:00+01:00, Wed, closed, 2027-01-04T09:00+01:00, 'company New Years Eve then New Year'

      # The organisation itself: the default weekend and hours and the company holidays only
      ORG, Europe/Berlin, 2026-04-03T10:00+02:00, Fri, open, itself, 'organisation: public holidays are not its own'
      company:ORG, Europe/Berlin, 2026-05-15T10:00+02:00, Fri, closed, 2026-05-18T09:00+02:00, 'organisation: company holiday'

      # United Kingdom: England (eng), Scotland (sct), Wales (wls), Northern Ireland (nir), or UK-wide
      GB/eng, Europe/London, 2025-12-31T17:00+00:00, Wed, closed, 2026-01-02T09:00+00:00, 'England: New Year only'
      GB/sct, Europe/London, 2025-12-31T17:00+00:00, Wed, closed, 2026-01-05T09:00+00:00, 'Scotland: 1 and 2 January'
      GB/eng, Europe/London, 2026-04-02T17:00+01:00, Thu, closed, 2026-04-07T09:00+01:00, 'England: Good Friday and Easter Monday'
      GB/eng, Europe/London, 2026-04-06T10:00+01:00, Mon, closed, 2026-04-07T09:00+01:00, 'Easter Monday in England'
      GB/wls, Europe/London, 2026-04-06T10:00+01:00, Mon, closed, 2026-04-07T09:00+01:00, 'Easter Monday in Wales'
      GB/sct, Europe/London, 2026-04-02T17:00+01:00, Thu, closed, 2026-04-06T09:00+01:00, 'Scotland: Good Friday only'
      GB/sct, Europe/London, 2026-04-06T10:00+01:00, Mon, open, itself, 'Scotland works on Easter Monday'
      GB, Europe/London, 2026-04-03T10:00+01:00, Fri, closed, 2026-04-06T09:00+01:00, 'UK-wide: Good Friday'
      GB, Europe/London, 2026-04-06T10:00+01:00, Mon, open, itself, 'UK-wide list: Easter Monday is not a bank holiday in Scotland'
      GB, Europe/London, 2026-05-01T10:00+01:00, Fri, open, itself, '1 May is not a UK bank holiday'
      GB, Europe/London, 2026-05-01T17:00+01:00, Fri, closed, 2026-05-05T09:00+01:00, 'Early May bank holiday on Monday 4 May'
      GB/eng, Europe/London, 2026-05-25T09:00+01:00, Mon, closed, 2026-05-26T09:00+01:00, 'Spring bank holiday'
      GB/eng, Europe/London, 2026-08-03T10:00+01:00, Mon, open, itself, 'the Scottish summer bank holiday: England works'
      GB/sct, Europe/London, 2026-08-03T10:00+01:00, Mon, closed, 2026-08-04T09:00+01:00, 'Summer bank holiday in Scotland'
      GB/eng, Europe/London, 2026-08-28T17:00+01:00, Fri, closed, 2026-09-01T09:00+01:00, 'Summer bank holiday in England'
      GB/sct, Europe/London, 2026-08-31T10:00+01:00, Mon, open, itself, 'Scotland works on the English summer bank holiday'
      GB/sct, Europe/London, 2026-11-30T10:00+00:00, Mon, closed, 2026-12-01T09:00+00:00, 'St Andrews Day in Scotland'
      GB/eng, Europe/London, 2026-11-30T10:00+00:00, Mon, open, itself, 'St Andrews Day: England works'
      GB/nir, Europe/London, 2026-03-17T10:00+00:00, Tue, closed, 2026-03-18T09:00+00:00, 'St Patricks Day in Northern Ireland'
      GB/nir, Europe/London, 2026-07-13T10:00+01:00, Mon, closed, 2026-07-14T09:00+01:00, 'Battle of the Boyne (Sunday 12th) on Monday'
      GB/eng, Europe/London, 2026-12-24T17:00+00:00, Thu, closed, 2026-12-29T09:00+00:00, 'Christmas Friday; Boxing Day Saturday moves to Monday'
      GB/eng, Europe/London, 2026-12-28T10:00+00:00, Mon, closed, 2026-12-29T09:00+00:00, 'Boxing Day substitute Monday'

      # United States: federal holidays; New York and California
      US, America/New_York, 2026-01-16T17:00-05:00, Fri, closed, 2026-01-20T09:00-05:00, 'Martin Luther King Day ahead'
      US, America/New_York, 2026-01-19T10:00-05:00, Mon, closed, 2026-01-20T09:00-05:00, 'Martin Luther King Day'
      US, America/New_York, 2026-02-16T10:00-05:00, Mon, closed, 2026-02-17T09:00-05:00, 'Presidents Day'
      US, America/Denver, 2026-02-13T17:00-07:00, Fri, closed, 2026-02-17T09:00-07:00, 'Presidents Day in Mountain time'
      US, America/New_York, 2026-05-22T17:00-04:00, Fri, closed, 2026-05-26T09:00-04:00, 'Memorial Day ahead'
      US, America/New_York, 2026-05-25T12:00-04:00, Mon, closed, 2026-05-26T09:00-04:00, 'Memorial Day'
      US, America/New_York, 2026-06-18T17:00-04:00, Thu, closed, 2026-06-22T09:00-04:00, 'Juneteenth on a Friday'
      US, America/New_York, 2026-07-02T17:00-04:00, Thu, closed, 2026-07-06T09:00-04:00, 'July 4 is a Saturday: observed Friday 3 July'
      US, America/New_York, 2026-07-03T10:00-04:00, Fri, closed, 2026-07-06T09:00-04:00, 'Independence Day observed'
      US, America/New_York, 2026-07-04T10:00-04:00, Sat, closed, 2026-07-06T09:00-04:00, 'Independence Day itself on a Saturday'
      US, America/New_York, 2026-07-06T09:00-04:00, Mon, open, itself, 'Monday after Independence Day'
      US, America/New_York, 2026-09-04T17:00-04:00, Fri, closed, 2026-09-08T09:00-04:00, 'Labor Day ahead'
      US, America/New_York, 2026-09-07T08:00-04:00, Mon, closed, 2026-09-08T09:00-04:00, 'Labor Day'
      US, America/Chicago, 2026-09-07T15:00-05:00, Mon, closed, 2026-09-08T09:00-05:00, 'Labor Day in Central time'
      US/ny, America/New_York, 2026-10-09T17:00-04:00, Fri, closed, 2026-10-13T09:00-04:00, 'Columbus Day is a New York state holiday'
      US/ny, America/New_York, 2026-10-12T10:00-04:00, Mon, closed, 2026-10-13T09:00-04:00, 'Columbus Day in New York'
      US, America/New_York, 2026-10-09T17:00-04:00, Fri, closed, 2026-10-12T09:00-04:00, 'Columbus Day without a state: business day'
      US, America/New_York, 2026-10-12T10:00-04:00, Mon, open, itself, 'Columbus Day without a state: business day'
      US, America/New_York, 2026-11-10T17:00-05:00, Tue, closed, 2026-11-12T09:00-05:00, 'Veterans Day on a Wednesday'
      US, America/New_York, 2026-11-25T17:00-05:00, Wed, closed, 2026-11-27T09:00-05:00, 'Thanksgiving; the Friday after is a business day'
      US, America/New_York, 2026-11-26T10:00-05:00, Thu, closed, 2026-11-27T09:00-05:00, 'Thanksgiving'
      US, America/New_York, 2026-11-27T10:00-05:00, Fri, open, itself, 'the Friday after Thanksgiving is not a public holiday'
      US/ny, America/New_York, 2026-11-27T10:00-05:00, Fri, open, itself, 'the Friday after Thanksgiving in New York'
      US/ca, America/Los_Angeles, 2026-11-25T17:00-08:00, Wed, closed, 2026-11-30T09:00-08:00, 'California: Thanksgiving and the day after'
      US/ca, America/Los_Angeles, 2026-11-27T10:00-08:00, Fri, closed, 2026-11-30T09:00-08:00, 'the day after Thanksgiving is a California state holiday'
      US, America/New_York, 2026-12-24T10:00-05:00, Thu, open, itself, 'Christmas Eve'
      US, America/New_York, 2026-12-24T17:00-05:00, Thu, closed, 2026-12-28T09:00-05:00, 'Christmas on a Friday'
      US, America/New_York, 2026-12-31T17:00-05:00, Thu, closed, 2027-01-04T09:00-05:00, 'New Year 2027 on a Friday'
      company:US, America/New_York, 2026-12-31T10:00-05:00, Thu, closed, 2027-01-04T09:00-05:00, 'company New Years Eve then New Year'

      # A country with its own weekend (SA: Friday + Saturday) and one with its own hours (ES: 08:00-15:00)
      SA, Asia/Riyadh, 2026-02-05T16:59+03:00, Thu, open, itself, 'Thursday is the last day of the week'
      SA, Asia/Riyadh, 2026-02-05T17:00+03:00, Thu, closed, 2026-02-08T09:00+03:00, 'weekend Friday and Saturday'
      SA, Asia/Riyadh, 2026-02-06T10:00+03:00, Fri, closed, 2026-02-08T09:00+03:00, 'Friday is the weekend'
      SA, Asia/Riyadh, 2026-02-07T10:00+03:00, Sat, closed, 2026-02-08T09:00+03:00, 'Saturday is the weekend'
      SA, Asia/Riyadh, 2026-02-08T08:00+03:00, Sun, closed, 2026-02-08T09:00+03:00, 'Sunday early'
      SA, Asia/Riyadh, 2026-02-08T09:00+03:00, Sun, open, itself, 'Sunday is a business day'
      SA, Asia/Riyadh, 2026-09-22T17:00+03:00, Tue, closed, 2026-09-24T09:00+03:00, 'National Day on Wednesday ahead'
      SA, Asia/Riyadh, 2026-09-23T10:00+03:00, Wed, closed, 2026-09-24T09:00+03:00, 'Saudi National Day'
      AE, Asia/Dubai, 2026-02-06T10:00+04:00, Fri, open, itself, 'UAE works Fridays since 2022: the default weekend'
      AE, Asia/Dubai, 2026-02-08T10:00+04:00, Sun, closed, 2026-02-09T09:00+04:00, 'UAE Sunday is the weekend'
      ES, Europe/Madrid, 2026-03-04T07:59+01:00, Wed, closed, 2026-03-04T08:00+01:00, 'Spanish hours: before 08:00'
      ES, Europe/Madrid, 2026-03-04T08:00+01:00, Wed, open, itself, 'Spanish hours: 08:00'
      ES, Europe/Madrid, 2026-03-04T14:59+01:00, Wed, open, itself, 'Spanish hours: 14:59'
      ES, Europe/Madrid, 2026-03-04T15:00+01:00, Wed, closed, 2026-03-05T08:00+01:00, 'Spanish hours: 15:00 closed'
      ES, Europe/Madrid, 2026-10-09T15:00+02:00, Fri, closed, 2026-10-13T08:00+02:00, 'Fiesta Nacional on Monday 12 October'

      # Europe, spring forward (Sun 29 Mar) and fall back (Sun 25 Oct)
      DE, Europe/Berlin, 2026-03-27T17:00+01:00, Fri, closed, 2026-03-30T09:00+02:00, 'spring forward weekend: 09:00 local after'
      DE, Europe/Berlin, 2026-03-28T23:00+01:00, Sat, closed, 2026-03-30T09:00+02:00, 'Saturday night before the switch'
      DE, Europe/Berlin, 2026-03-29T01:30+01:00, Sun, closed, 2026-03-30T09:00+02:00, 'just before the switch'
      DE, Europe/Berlin, 2026-03-29T03:30+02:00, Sun, closed, 2026-03-30T09:00+02:00, 'just after the switch'
      DE, Europe/Berlin, 2026-03-30T08:59+02:00, Mon, closed, 2026-03-30T09:00+02:00, 'Monday after the switch early'
      DE, Europe/Berlin, 2026-03-30T09:00+02:00, Mon, open, itself, 'Monday after the switch at opening'
      DE, Europe/Berlin, 2026-10-23T17:00+02:00, Fri, closed, 2026-10-26T09:00+01:00, 'fall back weekend: 09:00 local after'
      DE, Europe/Berlin, 2026-10-25T02:30+02:00, Sun, closed, 2026-10-26T09:00+01:00, 'the first 02:30'
      DE, Europe/Berlin, 2026-10-25T02:30+01:00, Sun, closed, 2026-10-26T09:00+01:00, 'the second 02:30'
      DE, Europe/Berlin, 2026-10-26T16:59+01:00, Mon, open, itself, 'Monday after fall back'
      GB, Europe/London, 2026-03-27T17:00+00:00, Fri, closed, 2026-03-30T09:00+01:00, 'London spring forward'
      GB, Europe/London, 2026-10-23T17:00+01:00, Fri, closed, 2026-10-26T09:00+00:00, 'London fall back'

      # North America, spring forward (Sun 8 Mar) and fall back (Sun 1 Nov)
      US, America/New_York, 2026-03-06T17:00-05:00, Fri, closed, 2026-03-09T09:00-04:00, 'spring forward weekend'
      US, America/New_York, 2026-03-08T01:30-05:00, Sun, closed, 2026-03-09T09:00-04:00, 'just before the switch'
      US, America/New_York, 2026-03-08T03:30-04:00, Sun, closed, 2026-03-09T09:00-04:00, 'just after the switch'
      US, America/New_York, 2026-03-09T08:59-04:00, Mon, closed, 2026-03-09T09:00-04:00, 'Monday after the switch early'
      US, America/New_York, 2026-10-30T17:00-04:00, Fri, closed, 2026-11-02T09:00-05:00, 'fall back weekend'
      US, America/New_York, 2026-11-01T01:30-04:00, Sun, closed, 2026-11-02T09:00-05:00, 'the first 01:30'
      US, America/New_York, 2026-11-01T01:30-05:00, Sun, closed, 2026-11-02T09:00-05:00, 'the second 01:30'
      US, America/New_York, 2026-11-02T09:00-05:00, Mon, open, itself, 'Monday after fall back'
      US, America/Los_Angeles, 2026-03-06T17:00-08:00, Fri, closed, 2026-03-09T09:00-07:00, 'Pacific spring forward'
      US, America/Los_Angeles, 2026-10-30T17:00-07:00, Fri, closed, 2026-11-02T09:00-08:00, 'Pacific fall back'
      US/ak, America/Anchorage, 2026-03-06T17:00-09:00, Fri, closed, 2026-03-09T09:00-08:00, 'Alaska spring forward'
      US/ak, America/Anchorage, 2026-10-30T17:00-08:00, Fri, closed, 2026-11-02T09:00-09:00, 'Alaska fall back'

      # Sydney: DST ends on Easter Sunday 5 Apr; starts Sun 4 Oct before Labour Day Monday
      AU/nsw, Australia/Sydney, 2026-04-02T17:00+11:00, Thu, closed, 2026-04-07T09:00+10:00, 'Easter and the end of DST'
      AU/nsw, Australia/Sydney, 2026-04-05T02:30+11:00, Sun, closed, 2026-04-07T09:00+10:00, 'the first 02:30'
      AU/nsw, Australia/Sydney, 2026-04-05T02:30+10:00, Sun, closed, 2026-04-07T09:00+10:00, 'the second 02:30'
      AU/nsw, Australia/Sydney, 2026-04-06T10:00+10:00, Mon, closed, 2026-04-07T09:00+10:00, 'Easter Monday'
      AU/nsw, Australia/Sydney, 2026-04-07T09:00+10:00, Tue, open, itself, 'Tuesday after Easter'
      AU/nsw, Australia/Sydney, 2026-10-02T17:00+10:00, Fri, closed, 2026-10-06T09:00+11:00, 'DST starts; Labour Day Monday'
      AU/nsw, Australia/Sydney, 2026-10-04T01:30+10:00, Sun, closed, 2026-10-06T09:00+11:00, 'just before the switch'
      AU/nsw, Australia/Sydney, 2026-10-04T03:30+11:00, Sun, closed, 2026-10-06T09:00+11:00, 'just after the switch'
      AU/nsw, Australia/Sydney, 2026-10-05T10:00+11:00, Mon, closed, 2026-10-06T09:00+11:00, 'Labour Day in New South Wales'
      AU/nsw, Australia/Sydney, 2026-04-24T17:00+10:00, Fri, closed, 2026-04-28T09:00+10:00, 'Anzac Day Saturday; NSW adds Monday 27 April 2026'
      AU/nsw, Australia/Sydney, 2026-04-27T10:00+10:00, Mon, closed, 2026-04-28T09:00+10:00, 'the additional Anzac Day Monday'
      AU/nsw, Australia/Sydney, 2026-06-05T17:00+10:00, Fri, closed, 2026-06-09T09:00+10:00, 'Kings Birthday Monday'
      AU/nsw, Australia/Sydney, 2026-12-24T17:00+11:00, Thu, closed, 2026-12-29T09:00+11:00, 'Christmas Friday; Boxing Day Saturday; additional Monday'

      # Auckland: DST ends Sun 5 Apr (Easter), starts Sun 27 Sep
      NZ, Pacific/Auckland, 2026-04-02T17:00+13:00, Thu, closed, 2026-04-07T09:00+12:00, 'Easter and the end of DST'
      NZ, Pacific/Auckland, 2026-04-05T02:30+13:00, Sun, closed, 2026-04-07T09:00+12:00, 'the first 02:30'
      NZ, Pacific/Auckland, 2026-04-05T02:30+12:00, Sun, closed, 2026-04-07T09:00+12:00, 'the second 02:30'
      NZ, Pacific/Auckland, 2026-09-25T17:00+12:00, Fri, closed, 2026-09-28T09:00+13:00, 'DST starts'
      NZ, Pacific/Auckland, 2026-09-27T01:30+12:00, Sun, closed, 2026-09-28T09:00+13:00, 'just before the switch'
      NZ, Pacific/Auckland, 2026-09-27T03:30+13:00, Sun, closed, 2026-09-28T09:00+13:00, 'just after the switch'
      NZ, Pacific/Auckland, 2026-09-28T09:00+13:00, Mon, open, itself, 'Monday after the switch'
      NZ, Pacific/Auckland, 2026-02-06T10:00+13:00, Fri, closed, 2026-02-09T09:00+13:00, 'Waitangi Day on a Friday'
      NZ, Pacific/Auckland, 2026-04-24T17:00+12:00, Fri, closed, 2026-04-28T09:00+12:00, 'Anzac Day Saturday is Mondayised'
      NZ, Pacific/Auckland, 2026-07-09T17:00+12:00, Thu, closed, 2026-07-13T09:00+12:00, 'Matariki on Friday 10 July'
      NZ, Pacific/Auckland, 2026-10-23T17:00+13:00, Fri, closed, 2026-10-27T09:00+13:00, 'Labour Day Monday'
      """;

  @ParameterizedTest(name = "[{index}] {0} {2} ({3}): {4}, next opening {5} — {6}")
  @CsvSource(textBlock = CONTACT_WINDOW)
  void contactWindow(String calendar, ZoneId zone, OffsetDateTime moment, String day, String state, String next, String why) {
    guardLocal(moment, zone, day);
    assertThat(state).as("row state").isIn("open", "closed");
    OffsetDateTime expectedNext = expectedNextOpening(moment, zone, state, next);

    Opening actual = opening(CALENDARS, calendar, zone, moment.toInstant());

    assertThat(actual.open()).as("%s open at %s in %s (%s)", calendar, moment, zone, why).isEqualTo(state.equals("open"));
    assertThat(actual.next()).as("%s next opening after %s in %s (%s)", calendar, moment, zone, why).isEqualTo(expectedNext);
  }

  // ---------------------------------------------------------------------------------------------
  // Across the date line: the UTC date is not the customer's date

  static final String DATE_LINE =
      """
      # calendar, zone, instant in UTC, the same instant locally, local day, open/closed, next opening, why

      # Auckland (UTC+12 in winter, +13 in summer)
      NZ/auk, Pacific/Auckland, 2026-06-07T21:30:00Z, 2026-06-08T09:30+12:00, Mon, open, itself, 'Monday 09:30 in Auckland is Sunday in UTC'
      NZ/auk, Pacific/Auckland, 2026-06-07T20:59:00Z, 2026-06-08T08:59+12:00, Mon, closed, 2026-06-08T09:00+12:00, 'UTC Sunday evening: Auckland Monday before opening'
      NZ/auk, Pacific/Auckland, 2026-05-31T21:30:00Z, 2026-06-01T09:30+12:00, Mon, closed, 2026-06-02T09:00+12:00, 'Kings Birthday Monday (UTC Sunday)'
      NZ/auk, Pacific/Auckland, 2026-06-05T12:30:00Z, 2026-06-06T00:30+12:00, Sat, closed, 2026-06-08T09:00+12:00, 'UTC Friday is Saturday in Auckland'
      NZ/auk, Pacific/Auckland, 2026-01-25T20:00:00Z, 2026-01-26T09:00+13:00, Mon, closed, 2026-01-27T09:00+13:00, 'Auckland Anniversary Day'
      NZ, Pacific/Auckland, 2026-01-25T20:00:00Z, 2026-01-26T09:00+13:00, Mon, open, itself, 'Auckland Anniversary is regional'

      # Sydney (UTC+10, +11 in summer)
      AU/nsw, Australia/Sydney, 2026-03-01T22:00:00Z, 2026-03-02T09:00+11:00, Mon, open, itself, 'Sydney Monday opening is Sunday in UTC'
      AU/nsw, Australia/Sydney, 2026-03-01T21:59:00Z, 2026-03-02T08:59+11:00, Mon, closed, 2026-03-02T09:00+11:00, 'a minute before'
      AU/nsw, Australia/Sydney, 2026-03-06T14:00:00Z, 2026-03-07T01:00+11:00, Sat, closed, 2026-03-09T09:00+11:00, 'UTC Friday afternoon is Saturday in Sydney'
      AU/nsw, Australia/Sydney, 2026-01-25T22:00:00Z, 2026-01-26T09:00+11:00, Mon, closed, 2026-01-27T09:00+11:00, 'Australia Day'
      AU/nsw, Australia/Sydney, 2026-06-07T23:30:00Z, 2026-06-08T09:30+10:00, Mon, closed, 2026-06-09T09:00+10:00, 'Kings Birthday'

      # Kiritimati (UTC+14)
      KI, Pacific/Kiritimati, 2026-02-08T19:00:00Z, 2026-02-09T09:00+14:00, Mon, open, itself, 'Monday opening is Sunday 19:00 UTC'
      KI, Pacific/Kiritimati, 2026-02-08T18:59:00Z, 2026-02-09T08:59+14:00, Mon, closed, 2026-02-09T09:00+14:00, 'a minute before'
      KI, Pacific/Kiritimati, 2026-02-04T21:00:00Z, 2026-02-05T11:00+14:00, Thu, open, itself, 'UTC Wednesday night is Thursday morning'
      KI, Pacific/Kiritimati, 2026-02-06T10:00:00Z, 2026-02-07T00:00+14:00, Sat, closed, 2026-02-09T09:00+14:00, 'UTC Friday 10:00 is already Saturday'
      KI, Pacific/Kiritimati, 2026-02-07T20:00:00Z, 2026-02-08T10:00+14:00, Sun, closed, 2026-02-09T09:00+14:00, 'UTC Saturday is Sunday'

      # Honolulu (UTC-10)
      US/hi, Pacific/Honolulu, 2026-03-07T02:00:00Z, 2026-03-06T16:00-10:00, Fri, open, itself, 'Friday 16:00 in Honolulu is Saturday 02:00 UTC'
      US/hi, Pacific/Honolulu, 2026-03-07T02:59:00Z, 2026-03-06T16:59-10:00, Fri, open, itself, 'Friday 16:59'
      US/hi, Pacific/Honolulu, 2026-03-07T03:00:00Z, 2026-03-06T17:00-10:00, Fri, closed, 2026-03-09T09:00-10:00, 'Friday 17:00 (UTC Saturday)'
      US/hi, Pacific/Honolulu, 2026-03-10T02:00:00Z, 2026-03-09T16:00-10:00, Mon, open, itself, 'UTC Tuesday is Monday afternoon'
      US/hi, Pacific/Honolulu, 2026-05-26T01:00:00Z, 2026-05-25T15:00-10:00, Mon, closed, 2026-05-26T09:00-10:00, 'Memorial Day (UTC Tuesday)'
      US/hi, Pacific/Honolulu, 2026-07-04T01:00:00Z, 2026-07-03T15:00-10:00, Fri, closed, 2026-07-06T09:00-10:00, 'Independence Day observed (UTC Saturday)'

      # Anchorage (UTC-9, -8 in summer)
      US/ak, America/Anchorage, 2026-07-04T00:30:00Z, 2026-07-03T16:30-08:00, Fri, closed, 2026-07-06T09:00-08:00, 'Independence Day observed'
      US/ak, America/Anchorage, 2026-09-08T00:30:00Z, 2026-09-07T16:30-08:00, Mon, closed, 2026-09-08T09:00-08:00, 'Labor Day (UTC Tuesday)'
      US/ak, America/Anchorage, 2026-01-17T01:59:00Z, 2026-01-16T16:59-09:00, Fri, open, itself, 'Friday 16:59 is Saturday in UTC'
      US/ak, America/Anchorage, 2026-01-17T02:00:00Z, 2026-01-16T17:00-09:00, Fri, closed, 2026-01-20T09:00-09:00, 'Friday closing; Martin Luther King Day'

      # Pago Pago (UTC-11)
      AS, Pacific/Pago_Pago, 2026-02-07T03:59:00Z, 2026-02-06T16:59-11:00, Fri, open, itself, 'Friday 16:59 is Saturday in UTC'
      AS, Pacific/Pago_Pago, 2026-02-07T04:00:00Z, 2026-02-06T17:00-11:00, Fri, closed, 2026-02-09T09:00-11:00, 'Friday 17:00 (UTC Saturday)'
      AS, Pacific/Pago_Pago, 2026-03-10T00:00:00Z, 2026-03-09T13:00-11:00, Mon, open, itself, 'UTC Tuesday is Monday afternoon'
      AS, Pacific/Pago_Pago, 2026-02-17T03:00:00Z, 2026-02-16T16:00-11:00, Mon, closed, 2026-02-17T09:00-11:00, 'Washingtons Birthday (UTC Tuesday)'
      AS, Pacific/Pago_Pago, 2026-04-18T02:00:00Z, 2026-04-17T15:00-11:00, Fri, closed, 2026-04-20T09:00-11:00, 'American Samoa Flag Day (UTC Saturday)'
      """;

  @ParameterizedTest(name = "[{index}] {0} {2} = {3} ({4}): {5}, next opening {6} — {7}")
  @CsvSource(textBlock = DATE_LINE)
  void acrossTheDateLine(
      String calendar, ZoneId zone, Instant utc, OffsetDateTime local, String day, String state, String next, String why) {
    assertThat(utc.atZone(zone).toOffsetDateTime()).as("row: %s in %s", utc, zone).isEqualTo(local);
    assertThat(utc.atOffset(ZoneOffset.UTC).toLocalDate())
        .as("row: the UTC date differs from the local date").isNotEqualTo(local.toLocalDate());
    guardLocal(local, zone, day);
    assertThat(state).as("row state").isIn("open", "closed");
    OffsetDateTime expectedNext = expectedNextOpening(local, zone, state, next);

    Opening actual = opening(CALENDARS, calendar, zone, utc);

    assertThat(actual.open()).as("%s open at %s in %s (%s)", calendar, local, zone, why).isEqualTo(state.equals("open"));
    assertThat(actual.next()).as("%s next opening after %s in %s (%s)", calendar, local, zone, why).isEqualTo(expectedNext);
  }

  // ---------------------------------------------------------------------------------------------
  // N business days later, at the same local time (follow-ups, strikes)

  static final String BUSINESS_DAYS =
      """
      # calendar, zone, from, day, business days, expected, expected day, why
      DE, Europe/Berlin, 2026-03-26T10:00+01:00, Thu, 1, 2026-03-27T10:00+01:00, Fri, 'before the switch'
      DE, Europe/Berlin, 2026-03-26T10:00+01:00, Thu, 2, 2026-03-30T10:00+02:00, Mon, 'over spring forward: 10:00 stays 10:00'
      DE, Europe/Berlin, 2026-03-27T09:00+01:00, Fri, 1, 2026-03-30T09:00+02:00, Mon, 'Friday opening to Monday opening'
      DE, Europe/Berlin, 2026-03-27T16:30+01:00, Fri, 3, 2026-04-01T16:30+02:00, Wed, 'three days over the switch'
      DE, Europe/Berlin, 2026-03-16T10:00+01:00, Mon, 10, 2026-03-30T10:00+02:00, Mon, 'two weeks over the switch'
      DE, Europe/Berlin, 2026-03-28T12:00+01:00, Sat, 0, 2026-03-30T12:00+02:00, Mon, 'zero days rolls the weekend over the switch'
      DE, Europe/Berlin, 2026-03-31T14:00+02:00, Tue, 3, 2026-04-07T14:00+02:00, Tue, 'Good Friday and Easter Monday skipped'
      DE, Europe/Berlin, 2026-04-01T10:00+02:00, Wed, 3, 2026-04-08T10:00+02:00, Wed, 'Easter skipped'
      DE, Europe/Berlin, 2026-10-23T10:00+02:00, Fri, 1, 2026-10-26T10:00+01:00, Mon, 'over fall back: 10:00 stays 10:00'
      DE, Europe/Berlin, 2026-10-22T16:00+02:00, Thu, 3, 2026-10-27T16:00+01:00, Tue, 'three days over fall back'
      DE, Europe/Berlin, 2026-05-13T11:00+02:00, Wed, 1, 2026-05-15T11:00+02:00, Fri, 'Ascension skipped; the bridge day counts'
      company:DE, Europe/Berlin, 2026-05-13T11:00+02:00, Wed, 1, 2026-05-18T11:00+02:00, Mon, 'company bridge day skipped too'
      DE/by, Europe/Berlin, 2026-06-03T11:00+02:00, Wed, 1, 2026-06-05T11:00+02:00, Fri, 'Corpus Christi in Bavaria'
      DE/be, Europe/Berlin, 2026-06-03T11:00+02:00, Wed, 1, 2026-06-04T11:00+02:00, Thu, 'Corpus Christi is a business day in Berlin'
      DE/by, Europe/Berlin, 2026-01-05T11:00+01:00, Mon, 1, 2026-01-07T11:00+01:00, Wed, 'Epiphany in Bavaria'
      DE/be, Europe/Berlin, 2026-01-05T11:00+01:00, Mon, 1, 2026-01-06T11:00+01:00, Tue, 'Epiphany is a business day in Berlin'
      DE, Europe/Berlin, 2026-12-23T10:00+01:00, Wed, 3, 2026-12-29T10:00+01:00, Tue, 'Christmas'
      company:DE, Europe/Berlin, 2026-12-23T10:00+01:00, Wed, 3, 2026-12-30T10:00+01:00, Wed, 'Christmas and company Christmas Eve'
      company:DE, Europe/Berlin, 2026-12-23T10:00+01:00, Wed, 4, 2027-01-04T10:00+01:00, Mon, 'company New Years Eve and New Year'
      GB, Europe/London, 2026-03-27T09:30+00:00, Fri, 1, 2026-03-30T09:30+01:00, Mon, 'London spring forward'
      GB/eng, Europe/London, 2026-08-27T10:00+01:00, Thu, 2, 2026-09-01T10:00+01:00, Tue, 'Summer bank holiday in England'
      US, America/New_York, 2026-03-06T10:00-05:00, Fri, 1, 2026-03-09T10:00-04:00, Mon, 'New York spring forward'
      US, America/New_York, 2026-03-05T16:00-05:00, Thu, 3, 2026-03-10T16:00-04:00, Tue, 'three days over spring forward'
      US, America/New_York, 2026-10-30T14:00-04:00, Fri, 1, 2026-11-02T14:00-05:00, Mon, 'New York fall back'
      US, America/New_York, 2026-10-30T14:00-04:00, Fri, 3, 2026-11-04T14:00-05:00, Wed, 'three days over fall back'
      US, America/New_York, 2026-11-24T10:00-05:00, Tue, 3, 2026-11-30T10:00-05:00, Mon, 'Thanksgiving; the Friday after counts'
      US/ca, America/Los_Angeles, 2026-11-24T10:00-08:00, Tue, 3, 2026-12-01T10:00-08:00, Tue, 'California: Thanksgiving and the day after'
      US, America/New_York, 2026-07-01T10:00-04:00, Wed, 2, 2026-07-06T10:00-04:00, Mon, 'Independence Day observed on Friday'
      US/ny, America/New_York, 2026-10-08T10:00-04:00, Thu, 2, 2026-10-13T10:00-04:00, Tue, 'Columbus Day in New York'
      US, America/New_York, 2026-10-08T10:00-04:00, Thu, 2, 2026-10-12T10:00-04:00, Mon, 'Columbus Day without a state'
      US/ak, America/Anchorage, 2026-03-06T12:00-09:00, Fri, 1, 2026-03-09T12:00-08:00, Mon, 'Alaska spring forward'
      US/ak, America/Anchorage, 2026-10-30T12:00-08:00, Fri, 1, 2026-11-02T12:00-09:00, Mon, 'Alaska fall back'
      AU/nsw, Australia/Sydney, 2026-04-02T10:00+11:00, Thu, 1, 2026-04-07T10:00+10:00, Tue, 'Easter and the end of DST'
      AU/nsw, Australia/Sydney, 2026-04-02T10:00+11:00, Thu, 3, 2026-04-09T10:00+10:00, Thu, 'three days after Easter'
      AU/nsw, Australia/Sydney, 2026-10-02T10:00+10:00, Fri, 1, 2026-10-06T10:00+11:00, Tue, 'DST start and Labour Day'
      NZ, Pacific/Auckland, 2026-04-02T10:00+13:00, Thu, 1, 2026-04-07T10:00+12:00, Tue, 'Easter and the end of DST'
      NZ, Pacific/Auckland, 2026-09-25T10:00+12:00, Fri, 1, 2026-09-28T10:00+13:00, Mon, 'DST start'
      NZ, Pacific/Auckland, 2026-09-25T10:00+12:00, Fri, 3, 2026-09-30T10:00+13:00, Wed, 'three days over DST start'
      NZ/auk, Pacific/Auckland, 2026-01-23T10:00+13:00, Fri, 1, 2026-01-27T10:00+13:00, Tue, 'Auckland Anniversary Day'
      SA, Asia/Riyadh, 2026-02-05T10:00+03:00, Thu, 1, 2026-02-08T10:00+03:00, Sun, 'Friday and Saturday weekend'
      SA, Asia/Riyadh, 2026-09-16T10:00+03:00, Wed, 5, 2026-09-24T10:00+03:00, Thu, 'weekend and National Day'
      US/hi, Pacific/Honolulu, 2026-03-06T16:00-10:00, Fri, 1, 2026-03-09T16:00-10:00, Mon, 'local Friday (UTC Saturday) to local Monday'
      KI, Pacific/Kiritimati, 2026-02-09T09:30+14:00, Mon, 1, 2026-02-10T09:30+14:00, Tue, 'local Monday (UTC Sunday) to Tuesday'
      KI, Pacific/Kiritimati, 2026-02-06T16:00+14:00, Fri, 1, 2026-02-09T16:00+14:00, Mon, 'local Friday to local Monday'
      AS, Pacific/Pago_Pago, 2026-02-13T16:00-11:00, Fri, 1, 2026-02-17T16:00-11:00, Tue, 'Washingtons Birthday'
      24x7, America/New_York, 2026-07-03T10:00-04:00, Fri, 1, 2026-07-04T10:00-04:00, Sat, 'around the clock: every day counts'
      24x7, Europe/Berlin, 2026-03-28T02:30+01:00, Sat, 1, 2026-03-29T03:30+02:00, Sun, '02:30 does not exist on the switch day: an hour later'
      24x7, Europe/Berlin, 2026-10-24T02:30+02:00, Sat, 1, 2026-10-25T02:30+02:00, Sun, 'the first of the two 02:30s'
      """;

  @ParameterizedTest(name = "[{index}] {0} {2} ({3}) + {4} business days = {5} ({6}) — {7}")
  @CsvSource(textBlock = BUSINESS_DAYS)
  void businessDaysLater(
      String calendar, ZoneId zone, OffsetDateTime from, String day, int days, OffsetDateTime expected, String expectedDay, String why) {
    guardLocal(from, zone, day);
    guardLocal(expected, zone, expectedDay);

    assertThat(plusBusinessDays(CALENDARS, calendar, zone, from, days))
        .as("%s %s + %d business days in %s (%s)", calendar, from, days, zone, why)
        .isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Business hours later: first-response targets (R17)

  static final String BUSINESS_HOURS =
      """
      # calendar, zone, from, day, duration, expected, expected day, why
      DE, Europe/Berlin, 2026-03-06T15:00+01:00, Fri, PT4H, 2026-03-09T11:00+01:00, Mon, 'Friday 15:00 + 4 business hours is Monday 11:00'
      DE, Europe/Berlin, 2026-03-06T15:00+01:00, Fri, PT8H, 2026-03-09T15:00+01:00, Mon, 'Friday 15:00 + 8 business hours'
      DE, Europe/Berlin, 2026-03-06T16:30+01:00, Fri, PT1H, 2026-03-09T09:30+01:00, Mon, 'half an hour on Friday and half on Monday'
      DE, Europe/Berlin, 2026-03-04T09:00+01:00, Wed, PT1H, 2026-03-04T10:00+01:00, Wed, 'one hour from opening'
      DE, Europe/Berlin, 2026-03-04T09:00+01:00, Wed, PT4H, 2026-03-04T13:00+01:00, Wed, 'four hours from opening'
      DE, Europe/Berlin, 2026-03-04T09:00+01:00, Wed, PT8H, 2026-03-04T17:00+01:00, Wed, 'a whole business day: due at closing'
      DE, Europe/Berlin, 2026-03-04T13:00+01:00, Wed, PT4H, 2026-03-04T17:00+01:00, Wed, 'exactly to closing'
      DE, Europe/Berlin, 2026-03-04T13:01+01:00, Wed, PT4H, 2026-03-05T09:01+01:00, Thu, 'one minute into the next day'
      DE, Europe/Berlin, 2026-03-04T10:30+01:00, Wed, PT8H, 2026-03-05T10:30+01:00, Thu, 'eight hours from mid-morning'
      DE, Europe/Berlin, 2026-03-04T16:00+01:00, Wed, PT24H, 2026-03-09T16:00+01:00, Mon, 'three business days of hours over a weekend'
      DE, Europe/Berlin, 2026-03-04T03:00+01:00, Wed, PT4H, 2026-03-04T13:00+01:00, Wed, 'from the middle of the night'
      DE, Europe/Berlin, 2026-03-04T23:00+01:00, Wed, PT4H, 2026-03-05T13:00+01:00, Thu, 'from late evening'
      DE, Europe/Berlin, 2026-03-04T17:00+01:00, Wed, PT8H, 2026-03-05T17:00+01:00, Thu, 'from closing'
      DE, Europe/Berlin, 2026-03-07T10:00+01:00, Sat, PT4H, 2026-03-09T13:00+01:00, Mon, 'from Saturday'
      DE, Europe/Berlin, 2026-03-08T23:59+01:00, Sun, PT8H, 2026-03-09T17:00+01:00, Mon, 'from Sunday night'
      DE, Europe/Berlin, 2026-04-03T10:00+02:00, Fri, PT4H, 2026-04-07T13:00+02:00, Tue, 'from Good Friday'
      DE, Europe/Berlin, 2026-04-06T12:00+02:00, Mon, PT8H, 2026-04-07T17:00+02:00, Tue, 'from Easter Monday'
      DE, Europe/Berlin, 2026-04-02T15:00+02:00, Thu, PT4H, 2026-04-07T11:00+02:00, Tue, 'over Easter'
      DE, Europe/Berlin, 2026-04-02T15:00+02:00, Thu, PT16H, 2026-04-08T15:00+02:00, Wed, 'two business days of hours over Easter'
      DE, Europe/Berlin, 2026-05-13T14:00+02:00, Wed, PT8H, 2026-05-15T14:00+02:00, Fri, 'over Ascension to the bridge day'
      company:DE, Europe/Berlin, 2026-05-13T14:00+02:00, Wed, PT8H, 2026-05-18T14:00+02:00, Mon, 'over Ascension and the company bridge day'
      DE/by, Europe/Berlin, 2026-06-03T16:00+02:00, Wed, PT4H, 2026-06-05T12:00+02:00, Fri, 'over Corpus Christi in Bavaria'
      DE/be, Europe/Berlin, 2026-06-03T16:00+02:00, Wed, PT4H, 2026-06-04T12:00+02:00, Thu, 'Corpus Christi is a business day in Berlin'
      DE, Europe/Berlin, 2026-03-27T15:00+01:00, Fri, PT4H, 2026-03-30T11:00+02:00, Mon, 'over spring forward: open hours not wall-clock hours'
      DE, Europe/Berlin, 2026-03-27T15:00+01:00, Fri, PT8H, 2026-03-30T15:00+02:00, Mon, 'eight open hours over spring forward'
      DE, Europe/Berlin, 2026-03-29T01:30+01:00, Sun, PT4H, 2026-03-30T13:00+02:00, Mon, 'from the night of the switch'
      DE, Europe/Berlin, 2026-10-23T15:00+02:00, Fri, PT4H, 2026-10-26T11:00+01:00, Mon, 'over fall back'
      DE, Europe/Berlin, 2026-10-23T15:00+02:00, Fri, PT8H, 2026-10-26T15:00+01:00, Mon, 'eight open hours over fall back'
      GB, Europe/London, 2026-10-25T01:30+00:00, Sun, PT8H, 2026-10-26T17:00+00:00, Mon, 'from the second 01:30 in London'
      GB/eng, Europe/London, 2026-08-28T15:00+01:00, Fri, PT4H, 2026-09-01T11:00+01:00, Tue, 'over the summer bank holiday'
      US, America/New_York, 2026-03-06T15:00-05:00, Fri, PT4H, 2026-03-09T11:00-04:00, Mon, 'over spring forward'
      US, America/New_York, 2026-10-30T16:00-04:00, Fri, PT8H, 2026-11-02T16:00-05:00, Mon, 'over fall back'
      US, America/New_York, 2026-11-01T01:30-04:00, Sun, PT4H, 2026-11-02T13:00-05:00, Mon, 'from the first 01:30'
      US, America/New_York, 2026-11-25T14:00-05:00, Wed, PT8H, 2026-11-27T14:00-05:00, Fri, 'over Thanksgiving'
      US/ca, America/Los_Angeles, 2026-11-25T14:00-08:00, Wed, PT8H, 2026-11-30T14:00-08:00, Mon, 'California: over Thanksgiving and the day after'
      US, America/New_York, 2026-07-02T13:00-04:00, Thu, PT8H, 2026-07-06T13:00-04:00, Mon, 'over Independence Day observed'
      US, America/New_York, 2026-09-04T15:00-04:00, Fri, PT4H, 2026-09-08T11:00-04:00, Tue, 'over Labor Day'
      US, America/New_York, 2026-05-25T10:00-04:00, Mon, PT4H, 2026-05-26T13:00-04:00, Tue, 'from Memorial Day'
      AU/nsw, Australia/Sydney, 2026-04-02T15:00+11:00, Thu, PT4H, 2026-04-07T11:00+10:00, Tue, 'over Easter and the end of DST'
      AU/nsw, Australia/Sydney, 2026-10-02T13:00+10:00, Fri, PT8H, 2026-10-06T13:00+11:00, Tue, 'over DST start and Labour Day'
      AU/nsw, Australia/Sydney, 2026-04-24T15:00+10:00, Fri, PT4H, 2026-04-28T11:00+10:00, Tue, 'over the additional Anzac Day Monday'
      NZ, Pacific/Auckland, 2026-09-25T15:00+12:00, Fri, PT4H, 2026-09-28T11:00+13:00, Mon, 'over DST start'
      NZ, Pacific/Auckland, 2026-04-02T16:00+13:00, Thu, PT8H, 2026-04-07T16:00+12:00, Tue, 'over Easter and the end of DST'
      SA, Asia/Riyadh, 2026-02-05T15:00+03:00, Thu, PT4H, 2026-02-08T11:00+03:00, Sun, 'over the Friday and Saturday weekend'
      ES, Europe/Madrid, 2026-03-06T13:00+01:00, Fri, PT4H, 2026-03-09T10:00+01:00, Mon, 'Spanish hours 08:00-15:00'
      ES, Europe/Madrid, 2026-03-04T07:00+01:00, Wed, PT8H, 2026-03-05T09:00+01:00, Thu, 'a Spanish business day has seven hours'
      US/hi, Pacific/Honolulu, 2026-03-06T16:00-10:00, Fri, PT4H, 2026-03-09T12:00-10:00, Mon, 'Friday 16:00 in Honolulu (UTC Saturday)'
      KI, Pacific/Kiritimati, 2026-02-09T08:00+14:00, Mon, PT4H, 2026-02-09T13:00+14:00, Mon, 'Monday 08:00 in Kiritimati (UTC Sunday)'
      AS, Pacific/Pago_Pago, 2026-02-13T15:00-11:00, Fri, PT4H, 2026-02-17T11:00-11:00, Tue, 'over Washingtons Birthday'

      # Around the clock (severity A): real hours, any day
      24x7, Europe/Berlin, 2026-03-07T23:30+01:00, Sat, PT1H, 2026-03-08T00:30+01:00, Sun, 'Saturday night into Sunday'
      24x7, America/New_York, 2026-12-25T10:00-05:00, Fri, PT1H, 2026-12-25T11:00-05:00, Fri, 'Christmas Day'
      24x7, Europe/Berlin, 2026-04-06T09:00+02:00, Mon, PT1H, 2026-04-06T10:00+02:00, Mon, 'Easter Monday'
      24x7, Europe/Berlin, 2026-03-29T01:30+01:00, Sun, PT1H, 2026-03-29T03:30+02:00, Sun, 'one real hour over spring forward'
      24x7, Europe/Berlin, 2026-10-25T02:30+02:00, Sun, PT1H, 2026-10-25T02:30+01:00, Sun, 'one real hour over fall back'
      24x7, America/New_York, 2026-03-08T01:30-05:00, Sun, PT1H, 2026-03-08T03:30-04:00, Sun, 'one real hour over spring forward'
      24x7, America/New_York, 2026-11-01T01:30-04:00, Sun, PT1H, 2026-11-01T01:30-05:00, Sun, 'one real hour over fall back'
      24x7, Pacific/Auckland, 2026-04-05T02:30+13:00, Sun, PT1H, 2026-04-05T02:30+12:00, Sun, 'one real hour over the end of DST'
      24x7, Australia/Sydney, 2026-10-04T01:30+10:00, Sun, PT1H, 2026-10-04T03:30+11:00, Sun, 'one real hour over the start of DST'
      24x7, Pacific/Kiritimati, 2026-12-31T23:30+14:00, Thu, PT1H, 2027-01-01T00:30+14:00, Fri, 'into the New Year'
      24x7, Pacific/Pago_Pago, 2026-03-08T23:30-11:00, Sun, PT1H, 2026-03-09T00:30-11:00, Mon, 'Sunday night into Monday'
      24x7, Europe/Berlin, 2026-03-28T12:00+01:00, Sat, PT24H, 2026-03-29T13:00+02:00, Sun, '24 real hours over a 23-hour day'
      """;

  @ParameterizedTest(name = "[{index}] {0} {2} ({3}) + {4} = {5} ({6}) — {7}")
  @CsvSource(textBlock = BUSINESS_HOURS)
  void businessHoursLater(
      String calendar, ZoneId zone, OffsetDateTime from, String day, Duration duration, OffsetDateTime expected, String expectedDay,
      String why) {
    guardLocal(from, zone, day);
    guardLocal(expected, zone, expectedDay);

    assertThat(plusBusinessHours(CALENDARS, calendar, zone, from, duration))
        .as("%s %s + %s business hours in %s (%s)", calendar, from, duration, zone, why)
        .isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // The closing date (R13): the later of "14 days after the last contact" and "after the strikes",
  // at the customer's next opening (R14)

  static final String CLOSING_DATE =
      """
      # calendar, zone, 14 days after the last contact, after the strikes, expected, expected day, why
      DE, Europe/Berlin, 2026-04-06T10:00+02:00, 2026-04-02T10:00+02:00, 2026-04-07T09:00+02:00, Tue, '14 days land on Easter Monday'
      DE, Europe/Berlin, 2026-03-20T10:00+01:00, 2026-03-24T15:00+01:00, 2026-03-24T15:00+01:00, Tue, 'the strikes take longer'
      DE, Europe/Berlin, 2026-03-28T10:00+01:00, 2026-03-25T10:00+01:00, 2026-03-30T09:00+02:00, Mon, 'a Saturday before spring forward'
      DE, Europe/Berlin, 2026-03-24T18:30+01:00, 2026-03-20T10:00+01:00, 2026-03-25T09:00+01:00, Wed, 'after closing time: the next morning'
      DE, Europe/Berlin, 2026-03-24T07:15+01:00, 2026-03-20T10:00+01:00, 2026-03-24T09:00+01:00, Tue, 'before opening: that morning'
      DE/by, Europe/Berlin, 2026-06-04T10:00+02:00, 2026-06-01T10:00+02:00, 2026-06-05T09:00+02:00, Fri, 'Corpus Christi in Bavaria'
      US, America/New_York, 2026-07-04T11:00-04:00, 2026-07-01T11:00-04:00, 2026-07-06T09:00-04:00, Mon, 'Independence Day weekend'
      US, America/New_York, 2026-11-26T11:00-05:00, 2026-11-20T11:00-05:00, 2026-11-27T09:00-05:00, Fri, 'Thanksgiving'
      US, America/New_York, 2026-10-30T10:00-04:00, 2026-11-01T10:00-05:00, 2026-11-02T09:00-05:00, Mon, 'the Sunday New York falls back'
      GB/eng, Europe/London, 2026-12-26T10:00+00:00, 2026-12-22T10:00+00:00, 2026-12-29T09:00+00:00, Tue, 'Boxing Day and its substitute'
      AU/nsw, Australia/Sydney, 2026-04-04T10:00+11:00, 2026-04-01T10:00+11:00, 2026-04-07T09:00+10:00, Tue, 'Easter and the end of DST'
      NZ, Pacific/Auckland, 2026-09-26T10:00+12:00, 2026-09-24T10:00+12:00, 2026-09-28T09:00+13:00, Mon, 'DST start'
      SA, Asia/Riyadh, 2026-02-06T10:00+03:00, 2026-02-04T10:00+03:00, 2026-02-08T09:00+03:00, Sun, 'Friday and Saturday weekend'
      KI, Pacific/Kiritimati, 2026-02-07T10:00+14:00, 2026-02-05T10:00+14:00, 2026-02-09T09:00+14:00, Mon, 'Kiritimati weekend'
      US/hi, Pacific/Honolulu, 2026-05-23T16:00-10:00, 2026-05-20T16:00-10:00, 2026-05-26T09:00-10:00, Tue, 'Memorial Day weekend in Honolulu'
      """;

  @ParameterizedTest(name = "[{index}] {0}: later of {2} and {3}, at the next opening = {4} ({5}) — {6}")
  @CsvSource(textBlock = CLOSING_DATE)
  void closingDate(
      String calendar, ZoneId zone, OffsetDateTime fourteenDays, OffsetDateTime afterStrikes, OffsetDateTime expected,
      String expectedDay, String why) {
    assertInZone(fourteenDays, zone);
    assertInZone(afterStrikes, zone);
    guardLocal(expected, zone, expectedDay);

    assertThat(nextOpeningAfterBoth(CALENDARS, calendar, zone, fourteenDays, afterStrikes))
        .as("%s later of %s and %s in %s (%s)", calendar, fourteenDays, afterStrikes, zone, why)
        .isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // What a customer expects and the holiday library does not know: configured per country
  // (followthrough.calendar.countries.SA.add), so the customer's calendar still knows it

  static final String HOLIDAY_LIBRARY_GAPS =
      """
      # calendar, zone, moment, day, open/closed, next opening, why
      SA, Asia/Riyadh, 2026-02-22T10:00+03:00, Sun, closed, 2026-02-23T09:00+03:00, 'Founding Day (22 Feb, a public holiday since 2022) is missing from Jollyday: configured for SA'
      """;

  @ParameterizedTest(name = "[{index}] {0} {2} ({3}): {4}, next opening {5} — {6}")
  @CsvSource(textBlock = HOLIDAY_LIBRARY_GAPS)
  void holidaysTheLibraryMisses(
      String calendar, ZoneId zone, OffsetDateTime moment, String day, String state, String next, String why) {
    contactWindow(calendar, zone, moment, day, state, next, why);
  }

  // ---------------------------------------------------------------------------------------------
  // The JVM's default zone plays no part

  @Test
  void resultsDoNotDependOnTheJvmDefaultZone() {
    String started = TimeZone.getDefault().getID();
    List<Object> expected = everyResult(Calendars.fresh());
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("Asia/Kathmandu", "America/St_Johns")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of(zone));
        assertThat(everyResult(Calendars.fresh()))
            .as("every row with the JVM default zone %s instead of %s", zone, started)
            .containsExactlyElementsOf(expected);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void theTablesHoldAtLeastTwoHundredCases() {
    int rows = 0;
    for (String table : List.of(CONTACT_WINDOW, DATE_LINE, BUSINESS_DAYS, BUSINESS_HOURS, CLOSING_DATE, HOLIDAY_LIBRARY_GAPS)) {
      rows += rows(table).size();
    }
    assertThat(rows).isGreaterThanOrEqualTo(200);
  }

  /** Every row of every table computed afresh, in table order. */
  private static List<Object> everyResult(Calendars calendars) {
    List<Object> results = new ArrayList<>();
    for (String table : List.of(CONTACT_WINDOW, HOLIDAY_LIBRARY_GAPS)) {
      for (String[] row : rows(table)) {
        results.add(opening(calendars, row[0], ZoneId.of(row[1]), OffsetDateTime.parse(row[2]).toInstant()));
      }
    }
    for (String[] row : rows(DATE_LINE)) {
      results.add(opening(calendars, row[0], ZoneId.of(row[1]), Instant.parse(row[2])));
    }
    for (String[] row : rows(BUSINESS_DAYS)) {
      results.add(plusBusinessDays(calendars, row[0], ZoneId.of(row[1]), OffsetDateTime.parse(row[2]), Integer.parseInt(row[4])));
    }
    for (String[] row : rows(BUSINESS_HOURS)) {
      results.add(plusBusinessHours(calendars, row[0], ZoneId.of(row[1]), OffsetDateTime.parse(row[2]), Duration.parse(row[4])));
    }
    for (String[] row : rows(CLOSING_DATE)) {
      results.add(nextOpeningAfterBoth(calendars, row[0], ZoneId.of(row[1]), OffsetDateTime.parse(row[2]), OffsetDateTime.parse(row[3])));
    }
    return results;
  }

  // ---------------------------------------------------------------------------------------------
  // The calls, each answer as the customer's wall clock and offset show it

  private record Opening(boolean open, OffsetDateTime next) {}

  private static Opening opening(Calendars calendars, String calendar, ZoneId zone, Instant moment) {
    BusinessCalendar businessCalendar = calendars.get(calendar);
    return new Opening(businessCalendar.isOpen(moment, zone), local(businessCalendar.nextOpening(moment, zone), zone));
  }

  private static OffsetDateTime plusBusinessDays(Calendars calendars, String calendar, ZoneId zone, OffsetDateTime from, int days) {
    return local(calendars.get(calendar).plusBusinessDays(from.toInstant(), days, zone), zone);
  }

  private static OffsetDateTime plusBusinessHours(
      Calendars calendars, String calendar, ZoneId zone, OffsetDateTime from, Duration duration) {
    return local(calendars.get(calendar).plusBusinessHours(from.toInstant(), duration, zone), zone);
  }

  private static OffsetDateTime nextOpeningAfterBoth(
      Calendars calendars, String calendar, ZoneId zone, OffsetDateTime first, OffsetDateTime second) {
    return local(calendars.get(calendar).nextOpeningAfterBoth(first.toInstant(), second.toInstant(), zone), zone);
  }

  /** The customer calendars of the configuration above, built afresh (nothing cached across JVM zones). */
  private record Calendars(CustomerCalendars standard, CustomerCalendars withCompanyHolidays) {

    static Calendars fresh() {
      return new Calendars(new CustomerCalendars(properties(List.of())), new CustomerCalendars(properties(COMPANY_HOLIDAYS)));
    }

    BusinessCalendar get(String spec) {
      CustomerCalendars source = spec.startsWith("company:") ? withCompanyHolidays : standard;
      String name = spec.startsWith("company:") ? spec.substring("company:".length()) : spec;
      if (name.equals("24x7")) {
        return BusinessCalendar.aroundTheClock();
      }
      if (name.equals("ORG")) {
        return source.organisation();
      }
      String[] countryAndRegion = name.split("/");
      return source.forCustomer(countryAndRegion[0], countryAndRegion.length > 1 ? countryAndRegion[1] : null);
    }
  }

  private static CalendarProperties properties(List<LocalDate> companyHolidays) {
    CalendarProperties.Hours nineToFive = new CalendarProperties.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    return new CalendarProperties(
        ZoneId.of("UTC"),
        EnumSet.of(SATURDAY, SUNDAY),
        nineToFive,
        companyHolidays,
        Map.of(
            "SA", new CalendarProperties.Country(EnumSet.of(FRIDAY, SATURDAY), null, null,
                List.of(new CalendarProperties.Correction(LocalDate.of(2026, 2, 22), null, "Founding Day, since 2022")), null, null),
            "ES", new CalendarProperties.Country(null, new CalendarProperties.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0)),
                null, null, null, null)),
        java.time.Duration.ofMinutes(1));
  }

  // ---------------------------------------------------------------------------------------------
  // Guards on the tables themselves

  /** The offset written in the row is the zone's at that instant, and the weekday is the local one. */
  private static void guardLocal(OffsetDateTime moment, ZoneId zone, String day) {
    assertInZone(moment, zone);
    assertThat(moment.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
        .as("row: weekday of %s", moment)
        .isEqualTo(day);
  }

  private static void assertInZone(OffsetDateTime moment, ZoneId zone) {
    assertThat(local(moment.toInstant(), zone)).as("row: offset of %s in %s", moment, zone).isEqualTo(moment);
  }

  private static OffsetDateTime expectedNextOpening(OffsetDateTime moment, ZoneId zone, String state, String next) {
    if (next.equals("itself")) {
      assertThat(state).as("row: only an open moment is its own opening").isEqualTo("open");
      return moment;
    }
    assertThat(state).as("row: an open moment is its own opening").isEqualTo("closed");
    OffsetDateTime opening = OffsetDateTime.parse(next);
    assertInZone(opening, zone);
    assertThat(opening).as("row: the next opening is later").isAfter(moment);
    return opening;
  }

  /** The instant as the wall clock and offset of {@code zone} show it. */
  private static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  /** The data rows of a table: comments and blank lines skipped, cells trimmed and unquoted. */
  private static List<String[]> rows(String table) {
    return table.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s*,\\s*(?=(?:[^']*'[^']*')*[^']*$)"))
        .map(cells -> Arrays.stream(cells).map(cell -> cell.replaceAll("^'|'$", "")).toArray(String[]::new))
        .toList();
  }
}
