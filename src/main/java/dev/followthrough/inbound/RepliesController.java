package dev.followthrough.inbound;

import dev.followthrough.casework.HandledAs;

import dev.followthrough.cases.CustomerReply;
import dev.followthrough.casework.JsonRequests;
import dev.followthrough.casework.ReplyIntake;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{caseNumber}/replies}: a reply recorded by hand goes through the same
 * intake as email. A client that may retry sends an {@code Idempotency-Key} header (or its own
 * {@code messageId}): the retry is answered with the first result and recorded once.
 */
@RestController
class RepliesController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final InboundIntake intake;
  private final ReplyIntake replies;
  private final JsonRequests requests;

  RepliesController(InboundIntake intake, ReplyIntake replies, JsonRequests requests) {
    this.intake = intake;
    this.replies = replies;
    this.requests = requests;
  }

  /** The case's replies, whole: the engineer's task shows a preview of a long one. */
  @GetMapping("/api/cases/{caseNumber}/replies")
  List<ReplyIntake.Kept> replies(@PathVariable String caseNumber) {
    return replies.replies(caseNumber);
  }

  @PostMapping("/api/cases/{caseNumber}/replies")
  ResponseEntity<Map<String, String>> reply(@PathVariable String caseNumber,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                            @RequestBody byte[] body) {
    CustomerReply reply = requests.read(body, CustomerReply.class, read -> keyProblems(key, read));
    HandledAs handledAs = intake.receive(caseNumber, reply, key);
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "handledAs", handledAs.name()));
  }

  private static Map<String, String> keyProblems(String key, CustomerReply reply) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (key != null && !key.matches("[\\x21-\\x7E]{1,200}")) {
      problems.put(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters, such as a UUID");
    } else if (key != null && reply.messageId() != null) {
      problems.put(IDEMPOTENCY_KEY, "give either this header or messageId in the body, not both");
    }
    return problems;
  }
}
