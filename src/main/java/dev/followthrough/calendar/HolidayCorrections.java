package dev.followthrough.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where process owners' corrections are kept (the database; nothing in a unit test). */
public interface HolidayCorrections {

  /** The corrections in force for days of {@code year} in {@code country}, oldest first. */
  List<HolidayCorrection> of(String country, int year);

  HolidayCorrection add(String country, String region, LocalDate date, HolidayCorrection.Change change, String reason,
                        String by, Instant at);

  /** Takes a correction back (it is kept, marked withdrawn); empty when there is none in force with this id. */
  Optional<HolidayCorrection> withdraw(long id, String by, Instant at);

  static HolidayCorrections none() {
    return new HolidayCorrections() {
      @Override
      public List<HolidayCorrection> of(String country, int year) {
        return List.of();
      }

      @Override
      public HolidayCorrection add(String country, String region, LocalDate date, HolidayCorrection.Change change,
                                   String reason, String by, Instant at) {
        throw new IllegalStateException("This calendar reads the configuration only: corrections are kept by HolidayCorrectionStore");
      }

      @Override
      public Optional<HolidayCorrection> withdraw(long id, String by, Instant at) {
        return Optional.empty();
      }
    };
  }
}
