package dev.followthrough.casework;

import dev.followthrough.cases.NewCase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case API: open a case, flag dissatisfaction, mark the customer away, see where it stands. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  record Dissatisfaction(@Size(max = 2000) String reason) {}

  record CustomerAway(@jakarta.validation.constraints.NotNull java.time.LocalDate until) {}

  private final SupportCases cases;

  CaseController(SupportCases cases) {
    this.cases = cases;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> open(@RequestBody NewCase newCase) {
    ProcessInstance instance = cases.open(newCase);
    return ResponseEntity.created(URI.create("/api/cases/" + newCase.caseNumber()))
        .body(Map.of("caseNumber", newCase.caseNumber(), "processInstanceId", instance.getId()));
  }

  @GetMapping("/{caseNumber}")
  CaseView view(@PathVariable String caseNumber) {
    return cases.view(caseNumber);
  }

  @PostMapping("/{caseNumber}/customer-away")
  ResponseEntity<Map<String, Object>> customerAway(@PathVariable String caseNumber,
                                                   @Valid @RequestBody CustomerAway away) {
    var moved = cases.customerAway(caseNumber, away.until());
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "awayUntil", away.until().toString(),
        "timersMoved", moved));
  }

  @PostMapping("/{caseNumber}/dissatisfaction")
  ResponseEntity<Map<String, String>> dissatisfied(@PathVariable String caseNumber,
                                                   @Valid @RequestBody Dissatisfaction dissatisfaction) {
    cases.flagDissatisfied(caseNumber, dissatisfaction.reason());
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "flagged", "dissatisfied"));
  }
}
