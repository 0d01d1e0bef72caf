package io.qts.adapters.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.cli.Decimals;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.upbit.UpbitDecoder;
import io.qts.adapters.upbit.UpbitTickSize;
import io.qts.adapters.upbit.VenueIdentifiers;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.PriceTicks;
import io.qts.journal.EntryHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that decides a session's orders, as the texts it was configured with (config key names):
 * the engine is built from these in one place, for the live run and for a replay of its journal. A run
 * writes them next to its journals ({@value #FILE_NAME}); they hold no secrets. {@code nonce} is the session's, drawn
 * once when it starts ({@link VenueIdentifiers}): a process that continues the session reads it from here and must
 * keep it, so the identifiers it sends continue the session's and never meet another session's.
 */
public record SessionSettings(
    int engineId,
    String nonce,
    String symbol,
    String strategy,
    SortedMap<String, String> params,
    String size,
    String cash,
    String commission,
    String maxPositionQty,
    String maxOrderNotional,
    SortedMap<String, String> risk)
{
    /** The file these settings are written to in the session's directory, beside its journals. */
    public static final String FILE_NAME = "session.json";

    /** The engine these settings describe, not yet concluded (the caller adds its thread settings). */
    public EngineContext engineContext()
    {
        final List<String> markets = RunMarkets.sorted(symbol);
        final EngineContext engine = new EngineContext()
            .engineId(engineId)
            .symbols(markets)
            .strategy(strategy, params)
            .orderQty(Decimals.parse("run.size", size, 8))
            .initialCash(Decimals.positive("run.cash", cash, FixedPoint.MONEY_SCALE))
            .commissionRate(Decimals.parse("run.commission", commission, FixedPoint.RATE_SCALE))
            .maxPositionQty(Decimals.limit("risk.maxPositionQty", maxPositionQty, 8))
            .maxOrderNotional(Decimals.limit("risk.maxOrderNotional", maxOrderNotional, FixedPoint.MONEY_SCALE));
        RiskSettings.apply(engine, risk);
        // Limit prices on Upbit's grid for the market (the table the venue and the simulator enforce); several markets
        // of one run share one grid (checked where run.symbol is read).
        final String first = markets.get(0);
        engine.priceTicks(UpbitTickSize.hasTable(first) ? UpbitTickSize.priceTicks(first) : PriceTicks.ONE_UNIT);
        // Venue messages are journaled as received (JSON) and decoded in the decode stage, live and in a replay.
        return engine.inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(identifiers()));
    }

    /** These settings with another nonce (the session's, when a process continues it). */
    public SessionSettings withNonce(final String newNonce)
    {
        return new SessionSettings(engineId, newNonce, symbol, strategy, params, size, cash, commission, maxPositionQty,
            maxOrderNotional, risk);
    }

    /** The venue identifiers of this session's orders, from its nonce. */
    public VenueIdentifiers identifiers()
    {
        return VenueIdentifiers.of(nonce);
    }

    /** Writes {@value #FILE_NAME} into {@code dir} (through a temporary file, so it is whole or absent). */
    public void writeTo(final Path dir)
    {
        final ObjectMapper json = new ObjectMapper();
        final ObjectNode root = json.createObjectNode();
        root.put("engineId", engineId);
        root.put("nonce", nonce);
        root.put("symbol", symbol);
        root.put("strategy", strategy);
        params.forEach(root.putObject("params")::put);
        root.put("size", size);
        root.put("cash", cash);
        root.put("commission", commission);
        root.put("maxPositionQty", maxPositionQty);
        root.put("maxOrderNotional", maxOrderNotional);
        risk.forEach(root.putObject("risk")::put);
        try
        {
            Files.createDirectories(dir);
            final Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME), ex);
        }
    }

    /** Reads {@value #FILE_NAME} from {@code dir}; a missing or incomplete file is a {@link UserError}. */
    public static SessionSettings readFrom(final Path dir)
    {
        final Path file = dir.resolve(FILE_NAME);
        final JsonNode root;
        try
        {
            root = new ObjectMapper().readTree(file.toFile());
        }
        catch (final NoSuchFileException | java.io.FileNotFoundException ex)
        {
            throw new UserError("no " + FILE_NAME + " in " + dir + " (a run writes it beside its in/ and out/ journals)");
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + file + ": " + ex.getMessage());
        }
        return new SessionSettings(
            required(root, file, "engineId").asInt(),
            nonce(root, file),
            required(root, file, "symbol").asText(),
            required(root, file, "strategy").asText(),
            texts(required(root, file, "params")),
            required(root, file, "size").asText(),
            required(root, file, "cash").asText(),
            required(root, file, "commission").asText(),
            required(root, file, "maxPositionQty").asText(),
            required(root, file, "maxOrderNotional").asText(),
            texts(required(root, file, "risk")));
    }

    private static String nonce(final JsonNode root, final Path file)
    {
        if (!root.has("nonce") && root.has("session"))
        {
            // Its venue answers carry bare numeric identifiers, which this decoder no longer takes for ours.
            throw new UserError(file + ": written before session nonces (it has 'session', not 'nonce'); "
                + "decide it again with the QTS version that recorded it");
        }
        final String nonce = required(root, file, "nonce").asText();
        try
        {
            return VenueIdentifiers.of(nonce).nonce();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError(file + ": 'nonce': " + ex.getMessage());
        }
    }

    private static JsonNode required(final JsonNode root, final Path file, final String key)
    {
        final JsonNode node = root.get(key);
        if (node == null || node.isNull())
        {
            throw new UserError(file + ": missing '" + key + "'");
        }
        return node;
    }

    private static SortedMap<String, String> texts(final JsonNode object)
    {
        final SortedMap<String, String> values = new TreeMap<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> field = it.next();
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
