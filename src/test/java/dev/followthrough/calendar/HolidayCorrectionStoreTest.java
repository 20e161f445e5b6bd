package dev.followthrough.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.LocalPostgres;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Process owners' corrections in {@code ft_holiday_correction} (migration V10), on H2 and on
 * PostgreSQL: stored with reason, who and when; the year's corrections read oldest first; a
 * withdrawn one kept but no longer in force.
 */
class HolidayCorrectionStoreTest {

  abstract static class OnADatabase {

    abstract DataSource dataSource();

    @Test
    void aCorrectionIsKeptWithItsReasonWhoAndWhen_andTakenBack() {
      DataSource dataSource = dataSource();
      // our tables only, up to the corrections' own migration: later ones index the engine's tables,
      // which this database (no engine here) does not have
      Flyway.configure().dataSource(dataSource).target("10").load().migrate();
      HolidayCorrectionStore store = new HolidayCorrectionStore(new JdbcTemplate(dataSource));
      Instant at = Instant.parse("2026-11-30T10:15:30Z");

      HolidayCorrection first = store.add("JP", null, LocalDate.of(2027, 2, 23), HolidayCorrection.Change.ADD,
          "Emperor's Birthday", "paula", at);
      HolidayCorrection second = store.add("JP", null, LocalDate.of(2027, 12, 23), HolidayCorrection.Change.REMOVE,
          "Not a holiday since 2019", "paula", at.plusSeconds(60));
      store.add("JP", null, LocalDate.of(2028, 2, 23), HolidayCorrection.Change.ADD, "Next year", "paula", at);
      store.add("AU", "nsw", LocalDate.of(2027, 8, 2), HolidayCorrection.Change.REMOVE, "Banks only", "paula", at);

      assertThat(store.of("JP", 2027)).containsExactly(first, second);
      assertThat(store.of("AU", 2027)).singleElement().satisfies(correction -> {
        assertThat(correction.region()).isEqualTo("nsw");
        assertThat(correction.at()).isEqualTo(at);
      });

      assertThat(store.withdraw(first.id(), "olga", at.plusSeconds(120))).contains(first);
      assertThat(store.of("JP", 2027)).containsExactly(second);
      assertThat(store.withdraw(first.id(), "olga", at.plusSeconds(180))).as("already withdrawn").isEmpty();
      assertThat(new JdbcTemplate(dataSource).queryForObject(
          "select withdrawn_by from ft_holiday_correction where id = ?", String.class, first.id()))
          .as("kept, marked withdrawn").isEqualTo("olga");
    }
  }

  @Nested
  class OnH2 extends OnADatabase {
    @Override
    DataSource dataSource() {
      return new DriverManagerDataSource("jdbc:h2:mem:holiday-corrections-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
  }

  @Nested
  @LocalPostgres.Required
  class OnPostgres extends OnADatabase {
    @Override
    DataSource dataSource() {
      return new DriverManagerDataSource(LocalPostgres.freshDatabase("followthrough_holidays"), LocalPostgres.USER, "");
    }
  }
}
