package dev.followthrough.lifecycle;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulated year's own idea of the customers' business days and hours, independent of the
 * product's calendar classes and of the holiday library: each place's weekday days off written
 * out by hand below (from the governments' published lists), plain {@code java.time} arithmetic
 * for "N business days later" and "the next opening". A holiday the product gets wrong makes the
 * simulated year find an email outside the window or a follow-up off its day.
 *
 * <p>It covers what the simulated year runs through: 1 December 2026 to 30 June 2028. Weekends
 * are Saturday and Sunday everywhere, the hours 09:00-17:00, and the company is off on 24 and
 * 31 December 2026 ({@code application-test.yaml}). Only weekdays are listed: a holiday on a
 * weekend changes nothing unless a substitute day is given, which is listed.
 *
 * <p>What this list, like the product, does not hold: state-government days private employers
 * work through (Hawaii's Kuhio, Kamehameha and Statehood days, Good Friday in Hawaii, Lincoln's
 * Birthday in New York), India's gazetted holidays of the lunar calendars (Holi, Diwali, Id ...:
 * their dates are fixed each year by the government and added by process owners), Carnival Monday
 * in Brazil. Brazil's Carnival Tuesday and Ash Wednesday are optional days off
 * (pontos facultativos) that the product, like most employers, counts as days off.
 */
final class SimulatedYearJudge {

  static final LocalDate FIRST = LocalDate.of(2026, 12, 1);
  static final LocalDate LAST = LocalDate.of(2028, 6, 30);
  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(17, 0);
  private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private static final String US_FEDERAL = """
      2026-12-25 Fri Christmas Day
      2027-01-01 Fri New Year's Day
      2027-01-18 Mon Birthday of Martin Luther King, Jr.
      2027-02-15 Mon Washington's Birthday
      2027-05-31 Mon Memorial Day
      2027-06-18 Fri Juneteenth (19 June is a Saturday)
      2027-07-05 Mon Independence Day (4 July is a Sunday)
      2027-09-06 Mon Labor Day
      2027-10-11 Mon Columbus Day / Indigenous Peoples' Day
      2027-11-11 Thu Veterans Day
      2027-11-25 Thu Thanksgiving Day
      2027-12-24 Fri Christmas Day (25 December is a Saturday)
      2027-12-31 Fri New Year's Day 2028 (1 January 2028 is a Saturday)
      2028-01-17 Mon Birthday of Martin Luther King, Jr.
      2028-02-21 Mon Washington's Birthday
      2028-05-29 Mon Memorial Day
      2028-06-19 Mon Juneteenth
      """;

  private static final String GERMANY = """
      2026-12-25 Fri Erster Weihnachtstag
      2027-01-01 Fri Neujahr
      2027-03-26 Fri Karfreitag
      2027-03-29 Mon Ostermontag
      2027-05-06 Thu Christi Himmelfahrt
      2027-05-17 Mon Pfingstmontag
      2028-04-14 Fri Karfreitag
      2028-04-17 Mon Ostermontag
      2028-05-01 Mon Tag der Arbeit
      2028-05-25 Thu Christi Himmelfahrt
      2028-06-05 Mon Pfingstmontag
      """;

  private static final Map<String, String> DAYS_OFF = Map.ofEntries(
      Map.entry("US/hi", US_FEDERAL),
      Map.entry("US/ny", US_FEDERAL),
      Map.entry("US/ca", US_FEDERAL + """
          2027-03-31 Wed Cesar Chavez Day
          2027-11-26 Fri Day after Thanksgiving
          2028-03-31 Fri Cesar Chavez Day
          """),
      Map.entry("CA/bc", """
          2026-12-25 Fri Christmas Day
          2027-01-01 Fri New Year's Day
          2027-02-15 Mon Family Day
          2027-03-26 Fri Good Friday
          2027-05-24 Mon Victoria Day
          2027-07-01 Thu Canada Day
          2027-08-02 Mon British Columbia Day
          2027-09-06 Mon Labour Day
          2027-09-30 Thu National Day for Truth and Reconciliation
          2027-10-11 Mon Thanksgiving
          2027-11-11 Thu Remembrance Day
          2028-02-21 Mon Family Day
          2028-04-14 Fri Good Friday
          2028-05-22 Mon Victoria Day
          """),
      Map.entry("BR", """
          2026-12-25 Fri Natal
          2027-01-01 Fri Confraternizacao Universal
          2027-02-09 Tue Carnaval
          2027-02-10 Wed Quarta-feira de Cinzas
          2027-03-26 Fri Sexta-feira Santa
          2027-04-21 Wed Tiradentes
          2027-05-27 Thu Corpus Christi
          2027-09-07 Tue Independencia
          2027-10-12 Tue Nossa Senhora Aparecida
          2027-11-02 Tue Finados
          2027-11-15 Mon Proclamacao da Republica
          2028-02-29 Tue Carnaval
          2028-03-01 Wed Quarta-feira de Cinzas
          2028-04-14 Fri Sexta-feira Santa
          2028-04-21 Fri Tiradentes
          2028-05-01 Mon Dia do Trabalho
          2028-06-15 Thu Corpus Christi
          """),
      // a British customer without a region: England and Wales, the configured default
      Map.entry("GB", """
          2026-12-25 Fri Christmas Day
          2026-12-28 Mon Boxing Day (substitute day)
          2027-01-01 Fri New Year's Day
          2027-03-26 Fri Good Friday
          2027-03-29 Mon Easter Monday
          2027-05-03 Mon Early May bank holiday
          2027-05-31 Mon Spring bank holiday
          2027-08-30 Mon Summer bank holiday
          2027-12-27 Mon Christmas Day (substitute day)
          2027-12-28 Tue Boxing Day (substitute day)
          2028-01-03 Mon New Year's Day (substitute day)
          2028-04-14 Fri Good Friday
          2028-04-17 Mon Easter Monday
          2028-05-01 Mon Early May bank holiday
          2028-05-29 Mon Spring bank holiday
          """),
      Map.entry("FR", """
          2026-12-25 Fri Noel
          2027-01-01 Fri Jour de l'an
          2027-03-29 Mon Lundi de Paques
          2027-05-06 Thu Ascension
          2027-05-17 Mon Lundi de Pentecote
          2027-07-14 Wed Fete nationale
          2027-11-01 Mon Toussaint
          2027-11-11 Thu Armistice
          2028-04-17 Mon Lundi de Paques
          2028-05-01 Mon Fete du Travail
          2028-05-08 Mon Victoire 1945
          2028-05-25 Thu Ascension
          2028-06-05 Mon Lundi de Pentecote
          """),
      Map.entry("DE", GERMANY),
      Map.entry("DE/by", GERMANY + """
          2027-01-06 Wed Heilige Drei Koenige
          2027-05-27 Thu Fronleichnam
          2027-11-01 Mon Allerheiligen
          2028-01-06 Thu Heilige Drei Koenige
          2028-06-15 Thu Fronleichnam
          """),
      Map.entry("IN", """
          2026-12-25 Fri Christmas Day
          2027-01-26 Tue Republic Day
          2027-03-10 Wed Id-ul-Fitr (as the holiday library dates it)
          2027-03-26 Fri Good Friday
          2028-01-26 Wed Republic Day
          2028-04-14 Fri Good Friday
          """),
      // not 23 December 2026: the former Emperor's birthday is a working day since 2019
      Map.entry("JP", """
          2027-01-01 Fri New Year's Day
          2027-01-11 Mon Coming of Age Day
          2027-02-11 Thu National Foundation Day
          2027-02-23 Tue The Emperor's Birthday
          2027-03-22 Mon Substitute holiday (Vernal Equinox Day is Sunday 21 March)
          2027-04-29 Thu Showa Day
          2027-05-03 Mon Constitution Memorial Day
          2027-05-04 Tue Greenery Day
          2027-05-05 Wed Children's Day
          2027-07-19 Mon Marine Day
          2027-08-11 Wed Mountain Day
          2027-09-20 Mon Respect for the Aged Day
          2027-09-23 Thu Autumnal Equinox Day
          2027-10-11 Mon Sports Day
          2027-11-03 Wed Culture Day
          2027-11-23 Tue Labour Thanksgiving Day
          2028-01-10 Mon Coming of Age Day
          2028-02-11 Fri National Foundation Day
          2028-02-23 Wed The Emperor's Birthday
          2028-03-20 Mon Vernal Equinox Day
          2028-05-03 Wed Constitution Memorial Day
          2028-05-04 Thu Greenery Day
          2028-05-05 Fri Children's Day
          """),
      // not the Bank Holiday (2 August 2027: banks only) and no Monday for Anzac Day on a Sunday
      Map.entry("AU/nsw", """
          2026-12-25 Fri Christmas Day
          2026-12-28 Mon Boxing Day (additional day)
          2027-01-01 Fri New Year's Day
          2027-01-26 Tue Australia Day
          2027-03-26 Fri Good Friday
          2027-03-29 Mon Easter Monday
          2027-06-14 Mon King's Birthday
          2027-10-04 Mon Labour Day
          2027-12-27 Mon Christmas Day (additional day)
          2027-12-28 Tue Boxing Day (additional day)
          2028-01-03 Mon New Year's Day (additional day)
          2028-01-26 Wed Australia Day
          2028-04-14 Fri Good Friday
          2028-04-17 Mon Easter Monday
          2028-04-25 Tue Anzac Day
          2028-06-12 Mon King's Birthday
          """),
      Map.entry("NZ", """
          2026-12-25 Fri Christmas Day
          2026-12-28 Mon Boxing Day (Mondayised)
          2027-01-01 Fri New Year's Day
          2027-01-04 Mon Day after New Year's Day (Mondayised)
          2027-02-08 Mon Waitangi Day (Mondayised)
          2027-03-26 Fri Good Friday
          2027-03-29 Mon Easter Monday
          2027-04-26 Mon Anzac Day (Mondayised)
          2027-06-07 Mon King's Birthday
          2027-06-25 Fri Matariki
          2027-10-25 Mon Labour Day
          2027-12-27 Mon Christmas Day (Mondayised)
          2027-12-28 Tue Boxing Day (Mondayised)
          2028-01-03 Mon New Year's Day (Mondayised)
          2028-01-04 Tue Day after New Year's Day (Mondayised)
          2028-02-07 Mon Waitangi Day (Mondayised)
          2028-04-14 Fri Good Friday
          2028-04-17 Mon Easter Monday
          2028-04-25 Tue Anzac Day
          2028-06-05 Mon King's Birthday
          """));

  private static final String COMPANY = """
      2026-12-24 Thu Company holiday
      2026-12-31 Thu Company holiday
      """;

  private SimulatedYearJudge() {}

  /** The judge's calendar for a customer in {@code country} (and {@code region}, or none). */
  static Customer forCustomer(String country, String region) {
    String place = region == null || region.isBlank() ? country : country + "/" + region;
    String list = DAYS_OFF.get(place);
    if (list == null) {
      throw new IllegalArgumentException("The judge has no days off written out for " + place);
    }
    Set<LocalDate> daysOff = new HashSet<>(parse(place, list).keySet());
    daysOff.addAll(parse(place, COMPANY).keySet());
    return new Customer(place, Set.copyOf(daysOff));
  }

  static Set<String> places() {
    return DAYS_OFF.keySet();
  }

  /** Each line {@code 2027-03-26 Fri Good Friday}; the weekday is checked, so a typo in a date shows. */
  static Map<LocalDate, String> parse(String place, String list) {
    Map<LocalDate, String> days = new HashMap<>();
    for (String line : list.strip().split("\n")) {
      String[] parts = line.strip().split(" ", 3);
      LocalDate date = LocalDate.parse(parts[0]);
      String weekday = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      if (!weekday.equals(parts[1]) || WEEKEND.contains(date.getDayOfWeek())) {
        throw new IllegalStateException(place + ": " + line + " is a " + weekday + ", not a weekday " + parts[1]);
      }
      days.put(date, parts[2]);
    }
    return days;
  }

  /** One place's business days and hours, by plain date arithmetic. */
  record Customer(String place, Set<LocalDate> daysOff) {

    boolean isBusinessDay(LocalDate date) {
      if (date.isBefore(FIRST) || date.isAfter(LAST)) {
        throw new IllegalArgumentException("The judge knows " + FIRST + " to " + LAST + ", not " + date);
      }
      return !WEEKEND.contains(date.getDayOfWeek()) && !daysOff.contains(date);
    }

    /** 09:00 (inclusive) to 17:00 (exclusive) local time, on a business day. */
    boolean isOpen(Instant moment, ZoneId zone) {
      ZonedDateTime local = moment.atZone(zone);
      LocalTime time = local.toLocalTime();
      return isBusinessDay(local.toLocalDate()) && !time.isBefore(OPENS) && time.isBefore(CLOSES);
    }

    /** The moment itself when open; otherwise 09:00 on this day (before opening) or the next business day. */
    Instant nextOpening(Instant moment, ZoneId zone) {
      if (isOpen(moment, zone)) {
        return moment;
      }
      ZonedDateTime local = moment.atZone(zone);
      LocalDate day = local.toLocalDate();
      if (!isBusinessDay(day) || !local.toLocalTime().isBefore(OPENS)) {
        day = day.plusDays(1);
        while (!isBusinessDay(day)) {
          day = day.plusDays(1);
        }
      }
      return day.atTime(OPENS).atZone(zone).toInstant();
    }

    /**
     * {@code days} business days after the moment's local date, at the same local time of day;
     * zero days moves a moment on a day off to the next business day.
     */
    Instant plusBusinessDays(Instant from, int days, ZoneId zone) {
      ZonedDateTime start = from.atZone(zone);
      LocalDate day = start.toLocalDate();
      for (int counted = 0; counted < days; ) {
        day = day.plusDays(1);
        if (isBusinessDay(day)) {
          counted++;
        }
      }
      while (!isBusinessDay(day)) {
        day = day.plusDays(1);
      }
      return start.with(day).toInstant();
    }
  }
}
