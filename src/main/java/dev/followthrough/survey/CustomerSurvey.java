package dev.followthrough.survey;

import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.TimelineEvent;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.lifecycle.EngineClock;
import dev.followthrough.metrics.SurveyAnswers;
import dev.followthrough.metrics.SurveyProperties;
import dev.followthrough.metrics.SurveyTokens;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LQR's survey (R10): a signed token names the case and its closing; its answer is written
 * once, on the case, and a low rating opens the dissatisfied-customer path (R15). A token we did
 * not sign, or one of no known case, writes nothing.
 */
@Service
class CustomerSurvey {

  enum Outcome { RECORDED, ALREADY_ANSWERED, INVALID }

  private final SurveyTokens tokens;
  private final SurveyAnswers answers;
  private final CaseRecords records;
  private final SupportCases cases;
  private final SurveyProperties properties;

  CustomerSurvey(SurveyTokens tokens, SurveyAnswers answers, CaseRecords records, SupportCases cases,
                 SurveyProperties properties) {
    this.tokens = tokens;
    this.answers = answers;
    this.records = records;
    this.cases = cases;
    this.properties = properties;
  }

  /** The survey a token names, when it is ours and its case exists. */
  @Transactional(readOnly = true)
  Optional<SurveyTokens.Survey> survey(String token) {
    return tokens.verify(token).filter(survey -> records.find(survey.caseNumber()).isPresent());
  }

  @Transactional(readOnly = true)
  Optional<SurveyAnswers.Answer> answer(SurveyTokens.Survey survey) {
    return answers.find(survey);
  }

  @Transactional
  Outcome rate(String token, int rating) {
    Optional<SurveyTokens.Survey> survey = survey(token);
    if (survey.isEmpty() || rating < SurveyTokens.LOWEST_RATING || rating > SurveyTokens.HIGHEST_RATING) {
      return Outcome.INVALID;
    }
    String caseNumber = survey.get().caseNumber();
    Instant now = EngineClock.now();
    if (!answers.record(survey.get(), rating, now)) {
      return Outcome.ALREADY_ANSWERED;
    }
    records.addEvent(caseNumber, now, TimelineEvent.SURVEY_ANSWERED,
        "Survey answered: " + rating + " of " + SurveyTokens.HIGHEST_RATING);
    if (rating <= properties.dissatisfiedAtOrBelow()) {
      cases.dissatisfiedBySurvey(caseNumber, "survey rating " + rating + " of " + SurveyTokens.HIGHEST_RATING);
    }
    return Outcome.RECORDED;
  }

  /** The optional comment, once, after the rating. */
  @Transactional
  Outcome comment(String token, String comment) {
    Optional<SurveyTokens.Survey> survey = survey(token);
    if (survey.isEmpty() || comment == null || comment.isBlank()) {
      return Outcome.INVALID;
    }
    return answers.comment(survey.get(), comment.strip()) ? Outcome.RECORDED : Outcome.ALREADY_ANSWERED;
  }
}
