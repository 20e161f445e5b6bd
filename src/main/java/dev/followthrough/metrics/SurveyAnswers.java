package dev.followthrough.metrics;

import dev.followthrough.cases.Preview;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The survey's answers ({@code ft_survey_answer}); the case keeps its latest rating for the
 * metrics ({@code ft_case.survey_rating}). An answer is written once: a second one for the same
 * survey is refused by the primary key, and nothing changes.
 */
@Repository
public class SurveyAnswers {

  public static final int LONGEST_COMMENT = 2000;

  public record Answer(int rating, String comment, Instant answeredAt) {}

  private final JdbcTemplate jdbc;

  SurveyAnswers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Answer> find(SurveyTokens.Survey survey) {
    return jdbc.query("select rating, answer_comment, answered_at from ft_survey_answer "
            + "where case_number = ? and process_instance_id = ?",
        (rs, row) -> new Answer(rs.getInt("rating"), rs.getString("answer_comment"),
            rs.getObject("answered_at", java.time.OffsetDateTime.class).toInstant()),
        survey.caseNumber(), survey.processInstanceId()).stream().findFirst();
  }

  /** @return false when this survey was answered before (nothing written) */
  public boolean record(SurveyTokens.Survey survey, int rating, Instant at) {
    if (find(survey).isPresent()) {
      return false;
    }
    try {
      jdbc.update("insert into ft_survey_answer (case_number, process_instance_id, rating, answered_at) values (?, ?, ?, ?)",
          survey.caseNumber(), survey.processInstanceId(), rating, at.atOffset(ZoneOffset.UTC));
    } catch (DuplicateKeyException e) {
      return false;
    }
    jdbc.update("update ft_case set survey_rating = ? where case_number = ?", rating, survey.caseNumber());
    return true;
  }

  /** @return false unless the survey was answered and has no comment yet */
  public boolean comment(SurveyTokens.Survey survey, String comment) {
    return jdbc.update("update ft_survey_answer set answer_comment = ? where case_number = ? and process_instance_id = ? "
        + "and answer_comment is null", Preview.of(comment, LONGEST_COMMENT), survey.caseNumber(),
        survey.processInstanceId()) > 0;
  }
}
