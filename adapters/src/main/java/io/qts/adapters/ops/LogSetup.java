package io.qts.adapters.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.qts.adapters.cli.UserError;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Where the service's log goes and in what shape: one line per event on stderr (stdout carries the progress and the
 * summary), either {@value #TEXT} for a person at a terminal or {@value #JSON} for journald, Docker and log shippers
 * (logback's {@link JsonEncoder}: {@code timestamp}, {@code level}, {@code loggerName}, {@code message} and the run's
 * {@code run_id} and {@code engine_id} under {@code context.properties}). Set up in code, so no logback.xml on the class
 * path can turn a secret-free log into something else by accident. The engine module logs nothing.
 */
public final class LogSetup
{
    public static final String TEXT = "text";
    public static final String JSON = "json";
    public static final List<String> FORMATS = List.of(TEXT, JSON);
    public static final String RUN_ID = "run_id";
    public static final String ENGINE_ID = "engine_id";

    private LogSetup()
    {
    }

    /** Text when a terminal is attached, JSON otherwise (systemd, containers). */
    public static String defaultFormat()
    {
        return System.console() != null ? TEXT : JSON;
    }

    /**
     * Replaces the log set-up of this process: QTS's own loggers at INFO, libraries at WARN.
     *
     * @param format {@value #TEXT}, {@value #JSON}, or null for {@link #defaultFormat()}.
     * @throws UserError for another format.
     */
    public static void configure(final String format, final String runId, final int engineId)
    {
        final String chosen = format == null ? defaultFormat() : format;
        if (!FORMATS.contains(chosen))
        {
            throw new UserError("--log-format must be one of " + String.join(", ", FORMATS) + ", got '" + chosen + "'");
        }
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty(RUN_ID, runId);
        context.putProperty(ENGINE_ID, Integer.toString(engineId));
        final Encoder<ILoggingEvent> encoder = JSON.equals(chosen) ? json(context) : text(context);
        final ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        context.getLogger("io.qts").setLevel(Level.INFO);
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
}
