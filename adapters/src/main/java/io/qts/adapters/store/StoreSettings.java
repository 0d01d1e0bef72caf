package io.qts.adapters.store;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the trade store is: {@code store.url} ({@code default}: {@code jdbc:sqlite:<varDir>/trades.db}; a
 * {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; {@code none}: no store), {@code store.user}, and the password
 * from {@value #PASSWORD_ENV} (never from the configuration file).
 *
 * @param url null when the store is off.
 */
public record StoreSettings(String url, String user, String password)
{
    /** The environment variable holding the store's database password. */
    public static final String PASSWORD_ENV = "TRADE_STORE_PASSWORD";

    /**
     * @throws UserError for a URL that is neither SQLite nor PostgreSQL.
     */
    public static StoreSettings from(final QtsConfig config, final Path varDir, final Map<String, String> env)
    {
        final String value = config.get("store.url", "default").trim();
        final String user = config.get("store.user", "none").trim();
        final String url;
        if (value.equals("none"))
        {
            url = null;
        }
        else if (value.equals("default"))
        {
            url = "jdbc:sqlite:" + varDir.resolve("trades.db");
        }
        else if (value.startsWith("jdbc:sqlite:") || value.startsWith("jdbc:postgresql:"))
        {
            url = value;
        }
        else
        {
            throw new UserError("config key 'store.url' must be default, none, or a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        return new StoreSettings(url, user.equals("none") ? null : user, env.get(PASSWORD_ENV));
    }

    /** Whether trades are written to a store ({@code store.url} is not {@code none}). */
    public boolean enabled()
    {
        return url != null;
    }

    /** The URL without credentials a PostgreSQL URL might carry, for messages. */
    public String shown()
    {
        return url == null ? "none" : url.replaceAll("(?i)(password|user)=[^&]*", "$1=...");
    }
}
