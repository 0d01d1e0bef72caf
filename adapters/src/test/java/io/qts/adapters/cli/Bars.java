package io.qts.adapters.cli;

/** Hand-built one-minute bars for CLI tests. */
final class Bars
{
    /**
     * With sma-cross fast=2, slow=4 (worked by hand): fast &lt; slow from 00:03 (97.5 vs 98.75); up-cross on
     * the 00:05 close (115 vs 106.25); down-cross on the 00:08 close (115 vs 125); up-cross again on the
     * 00:12 close (107.5 vs 96.25), still long at the end. Fills at the next bar's open: buy 120 (00:06),
     * sell 100 (00:09), buy 120 (00:13); last close 140.
     */
    static final String ZIGZAG = """
        timestamp,open,high,low,close,volume
        2024-01-01 00:00:00,100,100,100,100,1
        2024-01-01 00:01:00,100,100,100,100,1
        2024-01-01 00:02:00,100,100,100,100,1
        2024-01-01 00:03:00,100,100,95,95,1
        2024-01-01 00:04:00,95,100,95,100,1
        2024-01-01 00:05:00,100,130,100,130,1
        2024-01-01 00:06:00,120,140,120,140,1
        2024-01-01 00:07:00,140,140,130,130,1
        2024-01-01 00:08:00,130,130,100,100,1
        2024-01-01 00:09:00,100,100,90,90,1
        2024-01-01 00:10:00,90,90,80,80,1
        2024-01-01 00:11:00,90,95,90,95,1
        2024-01-01 00:12:00,95,120,95,120,1
        2024-01-01 00:13:00,120,150,120,150,1
        2024-01-01 00:14:00,150,150,140,140,1
        """;

    private Bars()
    {
    }
}
