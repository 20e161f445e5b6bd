package dev.followthrough.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Which dates are holidays: a country's public holidays, a company's, or both. */
@FunctionalInterface
public interface Holidays {

  boolean isHoliday(LocalDate date);

  static Holidays none() {
    return date -> false;
  }

  static Holidays of(Set<LocalDate> dates) {
    Set<LocalDate> copy = Set.copyOf(dates);
    return copy::contains;
  }

  default Holidays and(Holidays other) {
    return date -> isHoliday(date) || other.isHoliday(date);
  }
}
