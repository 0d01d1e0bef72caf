package io.qts.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of DESIGN.md sections 1 and 4 that a machine can check. */
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
}
