package io.qts.adapters.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version (qts-version.properties, filled in by Maven), for {@code qts version}, {@code --version} and reports. */
public final class QtsVersion implements IVersionProvider
{
    private static final String RESOURCE = "/qts-version.properties";

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get()
    {
        try (InputStream in = QtsVersion.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
    }

    @Override
    public String[] getVersion()
    {
        return new String[]{"qts " + get()};
    }
}
