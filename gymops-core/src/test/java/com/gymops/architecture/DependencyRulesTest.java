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

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on the compiled production classes of the
 * gymops module: the hexagon (domain and policies at the centre, the application services and their
 * ports around them, adapters outside, one composition root), and each library confined to the one
 * adapter that speaks it.
 */
class DependencyRulesTest {
  private static final String DOMAIN = "com.gymops.domain..";
  private static final String POLICY = "com.gymops.policy..";
  private static final String CONFIG = "com.gymops.config..";
  private static final String APPLICATION = "com.gymops.application..";
  private static final String PORTS = "com.gymops.application.port..";
  private static final String ADAPTERS = "com.gymops.adapter..";
  private static final String COMPOSITION_ROOT = "com.gymops.app..";
  private static final String CLI = "com.gymops.cli..";

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The fakes and the bench are modules of their own, on this module's test class path.
            .withImportOption(
                location ->
                    !location.contains("gymops-fakes") && !location.contains("gymops-bench"))
            .importPackages("com.gymops");
  }

  @Test
  void domain_depends_only_on_the_jdk() {
    classes()
        .that()
        .resideInAPackage(DOMAIN)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN)
        .check(production);
  }

  @Test
  void policy_depends_only_on_the_jdk_and_the_domain() {
    classes()
        .that()
        .resideInAPackage(POLICY)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN, POLICY)
        .check(production);
  }

  @Test
  void the_core_never_depends_on_adapters_the_composition_root_or_the_cli() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN, POLICY, CONFIG, APPLICATION)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS, COMPOSITION_ROOT, CLI)
        .check(production);
  }

  /**
   * A port speaks GymOps's own records, so the services behind it never see a vendor's types: only
   * the JDK, the domain, the policies, the settings and other ports.
   */
  @Test
  void ports_depend_only_on_the_jdk_the_domain_the_policies_the_settings_and_each_other() {
    classes()
        .that()
        .resideInAPackage(PORTS)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN, POLICY, CONFIG, PORTS)
        .check(production);
  }

  @Test
  void the_anthropic_sdk_is_used_only_by_the_llm_adapter() {
    onlyIn("com.anthropic..", "com.gymops.adapter.llm..");
  }

  @Test
  void javalin_is_used_only_by_the_web_adapter() {
    onlyIn("io.javalin..", "com.gymops.adapter.web..");
  }

  /** The MCP SDK (and the Jackson 3 and Reactor it brings) stays in the MCP adapter. */
  @Test
  void the_mcp_sdk_is_used_only_by_the_mcp_adapter() {
    onlyIn("io.modelcontextprotocol..", "com.gymops.adapter.mcp..");
    onlyIn("tools.jackson..", "com.gymops.adapter.mcp..");
    onlyIn("reactor..", "com.gymops.adapter.mcp..");
  }

  @Test
  void yaml_is_read_only_by_the_config_adapter() {
    onlyIn("com.fasterxml.jackson.dataformat.yaml..", "com.gymops.adapter.config..");
  }

  @Test
  void jdbi_flyway_and_hikari_are_used_only_by_the_persistence_adapter() {
    onlyIn("org.jdbi..", "com.gymops.adapter.persistence..");
    onlyIn("org.flywaydb..", "com.gymops.adapter.persistence..");
    onlyIn("com.zaxxer..", "com.gymops.adapter.persistence..");
  }

  /**
   * db-scheduler's tasks, serializer and reconciliation live in the schedule adapter; the
   * composition root starts it through {@code WorkflowScheduler} and never touches the library.
   */
  @Test
  void db_scheduler_is_used_only_by_the_schedule_adapter() {
    onlyIn("com.github.kagkarlsson..", "com.gymops.adapter.schedule..");
  }

  @Test
  void picocli_is_used_only_by_the_cli() {
    onlyIn("picocli..", CLI);
  }

  /**
   * The Jdbi implementations hide behind {@code adapter.persistence.Persistence}, which hands out
   * the store ports: nothing outside the package can name one.
   */
  @Test
  void jdbi_implementations_are_not_public() {
    classes()
        .that()
        .haveSimpleNameStartingWith("Jdbi")
        .and()
        .resideInAPackage("com.gymops.adapter.persistence..")
        .should()
        .notBePublic()
        .check(production);
  }

  /**
   * Each adapter speaks to the application through its ports, never to another adapter. The package
   * {@code com.gymops.adapter} itself holds what adapters share ({@code Sleeper}) and is not an
   * adapter.
   */
  @Test
  void adapters_do_not_depend_on_each_other() {
    slices().matching("com.gymops.adapter.(*)..").should().notDependOnEachOther().check(production);
  }

  @Test
  void packages_have_no_cycles() {
    slices().matching("com.gymops.(**)").should().beFreeOfCycles().check(production);
  }

  /**
   * The webhooks hand a payment to {@code payments}, the API and the console hand actions to {@code
   * care} and {@code console}; the run pipeline (runner, planner, ledger, executor) stays behind
   * them, so there is no second way from a request to a side effect. What web may touch in {@code
   * run} is read-only or a value: the door export, the run history, an action's outcome, and the
   * "already running" answer.
   */
  @Test
  void web_depends_on_no_run_internals() {
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
                "are run classes other than the read-only " + readOnly,
                (JavaClass target) ->
                    (target.getPackageName().equals("com.gymops.application.run")
                            || target.getPackageName().startsWith("com.gymops.application.run."))
                        && readOnly.stream()
                            .noneMatch(allowed -> target.getName().startsWith(allowed))))
        .check(production);
  }

  private static void onlyIn(String library, String user) {
    noClasses()
        .that()
        .resideOutsideOfPackage(user)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .check(production);
  }
}
