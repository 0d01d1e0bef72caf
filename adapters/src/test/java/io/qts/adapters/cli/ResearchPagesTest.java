package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sweep.html and walkforward.html as written (their rendering: HeadlessChromiumTest), and the walk-forward's summary line. */
class ResearchPagesTest
{
    @TempDir
    Path dir;

    private Cli sweep(final String out, final String... extra) throws Exception
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final List<String> args = new ArrayList<>(List.of("sweep", "--data", bars.toString(), "--format", "ohlcv", "--symbol",
            "KRW-BTC", "--strategy", "sma-cross", "--size", "0.5", "--cash", "100000", "--commission", "0.001", "--rank", "totalReturn",
            "--out", dir.resolve(out).toString()));
        args.addAll(List.of(extra));
        final Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exitCode, cli.err);
        return cli;
    }

    /** fast 1..3 x slow 2..4: a 3 x 3 heat map, rows fast, columns slow; sma-cross refuses fast >= slow. */
    @Test
    void sweepPageHasAHeatMapOverTheTwoVaryingParameters() throws Exception
    {
        final Cli cli = sweep("s", "--param", "fast=1..3:1", "--param", "slow=2..4:1");
        assertTrue(cli.out.contains("sweep.csv, sweep.inputs.json, sweep.json and sweep.html"), cli.out);
        final String page = Files.readString(dir.resolve("s/sweep.html"));
        assertTrue(page.contains("<table class=\"heat\" id=\"heatmap\">\n<tr><th>fast \\ slow</th><th>2</th><th>3</th><th>4</th></tr>\n"
            + "<tr><th>1</th>"), "rows fast, columns slow");
        assertTrue(page.contains("<tr><th>2</th><td style=\"background:#ddd\" title=\"sma-cross needs 1 &lt;= fast &lt; slow, got fast=2 "
            + "slow=2\">refused</td>"), "a refused cell with the strategy's reason");
        assertTrue(page.contains("totalReturn by fast (rows) and slow (columns)"));
    }

    @Test
    void aGridOverOneParameterHasNoHeatMap() throws Exception
    {
        sweep("one", "--param", "fast=1..2:1", "--param", "slow=4");
        final String page = Files.readString(dir.resolve("one/sweep.html"));
        assertTrue(page.contains("this one varies 1."), "why there is no heat map");
        assertTrue(!page.contains("id=\"heatmap\""));
    }

    /** Two windows (train 8, test 3): the out-of-sample summary is the command's last line. */
    @Test
    void walkForwardPrintsItsOutOfSampleSummaryLast() throws Exception
    {
        final Cli cli = sweep("wf", "--param", "fast=1..2:1", "--param", "slow=3..4:1", "--train", "8", "--test", "3");
        final List<String> lines = cli.out.lines().toList();
        final String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("walk-forward: 2 windows of 8 train + 3 test events; out of sample: total return "), last);
        assertTrue(last.contains("buy and hold over the same span: "), last);
        // Test windows 00:08..00:10 and 00:11..00:13: the close goes from 100 to 150, +50% held.
        assertTrue(last.endsWith("(buy and hold over the same span: 50.00%)"), last);
        final String page = Files.readString(dir.resolve("wf/walkforward.html"));
        assertTrue(page.contains("<div class=\"chart\" id=\"chart-oos\">"), "the stitched out-of-sample chart");
        assertTrue(page.contains("<th>Buy and hold (same span)</th><td class=\"n\">50.00%</td>"));
    }
}
