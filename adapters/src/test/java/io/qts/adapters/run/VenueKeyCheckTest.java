package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's signed read against the exchange simulator over loopback: each key error is one line saying what to fix. */
class VenueKeyCheckTest
{
    private static final byte[] SECRET = "the-right-secret-key-of-this-test".getBytes(StandardCharsets.US_ASCII);
    private static final String WHERE = "UPBIT_ACCESS_KEY/UPBIT_SECRET_KEY or venue.keyFile";

    private final List<ExchangeSimulator> simulators = new ArrayList<>();

    @AfterEach
    void stop()
    {
        simulators.forEach(ExchangeSimulator::close);
    }

    private URI simulator(final SimSettings settings)
    {
        final ExchangeSimulator sim = ExchangeSimulator.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
            settings.speed(0).log((line) -> { }));
        simulators.add(sim);
        return URI.create("http://127.0.0.1:" + sim.start(0));
    }

    private static String refused(final URI rest, final UpbitAuth auth)
    {
        return assertThrows(UserError.class, () -> VenueKeyCheck.verify(rest, auth, 5_000)).getMessage();
    }

    @Test
    void theRightKeysReadTheAccounts()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET));
        final String accounts = VenueKeyCheck.verify(rest, new UpbitAuth("ak", SECRET), 5_000);
        assertTrue(accounts.startsWith("[") && accounts.contains("\"currency\":\"KRW\""), accounts);
    }

    @Test
    void anUnknownAccessKey()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET));
        assertEquals("Upbit keys refused (401 invalid_access_key): the venue does not know the access key: set the access key "
            + "of an active Open API key in " + WHERE, refused(rest, new UpbitAuth("someone-else", SECRET)));
    }

    @Test
    void aSecretKeyOfAnotherPairIsABadSignature()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET));
        assertEquals("Upbit keys refused (401 jwt_verification): the request's signature was refused: the secret key does not "
            + "belong to the access key; set the pair issued together in " + WHERE,
            refused(rest, new UpbitAuth("ak", "not-the-secret".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void anExpiredKey()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET).refuseKey("ak", "expired_access_key"));
        assertEquals("Upbit keys refused (401 expired_access_key): the API key has expired: issue a new key in Upbit's Open API "
            + "management and set it in " + WHERE, refused(rest, new UpbitAuth("ak", SECRET)));
    }

    @Test
    void aKeyNotAllowedFromThisAddress()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET).refuseKey("ak", "no_authorization_i_p"));
        assertEquals("Upbit keys refused (401 no_authorization_i_p): this machine's IP address is not allowed for the key: add it "
            + "to the key's allowed IP addresses in Upbit's Open API management", refused(rest, new UpbitAuth("ak", SECRET)));
    }

    @Test
    void aKeyWithoutThePermission()
    {
        final URI rest = simulator(new SimSettings().key("ak", SECRET).refuseKey("ak", "out_of_scope"));
        assertEquals("Upbit keys refused (401 out_of_scope): the key lacks a permission: allow it to view accounts, view orders "
            + "and place orders in Upbit's Open API management", refused(rest, new UpbitAuth("ak", SECRET)));
    }

    @Test
    void aVenueThatCannotBeReached() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final String message = refused(URI.create("http://127.0.0.1:" + closedPort), new UpbitAuth("ak", SECRET));
        assertTrue(message.startsWith("cannot check the Upbit keys: GET http://127.0.0.1:" + closedPort + "/v1/accounts failed ("),
            message);
        assertTrue(message.endsWith("; check venue.restUrl and the network"), message);
    }

    @Test
    void noMessageCarriesAKey()
    {
        final URI rest = simulator(new SimSettings().key("ak-visible-only-here", SECRET).refuseKey("ak-visible-only-here", "out_of_scope"));
        final String message = refused(rest, new UpbitAuth("ak-visible-only-here", SECRET));
        assertFalse(message.contains("ak-visible-only-here") || message.contains(new String(SECRET, StandardCharsets.US_ASCII)));
    }
}
