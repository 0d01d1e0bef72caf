package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.InputSink;
import io.qts.engine.Strategies;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operator commands given on the command line ({@code --admin "2020-02-20T09:00:00Z set fast=5"},
 * {@code halt}, {@code resume}, {@code kill}), put into the input stream as ADMIN-source inputs just
 * before the first input at or after their time, so they are journaled like any input and a replay
 * of the journal applies them at the same point. A {@code set} value is the decimal at 10^-8.
 */
public final class AdminSchedule
{
    /** What the option's help says. */
    public static final String SYNTAX = "TIME halt|resume|kill|reset-breaker|set KEY=VALUE, TIME in ISO-8601 UTC like 2020-02-20T09:00:00Z";

    private record Command(long timeNs, AdminAction action, String key, long value8)
    {
    }

    private final List<Command> commands;

    private AdminSchedule(final List<Command> commands)
    {
        this.commands = commands;
    }

    /**
     * @throws UserError naming the command that is wrong and why.
     */
    public static AdminSchedule parse(final List<String> specs, final String strategy)
    {
        final Set<String> keys = new TreeSet<>(Strategies.parameterNames(strategy));
        keys.addAll(EngineContext.riskParamKeys());
        final List<Command> commands = new ArrayList<>();
        for (final String spec : specs)
        {
            commands.add(parseOne(spec, keys));
        }
        commands.sort(Comparator.comparingLong(Command::timeNs));
        return new AdminSchedule(List.copyOf(commands));
    }

    private static Command parseOne(final String spec, final Set<String> keys)
    {
        final String[] words = spec.trim().split("\\s+");
        if (words.length < 2)
        {
            throw bad(spec, "expected " + SYNTAX);
        }
        final long timeNs;
        try
        {
            final Instant time = Instant.parse(words[0]);
            timeNs = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw bad(spec, "time '" + words[0] + "' is not an ISO-8601 UTC instant like 2020-02-20T09:00:00Z");
        }
        final String action = words[1];
        if (!action.equals("set"))
        {
            if (words.length != 2)
            {
                throw bad(spec, "'" + action + "' takes no argument");
            }
            switch (action)
            {
                case "halt":
                    return new Command(timeNs, AdminAction.HALT, "", 0);
                case "resume":
                    return new Command(timeNs, AdminAction.RESUME, "", 0);
                case "kill":
                    return new Command(timeNs, AdminAction.KILL, "", 0);
                case "reset-breaker":
                    return new Command(timeNs, AdminAction.RESET_BREAKER, "", 0);
                default:
                    throw bad(spec, "unknown action '" + action + "' (known: halt, resume, kill, reset-breaker, set)");
            }
        }
        final int eq = words.length == 3 ? words[2].indexOf('=') : -1;
        if (eq <= 0)
        {
            throw bad(spec, "'set' takes KEY=VALUE");
        }
        final String key = words[2].substring(0, eq);
        final String value = words[2].substring(eq + 1);
        if (!keys.contains(key))
        {
            throw bad(spec, "unknown parameter '" + key + "' (known: " + String.join(", ", keys) + ")");
        }
        try
        {
            return new Command(timeNs, AdminAction.SET_PARAM, key, FixedPoint.parse(value, 8));
        }
        catch (final NumberFormatException ex)
        {
            throw bad(spec, "value of '" + key + "': " + ex.getMessage());
        }
    }

    private static UserError bad(final String spec, final String why)
    {
        return new UserError("--admin '" + spec + "': " + why);
    }

    /** A sink that puts the commands in front of the inputs it passes on to {@code sink}. */
    public Merged into(final InputSink sink)
    {
        return new Merged(sink);
    }

    /** Passes inputs on, each preceded by the commands due at or before its time. */
    public final class Merged implements InputSink
    {
        private final InputSink sink;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.BLOCK_LENGTH]);
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();
        private final AdminCommandEncoder encoder = new AdminCommandEncoder();
        private int next;
        /** The time of the last input passed on: a command is never sent at an earlier time than that. */
        private long lastNs = Long.MIN_VALUE;

        private Merged(final InputSink sink)
        {
            this.sink = sink;
        }

        @Override
        public void accept(
            final long timeNs, final int sourceId, final int format, final DirectBuffer input, final int offset, final int length)
        {
            sendDue(timeNs);
            lastNs = Math.max(lastNs, timeNs);
            sink.accept(timeNs, sourceId, format, input, offset, length);
        }

        /** Sends the commands later than the last input, at their own times. Call it once no other thread publishes. */
        public void finish()
        {
            sendDue(Long.MAX_VALUE);
        }

        private void sendDue(final long timeNs)
        {
            while (next < commands.size() && commands.get(next).timeNs() <= timeNs)
            {
                final Command command = commands.get(next++);
                // Live inputs carry their receive time: a command whose time has passed goes in at the
                // present, so event time never runs backwards. Replayed inputs meet their commands in time order.
                final long commandNs = Math.max(command.timeNs(), lastNs);
                encoder.wrapAndApplyHeader(buffer, 0, header)
                    .timeNs(commandNs)
                    .action(command.action())
                    .paramValue(command.value8())
                    .paramKey(command.key());
                sink.accept(commandNs, Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0,
                    MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
            }
        }
    }
}
