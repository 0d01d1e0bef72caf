package io.qts.adapters.strategies;

import io.qts.engine.Strategies;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strategy jars as users build them: a jar whose META-INF/services file names factories, loaded through a real
 * ServiceLoader. Each failure is one error naming the path, and loads nothing.
 */
class StrategyJarsTest
{
    /** A user strategy that never trades. */
    public static final class Quiet implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "quiet";
        }

        @Override
        public String description()
        {
            return "never trades";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of(StrategyParameter.whole("patience", 1, 10, "3", "bars to wait"));
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            return new Strategy()
            {
            };
        }
    }

    /** Another user's strategy of the same name. */
    public static final class QuietToo implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "quiet";
        }

        @Override
        public String description()
        {
            return "never trades either";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            throw new IllegalStateException("never made");
        }
    }

    /** A user strategy that takes a built-in's name. */
    public static final class Impostor implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "sma-cross";
        }

        @Override
        public String description()
        {
            return "not the built-in";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            throw new IllegalStateException("never made");
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void loadNone()
    {
        StrategyJars.use(null);
    }

    private Path jar(final String name, final String... factories) throws IOException
    {
        final Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file))
        {
            out.putNextEntry(new JarEntry("META-INF/services/" + StrategyFactory.class.getName()));
            out.write((String.join("\n", factories) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aJarsFactoriesJoinTheBuiltInOnesUntilTheNextCommandLoadsOthers() throws IOException
    {
        final Path jar = jar("quiet.jar", Quiet.class.getName());
        assertEquals(List.of("quiet"), StrategyJars.use(jar.toString()));
        assertEquals(List.of("sma-cross", "ema-cross", "momentum", "volatility-breakout", "quiet"), Strategies.names());
        assertEquals(Map.of("cooldownSeconds", "0", "patience", "3"), Strategies.effectiveParams("quiet", Map.of()));
        assertEquals("parameter 'patience' for quiet must be a whole number from 1 to 10, got '11'",
            assertThrows(IllegalArgumentException.class, () -> Strategies.create("quiet", Map.of("patience", "11"))).getMessage());
        StrategyJars.use(null);
        assertFalse(Strategies.names().contains("quiet"));
    }

    @Test
    void aDirectoryLoadsEveryJarInIt() throws IOException
    {
        jar("a.jar", Quiet.class.getName());
        Files.writeString(dir.resolve("notes.txt"), "not a jar");
        assertEquals(List.of("quiet"), StrategyJars.use(dir.toString()));
    }

    @Test
    void aNameOfABuiltInStrategyIsRefused() throws IOException
    {
        final Path jar = jar("impostor.jar", Impostor.class.getName());
        assertEquals("strategy 'sma-cross' from " + jar + " clashes with the built-in strategy of that name",
            assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(jar.toString())).getMessage());
        assertTrue(Strategies.isBuiltIn("sma-cross"));
    }

    @Test
    void theSameNameTwiceIsRefusedAndNothingIsLoaded() throws IOException
    {
        jar("a.jar", Quiet.class.getName());
        jar("b.jar", QuietToo.class.getName());
        final String message = assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(dir.toString())).getMessage();
        assertTrue(message.startsWith("strategy 'quiet' is defined twice in " + dir), message);
        assertFalse(Strategies.names().contains("quiet"));
    }

    @Test
    void aFactoryThatCannotBeLoadedIsOneError() throws IOException
    {
        final Path jar = jar("broken.jar", "com.example.NoSuchFactory");
        final String message = assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(jar.toString())).getMessage();
        assertTrue(message.startsWith("cannot load strategies from " + jar + ": "), message);
        assertTrue(message.contains("com.example.NoSuchFactory"), message);
    }

    @Test
    void pathsWithoutStrategies() throws IOException
    {
        assertEquals("strategy path " + dir.resolve("none") + " does not exist (a jar or a directory of jars)",
            assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(dir.resolve("none").toString())).getMessage());
        assertEquals("strategy path " + dir + " holds no .jar file",
            assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(dir.toString())).getMessage());
        final Path empty = jar("empty.jar");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StrategyJars.use(empty.toString())).getMessage()
            .startsWith("no strategy found in " + empty));
    }
}
