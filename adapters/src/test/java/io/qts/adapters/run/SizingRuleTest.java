package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one sizing rule ({@link RiskSettings#sizingMode}) that config keys and command options share. */
class SizingRuleTest
{
    private static String mode(final String sizing, final String orderNotional, final String equityFraction)
    {
        final Map<String, String> values = new HashMap<>();
        values.put("sizing", sizing);
        values.put("orderNotional", orderNotional);
        values.put("equityFraction", equityFraction);
        return RiskSettings.sizingMode(values, key -> key + " (from test)");
    }

    @Test
    void anAmountSelectsItsModeWhenTheModeIsLeftToIt()
    {
        assertEquals("fixed-notional", mode("auto", "5000", "none"));
        assertEquals("equity-fraction", mode("auto", "none", "0.1"));
        assertEquals("fixed-notional", mode(null, "5000", null));
        assertEquals("fixed-qty", mode("auto", "none", "none"));
        assertEquals("fixed-qty", mode(null, null, null));
    }

    @Test
    void aModeThatAgreesOrNeedsNoAmountStands()
    {
        assertEquals("fixed-notional", mode("fixed-notional", "5000", "none"));
        assertEquals("equity-fraction", mode("equity-fraction", "none", "0.1"));
        assertEquals("fixed-qty", mode("fixed-qty", "none", "none"));
        // The engine, not this rule, says that fixed-notional needs an amount (risk.orderNotional must be positive).
        assertEquals("fixed-notional", mode("fixed-notional", "none", "none"));
    }

    @Test
    void twoAmountsOrAModeThatSaysOtherwiseAreErrorsNamingBoth()
    {
        assertEquals("orderNotional (from test) (fixed-notional sizing) and equityFraction (from test) (equity-fraction sizing) "
            + "conflict: give one", assertThrows(UserError.class, () -> mode("auto", "5000", "0.1")).getMessage());
        assertEquals("sizing (from test) conflicts with equityFraction (from test), which sizes entries by equity-fraction",
            assertThrows(UserError.class, () -> mode("fixed-qty", "none", "0.1")).getMessage());
        assertEquals("sizing (from test) conflicts with orderNotional (from test), which sizes entries by fixed-notional",
            assertThrows(UserError.class, () -> mode("equity-fraction", "5000", "none")).getMessage());
    }
}
