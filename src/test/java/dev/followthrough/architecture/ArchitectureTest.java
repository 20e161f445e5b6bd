package dev.followthrough.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.beans.Introspector;
import org.springframework.stereotype.Component;

/**
 * One way through the house: entry points (the mailbox, the admin API, the local profile's
 * wiring) call the use cases, the use cases drive the process, and the process uses the domain
 * (case records, calendar, engineers, mail rendering and sending). Nothing reaches back up, and no
 * two packages import each other.
 */
@AnalyzeClasses(packages = "dev.followthrough", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.followthrough.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule dependenciesRunOneWay = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("Local").definedBy("dev.followthrough.local..")
      .layer("Entry points").definedBy("dev.followthrough.inbound..", "dev.followthrough.admin..",
          "dev.followthrough.holidays..", "dev.followthrough.reporting..", "dev.followthrough.survey..")
      .layer("Use cases").definedBy("dev.followthrough.casework..")
      .layer("Security").definedBy("dev.followthrough.security..")
      .layer("Process").definedBy("dev.followthrough.lifecycle..")
      .layer("Domain").definedBy("dev.followthrough.cases..", "dev.followthrough.calendar..",
          "dev.followthrough.engineers..", "dev.followthrough.mail..", "dev.followthrough.metrics..")
      .whereLayer("Local").mayNotBeAccessedByAnyLayer()
      .whereLayer("Entry points").mayOnlyBeAccessedByLayers("Local")
      .whereLayer("Use cases").mayOnlyBeAccessedByLayers("Entry points")
      .whereLayer("Security").mayOnlyBeAccessedByLayers("Entry points", "Use cases", "Local")
      .whereLayer("Process").mayOnlyBeAccessedByLayers("Entry points", "Use cases", "Security");

  /**
   * The model reads beans by name ({@code ${followUps.…}}, {@code ${sendEmail}}): a bean is named
   * like its class, so a process owner's expression leads straight to the class behind it.
   */
  @ArchTest
  static final ArchRule beansAreNamedLikeTheirClasses = classes()
      .that(DescribedPredicate.describe("are named Spring beans", (JavaClass type) -> !beanName(type).isEmpty()))
      .should(new ArchCondition<>("be named like their class") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          String expected = Introspector.decapitalize(type.getSimpleName());
          events.add(new SimpleConditionEvent(type, beanName(type).equals(expected),
              type.getName() + " is bean '" + beanName(type) + "', expected '" + expected + "'"));
        }
      });

  /** The explicit name a stereotype annotation gives the class, or empty. */
  private static String beanName(JavaClass type) {
    return type.getAnnotations().stream()
        .filter(annotation -> annotation.getRawType().isAnnotatedWith(Component.class)
            || annotation.getRawType().isEquivalentTo(Component.class))
        .map(annotation -> String.valueOf(annotation.get("value").orElse("")))
        .filter(name -> !name.isEmpty())
        .findFirst().orElse("");
  }
}
