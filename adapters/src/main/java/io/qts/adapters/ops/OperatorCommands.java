package io.qts.adapters.ops;

import io.qts.adapters.run.LiveView;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.Strategies;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Operator commands from the ops console, checked and encoded as the SBE AdminCommand that {@code --admin} also sends,
 * then put into the session's inputs (journaled, so a replay applies them at the same point). A request that cannot be
 * applied is refused here with the reason, before anything is journaled.
 */
final class OperatorCommands
{
    private final Supplier<LiveView> session;
    private final String strategy;
    private final Set<String> riskKeys = new TreeSet<>(EngineContext.riskParamKeys());
    private final Set<String> strategyKeys;
    /** The strategy's parameters as changed through this console, to check a new value against the others. */
    private final SortedMap<String, String> strategyParams;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.BLOCK_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AdminCommandEncoder encoder = new AdminCommandEncoder();

    OperatorCommands(final Supplier<LiveView> session, final EngineContext engine)
    {
        this.session = session;
        this.strategy = engine.strategyName();
        this.strategyKeys = new TreeSet<>(Strategies.parameterNames(strategy));
        this.strategyParams = new TreeMap<>(engine.strategyParams());
    }

    void halt()
    {
        send(AdminAction.HALT, "", 0);
    }

    void resume()
    {
        send(AdminAction.RESUME, "", 0);
    }

    void kill()
    {
        send(AdminAction.KILL, "", 0);
    }

    void resetBreaker()
    {
        send(AdminAction.RESET_BREAKER, "", 0);
    }

    /**
     * @throws IllegalArgumentException for an unknown key, a value that is not a decimal, a negative risk limit, or a
     *                                  strategy value the strategy refuses given its other parameters.
     */
    synchronized void setParameter(final String name, final String value)
    {
        if (name == null || value == null)
        {
            throw new IllegalArgumentException("setParameter needs a name and a value");
        }
        final String key = name.trim();
        final String text = value.trim();
        if (!strategyKeys.contains(key) && !riskKeys.contains(key))
        {
            final List<String> known = new java.util.ArrayList<>(strategyKeys);
            known.addAll(riskKeys);
            throw new IllegalArgumentException("unknown parameter '" + key + "' (known: " + String.join(", ", known) + "); nothing changed");
        }
        final long value8;
        try
        {
            value8 = FixedPoint.parse(text, 8);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("value of '" + key + "': " + ex.getMessage() + "; nothing changed");
        }
        if (riskKeys.contains(key) && value8 < 0)
        {
            throw new IllegalArgumentException("value of '" + key + "' must not be negative, got " + text + "; nothing changed");
        }
        if (strategyKeys.contains(key))
        {
            final SortedMap<String, String> changed = new TreeMap<>(strategyParams);
            changed.put(key, text);
            try
            {
                Strategies.create(strategy, changed);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(ex.getMessage() + "; nothing changed");
            }
            send(AdminAction.SET_PARAM, key, value8);
            strategyParams.put(key, text);
            return;
        }
        send(AdminAction.SET_PARAM, key, value8);
    }

    private synchronized void send(final AdminAction action, final String key, final long value8)
    {
        final LiveView view = session.get();
        if (view == null)
        {
            throw new IllegalStateException("no session is running yet; nothing changed");
        }
        // For dumps only: the engine acts at the input's receive stamp, which the session's input sets.
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(System.currentTimeMillis() * 1_000_000L)
            .action(action)
            .paramValue(value8)
            .paramKey(key);
        view.admin(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
