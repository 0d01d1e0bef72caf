package io.qts.adapters.strategies;

import io.qts.engine.Strategies;
import io.qts.engine.strategy.StrategyFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Loads user strategies from a jar, or from every {@code *.jar} directly in a directory (in name order), through
 * {@link ServiceLoader}: each jar lists its {@link StrategyFactory} implementations in
 * {@code META-INF/services/io.qts.engine.strategy.StrategyFactory}. A missing path, a jar that cannot be read, a
 * factory that cannot be made, an invalid name or a name that clashes with another strategy is one error
 * ({@link IllegalArgumentException}) naming the path, and no strategy of the path is added.
 */
public final class StrategyJars
{
    private StrategyJars()
    {
    }

    /**
     * Makes the strategies of {@code path} the loaded ones ({@link Strategies#useLoaded}); null or blank loads none.
     *
     * @return the names loaded, in order.
     */
    public static List<String> use(final String path)
    {
        if (path == null || path.isBlank())
        {
            Strategies.useLoaded(List.of(), "");
            return List.of();
        }
        final Path where = Path.of(path);
        final List<Path> jars = jars(where);
        final List<StrategyFactory> factories = new ArrayList<>();
        final URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++)
        {
            urls[i] = url(jars.get(i));
        }
        // The parent is the loader of the engine, so the jar's classes see the one strategy API QTS runs.
        final URLClassLoader loader = new URLClassLoader(urls, StrategyFactory.class.getClassLoader());
        try
        {
            ServiceLoader.load(StrategyFactory.class, loader).forEach(factories::add);
        }
        catch (final ServiceConfigurationError | LinkageError ex)
        {
            throw new IllegalArgumentException("cannot load strategies from " + path + ": " +
                (ex.getCause() != null ? ex.getMessage() + " (" + ex.getCause() + ")" : ex.getMessage()), ex);
        }
        if (factories.isEmpty())
        {
            throw new IllegalArgumentException("no strategy found in " + path +
                " (a jar lists its factories in META-INF/services/" + StrategyFactory.class.getName() + ")");
        }
        Strategies.useLoaded(factories, path);
        final List<String> names = new ArrayList<>();
        factories.forEach((f) -> names.add(f.name()));
        return names;
    }

    private static List<Path> jars(final Path where)
    {
        if (Files.isRegularFile(where))
        {
            return List.of(where);
        }
        if (!Files.isDirectory(where))
        {
            throw new IllegalArgumentException("strategy path " + where + " does not exist (a jar or a directory of jars)");
        }
        try (Stream<Path> files = Files.list(where))
        {
            final List<Path> jars = files.filter((p) -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                .sorted().toList();
            if (jars.isEmpty())
            {
                throw new IllegalArgumentException("strategy path " + where + " holds no .jar file");
            }
            return jars;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list strategy path " + where, ex);
        }
    }

    private static URL url(final Path jar)
    {
        try
        {
            return jar.toUri().toURL();
        }
        catch (final MalformedURLException ex)
        {
            throw new IllegalArgumentException("strategy path " + jar + " is not a valid file name", ex);
        }
    }
}
