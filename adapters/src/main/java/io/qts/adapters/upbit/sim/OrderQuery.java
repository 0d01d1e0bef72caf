package io.qts.adapters.upbit.sim;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of Upbit's order lists, read and checked as Upbit documents them (API reference "체결 대기 주문
 * (Open Order) 조회", "종료 주문 조회" and "id로 주문 목록 조회", docs.upbit.com, checked 2026-11):
 * <ul>
 *   <li>{@code GET /v1/orders/open}: {@code market}, {@code state} or {@code states[]} (wait, watch; default wait),
 *   {@code page} (from 1), {@code limit} (default 100, at most 100), {@code order_by} (asc, desc; default desc).</li>
 *   <li>{@code GET /v1/orders/closed}: {@code market}, {@code state} or {@code states[]} (done, cancel; default both),
 *   {@code start_time}/{@code end_time} (ISO-8601 with a zone, or epoch milliseconds; a window of at most 7 days on
 *   the order's creation time: none = the 7 days up to now, only start = 7 days after it, only end = 7 days before
 *   it), {@code limit} (default 100, at most 1000), {@code order_by}.</li>
 *   <li>{@code GET /v1/orders/uuids}: {@code market}, {@code uuids[]} or {@code identifiers[]} (one of them, at most
 *   100), {@code order_by}.</li>
 * </ul>
 * Each refusal is a 400 {@code validation_error} (Upbit's name for a bad parameter).
 */
final class OrderQuery
{
    static final long WINDOW_MS = 7L * 24 * 3600 * 1000;

    String market;
    Set<String> states;
    List<String> uuids;
    List<String> identifiers;
    long fromMs = Long.MIN_VALUE;
    long toMs = Long.MAX_VALUE;
    int page = 1;
    int limit;
    boolean ascending;

    private OrderQuery()
    {
    }

    static OrderQuery open(final Map<String, List<String>> params)
    {
        final OrderQuery q = common(params, 100);
        q.states = states(params, Set.of("wait", "watch"), Set.of("wait"));
        q.page = integer(params, "page", 1, 1, Integer.MAX_VALUE);
        return q;
    }

    static OrderQuery closed(final Map<String, List<String>> params, final long nowMs)
    {
        final OrderQuery q = common(params, 1000);
        q.states = states(params, Set.of("done", "cancel"), Set.of("done", "cancel"));
        final Long start = time(params, "start_time");
        final Long end = time(params, "end_time");
        if (start != null && end != null && (end < start || end - start > WINDOW_MS))
        {
            throw bad("start_time and end_time must span at most 7 days, end after start");
        }
        q.toMs = end != null ? end : start != null ? start + WINDOW_MS : nowMs;
        q.fromMs = start != null ? start : q.toMs - WINDOW_MS;
        return q;
    }

    static OrderQuery byIds(final Map<String, List<String>> params)
    {
        final OrderQuery q = common(params, Integer.MAX_VALUE);
        final List<String> uuids = params.get("uuids[]");
        final List<String> identifiers = params.get("identifiers[]");
        if ((uuids == null) == (identifiers == null))
        {
            throw bad("give either uuids[] or identifiers[]");
        }
        final List<String> ids = uuids != null ? uuids : identifiers;
        if (ids.size() > 100)
        {
            throw bad("at most 100 uuids or identifiers");
        }
        q.uuids = uuids;
        q.identifiers = identifiers;
        return q;
    }

    private static OrderQuery common(final Map<String, List<String>> params, final int maxLimit)
    {
        final OrderQuery q = new OrderQuery();
        q.market = one(params, "market");
        q.limit = maxLimit == Integer.MAX_VALUE ? Integer.MAX_VALUE : integer(params, "limit", 100, 1, maxLimit);
        final String orderBy = one(params, "order_by");
        if (orderBy != null && !orderBy.equals("asc") && !orderBy.equals("desc"))
        {
            throw bad("order_by must be asc or desc");
        }
        q.ascending = "asc".equals(orderBy);
        return q;
    }

    private static Set<String> states(
        final Map<String, List<String>> params, final Set<String> allowed, final Set<String> byDefault)
    {
        final String state = one(params, "state");
        final List<String> states = params.get("states[]");
        if (state != null && states != null)
        {
            throw bad("state and states[] cannot be used together");
        }
        final Set<String> chosen = state != null ? Set.of(state) : states != null ? Set.copyOf(states) : byDefault;
        if (!allowed.containsAll(chosen))
        {
            throw bad("state must be one of " + allowed);
        }
        return chosen;
    }

    private static Long time(final Map<String, List<String>> params, final String name)
    {
        final String v = one(params, name);
        if (v == null)
        {
            return null;
        }
        try
        {
            return v.matches("\\d{1,15}") ? Long.parseLong(v) : OffsetDateTime.parse(v).toInstant().toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw bad(name + " must be ISO-8601 with a zone (2024-12-09T13:56:53+09:00) or epoch milliseconds");
        }
    }

    private static int integer(
        final Map<String, List<String>> params, final String name, final int byDefault, final int min, final int max)
    {
        final String v = one(params, name);
        if (v == null)
        {
            return byDefault;
        }
        try
        {
            final int n = Integer.parseInt(v);
            if (n < min || n > max)
            {
                throw bad(name + " must be between " + min + " and " + max);
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw bad(name + " must be a whole number");
        }
    }

    private static String one(final Map<String, List<String>> params, final String name)
    {
        final List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static SimError bad(final String message)
    {
        return new SimError(400, "validation_error", message);
    }
}
