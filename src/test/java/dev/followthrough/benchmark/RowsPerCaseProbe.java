package dev.followthrough.benchmark;

import dev.followthrough.casework.SupportCases;
import dev.followthrough.lifecycle.Lifecycle;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What opening one case writes, table by table: the rows in every table after opening cases,
 * minus the rows before, divided by the cases. Run it like the benchmark (its name keeps it out of
 * {@code ./mvnw verify}): {@code ./mvnw test -Dtest=RowsPerCaseProbe}.
 */
@SpringBootTest(classes = dev.followthrough.FollowthroughApplication.class, properties = "followthrough.inbound.polling=false")
@ActiveProfiles({"local", "test"})
class RowsPerCaseProbe {

  private static final int CASES = 20;

  @Autowired SupportCases cases;
  @Autowired JdbcTemplate jdbc;

  @Test
  void rowsWrittenPerCaseOpened() {
    cases.open(Lifecycle.aCase(UnaryOperator.identity())); // warms the caches
    Map<String, Long> before = rows();
    for (int i = 0; i < CASES; i++) {
      cases.open(Lifecycle.aCase(UnaryOperator.identity())); // numbered CASE-1, CASE-2, … in this JVM
    }
    Map<String, Long> after = rows();
    double total = 0;
    StringBuilder table = new StringBuilder("\nrows written per case opened\n");
    for (var entry : after.entrySet()) {
      double perCase = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / (double) CASES;
      if (perCase != 0) {
        table.append(String.format(java.util.Locale.ROOT, "%6.1f %s%n", perCase, entry.getKey()));
        total += perCase;
      }
    }
    table.append(String.format(java.util.Locale.ROOT, "%6.1f in all%n", total));
    table.append("ACT_HI_DETAIL by variable: ").append(jdbc.queryForList(
        "select NAME_, count(*) as N from ACT_HI_DETAIL group by NAME_ order by N desc")).append('\n');
    System.out.println(table);
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
