package dev.followthrough.survey;

import dev.followthrough.metrics.SurveyAnswers;
import dev.followthrough.metrics.SurveyTokens;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The survey's pages, without login. The LQR's links open a page ({@code GET}, which writes
 * nothing, because mail scanners and link previews fetch links on their own); the customer's
 * click on "Send my rating" records it ({@code POST}), then a thank-you page offers a comment box.
 * A replayed answer shows "already answered" (409), a token we did not sign a clear 400; neither
 * writes anything.
 */
@Controller
@RequestMapping("/survey")
class SurveyController {

  private final CustomerSurvey survey;

  SurveyController(CustomerSurvey survey) {
    this.survey = survey;
  }

  @GetMapping("/{token}")
  ResponseEntity<String> open(@PathVariable String token, @RequestParam(required = false) String rating) {
    Optional<SurveyTokens.Survey> found = survey.survey(token);
    if (found.isEmpty()) {
      return invalid();
    }
    Optional<SurveyAnswers.Answer> answer = survey.answer(found.get());
    if (answer.isPresent()) {
      return page(HttpStatus.OK, "Already answered", "<p>Thank you: you rated case "
          + html(found.get().caseNumber()) + " " + answer.get().rating() + " of " + SurveyTokens.HIGHEST_RATING
          + " already. Each survey takes one answer.</p>");
    }
    int chosen = parse(rating);
    String choices = IntStream.rangeClosed(SurveyTokens.LOWEST_RATING, SurveyTokens.HIGHEST_RATING)
        .mapToObj(value -> "<label class=\"choice\"><input type=\"radio\" name=\"rating\" value=\"" + value + "\""
            + (value == chosen ? " checked" : "") + " required> " + value + "</label>")
        .collect(Collectors.joining(" "));
    return page(HttpStatus.OK, "How did we do?", "<p>How would you rate the support you had on case "
        + html(found.get().caseNumber()) + "? 1 is poor, 5 is excellent.</p>"
        + "<form method=\"post\" action=\"" + html(token) + "\"><p>" + choices + "</p>"
        + "<p><button type=\"submit\" id=\"send-rating\">Send my rating</button></p></form>");
  }

  @PostMapping("/{token}")
  ResponseEntity<String> rate(@PathVariable String token, @RequestParam(required = false) String rating) {
    int value = parse(rating);
    if (value == 0) {
      return page(HttpStatus.BAD_REQUEST, "Choose a rating", "<p>rating: choose a number from "
          + SurveyTokens.LOWEST_RATING + " to " + SurveyTokens.HIGHEST_RATING + ".</p>");
    }
    return switch (survey.rate(token, value)) {
      case INVALID -> invalid();
      case ALREADY_ANSWERED -> page(HttpStatus.CONFLICT, "Already answered",
          "<p>This survey was answered already; each survey takes one answer. Thank you.</p>");
      case RECORDED -> page(HttpStatus.OK, "Thank you", "<p>Thank you for rating us " + value + " of "
          + SurveyTokens.HIGHEST_RATING + ".</p><form method=\"post\" action=\"" + html(token) + "/comment\">"
          + "<p><label for=\"comment\">Anything you would like to tell us? (optional)</label></p>"
          + "<p><textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\""
          + SurveyAnswers.LONGEST_COMMENT + "\"></textarea></p>"
          + "<p><button type=\"submit\" id=\"send-comment\">Send the comment</button></p></form>");
    };
  }

  @PostMapping("/{token}/comment")
  ResponseEntity<String> comment(@PathVariable String token, @RequestParam(required = false) String comment) {
    if (comment != null && comment.length() > SurveyAnswers.LONGEST_COMMENT) {
      return page(HttpStatus.BAD_REQUEST, "Comment too long", "<p>comment: at most "
          + SurveyAnswers.LONGEST_COMMENT + " characters, please.</p>");
    }
    return switch (survey.comment(token, comment)) {
      case INVALID -> comment == null || comment.isBlank()
          ? page(HttpStatus.BAD_REQUEST, "No comment", "<p>comment: write something, or simply close this page.</p>")
          : invalid();
      case ALREADY_ANSWERED -> page(HttpStatus.CONFLICT, "Already answered",
          "<p>We have your comment already, or the survey has no rating yet. Thank you.</p>");
      case RECORDED -> page(HttpStatus.OK, "Thank you", "<p>Thank you for your comment: every answer is read.</p>");
    };
  }

  private static int parse(String rating) {
    if (rating == null || !rating.matches("[1-9]")) {
      return 0;
    }
    int value = Integer.parseInt(rating);
    return value <= SurveyTokens.HIGHEST_RATING ? value : 0;
  }

  private static ResponseEntity<String> invalid() {
    return page(HttpStatus.BAD_REQUEST, "This link is not valid",
        "<p>This survey link is not valid: it may have been cut in the email. Please copy the whole link, "
            + "or simply reply to the email.</p>");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">"
        + "<title>" + html(title) + "</title><style>body{font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em}"
        + ".choice{margin-right:1em;font-size:1.3em}button{font-size:1.1em;padding:.4em 1em}</style></head><body><h1>"
        + html(title) + "</h1>" + body + "</body></html>";
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").body(html);
  }

  private static String html(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
