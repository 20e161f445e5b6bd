package dev.followthrough.casework;

import dev.followthrough.cases.CaseNotFound;
import dev.followthrough.cases.CaseRecords;
import dev.followthrough.cases.CaseValidation;
import dev.followthrough.cases.MultiLine;

import dev.followthrough.cases.NewCase;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: open a case, flag dissatisfaction, mark the customer away, see where it stands.
 * Bodies are read by {@link JsonRequests}: strictly, every bad field named at once.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  record Dissatisfaction(@Size(max = 2000) @MultiLine String reason) {}

  record CustomerAway(@NotNull LocalDate until) {}

  private final SupportCases cases;
  private final CaseRecords records;
  private final CaseValidation validation;
  private final JsonRequests requests;

  CaseController(SupportCases cases, CaseRecords records, CaseValidation validation, JsonRequests requests) {
    this.cases = cases;
    this.records = records;
    this.validation = validation;
    this.requests = requests;
  }

  /**
   * The case number is the client's own idempotency key: a retried open of a case that exists
   * answers 409 (the case is there; {@code GET} shows it) and changes nothing.
   */
  @PostMapping
  ResponseEntity<Map<String, String>> open(@RequestBody byte[] body) {
    NewCase newCase = requests.read(body, NewCase.class, validation::problems);
    ProcessInstance instance = cases.open(newCase);
    return ResponseEntity.created(URI.create("/api/cases/" + newCase.caseNumber()))
        .body(Map.of("caseNumber", newCase.caseNumber(), "processInstanceId", instance.getId()));
  }

  @GetMapping("/{caseNumber}")
  CaseView view(@PathVariable String caseNumber) {
    return cases.view(caseNumber);
  }

  /** The whole problem description: the engineer's forms show a preview of a long one. */
  @GetMapping("/{caseNumber}/problem-description")
  Map<String, String> problemDescription(@PathVariable String caseNumber) {
    records.find(caseNumber).orElseThrow(() -> new CaseNotFound(caseNumber));
    return Map.of("caseNumber", caseNumber, "problemDescription", records.problemDescription(caseNumber).orElse(""));
  }

  @PostMapping("/{caseNumber}/customer-away")
  ResponseEntity<Map<String, Object>> customerAway(@PathVariable String caseNumber, @RequestBody byte[] body) {
    CustomerAway away = requests.read(body, CustomerAway.class);
    var moved = cases.customerAway(caseNumber, away.until());
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "awayUntil", away.until().toString(),
        "timersMoved", moved));
  }

  @PostMapping("/{caseNumber}/dissatisfaction")
  ResponseEntity<Map<String, String>> dissatisfied(@PathVariable String caseNumber, @RequestBody byte[] body) {
    Dissatisfaction dissatisfaction = requests.read(body, Dissatisfaction.class);
    cases.flagDissatisfied(caseNumber, dissatisfaction.reason());
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "flagged", "dissatisfied"));
  }
}
