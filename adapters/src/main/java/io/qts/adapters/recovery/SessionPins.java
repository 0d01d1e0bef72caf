package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.SessionSettings;
import io.qts.journal.EntryHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a session was started with and must be continued with, kept under {@code "pins"} in its session.json: the
 * QTS version, the journal format version, a hash of every setting that decides orders (SessionSettings without
 * its session number), the strategy and its parameters. A later process of the session compares its own with these.
 */
public record SessionPins(String qtsVersion, int journalFormat, String configHash, String strategy, Map<String, String> params)
{
    /** The version the CLI reports ({@code qts --version}). */
    public static final String QTS_VERSION = "qts 0.1.0";
    /**
     * The journal format this build writes ({@link EntryHeader#FORMAT_VERSION}), so a session is never continued
     * across layouts by mistake.
     */
    public static final int JOURNAL_FORMAT = EntryHeader.FORMAT_VERSION;
    private static final String KEY = "pins";

    /** The pins of a session started now with {@code settings}. */
    public static SessionPins of(final SessionSettings settings)
    {
        return new SessionPins(QTS_VERSION, JOURNAL_FORMAT, hash(settings), settings.strategy(), new TreeMap<>(settings.params()));
    }

    /** SHA-256 of the order-deciding settings, nonce left out (it is the session's, not the configuration's). */
    static String hash(final SessionSettings settings)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(settings.withNonce("").toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** What differs between the session's pins and these (this process's), one text per difference; empty if none. */
    public List<String> differencesFrom(final SessionPins session)
    {
        final List<String> differences = new ArrayList<>();
        if (!qtsVersion.equals(session.qtsVersion))
        {
            differences.add("QTS version " + session.qtsVersion + " -> " + qtsVersion);
        }
        if (journalFormat != session.journalFormat)
        {
            differences.add("journal format " + session.journalFormat + " -> " + journalFormat);
        }
        if (!strategy.equals(session.strategy))
        {
            differences.add("strategy " + session.strategy + " -> " + strategy);
        }
        if (!params.equals(session.params))
        {
            differences.add("parameters " + session.params + " -> " + params);
        }
        if (!configHash.equals(session.configHash) && differences.isEmpty())
        {
            differences.add("settings that decide orders (size, cash, commission or risk.*)");
        }
        return differences;
    }

    /** Adds these pins to the session.json in {@code dir} (through a temporary file, so it is whole or as before). */
    public void writeInto(final Path dir)
    {
        final Path file = dir.resolve(SessionSettings.FILE_NAME);
        final ObjectMapper json = new ObjectMapper();
        try
        {
            final ObjectNode root = (ObjectNode)json.readTree(file.toFile());
            final ObjectNode pins = root.putObject(KEY);
            pins.put("qtsVersion", qtsVersion);
            pins.put("journalFormat", journalFormat);
            pins.put("configHash", configHash);
            pins.put("strategy", strategy);
            params.forEach(pins.putObject("params")::put);
            final Path tmp = dir.resolve(SessionSettings.FILE_NAME + ".tmp");
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /**
     * The pins in the session.json in {@code dir}.
     *
     * @throws UserError if the file or its pins are missing or unreadable.
     */
    public static SessionPins readFrom(final Path dir)
    {
        final Path file = dir.resolve(SessionSettings.FILE_NAME);
        final JsonNode pins;
        try
        {
            pins = new ObjectMapper().readTree(file.toFile()).path(KEY);
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + file + " to continue its session: " + ex.getMessage());
        }
        if (!pins.isObject() || !pins.path("params").isObject())
        {
            throw new UserError(file + " has no session pins; it was not written by a session that can be continued "
                + "(start a new one with --new-session)");
        }
        final Map<String, String> params = new TreeMap<>();
        pins.path("params").fields().forEachRemaining((e) -> params.put(e.getKey(), e.getValue().asText()));
        return new SessionPins(pins.path("qtsVersion").asText(), pins.path("journalFormat").asInt(),
            pins.path("configHash").asText(), pins.path("strategy").asText(), params);
    }
}
