package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every refusal is one line: {@code FILE:LINE: reason}, counting lines from 1 with the header. */
class CsvImportErrorTest
{
    private static final String YAHOO_HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    private static final String OHLCV_HEADER = "timestamp,open,high,low,close,volume";
    private static final String BINANCE_HEADER = "timestamp,trade_id,price,quantity,buyer_maker";

    @TempDir
    Path dir;

    @Test
    void wrongColumnCount() throws IOException
    {
        final Path file = csv(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,5", "2020-01-03,1,2,1,2,5");

        assertEquals(file + ":3: expected 7 columns, found 6", yahooError(file));
    }

    @Test
    void unparsableNumber() throws IOException
    {
        assertEquals(":2: Open: not a number: 'abc'", yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,abc,2,1,2,2,5"));
        assertEquals(":2: Volume: not a number: ''", yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,"));
        assertEquals(":2: Volume: '1e20' does not fit 8 decimal places in a 64-bit fixed-point value",
            yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,1e20"));
    }

    @Test
    void unparsableTimestamps() throws IOException
    {
        assertEquals(":2: date '1999/01/22' is not a date YYYY-MM-DD",
            yahooErrorAfterFile(YAHOO_HEADER, "1999/01/22,1,2,1,2,2,5"));
        assertEquals(":2: date '1999-02-30' is not a date YYYY-MM-DD",
            yahooErrorAfterFile(YAHOO_HEADER, "1999-02-30,1,2,1,2,2,5"));

        final String expected =
            " is not 'YYYY-MM-DD HH:MM:SS[.fraction]' (UTC, optional T and Z)";
        assertEquals(":2: timestamp '2021-13-01 00:00:00'" + expected,
            errorAfterFile(DataFormat.OHLCV, OHLCV_HEADER, "2021-13-01 00:00:00,1,1,1,1,1"));
        // Another zone would need shifting, and a file in local time must not pass as UTC.
        assertEquals(":2: timestamp '2021-12-01 00:00:00+01:00'" + expected,
            errorAfterFile(DataFormat.OHLCV, OHLCV_HEADER, "2021-12-01 00:00:00+01:00,1,1,1,1,1"));

        assertEquals(":2: timestamp '16100640002' has 11 digits; expected 10 (s), 13 (ms), 16 (us) or 19 (ns)",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "16100640002,1,1.5,1,True"));
        assertEquals(":2: timestamp '2021-01-08' is not an epoch number",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "2021-01-08,1,1.5,1,True"));
        assertEquals(":2: timestamp '9999999999999999999' is out of range",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "9999999999999999999,1,1.5,1,True"));
    }

    @Test
    void nonPositivePrice() throws IOException
    {
        assertEquals(":2: Low must be positive, found '0'", yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,0,2,2,5"));
        assertEquals(":2: price must be positive, found '-39432.48'",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "1610064000278,553287559,-39432.48,0.000263,True"));
    }

    @Test
    void inconsistentBars() throws IOException
    {
        assertEquals(":2: High 1.5 is below Low 1.6", yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1.5,1.5,1.6,1.5,0,5"));
        assertEquals(":2: Open 2.0 is outside [Low 1.5, High 1.9]",
            yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,2.0,1.9,1.5,1.6,0,5"));
        assertEquals(":2: close 1.4 is outside [low 1.5, high 1.9]",
            errorAfterFile(DataFormat.OHLCV, OHLCV_HEADER, "2020-01-02 00:00:00,1.6,1.9,1.5,1.4,5"));
    }

    @Test
    void negativeVolume() throws IOException
    {
        assertEquals(":2: Volume must not be negative, found '-5'", yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,-5"));
        assertEquals(":2: quantity must not be negative, found '-0.1'",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "1610064000278,553287559,39432.48,-0.1,True"));
    }

    @Test
    void barTimesMustStrictlyIncrease() throws IOException
    {
        assertEquals(":3: time 2020-01-02T00:00:00Z is not after the previous bar's 2020-01-02T00:00:00Z",
            yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,5", "2020-01-02,1,2,1,2,2,5"));
        assertEquals(":4: time 2020-01-01T23:59:59.999Z is not after the previous bar's 2020-01-02T00:00:00Z",
            errorAfterFile(DataFormat.OHLCV, OHLCV_HEADER,
                "2020-01-01 23:59:00,1,1,1,1,1", "2020-01-02 00:00:00,1,1,1,1,1", "2020-01-01 23:59:59.999,1,1,1,1,1"));
    }

    @Test
    void tradeTimesMustNotGoBack() throws IOException
    {
        assertEquals(":4: time 2021-01-08T00:00:00.277Z is before the previous trade's 2021-01-08T00:00:00.278Z",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER,
                "1610064000278,1,1.5,1,True", "1610064000278,2,1.5,1,True", "1610064000277,3,1.5,1,True"));
    }

    @Test
    void wrongOrMissingHeader() throws IOException
    {
        assertEquals(":1: expected header 'Date,Open,High,Low,Close,Adj Close,Volume', found '" + OHLCV_HEADER + "'",
            yahooErrorAfterFile(OHLCV_HEADER, "2020-01-02 00:00:00,1,1,1,1,1"));
        final String ohlcvNeeds = "ohlcv needs a header naming a time column (timestamp, datetime, date_time, open_time, " +
            "time or date; or Date and Time apart) and open, high, low, close and volume, in any order; other columns are ignored";
        assertEquals(":1: header '2020-01-02 00:00:00,1,1,1,1,1' has no time column; " + ohlcvNeeds,
            errorAfterFile(DataFormat.OHLCV, "2020-01-02 00:00:00,1,1,1,1,1"));
        assertEquals(":1: header 'timestamp,open,high,low,close' has no volume column; " + ohlcvNeeds,
            errorAfterFile(DataFormat.OHLCV, "timestamp,open,high,low,close", "2020-01-02 00:00:00,1,1,1,1"));
        assertEquals(":1: column 'open' appears twice in the header 'time,open,high,low,close,volume,OPEN'",
            errorAfterFile(DataFormat.OHLCV, "time,open,high,low,close,volume,OPEN", "1577923200,1,1,1,1,1,1"));
        assertEquals(":1: header '1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2,1637971259999," +
                "1.03547608,79,19523.0,0.55694227,0' has no time column; " + ohlcvNeeds +
                " (a header-less file of 12 columns is likely Binance klines: --format binance-klines)",
            errorAfterFile(DataFormat.OHLCV, "1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2," +
                "1637971259999,1.03547608,79,19523.0,0.55694227,0"));
        assertEquals(":1: header '[' has no time column; " + ohlcvNeeds +
                " (this looks like JSON: Upbit candles are --format upbit-candles)",
            errorAfterFile(DataFormat.OHLCV, "[", "{\"market\": \"KRW-BTC\"}", "]"));

        final Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertEquals(empty + ":1: missing header, expected '" + YAHOO_HEADER + "'", yahooError(empty));

        final String layouts = "'timestamp,trade_id,price,quantity,buyer_maker', " +
            "',timestamp,id,type,side,price,amount,cost,date', " +
            "'exchange,symbol,timestamp,local_timestamp,id,side,price,amount', header-less 'time,price,volume'";
        assertEquals(":1: unrecognised trades header 'time,price,size'; expected one of: " + layouts,
            errorAfterFile(DataFormat.TRADES, "time,price,size", "1672531436,90.54,1.1"));
        assertEquals(empty + ":1: missing header; expected one of: " + layouts, error(empty, DataFormat.TRADES));
    }

    @Test
    void headerWithoutRows() throws IOException
    {
        final Path yahoo = csv(YAHOO_HEADER);
        final Path trades = csv(BINANCE_HEADER, "");

        assertEquals(yahoo + ": no data rows", yahooError(yahoo));
        assertEquals(trades + ": no data rows", error(trades, DataFormat.TRADES));
    }

    @Test
    void missingOrUnreadableFile()
    {
        final Path missing = dir.resolve("missing.csv");

        assertEquals("cannot read " + missing + ": no such file or directory", yahooError(missing));
        assertEquals("cannot read " + dir + ": is a directory", yahooError(dir));
    }

    @Test
    void fileThatIsNotText() throws IOException
    {
        final Path file = dir.resolve("binary.csv");
        Files.write(file, new byte[]{(byte)0x1f, (byte)0x8b, (byte)0x08, (byte)0xff, (byte)0xfe, 0x0a});

        assertEquals("cannot read " + file + ": not UTF-8 text", error(file, DataFormat.TRADES));
    }

    @Test
    void pricesNeedingMoreThanEightPlaces() throws IOException
    {
        assertEquals(":3: Open '1.123456789' has 9 decimal places; at most 8 are supported",
            yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1.5,2,1,2,2,5", "2020-01-03,1.123456789,2,1,2,2,5"));
    }

    @Test
    void quantitiesNeedingMoreThanEightPlaces() throws IOException
    {
        // Real precision beyond 8 places is refused (float noise is not: see FloatNoiseTest).
        assertEquals(":2: quantity '0.000311000001' has 12 decimal places; at most 8 are supported",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "1610064000368,553287561,39439.22,0.000311000001,False"));
        assertEquals(":2: Volume '0.000000001' has 9 decimal places; at most 8 are supported",
            yahooErrorAfterFile(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,0.000000001"));
    }

    @Test
    void badSideOrIdInTrades() throws IOException
    {
        assertEquals(":2: buyer_maker must be True or False, found 'yes'",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "1610064000278,1,1.5,1,yes"));
        assertEquals(":2: side must be buy, sell or unknown, found 'long'",
            errorAfterFile(DataFormat.TRADES, ",timestamp,id,type,side,price,amount,cost,date",
                "0,1675329600138,1206419187,,long,1666.8,26.062,43440.1416,2023-02-02 09:20:00.138000+00:00"));
        assertEquals(":2: trade_id 'abc' is not a trade id (digits only, at most 18)",
            errorAfterFile(DataFormat.TRADES, BINANCE_HEADER, "1610064000278,abc,1.5,1,True"));
    }

    @Test
    void invalidSymbol() throws IOException
    {
        final Path file = csv(YAHOO_HEADER, "2020-01-02,1,2,1,2,2,5");
        final String rule = "': expected 1 to 24 characters of A-Z a-z 0-9 . _ / -";

        assertEquals("invalid symbol '" + rule, error(file, DataFormat.YAHOO, ""));
        assertEquals("invalid symbol 'BTC USD" + rule, error(file, DataFormat.YAHOO, "BTC USD"));
        assertEquals("invalid symbol 'ABCDEFGHIJKLMNOPQRSTUVWXY" + rule,
            error(file, DataFormat.YAHOO, "ABCDEFGHIJKLMNOPQRSTUVWXY"));
        assertEquals(24, MarketDataFile.read(file, DataFormat.YAHOO, "ABCDEFGHIJKLMNOPQRSTUVWX").symbol().length());
    }

    @Test
    void newBarLayoutsRefuseBadTimesWithTheLine() throws IOException
    {
        assertEquals(":2: date '2006-01-02' and time '9:05' are not 'YYYY-MM-DD' and 'HH:MM:SS[.fraction]' (UTC)",
            errorAfterFile(DataFormat.OHLCV, "Date,Time,Open,High,Low,Close,Volume", "2006-01-02,9:05,1,1,1,1,0"));
        assertEquals(":2: timestamp '16409916600' has 11 digits; expected 10 (s), 13 (ms), 16 (us) or 19 (ns)",
            errorAfterFile(DataFormat.OHLCV, "time,open,high,low,close,volume", "16409916600,1,1,1,1,0"));
        assertEquals(":2: date '2006-02-30' is not a date YYYY-MM-DD",
            errorAfterFile(DataFormat.OHLCV, "date,open,high,low,close,volume", "2006-02-30,1,1,1,1,0"));
        assertEquals(":1: close_time 1637971199999 is before open_time 1637971200000",
            errorAfterFile(DataFormat.BINANCE_KLINES, "1637971200000,1,1,1,1,0,1637971199999,0,0,0,0,0"));
        assertEquals(":1: expected 12 columns, found 6",
            errorAfterFile(DataFormat.BINANCE_KLINES, "1637971200000,1,1,1,1,0"));
    }

    @Test
    void formatNamesAreTheCliNamesInAnyCase()
    {
        assertEquals(DataFormat.YAHOO, DataFormat.fromName("Yahoo"));
        assertEquals(DataFormat.OHLCV, DataFormat.fromName("ohlcv"));
        assertEquals(DataFormat.TRADES, DataFormat.fromName("TRADES"));
        assertEquals(DataFormat.UPBIT_CANDLES, DataFormat.fromName("upbit-candles"));
        assertEquals(DataFormat.BINANCE_KLINES, DataFormat.fromName("Binance-Klines"));
        assertEquals("unknown format 'csv'; expected one of: yahoo, ohlcv, trades, upbit-candles, binance-klines",
            assertThrows(UserError.class, () -> DataFormat.fromName("csv")).getMessage());
    }

    private String yahooErrorAfterFile(final String... lines) throws IOException
    {
        return errorAfterFile(DataFormat.YAHOO, lines);
    }

    /** The message with the file name taken off the front, for brevity. */
    private String errorAfterFile(final DataFormat format, final String... lines) throws IOException
    {
        final Path file = csv(lines);
        final String message = error(file, format);
        assertEquals(file.toString(), message.substring(0, file.toString().length()), message);
        return message.substring(file.toString().length());
    }

    private static String yahooError(final Path file)
    {
        return error(file, DataFormat.YAHOO);
    }

    private static String error(final Path file, final DataFormat format)
    {
        return error(file, format, "X");
    }

    private static String error(final Path file, final DataFormat format, final String symbol)
    {
        return assertThrows(UserError.class, () -> MarketDataFile.read(file, format, symbol)).getMessage();
    }

    private Path csv(final String... lines) throws IOException
    {
        final Path file = Files.createTempFile(dir, "data-", ".csv");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        return file;
    }
}
