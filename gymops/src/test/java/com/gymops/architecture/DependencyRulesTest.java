package com.gymops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, checked on the compiled production classes. */
class DependencyRulesTest {
  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.gymops");
  }

  @Test
  void domain_depends_only_on_the_jdk() {
    classes()
        .that()
        .resideInAPackage("com.gymops.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.gymops.domain..")
        .check(production);
  }

  @Test
  void policy_depends_only_on_the_jdk_and_the_domain() {
    classes()
        .that()
        .resideInAPackage("com.gymops.policy..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.gymops.domain..", "com.gymops.policy..")
        .check(production);
  }

  @Test
  void packages_have_no_cycles() {
    slices().matching("com.gymops.(*)..").should().beFreeOfCycles().check(production);
  }

  @Test
  void only_the_composition_root_and_the_store_know_the_jdbi_implementations() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.gymops.app..", "com.gymops.adapter.persistence..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Jdbi")
        .check(production);
  }

  @Test
  void adapters_do_not_depend_on_each_other() {
    String[] adapters = {
      "com.gymops.adapter.persistence..",
      "com.gymops.cli..",
      "com.gymops.adapter..",
      "com.gymops.adapter.web.."
    };
    for (String adapter : adapters) {
      String[] others =
          java.util.Arrays.stream(adapters)
              .filter(other -> !other.equals(adapter))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(adapter)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(production);
    }
  }

  /**
   * bench holds fakes in production code (the Messages API, scripted models) because {@code gymops
   * bench} is a production command; nothing but the command that starts it may reach them, so a
   * fake can never be wired into a real run.
   */
  @Test
  void only_the_cli_depends_on_the_bench_and_its_fakes() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.gymops.bench..", "com.gymops.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.gymops.bench..")
        .check(production);
  }

  /**
   * The webhooks hand a payment to {@code payments}, the API and the console hand actions to {@code
   * care} and {@code console}; the run pipeline (runner, planner, ledger, executor) stays behind
   * them, so there is no second way from a request to a side effect. What web may touch in {@code
   * workflow} is read-only or a value: the door export, the run history, an action's outcome, and
   * the "already running" answer.
   */
  @Test
  void web_depends_on_no_workflow_internals() {
    Set<String> readOnly =
        Set.of(
            "com.gymops.application.run.DoorStateExport",
            "com.gymops.application.run.RunHistory",
            "com.gymops.application.run.Outcome",
            "com.gymops.application.run.RunInProgressException");
    noClasses()
        .that()
        .resideInAPackage("com.gymops.adapter.web..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are workflow classes other than the read-only " + readOnly,
                (JavaClass target) ->
                    target.getPackageName().startsWith("com.gymops.application.run")
                        && readOnly.stream()
                            .noneMatch(allowed -> target.getName().startsWith(allowed))))
        .check(production);
  }

  @Test
  void only_the_cli_uses_picocli_and_only_the_store_uses_jdbi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.gymops.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(production);
    noClasses()
        .that()
        .resideOutsideOfPackage("com.gymops.adapter.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "org.flywaydb..", "com.zaxxer..")
        .check(production);
  }
}
