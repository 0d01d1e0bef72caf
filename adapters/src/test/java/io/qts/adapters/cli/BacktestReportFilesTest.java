package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void htmlReportIsSelfContainedWithAMarkerPerTrade() throws Exception
    {
        final JsonNode report = backtest();
        final Path html = dir.resolve("out/report.html");
        assertTrue(Files.isRegularFile(html));
        final String page = Files.readString(html);
        final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
        assertEquals(3, doc.getElementsByTagName("svg").getLength(), "equity, drawdown, price");
        assertEquals(report.get("trades").size(), count(page, "<g class=\"trade\">"));
        assertEquals(1, count(page, "<g class=\"open-position\">"), "the position still open at the end");
        assertEquals(report.get("trades").size() + 1, count(page, "<g class=\"entry\">"));
        assertEquals(report.get("trades").size(), count(page, "<g class=\"exit\">"));
        final String withoutSvgNamespace = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutSvgNamespace.contains("http://") || withoutSvgNamespace.contains("https://"), "nothing fetched");
        assertFalse(page.contains("<script"), "no script");
        assertTrue(page.contains("<th>maxDrawdown</th><td class=\"n\">0.00020048</td>"), "metrics table");
        assertTrue(page.contains("<th>param fast</th><td class=\"n\">2</td>"), "parameters table");
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
