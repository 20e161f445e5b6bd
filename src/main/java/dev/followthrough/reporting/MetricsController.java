package dev.followthrough.reporting;

import dev.followthrough.metrics.Figures;
import dev.followthrough.metrics.MetricDefinitions;
import dev.followthrough.metrics.MetricsFilter;
import dev.followthrough.metrics.MetricsQueries;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import dev.followthrough.lifecycle.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metrics (R24) as JSON, with their definitions, and as CSV: {@code from} and {@code to}
 * (dates, both included) and {@code segment} (severity, tier, engineer, team, product, week).
 * A bad parameter is answered 400 naming it.
 */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final MetricsQueries queries;

  MetricsController(MetricsQueries queries) {
    this.queries = queries;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String segment) {
    MetricsQueries.Report report = queries.report(filter(from, to, segment));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", report.filter().from().toString());
    body.put("to", report.filter().to().toString());
    body.put("segment", report.filter().segment().id());
    body.put("overall", report.overall());
    body.put("segments", report.segments());
    body.put("firstResponseBucketsBusinessHours", Figures.FIRST_RESPONSE_BUCKETS);
    body.put("definitions", MetricDefinitions.ALL);
    return body;
  }

  /** One row per segment (or one for all), one column per figure; lists spread over numbered columns. */
  @GetMapping(path = "/export.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String segment) throws IOException {
    MetricsQueries.Report report = queries.report(filter(from, to, segment));
    List<Figures> rows = report.segments().isEmpty() ? List.of(report.overall()) : report.segments();
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header().toArray(String[]::new)).get())) {
      for (Figures row : rows) {
        csv.printRecord(values(row));
      }
    }
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"followthrough-metrics-"
            + report.filter().from() + "-" + report.filter().to() + ".csv\"")
        .body(out.toString());
  }

  private MetricsFilter filter(String from, String to, String segment) {
    return MetricsFilter.parse(from, to, segment, today());
  }

  /** Today as the engine sees it (UTC): the clock the facts were recorded with. */
  static LocalDate today() {
    return EngineClock.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
  }

  private static List<String> header() {
    List<String> header = new ArrayList<>();
    for (RecordComponent field : Figures.class.getRecordComponents()) {
      if (field.getName().equals("firstResponseDistribution")) {
        List<Integer> bounds = Figures.FIRST_RESPONSE_BUCKETS;
        for (int i = 0; i <= bounds.size(); i++) {
          header.add("firstResponse" + (i == 0 ? "0" : bounds.get(i - 1)) + (i == bounds.size() ? "hPlus" : "To" + bounds.get(i) + "h"));
        }
      } else if (field.getName().equals("strikesFunnel")) {
        for (int strike = 0; strike <= 3; strike++) {
          header.add("strikesReached" + strike);
        }
      } else {
        header.add(field.getName());
      }
    }
    return header;
  }

  private static List<Object> values(Figures figures) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent field : Figures.class.getRecordComponents()) {
      try {
        Object value = field.getAccessor().invoke(figures);
        if (value instanceof List<?> list) {
          values.addAll(list);
        } else {
          values.add(value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }
}
