package io.qts.adapters.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Down-sampling what a chart draws: the extremes of every bucket survive. */
class ChartTest
{
    @Test
    void shortSeriesAreDrawnWhole()
    {
        assertArrayEquals(new int[] {0, 1, 2}, Chart.sample(new double[] {3, 1, 2}, 6));
    }

    /**
     * Ten points, at most six: the first and the last, and two buckets of the eight between them,
     * [1, 5) and [5, 9), each giving its lowest and highest point in time order: the spike of 9 at 2 and
     * the trough of -5 at 6 are kept.
     */
    @Test
    void longSeriesKeepTheFirstTheLastAndEachBucketsLowAndHigh()
    {
        final double[] y = {0, 1, 9, 2, 3, 4, -5, 6, 7, 8};
        assertArrayEquals(new int[] {0, 1, 2, 6, 8, 9}, Chart.sample(y, 6));
    }

    @Test
    void aFlatBucketGivesOnePoint()
    {
        final double[] y = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertArrayEquals(new int[] {0, 1, 5, 9}, Chart.sample(y, 6));
    }

    @Test
    void neverMoreThanTheLimit()
    {
        final double[] y = new double[45_031];
        for (int i = 0; i < y.length; i++)
        {
            y[i] = Math.sin(i / 7.0) * (i % 13);
        }
        final int[] drawn = Chart.sample(y, Chart.MAX_POINTS);
        assertEquals(Chart.MAX_POINTS, drawn.length);
        for (int i = 1; i < drawn.length; i++)
        {
            assertEquals(true, drawn[i] > drawn[i - 1], "in time order, no repeats");
        }
        assertEquals(y.length - 1, drawn[drawn.length - 1]);
    }

    /** A label holding "</script>" cannot end the page's data block early. */
    @Test
    void jsonCannotCloseItsScriptBlock()
    {
        final String json = new Chart("c", "%", new long[] {1000, 2000}).series("a</script>b", "#000", null, new double[] {1.5, Double.NaN})
            .toJson();
        assertEquals("{\"id\":\"c\",\"unit\":\"%\",\"x\":[1000,2000],\"series\":[{\"label\":\"a<\\/script>b\",\"color\":\"#000\","
            + "\"values\":[1.5,null]}]}", json);
    }
}
