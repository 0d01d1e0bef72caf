package io.qts.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.pipeline.StateChanges;
import io.qts.engine.risk.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of DESIGN.md sections 1 and 4 that a machine can check, and the engine's package layout (docs/engine-layout.md). */
class ArchitectureTest
{
    private static final JavaClasses ENGINE_AND_JOURNAL = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.qts.engine", "io.qts.journal");

    @Test
    void theEngineKnowsNoSocketsJsonOrLogging()
    {
        noClasses().that().resideInAPackage("io.qts.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.netty..", "com.fasterxml.jackson..", "java.net..", "org.slf4j..", "java.util.logging..", "org.apache.logging..", "ch.qos.logback..")
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void dependenciesPointOneWay()
    {
        noClasses().that().resideInAPackage("io.qts.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("io.qts.engine..", "io.qts.adapters..")
            .check(ENGINE_AND_JOURNAL);
        noClasses().that().resideInAPackage("io.qts.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.qts.adapters..", "io.qts.bench..")
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void businessCodeReadsNoClockAndNoUnseededRandomness()
    {
        noClasses().that().resideInAPackage("io.qts.engine..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().callConstructor(Random.class)
            .orShould().callMethod(Math.class, "random")
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void theStrategyApiNeedsNothingEngineInternalButFixedPoint()
    {
        classes().that().resideInAPackage("io.qts.engine.strategy")
            .should().onlyDependOnClassesThat(
                resideOutsideOfPackage("io.qts.engine..")
                    .or(resideInAPackage("io.qts.engine.strategy"))
                    .or(type(FixedPoint.class)))
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void builtInStrategiesUseOnlyThePublicStrategyApi()
    {
        classes().that().resideInAPackage("io.qts.engine.strategy.builtin")
            .should().onlyDependOnClassesThat(
                resideOutsideOfPackage("io.qts.engine..")
                    .or(resideInAnyPackage("io.qts.engine.strategy", "io.qts.engine.strategy.builtin"))
                    .or(type(FixedPoint.class)))
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void theBookKnowsNoStageRiskControlOrVenue()
    {
        noClasses().that().resideInAPackage("io.qts.engine.book")
            .should().dependOnClassesThat().resideInAnyPackage(
                "io.qts.engine.pipeline", "io.qts.engine.risk", "io.qts.engine.venue", "io.qts.engine.strategy..")
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void riskControlsKnowNeitherTheSimulatedVenueNorTheStagesExceptStateChanges()
    {
        noClasses().that().resideInAPackage("io.qts.engine.risk")
            .should().dependOnClassesThat(
                resideInAnyPackage("io.qts.engine.venue", "io.qts.engine.pipeline", "io.qts.engine.strategy..")
                    .and(not(type(StateChanges.class))))
            .check(ENGINE_AND_JOURNAL);
    }

    @Test
    void theSimulatedVenueSeesTheEngineOnlyThroughOrderFeedsAndTheBook()
    {
        noClasses().that().resideInAPackage("io.qts.engine.venue")
            .should().dependOnClassesThat(
                resideInAnyPackage("io.qts.engine.risk", "io.qts.engine.pipeline", "io.qts.engine.strategy..")
                    .and(not(type(OrderFeed.class)))
                    .and(not(type(OrderConsumer.class))))
            .check(ENGINE_AND_JOURNAL);
    }

    /**
     * The sub-packages form no cycle, but for one: the circuit breaker (risk) records its moves through the
     * pipeline's StateChanges, which the pipeline's risk stage also uses for halts (docs/engine-layout.md).
     * io.qts.engine itself is the public face: it builds on every sub-package, and they use its FixedPoint,
     * EngineContext, InputSink and OutputListener, so it is no slice of this rule.
     */
    @Test
    void theEngineSubPackagesFormNoCycle()
    {
        slices().matching("io.qts.engine.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(CircuitBreaker.class, StateChanges.class)
            .check(ENGINE_AND_JOURNAL);
    }
}
