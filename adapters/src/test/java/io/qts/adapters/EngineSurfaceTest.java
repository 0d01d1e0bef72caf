package io.qts.adapters;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.RecentTradeIds;
import io.qts.engine.pipeline.DecodedInput;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.InputDecoder;
import io.qts.engine.pipeline.JournaledOrderFeed;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.pipeline.StageProbe;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The adapters use the engine through its public face (io.qts.engine), the strategy API and the simulated
 * venue; of its internals only the plug-in points docs/engine-layout.md lists: input decoders, the order
 * feed, the stage probe and the identifier rules. Never a risk control.
 */
class EngineSurfaceTest
{
    private static final JavaClasses ADAPTERS = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.qts.adapters");

    @Test
    void adaptersReachEngineInternalsOnlyThroughTheListedPlugInPoints()
    {
        noClasses().that().resideInAPackage("io.qts.adapters..")
            .should().dependOnClassesThat(
                resideInAnyPackage("io.qts.engine.pipeline", "io.qts.engine.book", "io.qts.engine.risk")
                    .and(not(type(DecodedInput.class)))
                    .and(not(type(InputDecoder.class)))
                    .and(not(type(InboundSlot.class)))
                    .and(not(type(OrderFeed.class)))
                    .and(not(type(OrderConsumer.class)))
                    .and(not(type(JournaledOrderFeed.class)))
                    .and(not(type(StageProbe.class)))
                    .and(not(type(ClientOrderIds.class)))
                    .and(not(type(RecentTradeIds.class))))
            .check(ADAPTERS);
    }
}
