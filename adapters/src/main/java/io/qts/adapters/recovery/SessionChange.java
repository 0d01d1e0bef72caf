package io.qts.adapters.recovery;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.SessionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an accepted session change ({@code --accept-session-change}) may change, and how it is carried out so that a
 * replay of the whole session follows it: the engine of every process is built from the settings the session started
 * with (session.json), and a changed strategy parameter goes into the journal as an ADMIN SET_PARAM input at the
 * process's start, the same input an operator's {@code set KEY=VALUE} is. Settings the engine cannot take as such an
 * input (strategy, symbol, size, cash, commission, risk settings) cannot change within a session.
 */
public final class SessionChange
{
    private SessionChange()
    {
    }

    /**
     * @param started   the settings the session started with (its session.json).
     * @param inForce   the strategy parameters in force (the session's pins: as started, as changed by earlier
     *                  accepted changes).
     * @param requested this process's settings.
     * @return the strategy parameters to set, by name, with their values as configured (decimal text).
     * @throws UserError naming each setting other than strategy parameters that differs, or a parameter in force that
     *                   this process no longer gives.
     */
    public static SortedMap<String, String> parameters(
        final SessionSettings started, final Map<String, String> inForce, final SessionSettings requested)
    {
        final List<String> fixed = new ArrayList<>();
        compare(fixed, "engine id", started.engineId(), requested.engineId());
        compare(fixed, "symbol", started.symbol(), requested.symbol());
        compare(fixed, "strategy", started.strategy(), requested.strategy());
        compare(fixed, "run.size", started.size(), requested.size());
        compare(fixed, "run.cash", started.cash(), requested.cash());
        compare(fixed, "run.commission", started.commission(), requested.commission());
        compare(fixed, "risk.maxPositionQty", started.maxPositionQty(), requested.maxPositionQty());
        compare(fixed, "risk.maxOrderNotional", started.maxOrderNotional(), requested.maxOrderNotional());
        compare(fixed, "risk settings", started.risk(), requested.risk());
        for (final String name : inForce.keySet())
        {
            if (!requested.params().containsKey(name))
            {
                fixed.add("parameter " + name + " (in force: " + inForce.get(name) + ") is no longer given");
            }
        }
        if (!fixed.isEmpty())
        {
            throw new UserError("--accept-session-change takes changed strategy parameters only (a replay of the session "
                + "must decide as the live processes did); these cannot change within a session: " + String.join("; ", fixed)
                + ". Continue with the session's settings, or start a new session (--new-session)");
        }
        final SortedMap<String, String> changed = new TreeMap<>();
        requested.params().forEach((name, value) ->
        {
            if (!value.equals(inForce.get(name)))
            {
                changed.put(name, value);
            }
        });
        return changed;
    }

    private static void compare(final List<String> fixed, final String what, final Object started, final Object requested)
    {
        if (!Objects.equals(started, requested))
        {
            fixed.add(what + " " + started + " -> " + requested);
        }
    }
}
