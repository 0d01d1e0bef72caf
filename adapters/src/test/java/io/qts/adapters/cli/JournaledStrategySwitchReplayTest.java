package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.engine.Strategies;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code qts replay} of a journal that switches to a strategy (an accepted session change) needs that strategy. */
class JournaledStrategySwitchReplayTest
{
    @TempDir
    Path dir;

    @AfterEach
    void forgetTheLoadedStrategies()
    {
        Strategies.useLoaded(List.of(), "");
    }

    @Test
    void aSwitchToAStrategyTheReplayDoesNotKnowStopsItBeforeItDecidesAnything() throws IOException
    {
        final Path var = dir.resolve("var");
        assertEquals(0, Cli.run("run", "--venue", "local", "--var-dir", var.toString()).exitCode);
        final Path in = Path.of(new ObjectMapper().readTree(var.resolve("last-run.json").toFile()).get("journal").asText());
        final long sequence = appendSwitch(in, "from-a-jar");

        final Cli unknown = Cli.run("replay", "--journal", in.toString());
        assertEquals(1, unknown.exitCode);
        assertEquals("qts: error: journal " + in + " switches to strategy 'from-a-jar' at input " + sequence + ", which is not "
            + "known here (known: sma-cross, ema-cross, momentum, volatility-breakout); load its jar with --strategy-path",
            unknown.err.strip());

        // Loaded (as --strategy-path would load its jar), the same journal replays.
        Strategies.useLoaded(List.of(namedOnly("from-a-jar")), "the test");
        assertEquals(0, Cli.run("replay", "--journal", in.toString()).exitCode);
    }

    /** Appends an ADMIN SET_STRATEGY naming {@code strategy} after the run's last input; returns its sequence. */
    private static long appendSwitch(final Path in, final String strategy)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final AdminCommandEncoder command = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(Long.MAX_VALUE / 2).action(AdminAction.SET_STRATEGY).paramValue(0).paramKey(strategy);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
        try (Journal journal = Journal.openForAppend(in); JournalAppender appender = journal.appender())
        {
            return appender.append(Long.MAX_VALUE / 2, Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer.byteArray(), 0, length);
        }
    }

    private static StrategyFactory namedOnly(final String name)
    {
        return new StrategyFactory()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public String description()
            {
                return "does nothing";
            }

            @Override
            public List<StrategyParameter> parameters()
            {
                return List.of();
            }

            @Override
            public Strategy create(final StrategyParams params, final StrategyContext context)
            {
                return new Strategy()
                {
                };
            }
        };
    }
}
