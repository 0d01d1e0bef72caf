package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

/** Applies a {@link BadRowPolicy} while a reader walks its rows, and counts what it left out. */
final class BadRows
{
    private final BadRowPolicy policy;
    private long count;
    private String first;
    private long nullRows;

    BadRows(final BadRowPolicy policy)
    {
        this.policy = policy;
    }

    /**
     * A row was refused: rethrows under {@link BadRowPolicy#FAIL}, else counts it and undoes what it did to the
     * cursor's price scale ({@code priceDigitsBefore}, read before the row).
     */
    void refused(final UserError error, final CsvCursor csv, final int priceDigitsBefore)
    {
        if (policy == BadRowPolicy.FAIL)
        {
            throw error;
        }
        csv.resetPriceDigits(priceDigitsBefore);
        if (count++ == 0)
        {
            first = error.getMessage();
        }
    }

    void nullRow()
    {
        nullRows++;
    }

    SkippedRows skipped()
    {
        return count == 0 && nullRows == 0 ? SkippedRows.NONE : new SkippedRows(count, first, nullRows);
    }
}
