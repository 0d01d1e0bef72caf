package io.qts.adapters.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * report.html, sweep.html and walkforward.html rendered by a real browser: headless Chromium (Debian
 * package {@code chromium}) runs each page's scripts, then the test reads the DOM it built and a screenshot.
 * Without chromium on the PATH the test is skipped with a message, unless {@code -Dqts.requireChromium=true},
 * where a missing browser fails it.
 */
class HeadlessChromiumTest
{
    private static final long BROWSER_TIMEOUT_S = 120;
    private static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium()
    {
        for (final String name : List.of("chromium", "chromium-browser"))
        {
            for (final String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            {
                final Path candidate = Path.of(folder, name);
                if (chromium == null && Files.isExecutable(candidate))
                {
                    chromium = candidate;
                }
            }
        }
        if (chromium == null && Boolean.getBoolean("qts.requireChromium"))
        {
            fail("-Dqts.requireChromium=true but no chromium on the PATH (Debian: apt-get install -y chromium)");
        }
    }

    /** Per test, so that each is reported as skipped with the reason. */
    @BeforeEach
    void needsChromium()
    {
        Assumptions.assumeTrue(chromium != null,
            "skipped: no chromium on the PATH to render the HTML reports (Debian: apt-get install -y chromium)");
    }

    /**
     * The public NVDA check (sma-cross 10/30, size 1, cash 10000): 73 trades, total return 0.00337088,
     * max drawdown 0.00183945, Sharpe 0.37349514, shown as 0.34%, 0.18% and 0.37; three charts drawn.
     */
    @Test
    void reportHtmlDrawsItsChartsAndShowsTheRunsNumbers() throws Exception
    {
        final Path out = dir.resolve("out");
        final Cli cli = Cli.run("backtest", "--data", SharedData.file("backtrader/nvda-1999-2014.txt").toString(), "--format", "yahoo",
            "--symbol", "NVDA", "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30", "--size", "1", "--cash", "10000",
            "--out", out.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final Rendered page = render(out.resolve("report.html"));
        assertTrue(page.dom.contains("data-ready=\"true\""), "the page script ran to its end");
        assertTrue(page.dom.contains("data-charts=\"3\""), "return, drawdown and price charts drawn");
        assertEquals(3, count(page.dom, "<canvas"), "one canvas per chart");
        assertTrue(page.dom.contains("id=\"kpi-total-return\">0.34%<"), "total return 0.00337088");
        assertTrue(page.dom.contains("id=\"kpi-max-drawdown\">0.18%<"), "max drawdown 0.00183945");
        assertTrue(page.dom.contains("id=\"kpi-sharpe\">0.37<"), "Sharpe 0.37349514");
        assertTrue(page.dom.contains("id=\"kpi-trades\">73<"));
        assertEquals(73, count(table(page.dom, "trades"), "<tr><td data-v="), "a row per trade");
        assertTrue(page.dom.contains("No order was rejected."));
        assertTrue(page.dom.contains("<th>Jan</th>"), "a monthly table for 15 years");
        assertTrue(page.dom.contains("<tr><th>2007</th>"), "a row per year");
        assertTrue(page.colouredLike(0x1f, 0x5f, 0xbf) > 200, "the strategy's line is drawn: " + page.colouredLike(0x1f, 0x5f, 0xbf));
        assertTrue(page.colouredLike(0xc0, 0x20, 0x20) > 50, "exit markers and the drawdown are drawn");
        assertTrue(page.colouredLike(0x1a, 0x9a, 0x3a) > 50, "entry markers are drawn");
    }

    /**
     * The two-instrument report of {@link PortfolioBacktestTest} (AAA, BBB, at most one open position): the
     * portfolio's return with each instrument's buy-and-hold, the drawdown and one price chart per instrument
     * drawn; the per-instrument table and the trades with their symbol.
     */
    @Test
    void portfolioReportDrawsEachInstrumentAndItsTable() throws Exception
    {
        final Path aaa = Files.writeString(dir.resolve("aaa.csv"), PortfolioBacktestTest.AAA);
        final Path bbb = Files.writeString(dir.resolve("bbb.csv"), PortfolioBacktestTest.BBB);
        final Path out = dir.resolve("portfolio");
        final Cli cli = Cli.run("backtest", "--data", aaa.toString(), "--symbol", "AAA", "--data", bbb.toString(), "--symbol", "BBB",
            "--format", "ohlcv", "--strategy", "sma-cross", "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", "100",
            "--commission", "0.01", "--max-open-positions", "1", "--out", out.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final Rendered page = render(out.resolve("report.html"));
        assertTrue(page.dom.contains("data-ready=\"true\""), "the page script ran to its end");
        assertTrue(page.dom.contains("data-charts=\"4\""), "return, drawdown and a price chart per instrument drawn");
        assertEquals(4, count(page.dom, "<canvas"), "one canvas per chart");
        final String instruments = table(page.dom, "instruments");
        assertEquals(2, count(instruments, "<tr><td>"), "a row per instrument");
        assertTrue(instruments.contains("<td>BBB</td>") && instruments.contains(">10.00%<"), "BBB's buy and hold, 22 / 20 - 1");
        assertTrue(table(page.dom, "trades").contains("<td>AAA</td>"), "the trade's symbol");
        assertTrue(page.dom.contains("id=\"kpi-final-value\">99.065<"));
        assertTrue(page.colouredLike(0x1f, 0x5f, 0xbf) > 50, "the portfolio's line is drawn");
        assertTrue(page.colouredLike(0xd0, 0x80, 0x20) > 20, "BBB's buy-and-hold line is drawn");
    }

    /** fast 1..3 x slow 2..4 on the 15 hand-made bars: six runs and three refused cells in a 3 x 3 heat map. */
    @Test
    void sweepPageDrawsAHeatMapOfTheTwoParameters() throws Exception
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Path out = dir.resolve("sweep");
        final Cli cli = Cli.run("sweep", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC", "--strategy", "sma-cross",
            "--size", "0.5", "--cash", "100000", "--commission", "0.001", "--param", "fast=1..3:1", "--param", "slow=2..4:1",
            "--rank", "totalReturn", "--out", out.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final Rendered page = render(out.resolve("sweep.html"));
        assertTrue(page.dom.contains("data-ready=\"true\""), "the page script ran to its end");
        final String heat = table(page.dom, "heatmap");
        assertEquals(3, count(heat, ">refused</td>"), "(2,2), (3,2) and (3,3) are refused by sma-cross");
        assertEquals(6, count(heat, "style=\"background:hsl("), "six runs coloured by total return");
        assertEquals(6 + 1, count(table(page.dom, "runs"), "<tr>"), "six runs in the table, plus its header");
        assertTrue(page.colouredLike(0xdd, 0xdd, 0xdd) > 100, "refused cells are grey");
    }

    /** Two windows (train 8, test 3) on the 15 bars: the stitched out-of-sample chart and the summary line. */
    @Test
    void walkForwardPageDrawsTheStitchedOutOfSampleReturn() throws Exception
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Path out = dir.resolve("wf");
        final Cli cli = Cli.run("sweep", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC", "--strategy", "sma-cross",
            "--size", "0.5", "--cash", "100000", "--commission", "0.001", "--param", "fast=1..2:1", "--param", "slow=3..4:1",
            "--rank", "totalReturn", "--train", "8", "--test", "3", "--out", out.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final Rendered page = render(out.resolve("walkforward.html"));
        assertTrue(page.dom.contains("data-ready=\"true\""), "the page script ran to its end");
        assertTrue(page.dom.contains("data-charts=\"1\""), "the out-of-sample chart is drawn");
        assertEquals(2 + 1, count(table(page.dom, "windows"), "<tr>"), "two windows, plus the header");
        assertTrue(page.colouredLike(0x1f, 0x5f, 0xbf) > 50, "the out-of-sample line is drawn");
    }

    private record Rendered(String dom, BufferedImage screenshot)
    {
        /** Pixels within a small distance of the colour (anti-aliased lines are blended at their edges). */
        int colouredLike(final int r, final int g, final int b)
        {
            int n = 0;
            for (int y = 0; y < screenshot.getHeight(); y++)
            {
                for (int x = 0; x < screenshot.getWidth(); x++)
                {
                    final int rgb = screenshot.getRGB(x, y);
                    final int dr = ((rgb >> 16) & 0xff) - r;
                    final int dg = ((rgb >> 8) & 0xff) - g;
                    final int db = (rgb & 0xff) - b;
                    n += dr * dr + dg * dg + db * db < 30 * 30 ? 1 : 0;
                }
            }
            return n;
        }
    }

    /**
     * Loads the page in headless Chromium twice, for the DOM its scripts built and for a screenshot, and
     * fails on any console message (the pages log nothing; an uncaught error is logged as one).
     */
    private Rendered render(final Path html) throws IOException, InterruptedException
    {
        final String dom = chromium(html, "--dump-dom");
        final Path png = dir.resolve(html.getFileName() + ".png");
        chromium(html, "--screenshot=" + png);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(dom.contains("<pre id=\"page-errors\" hidden=\"hidden\"></pre>"), "no script error shown on the page");
        return new Rendered(dom, image);
    }

    private String chromium(final Path html, final String action) throws IOException, InterruptedException
    {
        final Path stdout = Files.createTempFile(dir, "chromium", ".out");
        final Path stderr = Files.createTempFile(dir, "chromium", ".err");
        final Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=" + dir.resolve("profile"), "--window-size=1200,2400", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=10000", action, html.toUri().toString())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(BROWSER_TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            fail("chromium did not finish " + action + " of " + html + " in " + BROWSER_TIMEOUT_S + " s");
        }
        final String log = Files.readString(stderr);
        assertEquals(0, process.exitValue(), log);
        final Matcher console = Pattern.compile(".*:CONSOLE.*").matcher(log);
        if (console.find())
        {
            fail("console message from " + html.getFileName() + ": " + console.group());
        }
        return Files.readString(stdout);
    }

    /** The markup of the table with this id. */
    private static String table(final String dom, final String id)
    {
        final int start = dom.indexOf("<table class=\"", dom.indexOf(" id=\"" + id + "\">") - 40);
        assertTrue(dom.contains(" id=\"" + id + "\">"), "table " + id + " on the page");
        return dom.substring(start, dom.indexOf("</table>", start));
    }

    private static int count(final String text, final String needle)
    {
        final Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find())
        {
            n++;
        }
        return n;
    }
}
