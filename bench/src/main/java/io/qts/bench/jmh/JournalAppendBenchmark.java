package io.qts.bench.jmh;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Appends one TradeTick entry (header, CRC32C, payload) to a Chronicle journal on disk, as the journal
 * stage does for every input. The journal lives in a temp directory for the whole trial. {@link #append} gives the
 * mean, {@link #appendBatch} the mean per entry of a 64-entry batch; {@link #appendTail} samples single appends for the percentiles up to p99.99 and the maximum, where
 * occasional work on the appending thread (file writes, mapping a new chunk, a file roll) shows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalAppendBenchmark
{
    private static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;
    /** As many as the engine's journal stage writes ahead at most (JournalStage.MAX_AHEAD). */
    private static final int BATCH = 64;

    private final byte[] payload = new byte[LENGTH];
    private Path dir;
    private Journal journal;
    private JournalAppender appender;
    private long timeNs = Codecs.START_NS;

    /** The appender is made here, on the benchmark thread: Chronicle appenders belong to one thread. */
    @Setup(Level.Trial)
    public void open() throws IOException
    {
        Codecs.tradeTick().getBytes(0, payload);
        dir = Files.createTempDirectory("qts-jmh-journal-");
        journal = Journal.openForAppend(dir);
        appender = journal.appender();
    }

    @Benchmark
    public long append()
    {
        return appender.append(++timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, LENGTH);
    }

    /** 64 entries as one batch (as the journal stage writes a backlog): the mean per entry, beside {@link #append}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendBatch()
    {
        appender.startBatch();
        long sequence = 0;
        for (int i = 0; i < BATCH; i++)
        {
            sequence = appender.append(++timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, LENGTH);
        }
        appender.endBatch();
        return sequence;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long appendTail()
    {
        return appender.append(++timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, LENGTH);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        appender.close();
        journal.close();
        TempDirs.delete(dir);
    }
}
