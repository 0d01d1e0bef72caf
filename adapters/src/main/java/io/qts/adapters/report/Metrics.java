package io.qts.adapters.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.engine.FixedPoint;
import io.qts.journal.sbe.RejectReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The performance figures of one equity curve and its round trips; docs/research.md defines each.
 * Ratios are decimals rounded half-even to {@value #SCALE} places, or null where they cannot be computed
 * meaningfully (no volatility, no losing trade, too short a span, a result that is not a finite number), with
 * the reason in {@link #undefined()}, once per metric: a report never fails and never prints nonsense for
 * them. Sharpe, Sortino and CAGR are computed in doubles, in one fixed order, so the same curve always gives
 * the same digits.
 */
public record Metrics(
    BigDecimal totalReturn,
    BigDecimal cagr,
    BigDecimal maxDrawdown,
    BigDecimal sharpe,
    BigDecimal sortino,
    BigDecimal winRate,
    BigDecimal profitFactor,
    BigDecimal exposure,
    int trades,
    int wins,
    long grossProfit,
    long grossLoss,
    long commissionPaid,
    SortedMap<String, Long> rejectedByReason,
    long returns,
    BigDecimal years,
    BigDecimal periodsPerYear,
    SortedMap<String, String> undefined)
{
    static final int SCALE = 8;
    /** A Julian year: the average calendar year, so spans across leap years need no calendar. */
    static final double YEAR_NS = 365.25 * 86_400 * 1e9;
    /** CAGR over a shorter span would magnify a few days' return into a meaningless yearly figure. */
    static final double MIN_CAGR_DAYS = 30;
    /** Sharpe and Sortino scale by the root of the returns per year: from less than a day (seconds, say) that is nonsense. */
    static final double MIN_RATIO_DAYS = 1;
    static final String ANNUALISATION_RULE =
        "periodsPerYear = returns / years, years = (last - first mark time) / 365.25 days; risk-free rate 0";

    /** The metrics a sweep can rank by, each best first: descending, except maxDrawdown (smallest first). */
    public static final List<String> RANKABLE =
        List.of("sharpe", "sortino", "totalReturn", "cagr", "maxDrawdown", "winRate", "profitFactor");

    /**
     * @param rejects counts by {@link RejectReason} name; every reason appears, with 0 if it never happened.
     */
    public static Metrics of(final EquityCurve curve, final List<Trade> closed, final long initialCash,
        final Map<String, Long> rejects)
    {
        final int n = curve.size();
        final long finalValue = n == 0 ? initialCash : curve.equity(n - 1);
        final double[] r = returns(curve);
        final double years = n < 2 ? 0 : (curve.timeNs(n - 1) - curve.timeNs(0)) / YEAR_NS;
        final double perYear = years > 0 ? r.length / years : Double.NaN;

        int wins = 0;
        long grossProfit = 0;
        long grossLoss = 0;
        long commission = 0;
        for (final Trade t : closed)
        {
            commission += t.commission();
            if (t.pnl() > 0)
            {
                wins++;
                grossProfit += t.pnl();
            }
            else
            {
                grossLoss -= t.pnl();
            }
        }
        long exposed = 0;
        for (int i = 0; i < n; i++)
        {
            exposed += curve.held(i) ? 1 : 0;
        }
        final SortedMap<String, Long> byReason = new TreeMap<>();
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NONE && reason != RejectReason.NULL_VAL)
            {
                byReason.put(reason.name(), rejects.getOrDefault(reason.name(), 0L));
            }
        }
        final SortedMap<String, String> undefined = new TreeMap<>();
        final BigDecimal totalReturn = initialCash <= 0
            ? undefined(undefined, "totalReturn", "no initial cash") : ratio(finalValue - initialCash, initialCash);
        final String noAnnualisation = n < 2 ? "fewer than two equity points" : years <= 0 ? "the equity points span no time" : null;
        final BigDecimal cagr = noAnnualisation != null ? undefined(undefined, "cagr", noAnnualisation) : cagr(curve, years, undefined);
        final String noRatioPerYear = noAnnualisation != null ? noAnnualisation : shorterThan(years, MIN_RATIO_DAYS);
        final BigDecimal sharpe = ratioPerYear(undefined, "sharpe", noRatioPerYear, mean(r), sampleDeviation(r), perYear,
            "the returns do not vary");
        final BigDecimal sortino = ratioPerYear(undefined, "sortino", noRatioPerYear, mean(r), downsideDeviation(r), perYear,
            "no return is negative");
        return new Metrics(
            totalReturn,
            cagr,
            maxDrawdown(curve),
            sharpe,
            sortino,
            closed.isEmpty() ? undefined(undefined, "winRate", "no closed trades") : ratio(wins, closed.size()),
            grossLoss == 0 ? undefined(undefined, "profitFactor", closed.isEmpty() ? "no closed trades" : "no losing trade")
                : ratio(grossProfit, grossLoss),
            n == 0 ? undefined(undefined, "exposure", "no equity points") : ratio(exposed, n),
            closed.size(), wins, grossProfit, grossLoss, commission, byReason,
            r.length, finite(years), Double.isNaN(perYear) ? null : finite(perYear), undefined);
    }

    /**
     * The out-of-sample summary of a walk-forward: the test windows' curves stitched into one compounding
     * curve ({@link EquityCurve#stitched}), all their round trips and rejects.
     */
    public static Metrics combined(final List<BacktestReport> windows, final long initialCash)
    {
        final List<EquityCurve> curves = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        final Map<String, Long> rejects = new TreeMap<>();
        String symbol = "";
        for (final BacktestReport window : windows)
        {
            curves.add(window.curve());
            trades.addAll(window.book().trades());
            window.metrics().rejectedByReason().forEach((reason, count) -> rejects.merge(reason, count, Long::sum));
            symbol = window.symbol();
        }
        return of(EquityCurve.stitched(curves, symbol, initialCash), trades, initialCash, rejects);
    }

    /** r[i-1] = E[i] / E[i-1] - 1 for each pair of consecutive points; 0 after a point with no equity. */
    static double[] returns(final EquityCurve curve)
    {
        final double[] r = new double[Math.max(0, curve.size() - 1)];
        for (int i = 1; i < curve.size(); i++)
        {
            final long previous = curve.equity(i - 1);
            r[i - 1] = previous <= 0 ? 0 : (double)(curve.equity(i) - previous) / previous;
        }
        return r;
    }

    private static double mean(final double[] r)
    {
        double sum = 0;
        for (final double x : r)
        {
            sum += x;
        }
        return r.length == 0 ? Double.NaN : sum / r.length;
    }

    /** Standard deviation with the n - 1 denominator; NaN for fewer than two returns. */
    private static double sampleDeviation(final double[] r)
    {
        if (r.length < 2)
        {
            return Double.NaN;
        }
        final double mean = mean(r);
        double squares = 0;
        for (final double x : r)
        {
            squares += (x - mean) * (x - mean);
        }
        return Math.sqrt(squares / (r.length - 1));
    }

    /** Root mean square of the negative returns over all n returns (target 0); NaN for fewer than two. */
    private static double downsideDeviation(final double[] r)
    {
        if (r.length < 2)
        {
            return Double.NaN;
        }
        double squares = 0;
        for (final double x : r)
        {
            squares += x < 0 ? x * x : 0;
        }
        return Math.sqrt(squares / r.length);
    }

    /** mean / deviation x sqrt(periods per year), or null with the reason recorded. */
    private static BigDecimal ratioPerYear(final SortedMap<String, String> undefined, final String metric, final String noAnnualisation,
        final double mean, final double deviation, final double perYear, final String noDeviation)
    {
        if (noAnnualisation != null)
        {
            return undefined(undefined, metric, noAnnualisation);
        }
        if (Double.isNaN(mean) || Double.isNaN(deviation))
        {
            return undefined(undefined, metric, "fewer than two returns");
        }
        if (deviation == 0)
        {
            return undefined(undefined, metric, noDeviation);
        }
        return finiteOrUndefined(undefined, metric, mean / deviation * Math.sqrt(perYear));
    }

    /** (E_last / E_first)^(1 / years) - 1; -1 once everything is lost; undefined for a short span or no start equity. */
    private static BigDecimal cagr(final EquityCurve curve, final double years, final SortedMap<String, String> undefined)
    {
        final String tooShort = shorterThan(years, MIN_CAGR_DAYS);
        if (tooShort != null)
        {
            return undefined(undefined, "cagr", tooShort);
        }
        if (curve.equity(0) <= 0)
        {
            return undefined(undefined, "cagr", "the first equity point is not positive");
        }
        final long last = curve.equity(curve.size() - 1);
        return last <= 0 ? BigDecimal.ONE.negate() :
            finiteOrUndefined(undefined, "cagr", Math.pow((double)last / curve.equity(0), 1 / years) - 1);
    }

    /** The reason a span of {@code years} is too short to annualise, or null if it is long enough. */
    private static String shorterThan(final double years, final double minDays)
    {
        final double days = years * 365.25;
        return days >= minDays ? null : String.format(java.util.Locale.ROOT,
            "the span (%.6g days) is shorter than %.0f day%s: annualising it would be meaningless", days, minDays, minDays == 1 ? "" : "s");
    }

    private static BigDecimal undefined(final SortedMap<String, String> undefined, final String metric, final String reason)
    {
        undefined.put(metric, reason);
        return null;
    }

    private static BigDecimal finiteOrUndefined(final SortedMap<String, String> undefined, final String metric, final double value)
    {
        return Double.isFinite(value) ? decimal(value) : undefined(undefined, metric, "the result is not a finite number");
    }

    /** Largest (peak - E) / peak over the curve, peak being the highest equity so far; compared exactly. */
    private static BigDecimal maxDrawdown(final EquityCurve curve)
    {
        long peak = Long.MIN_VALUE;
        long worstPeak = 1;
        long worstDrop = 0;
        for (int i = 0; i < curve.size(); i++)
        {
            final long e = curve.equity(i);
            peak = Math.max(peak, e);
            if (peak > 0 && FixedPoint.compareProducts(peak - e, worstPeak, worstDrop, peak) > 0)
            {
                worstPeak = peak;
                worstDrop = peak - e;
            }
        }
        return ratio(worstDrop, worstPeak);
    }

    private static BigDecimal ratio(final long numerator, final long denominator)
    {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    }

    /** A finite double as a decimal; a non-finite one (a zero-span division) as null, never an exception. */
    private static BigDecimal finite(final double value)
    {
        return Double.isFinite(value) ? decimal(value) : null;
    }

    private static BigDecimal decimal(final double value)
    {
        return new BigDecimal(value).setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** The columns sweep.csv and walkforward.csv give for each run, in this order. */
    public static final List<String> COLUMNS = List.of(
        "totalReturn", "cagr", "maxDrawdown", "sharpe", "sortino", "winRate", "profitFactor", "exposure", "trades");

    /** Values of {@link #COLUMNS}; an undefined value is empty. */
    public List<String> columnValues()
    {
        return List.of(plain(totalReturn), plain(cagr), plain(maxDrawdown), plain(sharpe), plain(sortino), plain(winRate),
            plain(profitFactor), plain(exposure), Integer.toString(trades));
    }

    /** The value of one of {@link #RANKABLE}, or null if it is undefined here. */
    public BigDecimal value(final String metric)
    {
        return switch (metric)
        {
            case "sharpe" -> sharpe;
            case "sortino" -> sortino;
            case "totalReturn" -> totalReturn;
            case "cagr" -> cagr;
            case "maxDrawdown" -> maxDrawdown;
            case "winRate" -> winRate;
            case "profitFactor" -> profitFactor;
            default -> throw new IllegalArgumentException("unknown metric '" + metric + "'");
        };
    }

    /** The value a sweep ranks by, larger is better: {@link #value}, negated for maxDrawdown. */
    public BigDecimal rankValue(final String metric)
    {
        final BigDecimal value = value(metric);
        return value != null && "maxDrawdown".equals(metric) ? value.negate() : value;
    }

    /** The report.json {@code metrics} object. */
    public ObjectNode toJson()
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "totalReturn", totalReturn);
        put(node, "cagr", cagr);
        put(node, "maxDrawdown", maxDrawdown);
        put(node, "sharpe", sharpe);
        put(node, "sortino", sortino);
        put(node, "winRate", winRate);
        put(node, "profitFactor", profitFactor);
        put(node, "exposure", exposure);
        node.put("trades", trades);
        node.put("wins", wins);
        node.put("losses", trades - wins);
        node.put("grossProfit", BacktestReport.money(grossProfit));
        node.put("grossLoss", BacktestReport.money(grossLoss));
        node.put("commissionPaid", BacktestReport.money(commissionPaid));
        final ObjectNode rejected = node.putObject("rejectedByReason");
        rejectedByReason.forEach(rejected::put);
        final ObjectNode annualisation = node.putObject("annualisation");
        annualisation.put("rule", ANNUALISATION_RULE);
        annualisation.put("returns", returns);
        put(annualisation, "years", years);
        put(annualisation, "periodsPerYear", periodsPerYear);
        final ObjectNode reasons = node.putObject("undefined");
        undefined.forEach(reasons::put);
        return node;
    }

    static void put(final ObjectNode node, final String key, final BigDecimal value)
    {
        if (value == null)
        {
            node.putNull(key);
        }
        else
        {
            node.put(key, plain(value));
        }
    }

    /** A value as plain decimal text (no exponent), "0" for zero, "" for null (undefined). */
    public static String plain(final BigDecimal value)
    {
        return value == null ? "" : value.signum() == 0 ? "0" : value.toPlainString();
    }
}
