package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import io.qts.engine.InputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new journal appears complete or not at all, and an existing one is never touched. */
class JournalImportTest
{
    @TempDir
    Path dir;

    @Test
    void barsReadBackFromTheJournalAsInTheFile() throws IOException
    {
        final MarketSeries series = MarketDataFile.read(TestFiles.csv(dir, "nvda.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "1999-01-22,1.750000,1.953125,1.552083,1.640625,1.518424,67867200",
            "1999-01-25,1.770833,1.833333,1.640625,1.812500,1.677496,12762000"), DataFormat.YAHOO, "NVDA");
        final Path journal = dir.resolve("journals").resolve("nvda");

        assertEquals(3, JournalImport.write(series, journal));

        assertEquals(List.of(
            "reference 1999-01-22T00:00:00Z definition id=1 NVDA priceScale=6 qtyScale=8",
            "market 1999-01-22T00:00:00Z bar id=1 PT24H o=1750000 h=1953125 l=1552083 c=1640625 v=6786720000000000",
            "market 1999-01-25T00:00:00Z bar id=1 PT24H o=1770833 h=1833333 l=1640625 c=1812500 v=1276200000000000"),
            DecodedEvents.inJournal(journal));
        assertEquals(List.of("nvda"), TestFiles.names(journal.getParent()));
    }

    @Test
    void tradesReadBackFromTheJournalAsInTheFile() throws IOException
    {
        final MarketSeries series = MarketDataFile.read(TestFiles.csv(dir, "freqtrade.csv",
            ",timestamp,id,type,side,price,amount,cost,date",
            "0,1675329600138,1206419187,,buy,1666.8,26.062,43440.1416,2023-02-02 09:20:00.138000+00:00",
            "1,1675329600214,1206419188,,sell,1666.79,0.152,253.35208,2023-02-02 09:20:00.214000+00:00"),
            DataFormat.TRADES, "ETH/USDT");
        final Path journal = dir.resolve("eth");

        assertEquals(3, JournalImport.write(series, journal));

        assertEquals(List.of(
            "reference 2023-02-02T09:20:00.138Z definition id=1 ETH/USDT priceScale=2 qtyScale=8",
            "market 2023-02-02T09:20:00.138Z trade id=1 BUY price=166680 qty=2606200000 tradeId=1206419187",
            "market 2023-02-02T09:20:00.214Z trade id=1 SELL price=166679 qty=15200000 tradeId=1206419188"),
            DecodedEvents.inJournal(journal));
    }

    @Test
    void anEmptyDirectoryMayReceiveTheJournal() throws IOException
    {
        final Path journal = Files.createDirectory(dir.resolve("empty"));

        assertEquals(3, JournalImport.write(twoBars(), journal));

        assertEquals(3, DecodedEvents.inJournal(journal).size());
        assertEquals(List.of("bars.csv", "empty"), TestFiles.names(dir));
    }

    @Test
    void anExistingJournalIsRefusedAndLeftAsItWas() throws IOException
    {
        final Path journal = dir.resolve("journal");
        JournalImport.write(twoBars(), journal);
        final List<String> before = DecodedEvents.inJournal(journal);

        final UserError error = assertThrows(UserError.class, () -> JournalImport.write(twoBars(), journal));

        assertEquals(journal + " already holds a journal; import only writes a new one", error.getMessage());
        assertEquals(before, DecodedEvents.inJournal(journal));
        assertEquals(List.of("bars.csv", "journal"), TestFiles.names(dir));
    }

    @Test
    void aDirectoryWithOtherContentOrAFileIsRefused() throws IOException
    {
        final Path notEmpty = Files.createDirectory(dir.resolve("not-empty"));
        Files.writeString(notEmpty.resolve("notes.txt"), "keep me");
        final Path file = Files.writeString(dir.resolve("file"), "keep me");

        assertEquals(notEmpty + " is not empty; import only writes a new journal",
            assertThrows(UserError.class, () -> JournalImport.write(twoBars(), notEmpty)).getMessage());
        assertEquals(file + " exists and is not a directory",
            assertThrows(UserError.class, () -> JournalImport.write(twoBars(), file)).getMessage());
        assertEquals(List.of("notes.txt"), TestFiles.names(notEmpty));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void aFailureInTheMiddleOfWritingLeavesNoJournalAndNoTemporaryDirectory() throws IOException
    {
        final MarketSeries series = twoBars();
        final Path journal = dir.resolve("journal");

        final IllegalStateException failure = assertThrows(IllegalStateException.class, () ->
            JournalImport.write(journal, (sink) -> series.replay(failOnThird(sink))));

        assertEquals("disk full", failure.getMessage());
        assertFalse(Files.exists(journal));
        assertEquals(List.of("bars.csv"), TestFiles.names(dir));
    }

    @Test
    void aFailureLeavesAnEmptyTargetDirectoryEmpty() throws IOException
    {
        final MarketSeries series = twoBars();
        final Path journal = Files.createDirectory(dir.resolve("journal"));

        assertThrows(IllegalStateException.class, () ->
            JournalImport.write(journal, (sink) -> series.replay(failOnThird(sink))));

        assertTrue(Files.isDirectory(journal));
        assertEquals(List.of(), TestFiles.names(journal));
        assertEquals(List.of("bars.csv", "journal"), TestFiles.names(dir));
    }

    private static InputSink failOnThird(final InputSink sink)
    {
        final int[] calls = {0};
        return (timeNs, sourceId, format, buffer, offset, length) ->
        {
            if (++calls[0] == 3)
            {
                throw new IllegalStateException("disk full");
            }
            sink.accept(timeNs, sourceId, format, buffer, offset, length);
        };
    }

    private MarketSeries twoBars() throws IOException
    {
        return MarketDataFile.read(TestFiles.csv(dir, "bars.csv",
            "timestamp,open,high,low,close,volume",
            "2022-01-01 00:00:00,2,3,1,2,7",
            "2022-01-01 00:01:00,2,3,1,2,8"), DataFormat.OHLCV, "X");
    }

}
