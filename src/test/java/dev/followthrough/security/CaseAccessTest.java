package dev.followthrough.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.security.CaseAccess.Action;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may do what with a case assigned to {@code erin}, one row per caller, group and action. */
class CaseAccessTest {

  @ParameterizedTest(name = "{0} in [{1}] {3} {4}: {2}")
  @CsvSource(delimiter = '|', value = {
      // user | groups                      | allowed | method | path
      "erin   | engineers                   | true    | GET    | /api/cases/C-1",
      "erin   | engineers                   | true    | POST   | /api/cases/C-1/replies",
      "erin   | engineers                   | true    | POST   | /api/cases/C-1/dissatisfaction",
      "erin   | engineers                   | true    | POST   | /api/cases/C-1/customer-away",
      "eli    | engineers                   | false   | GET    | /api/cases/C-1",
      "eli    | engineers                   | false   | POST   | /api/cases/C-1/replies",
      "eli    | engineers                   | false   | POST   | /api/cases/C-1/dissatisfaction",
      "eli    | engineers                   | false   | POST   | /api/cases/C-1/customer-away",
      "erin   | managers                    | true    | GET    | /api/cases/C-1",
      "erin   | ''                          | false   | GET    | /api/cases/C-1",
      "avery  | technical-advisors          | true    | GET    | /api/cases/C-1",
      "avery  | technical-advisors          | true    | POST   | /api/cases/C-1/dissatisfaction",
      "avery  | technical-advisors          | false   | POST   | /api/cases/C-1/replies",
      "avery  | technical-advisors          | false   | POST   | /api/cases/C-1/customer-away",
      "morgan | managers                    | true    | GET    | /api/cases/C-1",
      "morgan | managers                    | false   | POST   | /api/cases/C-1/dissatisfaction",
      "morgan | managers                    | false   | POST   | /api/cases/C-1/replies",
      "paula  | process-owners              | true    | GET    | /api/cases/C-1",
      "paula  | process-owners              | false   | POST   | /api/cases/C-1/customer-away",
      "root   | camunda-admin               | true    | POST   | /api/cases/C-1/replies",
      "eli    | engineers,technical-advisors| true    | GET    | /api/cases/C-1",
      "erin   | engineers                   | true    | POST   | /ctx/api/cases/C-1/unknown-action",
      "eli    | engineers                   | false   | DELETE | /api/cases/C-1",
      "erin   | engineers                   | true    | GET    | /api/cases/C-1/attachments/7",
      "eli    | engineers                   | false   | GET    | /api/cases/C-1/attachments",
      "eli    | engineers                   | false   | GET    | /api/cases/C-1/attachments/7",
      "avery  | technical-advisors          | true    | GET    | /api/cases/C-1/attachments/7",
      "erin   | ''                          | false   | GET    | /api/cases/C-1/attachments/7"})
  void theCasesEngineer_andTheRightGroups_only(String user, String groups, boolean allowed, String method, String path) {
    Set<String> memberOf = Arrays.stream(groups.split(",")).map(String::trim).filter(group -> !group.isEmpty())
        .collect(Collectors.toSet());

    assertThat(CaseAccess.allows(user, memberOf, "erin", Action.of(method, path))).isEqualTo(allowed);
  }
}
