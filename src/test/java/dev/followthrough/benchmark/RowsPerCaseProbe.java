package dev.followthrough.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.casework.SupportCases;
import dev.followthrough.lifecycle.Lifecycle;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What opening one case writes, table by table: the rows in every table after opening cases,
 * minus the rows before, divided by the cases; in-process ({@code SupportCases.open}) and through
 * {@code POST /api/cases} (MockMvc: its filters, controller and JSON, without a server). Run it
 * like the benchmark (its name keeps it out of {@code ./mvnw verify}):
 * {@code ./mvnw test -Dtest=RowsPerCaseProbe}.
 */
@SpringBootTest(classes = dev.followthrough.FollowthroughApplication.class, properties = "followthrough.inbound.polling=false")
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class RowsPerCaseProbe {

  private static final int CASES = 20;

  @Autowired SupportCases cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void rowsWrittenPerCaseOpened() throws Exception {
    cases.open(Lifecycle.aCase(UnaryOperator.identity())); // warms the caches
    postACase("PROBE-0");
    StringBuilder table = new StringBuilder();
    Map<String, Long> before = rows();
    for (int i = 0; i < CASES; i++) {
      cases.open(Lifecycle.aCase(UnaryOperator.identity())); // numbered CASE-1, CASE-2, … in this JVM
    }
    Map<String, Long> inProcess = rows();
    for (int i = 1; i <= CASES; i++) {
      postACase("PROBE-" + i);
    }
    Map<String, Long> posted = rows();
    table.append("\nrows written per case opened: in-process (SupportCases.open) | through POST /api/cases\n");
    double[] totals = new double[2];
    for (String name : posted.keySet()) {
      double opened = (inProcess.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / (double) CASES;
      double viaHttp = (posted.get(name) - inProcess.getOrDefault(name, 0L)) / (double) CASES;
      if (opened != 0 || viaHttp != 0) {
        table.append(String.format(Locale.ROOT, "%6.1f | %6.1f %s%n", opened, viaHttp, name));
        totals[0] += opened;
        totals[1] += viaHttp;
      }
    }
    table.append(String.format(Locale.ROOT, "%6.1f | %6.1f in all%n", totals[0], totals[1]));
    table.append("ACT_HI_DETAIL by variable: ").append(jdbc.queryForList(
        "select NAME_, count(*) as N from ACT_HI_DETAIL group by NAME_ order by N desc")).append('\n');
    System.out.println(table);
  }

  private void postACase(String caseNumber) throws Exception {
    mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Lifecycle.aCasePosted(caseNumber))))
        .andExpect(status().isCreated());
  }

  private Map<String, Long> rows() {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : jdbc.queryForList("select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = 'PUBLIC'"
        + " and TABLE_TYPE = 'BASE TABLE'", String.class)) {
      rows.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return rows;
  }
}
