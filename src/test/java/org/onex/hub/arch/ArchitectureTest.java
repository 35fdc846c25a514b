package org.onex.hub.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md 8: package by feature with a fixed dependency direction. */
@AnalyzeClasses(packages = "org.onex.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * No two feature packages depend on each other, directly or around a loop (issue 14): {@code alert} and
     * {@code masking} are floors that the features use, {@code ops} and {@code console} ceilings that use them.
     */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.onex.hub.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule schemaDependsOnNothingElseInTheHub = noClasses().that().resideInAPackage("org.onex.hub.schema..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onex.hub.config..", "org.onex.hub.registry..",
                    "org.onex.hub.mapping..", "org.onex.hub.store..", "org.onex.hub.ingest..", "org.onex.hub.feed..",
                    "org.onex.hub.api..", "org.onex.hub.demo..", "org.onex.hub.ops..", "org.onex.hub.bench..");

    @ArchTest
    static final ArchRule storeKnowsNoSourcesOrChannels = noClasses().that().resideInAPackage("org.onex.hub.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onex.hub.ingest..", "org.onex.hub.feed..",
                    "org.onex.hub.api..", "org.onex.hub.mapping..");

    @ArchTest
    static final ArchRule mappingKnowsNoStoreOrChannels = noClasses().that().resideInAPackage("org.onex.hub.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onex.hub.store..", "org.onex.hub.ingest..",
                    "org.onex.hub.feed..", "org.onex.hub.api..");

    /**
     * Sharing policy, audit, authentication and the HTTP edge sit below every channel, so that REST, broker topics,
     * deliveries, push and the console can all call the one enforcement point without a loop back.
     */
    @ArchTest
    static final ArchRule policyAuditAuthAndWebKnowNoChannel = noClasses().that().resideInAnyPackage(
            "org.onex.hub.policy..", "org.onex.hub.audit..", "org.onex.hub.auth..", "org.onex.hub.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onex.hub.api..", "org.onex.hub.console..",
                    "org.onex.hub.feed..", "org.onex.hub.ingest..", "org.onex.hub.delivery..",
                    "org.onex.hub.deadline..", "org.onex.hub.ops..", "org.onex.hub.cli..", "org.onex.hub.demo..",
                    "org.onex.hub.bench..", "org.onex.hub.faults..");

    /** The HTTP edge and masking are floors: they know the record schema and nothing else of the hub. */
    @ArchTest
    static final ArchRule webAndMaskingDependOnSchemaOnly = noClasses().that().resideInAnyPackage(
            "org.onex.hub.web..", "org.onex.hub.masking..").should().dependOnClassesThat().resideInAnyPackage(
                    "org.onex.hub.config..", "org.onex.hub.registry..", "org.onex.hub.mapping..",
                    "org.onex.hub.store..", "org.onex.hub.alert..", "org.onex.hub.policy..", "org.onex.hub.audit..",
                    "org.onex.hub.auth..", "org.onex.hub.calendar..", "org.onex.hub.api..", "org.onex.hub.console..",
                    "org.onex.hub.feed..", "org.onex.hub.ingest..", "org.onex.hub.delivery..",
                    "org.onex.hub.deadline..", "org.onex.hub.ops..", "org.onex.hub.cli..");

    /**
     * Ingest and delivery share the connection code (data sources, SFTP servers, template parameters) through
     * {@code connect}, which knows no hub feature, instead of one borrowing the other's internals.
     */
    @ArchTest
    static final ArchRule connectKnowsNoHubFeature = noClasses().that()
            .resideInAPackage("org.onex.hub.connect..").should().dependOnClassesThat().resideInAnyPackage(
                    "org.onex.hub.ingest..", "org.onex.hub.delivery..", "org.onex.hub.store..",
                    "org.onex.hub.alert..", "org.onex.hub.ops..", "org.onex.hub.api..");

    /**
     * Cooperation exchanges (issue 15) write their records through ingest, their clocks through deadline and their
     * letters through delivery; none of those, nor the store or the feed, knows exchanges.
     */
    @ArchTest
    static final ArchRule exchangesSitAboveTheFeaturesTheyUse = noClasses().that().resideInAnyPackage(
            "org.onex.hub.ingest..", "org.onex.hub.deadline..", "org.onex.hub.delivery..", "org.onex.hub.store..",
            "org.onex.hub.feed..", "org.onex.hub.policy..").should().dependOnClassesThat()
            .resideInAPackage("org.onex.hub.exchange..");

    @ArchTest
    static final ArchRule deliveryUsesNoSourceInternals = noClasses().that().resideInAPackage(
            "org.onex.hub.delivery..").should().dependOnClassesThat().resideInAnyPackage("org.onex.hub.ingest.jdbc..",
                    "org.onex.hub.ingest.file..", "org.onex.hub.ingest.http..", "org.onex.hub.ingest.push..");

    /** The hub's main class finds its commands by name (cli.HubCommand): benchmark and fault suite stay apart. */
    @ArchTest
    static final ArchRule theMainClassImportsNoBenchmarkFaultSuiteOrDemo = noClasses().that()
            .resideInAPackage("org.onex.hub").should().dependOnClassesThat().resideInAnyPackage(
                    "org.onex.hub.bench..", "org.onex.hub.faults..", "org.onex.hub.demo..");

    @ArchTest
    static final ArchRule nothingButTheDemoUsesTheDemo = noClasses().that().resideOutsideOfPackages(
            "org.onex.hub.demo..", "org.onex.hub.bench..", "org.onex.hub.faults..").should().dependOnClassesThat()
            .resideInAPackage("org.onex.hub.demo..");

    /**
     * One web stack: the API and the console are Spring MVC controllers behind one Spring Security filter chain;
     * no Camel REST DSL, whose operations ran on Camel's threads and needed a second way to find the caller.
     */
    @ArchTest
    static final ArchRule theApiAndTheConsoleAreSpringMvcNotCamel = noClasses().that().resideInAnyPackage(
            "org.onex.hub.api..", "org.onex.hub.console..", "org.onex.hub.web..").should().dependOnClassesThat()
            .resideInAPackage("org.apache.camel..");

    /**
     * Every JSON answer of the API passes {@code ApiAnswers} (masking by value, compact or pretty): an operation
     * answers a typed value, never writes to the servlet response itself.
     */
    @ArchTest
    static final ArchRule apiOperationsDoNotWriteTheResponseThemselves = noClasses().that()
            .resideInAPackage("org.onex.hub.api..").and().areAnnotatedWith(
                    org.springframework.web.bind.annotation.RestController.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.servlet.http.HttpServletResponse");

    /**
     * One HTTP client towards departments ({@code connect.DepartmentHttp}: timeouts, no redirects, one status
     * classification); the demo, the benchmark and the fault suite play the other side and may use their own.
     */
    @ArchTest
    static final ArchRule departmentsAreCalledThroughOneHttpClient = noClasses().that().resideOutsideOfPackages(
            "org.onex.hub.connect..", "org.onex.hub.demo..", "org.onex.hub.bench..", "org.onex.hub.faults..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient");
}
