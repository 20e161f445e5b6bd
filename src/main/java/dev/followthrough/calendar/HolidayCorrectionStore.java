package dev.followthrough.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Process owners' holiday corrections in {@code ft_holiday_correction} (migration V10). */
@Component
class HolidayCorrectionStore implements HolidayCorrections {

  private static final String COLUMNS = "id, country, region, holiday_date, correction, reason, created_by, created_at";

  private final JdbcTemplate jdbc;

  HolidayCorrectionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<HolidayCorrection> of(String country, int year) {
    return jdbc.query("select " + COLUMNS + " from ft_holiday_correction where country = ? and holiday_date between ? and ?"
            + " and withdrawn_at is null order by created_at, id",
        HolidayCorrectionStore::correction, country, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  @Override
  public HolidayCorrection add(String country, String region, LocalDate date, HolidayCorrection.Change change,
                               String reason, String by, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into ft_holiday_correction"
          + " (country, region, holiday_date, correction, reason, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      insert.setString(1, country);
      insert.setString(2, region);
      insert.setObject(3, date);
      insert.setString(4, change.name());
      insert.setString(5, reason);
      insert.setString(6, by);
      insert.setObject(7, utc(at));
      return insert;
    }, key);
    return new HolidayCorrection(key.getKey().longValue(), country, region, date, change, reason, by, at);
  }

  @Override
  @Transactional
  public Optional<HolidayCorrection> withdraw(long id, String by, Instant at) {
    List<HolidayCorrection> found = jdbc.query("select " + COLUMNS + " from ft_holiday_correction where id = ?"
        + " and withdrawn_at is null", HolidayCorrectionStore::correction, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    jdbc.update("update ft_holiday_correction set withdrawn_by = ?, withdrawn_at = ? where id = ? and withdrawn_at is null",
        by, utc(at), id);
    return Optional.of(found.get(0));
  }

  private static HolidayCorrection correction(ResultSet rs, int row) throws SQLException {
    return new HolidayCorrection(rs.getLong("id"), rs.getString("country"), rs.getString("region"),
        rs.getObject("holiday_date", LocalDate.class), HolidayCorrection.Change.valueOf(rs.getString("correction")),
        rs.getString("reason"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
