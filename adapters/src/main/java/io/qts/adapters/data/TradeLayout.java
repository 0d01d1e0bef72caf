package io.qts.adapters.data;

/** The trade-tick CSV layouts {@link DataFormat#TRADES} reads, told apart by their header row. */
enum TradeLayout
{
    /** Binance trades (nautilus_trader test data): epoch ms; a buyer maker means a selling aggressor. */
    BINANCE(
        new String[]{"timestamp", "trade_id", "price", "quantity", "buyer_maker"},
        0, 1, true, 2, 3, 4, Side.BUYER_MAKER),
    /** freqtrade public trades: a pandas index column first, epoch ms, side is the aggressor's. */
    FREQTRADE(
        new String[]{"", "timestamp", "id", "type", "side", "price", "amount", "cost", "date"},
        1, 2, true, 5, 6, 4, Side.SIDE),
    /** Tardis trades: epoch us; ids are the venue's own, which are not numbers on every venue (BitMEX: UUIDs). */
    TARDIS(
        new String[]{"exchange", "symbol", "timestamp", "local_timestamp", "id", "side", "price", "amount"},
        2, 4, false, 6, 7, 5, Side.SIDE),
    /** Kraken trades as freqtrade stores them: no header, epoch seconds, no id and no side. */
    KRAKEN(new String[]{"time", "price", "volume"}, 0, -1, false, 1, 2, -1, Side.NONE);

    /** How a layout tells the aggressor. */
    enum Side
    {
        NONE,
        /** buy / sell (unknown or empty: not known). */
        SIDE,
        /** True / False. */
        BUYER_MAKER
    }

    /** Column names; for a header-less layout the names used in messages. */
    final String[] names;
    final int time;
    /** Column of the trade id, or -1 for none. */
    final int id;
    /** True if the layout's ids are numbers by definition, so a non-number is an error. */
    final boolean numericId;
    final int price;
    final int qty;
    /** Column of the side, or -1 for none. */
    final int side;
    final Side sideKind;

    TradeLayout(
        final String[] names, final int time, final int id, final boolean numericId, final int price, final int qty,
        final int side, final Side sideKind)
    {
        this.names = names;
        this.time = time;
        this.id = id;
        this.numericId = numericId;
        this.price = price;
        this.qty = qty;
        this.side = side;
        this.sideKind = sideKind;
    }

    boolean hasHeader()
    {
        return this != KRAKEN;
    }

    /** The layout of the file whose first line the cursor is on, or null if it is none of them. */
    static TradeLayout detect(final CsvCursor csv)
    {
        for (final TradeLayout layout : values())
        {
            if (layout.hasHeader() && csv.isHeader(layout.names))
            {
                return layout;
            }
        }
        if (csv.columns() == KRAKEN.names.length && isDigits(csv.cell(KRAKEN.time)))
        {
            return KRAKEN;
        }
        return null;
    }

    /** The accepted layouts, for the message when none matches. */
    static String describe()
    {
        final StringBuilder text = new StringBuilder();
        for (final TradeLayout layout : values())
        {
            text.append(text.length() == 0 ? "" : ", ")
                .append(layout.hasHeader() ? "'" : "header-less '")
                .append(String.join(",", layout.names))
                .append('\'');
        }
        return text.toString();
    }

    static boolean isDigits(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
