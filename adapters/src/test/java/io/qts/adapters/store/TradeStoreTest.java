package io.qts.adapters.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trade store on SQLite: kept up beside a live run, equal to a rebuild from the journal, and answering "what did we trade". */
class TradeStoreTest
{
    private static final String ALL_ROWS = "SELECT 'o', client_order_id, action, time_utc, symbol, side, order_type, price, qty, '', '' "
        + "FROM orders WHERE run_id = ? UNION ALL SELECT 'f', fill_no, client_order_id, time_utc, symbol, side, price, qty, leaves_qty, "
        + "commission, '' FROM fills WHERE run_id = ? UNION ALL SELECT 'd', day, realized_pnl, commission, fills, '', '', '', '', '', '' "
        + "FROM daily_pnl WHERE run_id = ? ORDER BY 1, 2, 3";

    @TempDir
    Path dir;

    private static String[] cli(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void aLiveRunsStoreHoldsItsOrdersAndFillsAndARebuildFromTheJournalEqualsIt() throws Exception
    {
        final Path var = dir.resolve("var");
        final String[] run = cli("run", "--var-dir", var.toString());
        assertTrue(run[0].contains("  store       "), run[0]);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        final String runId = last.get("runId").asText();
        final List<List<String>> live;
        try (TradeStore store = TradeStore.open("jdbc:sqlite:" + var.resolve("trades.db"), null, null))
        {
            live = store.query(ALL_ROWS, runId, runId, runId);
            assertEquals(List.of(List.of(last.get("orders").asText(), last.get("fills").asText())), store.query(
                "SELECT (SELECT COUNT(*) FROM orders WHERE run_id = ?), (SELECT COUNT(*) FROM fills WHERE run_id = ?)", runId, runId),
                "every order and fill of the run: " + last);
        }
        assertTrue(last.get("fills").asLong() > 0, last.toString());

        final Path rebuilt = dir.resolve("rebuilt.db");
        final String[] rebuild = cli("store", "rebuild", "--journal", last.get("journal").asText(), "--db", "jdbc:sqlite:" + rebuilt);
        assertTrue(rebuild[0].startsWith("rebuilt " + runId + " from "), rebuild[0]);
        try (TradeStore store = TradeStore.open("jdbc:sqlite:" + rebuilt, null, null))
        {
            assertEquals(live, store.query(ALL_ROWS, runId, runId, runId), "the rebuild equals the live projection, row for row");
        }
        cli("store", "rebuild", "--journal", last.get("journal").asText(), "--db", "jdbc:sqlite:" + var.resolve("trades.db"));
        try (TradeStore store = TradeStore.open("jdbc:sqlite:" + var.resolve("trades.db"), null, null))
        {
            assertEquals(live, store.query(ALL_ROWS, runId, runId, runId), "rebuilding over the live store replaces the run's rows");
            final String day = store.query("SELECT day FROM daily_pnl WHERE run_id = ?", runId).get(0).get(0);
            final String[] query = cli("store", "query", "--db", "jdbc:sqlite:" + var.resolve("trades.db"), "--day", day);
            assertTrue(query[0].startsWith(day + " (UTC): 1 run(s) traded\n  " + runId + "  orders "), query[0]);
        }
    }

    @Test
    void dailyPnlIsRealisedAgainstAverageCostNetOfCommissionsPerUtcDay()
    {
        final TradeRows rows = new TradeRows();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, header).timeNs(0).instrumentId(1).priceScale((byte)4)
            .qtyScale((byte)8).symbol("KRW-BTC");
        rows.onInput(buffer, 0, 256);
        final long day1 = 1_700_000_000_000_000_000L;   // 2023-11-14T22:13:20Z
        final long day2 = day1 + 86_400_000_000_000L;
        fill(rows, buffer, header, day1, 1, Side.BUY, 1_000_000, 1_000_000, 500_000);          // 0.01 @ 100, fee 0.005
        fill(rows, buffer, header, day1 + 1, 2, Side.BUY, 1_200_000, 1_000_000, 600_000);      // 0.01 @ 120, fee 0.006
        fill(rows, buffer, header, day2, 3, Side.SELL, 1_300_000, 1_000_000, 650_000);         // 0.01 @ 130 against an average of 110
        final List<TradeRows.Day> days = rows.days();
        assertEquals(2, days.size());
        assertEquals("2023-11-14", days.get(0).day());
        assertEquals(new BigDecimal("-0.011"), days.get(0).realizedPnl().stripTrailingZeros(), "buys: only their fees");
        assertEquals(2, days.get(0).fills());
        assertEquals("2023-11-15", days.get(1).day());
        assertEquals(new BigDecimal("0.1935"), days.get(1).realizedPnl().stripTrailingZeros(), "0.01 x (130 - 110) - 0.0065");
        assertEquals(List.of("100", "120", "130"), rows.takeFills().stream().map(TradeRows.Fill::price).toList());
    }

    private static void fill(final TradeRows rows, final UnsafeBuffer buffer, final MessageHeaderEncoder header, final long timeNs,
        final long id, final Side side, final long price, final long qty, final long commission)
    {
        new OrderFilledEncoder().wrapAndApplyHeader(buffer, 0, header).timeNs(timeNs).clientOrderId(id).instrumentId(1).side(side)
            .price(price).qty(qty).leavesQty(0).commission(commission);
        rows.onOutput(buffer, 0, 256);
    }
}
