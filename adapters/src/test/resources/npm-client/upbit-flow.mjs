// A third-party Upbit client's ordinary flow against the exchange simulator: ccxt's upbit class, unchanged, with
// only its API host pointed at the simulator. Prints one JSON line with what it saw; exits 1 on the first error.
import ccxt from 'ccxt';

const base = process.argv[2];
const upbit = new ccxt.upbit({
    apiKey: process.env.SIM_ACCESS_KEY,
    secret: process.env.SIM_SECRET_KEY,
    urls: { api: { public: base, private: base } },
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seen = {};
try {
    const markets = await upbit.loadMarkets();
    seen.markets = Object.keys(markets);
    const ticker = await upbit.fetchTicker('BTC/KRW');
    seen.last = ticker.last;
    const book = await upbit.fetchOrderBook('BTC/KRW');
    seen.bids = book.bids.length;
    seen.asks = book.asks.length;
    seen.bestBid = book.bids[0][0];
    seen.bestAsk = book.asks[0][0];
    const trades = await upbit.fetchTrades('BTC/KRW', undefined, 5);
    seen.trades = trades.length;
    seen.tradesOldestFirst = trades.every((t, i) => i === 0 || trades[i - 1].timestamp <= t.timestamp);
    const candles = await upbit.fetchOHLCV('BTC/KRW', '1m', undefined, 5);
    seen.candles = candles.length;
    seen.candleOhlcOk = candles.every((c) => c[2] >= c[1] && c[2] >= c[4] && c[3] <= c[1] && c[3] <= c[4]);
    const balance = await upbit.fetchBalance();
    seen.krwFree = balance.KRW.free;

    const limitPrice = Math.floor(ticker.last / 2 / 1000) * 1000;
    const limit = await upbit.createOrder('BTC/KRW', 'limit', 'buy', 0.001, limitPrice);
    seen.limitId = limit.id;
    seen.openIds = (await upbit.fetchOpenOrders('BTC/KRW')).map((o) => o.id);
    seen.fetchedStatus = (await upbit.fetchOrder(limit.id)).status;
    await upbit.cancelOrder(limit.id);
    seen.canceledIds = (await upbit.fetchCanceledOrders('BTC/KRW')).map((o) => o.id);

    const buy = await upbit.createOrder('BTC/KRW', 'market', 'buy', undefined, undefined, { cost: 10000 });
    seen.marketBuyId = buy.id;
    for (let i = 0; i < 100; i++) {
        seen.marketBuyStatus = (await upbit.fetchOrder(buy.id)).status;
        if (seen.marketBuyStatus === 'closed') {
            break;
        }
        await sleep(100);
    }
    seen.closedIds = (await upbit.fetchClosedOrders('BTC/KRW')).map((o) => o.id);
    seen.btcAfter = (await upbit.fetchBalance()).BTC.total;
    console.log(JSON.stringify(seen));
} catch (e) {
    console.log(JSON.stringify(seen));
    console.error(`${e.constructor.name}: ${e.message}`);
    process.exit(1);
}
