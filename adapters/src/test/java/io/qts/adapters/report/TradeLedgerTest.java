package io.qts.adapters.report;

import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Round trips from fills, worked by hand: prices and quantities at scale 0, money at 10^-8. */
class TradeLedgerTest
{
    private static final long MONEY = 100_000_000L;

    private final TradeLedger ledger = new TradeLedger();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final OrderFilledEncoder filled = new OrderFilledEncoder();

    private void fill(final long timeNs, final Side side, final long price, final long qty, final long leaves, final long commission)
    {
        filled.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(timeNs).clientOrderId(timeNs).instrumentId(1).side(side).price(price).qty(qty).leavesQty(leaves)
            .commission(commission);
        ledger.onOutput(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength());
    }

    @Test
    void aSellFilledInPiecesIsOneRoundTripAtItsAverageExitPrice()
    {
        fill(1, Side.BUY, 100, 10, 0, 5 * MONEY);
        fill(2, Side.SELL, 110, 4, 6, 2 * MONEY);
        fill(3, Side.SELL, 120, 6, 0, 3 * MONEY);
        final List<Trade> trades = ledger.book(0, 0).trades();
        // Proceeds 4 x 110 + 6 x 120 = 1160 over 10: exit at 116; pnl 1160 - 1000 - (5 + 2 + 3) = 150.
        assertEquals(List.of(new Trade(1, 100, 3, 116, 10, 10 * MONEY, 150 * MONEY)), trades);
        assertEquals(0, ledger.book(0, 0).openQty());
    }

    @Test
    void anExitStillInPiecesAtTheEndIsOneRoundTripForWhatWasSold()
    {
        fill(1, Side.BUY, 100, 10, 0, 0);
        fill(2, Side.SELL, 110, 3, 7, 0);
        fill(3, Side.SELL, 111, 2, 5, 0);
        final TradeLedger.Book book = ledger.book(0, 0);
        // 3 x 110 + 2 x 111 = 552 over 5: 110.4, rounded half-even at price scale 0 to 110; pnl 552 - 500 = 52.
        assertEquals(List.of(new Trade(1, 100, 3, 110, 5, 0, 52 * MONEY)), book.trades());
        assertEquals(5, book.openQty());
    }

    @Test
    void aSellInOnePieceKeepsItsOwnPrice()
    {
        fill(1, Side.BUY, 100, 3, 0, 0);
        fill(2, Side.SELL, 97, 3, 0, 0);
        fill(3, Side.BUY, 90, 2, 0, 0);
        fill(4, Side.SELL, 95, 2, 0, 0);
        assertEquals(List.of(new Trade(1, 100, 2, 97, 3, 0, -9 * MONEY), new Trade(3, 90, 4, 95, 2, 0, 10 * MONEY)),
            ledger.book(0, 0).trades());
    }
}
