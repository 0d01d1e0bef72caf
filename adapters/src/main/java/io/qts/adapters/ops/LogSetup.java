package io.qts.adapters.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where a run's output goes and in what shape ({@code ops.logFormat}, option {@code --log-format}):
 * <ul>
 *   <li>{@value #TEXT} (the default, for a person at a terminal): the progress and summary lines on stdout as they
 *   always were, log events as text lines on stderr;</li>
 *   <li>{@value #JSON} (for journald, Docker and log shippers; the shipped systemd unit, image and manifests choose it):
 *   stdout carries only log events, one JSON object per line written by logback's {@link JsonEncoder}
 *   ({@code timestamp} in epoch ms, {@code level}, {@code loggerName}, {@code message}, the run's {@code run_id} and
 *   {@code engine_id} under {@code context.properties}, key/value figures under {@code kvpList}); the progress lines
 *   are events of {@value #PROGRESS}, the summary one event of {@value #SUMMARY}.</li>
 * </ul>
 * In both, QTS's own loggers log at INFO and libraries at WARN. Set up in code, so no logback.xml on the class path can
 * turn a secret-free log into something else by accident. The engine module logs nothing.
 */
public final class LogSetup
{
    /** {@code ops.logFormat}: log events as text lines on stderr (the default). */
    public static final String TEXT = "text";
    /** {@code ops.logFormat}: log events as JSON objects, one per line on stdout (logback's JsonEncoder). */
    public static final String JSON = "json";
    /** The accepted values of {@code ops.logFormat} (and {@code --log-format}), the default first. */
    public static final List<String> FORMATS = List.of(TEXT, JSON);
    /** The logging-context property holding the run's id, in every JSON event. */
    public static final String RUN_ID = "run_id";
    /** The logging-context property holding the engine's id, in every JSON event. */
    public static final String ENGINE_ID = "engine_id";
    /** The logger of a run's progress lines in the JSON format. */
    public static final String PROGRESS = "qts.progress";
    /** The logger of a run's summary event in the JSON format. */
    public static final String SUMMARY = "qts.summary";
    static final String KEY = "ops.logFormat";

    private LogSetup()
    {
    }

    /**
     * The configured format: {@code ops.logFormat} ({@code QTS_OPS_LOG_FORMAT}, or the option {@code --log-format}),
     * {@value #TEXT} when not set.
     *
     * @throws UserError for another value, naming where it came from.
     */
    public static String format(final QtsConfig config)
    {
        final String value = config.get(KEY, TEXT).trim();
        if (!FORMATS.contains(value))
        {
            throw new UserError(KEY + " must be one of " + String.join(", ", FORMATS) + ", got '" + value + "' (from "
                + config.source(KEY) + ")");
        }
        return value;
    }

    /**
     * Replaces the log set-up of this process for one run: QTS's own loggers at INFO, libraries at WARN.
     *
     * @param format {@value #TEXT} (events on stderr) or {@value #JSON} (events on {@code stdout}).
     * @param stdout the command's standard output; in the JSON format every event is written to it, one line each.
     */
    public static void configure(final String format, final String runId, final int engineId, final PrintWriter stdout)
    {
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        if (!JSON.equals(format))
        {
            textOnStderr(context);
            context.putProperty(RUN_ID, runId);
            context.putProperty(ENGINE_ID, Integer.toString(engineId));
            return;
        }
        context.reset();
        context.putProperty(RUN_ID, runId);
        context.putProperty(ENGINE_ID, Integer.toString(engineId));
        final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("stdout");
        appender.setEncoder(json(context));
        appender.setOutputStream(new WriterLines(stdout));
        appender.start();
        levels(context, appender);
    }

    /** What every QTS process starts with (see {@link QuietLogDefaults}) and a run in the text format keeps. */
    static void textOnStderr(final LoggerContext context)
    {
        context.reset();
        final ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(text(context));
        appender.start();
        levels(context, appender);
    }

    /** A writer whose every line becomes one INFO event of {@code loggerName} (the JSON format's progress lines). */
    public static PrintWriter lines(final String loggerName)
    {
        return new PrintWriter(LogLines.to(LoggerFactory.getLogger(loggerName)), true);
    }

    private static void levels(final LoggerContext context, final OutputStreamAppender<ILoggingEvent> appender)
    {
        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        context.getLogger("io.qts").setLevel(Level.INFO);
        context.getLogger("qts").setLevel(Level.INFO);
    }

    private static Encoder<ILoggingEvent> json(final LoggerContext context)
    {
        final JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithArguments(false);
        // QTS's own messages are plain text; a library's may be a template, so its formatted form is kept beside it.
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text(final LoggerContext context)
    {
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n");
        encoder.start();
        return encoder;
    }

    /**
     * The command's stdout as the JSON appender's stream: each encoded event (one line) is handed to the writer whole
     * and flushed. Closing it (logback stops the appender at the next set-up) only flushes: stdout is not ours to close.
     */
    private static final class WriterLines extends OutputStream
    {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

        WriterLines(final PrintWriter writer)
        {
            this.writer = writer;
        }

        @Override
        public synchronized void write(final int b)
        {
            line.write(b);
            if (b == '\n')
            {
                writer.print(line.toString(StandardCharsets.UTF_8));
                writer.flush();
                line.reset();
            }
        }

        @Override
        public synchronized void write(final byte[] bytes, final int offset, final int length)
        {
            for (int i = offset; i < offset + length; i++)
            {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush()
        {
            writer.flush();
        }

        @Override
        public void close()
        {
            flush();
        }
    }
}
