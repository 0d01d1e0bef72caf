package io.qts.adapters.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Orders combinations best first by one metric ({@link io.qts.adapters.report.Metrics#rankValue}); an
 * undefined value ranks after every defined one; ties go to the smaller parameter values, compared key by
 * key in name order (as numbers where both are numbers), so the order never depends on timing.
 */
final class Ranking
{
    private Ranking()
    {
    }

    static List<SweepRow> rank(final List<SweepRow> rows, final String metric)
    {
        final Comparator<SweepRow> byMetric = Comparator.comparing(
            (SweepRow row) -> row.metrics().rankValue(metric), Comparator.nullsLast(Comparator.reverseOrder()));
        final List<SweepRow> ranked = new ArrayList<>();
        for (final SweepRow row : rows)
        {
            if (row.ran())
            {
                ranked.add(row);
            }
        }
        ranked.sort(byMetric.thenComparing(SweepRow::params, Ranking::compareParams));
        return ranked;
    }

    static int compareParams(final Map<String, String> a, final Map<String, String> b)
    {
        final Iterator<String> x = a.values().iterator();
        final Iterator<String> y = b.values().iterator();
        while (x.hasNext() && y.hasNext())
        {
            final int c = compareValues(x.next(), y.next());
            if (c != 0)
            {
                return c;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    private static int compareValues(final String a, final String b)
    {
        try
        {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        catch (final NumberFormatException ex)
        {
            return a.compareTo(b);
        }
    }
}
