package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.report.TradeLedger;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every strategy on the bundled sample (4 hours of 1-minute KRW-BTC bars) through the backtest's stage
 * chain, twice: the same digest, and the round trips an independent recount of the rule found (see
 * docs/strategies.md for the volatility-breakout sessions).
 */
class SampleStrategiesTest
{
    private static final MarketSeries SAMPLE =
        MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC");

    private static EngineResult backtest(final String strategy, final Map<String, String> params, final TradeLedger ledger)
    {
        final EngineContext context = new EngineContext().symbol("KRW-BTC").strategy(strategy, params)
            .orderQty(FixedPoint.parse("0.01", 8)).initialCash(FixedPoint.parse("10000000", 8)).conclude();
        final Backtest backtest = new Backtest(context, ledger);
        SAMPLE.replay(backtest.input());
        return backtest.finish();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "sma-cross; fast=10 slow=30; 7",
        "ema-cross; fast=5 slow=20; 15",
        "momentum; lookback=10 entry=0.001 exit=-0.001; 7",
        "volatility-breakout; sessionMinutes=30 k=0.5; 2"})
    void tradesTheSampleAndRepeatsItsDigest(final String strategy, final String params, final int roundTrips)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String kv : params.split(" "))
        {
            map.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        final TradeLedger ledger = new TradeLedger();
        final EngineResult first = backtest(strategy, map, ledger);
        final EngineResult second = backtest(strategy, map, new TradeLedger());
        assertEquals(first.digest(), second.digest());
        assertEquals(roundTrips, ledger.book(first.priceScale(), first.qtyScale()).trades().size());
    }
}
