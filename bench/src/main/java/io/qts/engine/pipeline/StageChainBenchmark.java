package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.bench.jmh.TempDirs;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The whole stage chain inline on the benchmark thread, as a backtest (journal=false) or as the live
 * engine thread runs it (journal=true: write-ahead to a Chronicle journal on disk first). One
 * operation is one trade of a wave that makes sma-cross trade twice per
 * {@value StageFixtures#WAVE_PERIOD} trades. The simulated venue accepts each order and fills it at the
 * next trade's price; its answers go through the chain as inputs too, inside
 * the operation of the trade that triggers them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StageChainBenchmark
{
    @Param({"false", "true"})
    public boolean journal;

    private final UnsafeBuffer trades = StageFixtures.waveTrades();
    private Path dir;
    private Journal onDisk;
    private QueuedOrders orders;
    private InlineEngine engine;
    private SimulatedExchange exchange;
    private long timeNs = Codecs.START_NS;
    private int next;

    /** Built on the benchmark thread: the journal's appender belongs to the thread that opens the chain. */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        if (journal)
        {
            dir = Files.createTempDirectory("qts-jmh-chain-");
            onDisk = Journal.openForAppend(dir);
        }
        orders = new QueuedOrders();
        engine = new InlineEngine(StageFixtures.context(), onDisk, orders, OutputListener.NONE);
        exchange = new SimulatedExchange(new SimulatedVenue(StageFixtures.COMMISSION_RATE), orders, engine);
        exchange.accept(timeNs, Sources.REFERENCE, EntryHeader.FORMAT_SBE, StageFixtures.instrumentDefinition(), 0,
            StageFixtures.instrumentDefinitionLength());
    }

    @Benchmark
    public void onTrade()
    {
        final int i = next;
        next = i + 1 == StageFixtures.WAVE_PERIOD ? 0 : i + 1;
        timeNs++;
        // Orders decided on the last trade reach the venue, the venue fills them at this trade's price,
        // then the engine sees the trade: the sequence of a backtest.
        exchange.accept(timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, trades, i * StageFixtures.TRADE_LENGTH,
            StageFixtures.TRADE_LENGTH);
    }

    /** Fails the run if the measured path did not trade: then the score would be of a chain that only watches. */
    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        engine.close();
        final EngineResult result = engine.result();
        if (result.orders() == 0 || result.fills() == 0 || result.rejectedOrders() > 0 || result.malformed() > 0)
        {
            throw new IllegalStateException("the chain did not trade as planned: " + result.orders() + " orders, " +
                result.fills() + " fills, " + result.rejectedOrders() + " rejected, " + result.malformed() + " malformed");
        }
        if (onDisk != null)
        {
            onDisk.close();
            TempDirs.delete(dir);
        }
    }
}
