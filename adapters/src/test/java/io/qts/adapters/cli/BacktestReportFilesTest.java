package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics of a real backtest and its report.html, on Bars.ZIGZAG worked by hand. */
class BacktestReportFilesTest
{
    @TempDir
    Path dir;

    private JsonNode backtest() throws Exception
    {
        final Path data = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("backtest", "--data", data.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
            "--commission", "0.001", "--out", dir.resolve("out").toString());
        assertEquals(0, cli.exitCode, cli.err);
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    /**
     * Equity per bar: 100000 up to 00:05; long 0.5 from 00:06 (cash 99939.94) marked at 140, 130, 100:
     * 100009.94, 100004.94, 99989.94; sold at 00:09: 99989.89 flat to 00:12; long again from 00:13 (cash
     * 99929.83) at 150, 140: 100004.83, 99999.83.
     */
    @Test
    void metricsFollowTheEquityCurve() throws Exception
    {
        final JsonNode metrics = backtest().get("metrics");
        assertEquals("-0.0000017", metrics.get("totalReturn").asText());
        // Peak 100009.94 down to 99989.89: 20.05 / 100009.94.
        assertEquals("0.00020048", metrics.get("maxDrawdown").asText());
        // Holding at the close of 00:06, 00:07, 00:08, 00:13 and 00:14: 5 of 15 bars.
        assertEquals("0.33333333", metrics.get("exposure").asText());
        assertEquals(1, metrics.get("trades").asInt());
        assertEquals("0", metrics.get("winRate").asText());
        assertEquals("0", metrics.get("profitFactor").asText(), "no gross profit over 10.11 gross loss");
        // 14 one-minute returns over 14 minutes: one per minute of a 365.25-day year.
        assertEquals("525960", metrics.get("annualisation").get("periodsPerYear").asText());
        assertEquals(14, metrics.get("annualisation").get("returns").asInt());
        // 14 minutes are too short to annualise: Sharpe, Sortino and CAGR are null, each with its reason.
        assertTrue(metrics.get("sharpe").isNull());
        assertTrue(metrics.get("sortino").isNull());
        assertTrue(metrics.get("undefined").get("sharpe").asText().endsWith("is shorter than 1 day: annualising it would be meaningless"));
        // 14 minutes annualised would be a meaningless CAGR: null, with the reason stated once.
        assertTrue(metrics.get("cagr").isNull());
        assertTrue(metrics.get("undefined").get("cagr").asText().endsWith("is shorter than 30 days: annualising it would be meaningless"));
        assertEquals(0, metrics.get("rejectedByReason").get("INSUFFICIENT_CASH").asInt());
    }

    /**
     * One closed trade and one open position: three markers (two entries, one exit) on the price chart;
     * the figures as percentages; nothing loaded from anywhere (no src, href, import or url()).
     */
    @Test
    void htmlReportIsSelfContainedWithAMarkerPerFill() throws Exception
    {
        final JsonNode report = backtest();
        final String page = Files.readString(dir.resolve("out/report.html"));
        assertEquals(3, count(page, "<div class=\"chart\" id="), "return, drawdown, price");
        assertTrue(page.contains("\"markers\":{\"t\":[1704067560000,1704067740000,1704067980000],\"p\":[120.0,100.0,120.0],"
            + "\"k\":[1,0,1]}"), "buy 00:06 at 120, sell 00:09 at 100, buy 00:13 at 120 (open)");
        assertEquals(1, report.get("trades").size());
        for (final String loads : List.of(" src=", " href=", "@import", "url("))
        {
            assertFalse(page.contains(loads), "nothing fetched: " + loads);
        }
        assertTrue(page.contains("uPlot"), "uPlot inlined");
        assertTrue(page.contains("id=\"kpi-max-drawdown\">0.02%<"), "max drawdown 0.00020048 as a percentage");
        assertTrue(page.contains("<tr><th>fast</th><td class=\"n\">2</td></tr>"), "parameters table");
        assertTrue(page.contains("<th>day (UTC)</th>"), "15 minutes of bars: a daily returns table");
        assertTrue(page.contains("No order was rejected."), "zero reasons are not listed");
    }

    /** A notional cap of 1 refuses both entries (sma-cross 2/4 signals twice): only that reason is listed, with its meaning. */
    @Test
    void htmlReportListsOnlyTheRejectionReasonsThatOccurred() throws Exception
    {
        final Path data = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("backtest", "--data", data.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
            "--max-order-notional", "1", "--out", dir.resolve("capped").toString());
        assertEquals(0, cli.exitCode, cli.err);
        final String page = Files.readString(dir.resolve("capped/report.html"));
        assertTrue(page.contains("<tr><th>MAX_ORDER_NOTIONAL</th><td class=\"n\">2</td><td>the order's notional was above "
            + "maxOrderNotional</td></tr>"), "the reason, its count and its meaning");
        final String rejects = page.substring(page.indexOf("<table id=\"rejects\">"), page.indexOf("</table>", page.indexOf("<table id=\"rejects\">")));
        assertEquals(2, count(rejects, "<tr>"), "the header and one reason");
        assertFalse(page.contains("INSUFFICIENT_CASH"), "reasons that never happened are left out");
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
