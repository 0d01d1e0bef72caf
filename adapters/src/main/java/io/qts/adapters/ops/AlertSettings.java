package io.qts.adapters.ops;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code alerts.*} settings and the two secrets they need: the Slack incoming-webhook URL (it carries its own
 * token) and the Telegram bot token, from the environment ({@value #SLACK_ENV}, {@value #TELEGRAM_ENV}) or from an
 * owner-only key file ({@code slack_webhook_url=}, {@code telegram_bot_token=}); never from the configuration file.
 *
 * @param slackWebhook   the webhook URL, or null for no Slack alerts.
 * @param telegramApi    the Bot API base URL (https://api.telegram.org), or null for no Telegram alerts.
 * @param telegramToken  the bot token, or null.
 * @param telegramChatId the chat to send to, or null.
 */
public record AlertSettings(URI slackWebhook, URI telegramApi, String telegramToken, String telegramChatId, long streamDownMs,
    long dedupeMs, int maxPerMinute)
{
    /** The environment variable holding the Slack incoming-webhook URL (a secret: the URL carries the token). */
    public static final String SLACK_ENV = "SLACK_WEBHOOK_URL";
    /** The environment variable holding the Telegram bot token. */
    public static final String TELEGRAM_ENV = "TELEGRAM_BOT_TOKEN";

    /** No alerts. */
    public static final AlertSettings NONE = new AlertSettings(null, null, null, null, 60_000, 300_000, 20);

    /** Whether any alert channel is configured (a Slack webhook or a Telegram chat). */
    public boolean enabled()
    {
        return slackWebhook != null || telegramChatId != null;
    }

    /**
     * @throws UserError naming the key, variable or file that is missing or wrong (never a secret's value).
     */
    public static AlertSettings from(final QtsConfig config, final Map<String, String> env)
    {
        final boolean slack = bool(config, "alerts.slack");
        final String chat = config.get("alerts.telegramChatId", "none").trim();
        final String keyFile = config.get("alerts.keyFile", "none").trim();
        final Properties file = keyFile.equals("none") ? new Properties() : readKeyFile(Path.of(keyFile));
        URI webhook = null;
        if (slack)
        {
            final String url = secret(env.get(SLACK_ENV), file.getProperty("slack_webhook_url"));
            if (url == null)
            {
                throw new UserError("alerts.slack is true but no webhook URL: set " + SLACK_ENV + " or slack_webhook_url= in alerts.keyFile");
            }
            webhook = uri(url, SLACK_ENV + " / slack_webhook_url");
        }
        URI api = null;
        String token = null;
        String chatId = null;
        if (!chat.equals("none"))
        {
            token = secret(env.get(TELEGRAM_ENV), file.getProperty("telegram_bot_token"));
            if (token == null)
            {
                throw new UserError("alerts.telegramChatId is set but no bot token: set " + TELEGRAM_ENV + " or telegram_bot_token= in alerts.keyFile");
            }
            api = uri(config.get("alerts.telegramApiUrl", "https://api.telegram.org").trim(), "alerts.telegramApiUrl");
            chatId = chat;
        }
        return new AlertSettings(webhook, api, token, chatId, seconds(config, "alerts.streamDownSeconds", "60") * 1000,
            seconds(config, "alerts.dedupeSeconds", "300") * 1000, (int)Math.max(1, seconds(config, "alerts.maxPerMinute", "20")));
    }

    private static String secret(final String fromEnv, final String fromFile)
    {
        final String value = fromEnv != null && !fromEnv.isBlank() ? fromEnv : fromFile;
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean bool(final QtsConfig config, final String key)
    {
        final String value = config.get(key, "false").trim();
        if (!value.equals("true") && !value.equals("false"))
        {
            throw new UserError("config key '" + key + "' must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }

    private static long seconds(final QtsConfig config, final String key, final String defaultValue)
    {
        final String value = config.get(key, defaultValue).trim();
        try
        {
            final long number = Long.parseLong(value);
            if (number >= 0 && number <= 86_400)
            {
                return number;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Reported below with the key's name.
        }
        throw new UserError("config key '" + key + "' must be a whole number from 0 to 86400, got '" + value + "'");
    }

    /** The URL's text is a secret (Slack's carries the token): the error names where it came from, not what it is. */
    private static URI uri(final String value, final String source)
    {
        try
        {
            final URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null)
            {
                return uri;
            }
        }
        catch (final URISyntaxException ignored)
        {
            // Reported below without the value.
        }
        throw new UserError(source + " is not an http(s) URL");
    }

    private static Properties readKeyFile(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new UserError("alerts.keyFile " + file + " does not exist or is not a file");
        }
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ))
            {
                throw new UserError("alerts.keyFile " + file + " is readable by group or others; refusing it (chmod 600)");
            }
        }
        catch (final UnsupportedOperationException ex)
        {
            // Not a POSIX file system: nothing to check.
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read the permissions of alerts.keyFile " + file + ": " + ex.getMessage());
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read alerts.keyFile " + file + ": " + ex.getClass().getSimpleName());
        }
        return properties;
    }
}
