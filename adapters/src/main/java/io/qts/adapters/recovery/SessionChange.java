package io.qts.adapters.recovery;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.SessionSettings;
import io.qts.journal.sbe.AdminCommandEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an accepted session change ({@code --accept-session-change}) may change, and how it is carried out so that a
 * replay of the whole session follows it: the engine of every process is built from the settings the session started
 * with (session.json), and the change goes into the journal as admin inputs at the process's start. A changed strategy
 * parameter is an ADMIN SET_PARAM input, the same input an operator's {@code set KEY=VALUE} is; another strategy is
 * its parameters as ADMIN STRATEGY_PARAM inputs followed by an ADMIN SET_STRATEGY naming it, at which the engine
 * replaces the strategy (docs/recovery.md). Settings the engine cannot take as such an input (symbol, size, cash,
 * commission, risk settings, engine id) cannot change within a session.
 */
public final class SessionChange
{
    /**
     * What goes into the journal at the process's start.
     *
     * @param strategy the strategy to switch to, or null to keep the one in force.
     * @param params   with a switch: every parameter given for the new strategy; without: the strategy parameters
     *                 that changed. By name, values as configured (decimal text).
     */
    public record Accepted(String strategy, SortedMap<String, String> params)
    {
        /** No change: the strategy and parameters in force go on. */
        public static final Accepted NONE = new Accepted(null, new TreeMap<>());
    }

    private SessionChange()
    {
    }

    /**
     * @param started   the settings the session started with (its session.json).
     * @param inForce   the session's pins: the strategy and parameters in force (as started, as changed by earlier
     *                  accepted changes).
     * @param requested this process's settings; its strategy and parameters were checked when they were read.
     * @return what to journal at this process's start.
     * @throws UserError naming each setting other than the strategy and its parameters that differs, or, with the
     *                   same strategy, a parameter in force that this process no longer gives.
     */
    public static Accepted accepted(final SessionSettings started, final SessionPins inForce, final SessionSettings requested)
    {
        final List<String> fixed = new ArrayList<>();
        compare(fixed, "engine id", started.engineId(), requested.engineId());
        compare(fixed, "symbol", started.symbol(), requested.symbol());
        compare(fixed, "run.size", started.size(), requested.size());
        compare(fixed, "run.cash", started.cash(), requested.cash());
        compare(fixed, "run.commission", started.commission(), requested.commission());
        compare(fixed, "risk.maxPositionQty", started.maxPositionQty(), requested.maxPositionQty());
        compare(fixed, "risk.maxOrderNotional", started.maxOrderNotional(), requested.maxOrderNotional());
        compare(fixed, "risk settings", started.risk(), requested.risk());
        final boolean switching = !inForce.strategy().equals(requested.strategy());
        if (!switching)
        {
            for (final String name : inForce.params().keySet())
            {
                if (!requested.params().containsKey(name))
                {
                    fixed.add("parameter " + name + " (in force: " + inForce.params().get(name) + ") is no longer given");
                }
            }
        }
        if (!fixed.isEmpty())
        {
            throw new UserError("--accept-session-change takes another strategy or changed strategy parameters only (a replay "
                + "of the session must decide as the live processes did); these cannot change within a session: "
                + String.join("; ", fixed) + ". Continue with the session's settings, or start a new session (--new-session)");
        }
        if (switching)
        {
            // The strategy's name and its parameters' names are the keys of the journaled admin inputs.
            final int keyLength = AdminCommandEncoder.paramKeyLength();
            for (final String key : requested.params().keySet())
            {
                requireKeyFits("parameter", key, keyLength);
            }
            requireKeyFits("strategy", requested.strategy(), keyLength);
            return new Accepted(requested.strategy(), new TreeMap<>(requested.params()));
        }
        final SortedMap<String, String> changed = new TreeMap<>();
        requested.params().forEach((name, value) ->
        {
            if (!value.equals(inForce.params().get(name)))
            {
                changed.put(name, value);
            }
        });
        return new Accepted(null, changed);
    }

    private static void requireKeyFits(final String what, final String key, final int keyLength)
    {
        if (key.length() > keyLength)
        {
            throw new UserError("--accept-session-change cannot journal a switch to " + what + " '" + key + "': its name is longer "
                + "than the " + keyLength + " characters of an admin key; start a new session (--new-session)");
        }
    }

    private static void compare(final List<String> fixed, final String what, final Object started, final Object requested)
    {
        if (!Objects.equals(started, requested))
        {
            fixed.add(what + " " + started + " -> " + requested);
        }
    }
}
