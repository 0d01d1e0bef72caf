package io.qts.adapters.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The log set-up of every QTS process before a command chooses its own (only {@code run} does, see {@link LogSetup}):
 * text on stderr, QTS's own loggers at INFO, libraries at WARN. Without it logback would fall back to its basic
 * configuration, DEBUG on stdout, and Chronicle's INFO lines ("Took 1141 us to grow file ...") would land before the
 * JSON a command such as {@code bench throughput --json} prints on stdout. Found by logback through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}; ranked above a logback.xml, so a file on the class
 * path cannot send a library's lines to stdout again.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class QuietLogDefaults extends ContextAwareBase implements Configurator
{
    @Override
    public ExecutionStatus configure(final LoggerContext context)
    {
        LogSetup.textOnStderr(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
