package dev.followthrough.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
      .layer("Entry points").definedBy("dev.followthrough.inbound..", "dev.followthrough.admin..")
      .layer("Use cases").definedBy("dev.followthrough.casework..")
      .layer("Security").definedBy("dev.followthrough.security..")
      .layer("Process").definedBy("dev.followthrough.lifecycle..")
      .layer("Domain").definedBy("dev.followthrough.cases..", "dev.followthrough.calendar..",
          "dev.followthrough.engineers..", "dev.followthrough.mail..")
      .whereLayer("Local").mayNotBeAccessedByAnyLayer()
      .whereLayer("Entry points").mayOnlyBeAccessedByLayers("Local")
      .whereLayer("Use cases").mayOnlyBeAccessedByLayers("Entry points")
      .whereLayer("Security").mayOnlyBeAccessedByLayers("Entry points", "Use cases", "Local")
      .whereLayer("Process").mayOnlyBeAccessedByLayers("Entry points", "Use cases", "Security");
}
