package dev.followthrough.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A process owner's correction of a country's days off, kept in the database: a day added or
 * removed, why, by whom and when.
 *
 * @param region only in this region (as Jollyday names it); null: in the whole country
 */
public record HolidayCorrection(long id, String country, String region, LocalDate date, Change change, String reason,
                                String by, Instant at) {

  public enum Change { ADD, REMOVE }
}
