package dev.followthrough.inbound;

import dev.followthrough.cases.CustomerReply;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNumber}/replies}: a reply recorded by hand goes through the same intake as email. */
@RestController
class RepliesController {

  private final InboundIntake intake;

  RepliesController(InboundIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/api/cases/{caseNumber}/replies")
  ResponseEntity<Map<String, String>> reply(@PathVariable String caseNumber, @Valid @RequestBody CustomerReply reply) {
    InboundIntake.HandledAs handledAs = intake.receive(caseNumber, reply);
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "handledAs", handledAs.name()));
  }
}
