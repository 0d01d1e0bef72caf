package io.qts.adapters.research;

import io.qts.adapters.cli.UserError;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamGridTest
{
    private static List<Map<String, String>> combinations(final String... keyValues)
    {
        final Map<String, String> specs = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2)
        {
            specs.put(keyValues[i], keyValues[i + 1]);
        }
        return ParamGrid.parse(specs).combinations();
    }

    @Test
    void aRangeIsInclusiveAndExactInDecimals()
    {
        assertEquals(List.of(Map.of("k", "0.3"), Map.of("k", "0.4"), Map.of("k", "0.5"), Map.of("k", "0.6"), Map.of("k", "0.7")),
            combinations("k", "0.3..0.7:0.1"));
        assertEquals(List.of(Map.of("fast", "5"), Map.of("fast", "10"), Map.of("fast", "15"), Map.of("fast", "20")),
            combinations("fast", "5..20:5"));
        // TO need not be hit: 1, 1.4, 1.8 (2.2 is past 2).
        assertEquals(List.of(Map.of("k", "1"), Map.of("k", "1.4"), Map.of("k", "1.8")), combinations("k", "1..2:0.4"));
    }

    @Test
    void keysRunInNameOrderWithTheFirstVaryingSlowest()
    {
        final List<Map<String, String>> all = combinations("slow", "20..30:10", "fast", "5", "mode", "a");
        assertEquals(2, all.size());
        assertEquals(List.of("fast", "mode", "slow"), List.copyOf(all.get(0).keySet()));
        assertEquals(Map.of("fast", "5", "mode", "a", "slow", "20"), all.get(0));
        assertEquals(Map.of("fast", "5", "mode", "a", "slow", "30"), all.get(1));
    }

    @Test
    void badRangesNameTheParameter()
    {
        assertEquals("--param fast: bad range '5..x:1', expected FROM..TO:STEP, e.g. 5..20:5",
            assertThrows(UserError.class, () -> combinations("fast", "5..x:1")).getMessage());
        assertEquals("--param fast: bad range '5..20', expected FROM..TO:STEP, e.g. 5..20:5",
            assertThrows(UserError.class, () -> combinations("fast", "5..20")).getMessage());
        assertEquals("--param fast: step must be positive, got '5..20:0'",
            assertThrows(UserError.class, () -> combinations("fast", "5..20:0")).getMessage());
        assertEquals("--param fast: step must be positive, got '5..20:-1'",
            assertThrows(UserError.class, () -> combinations("fast", "5..20:-1")).getMessage());
        assertEquals("--param fast: FROM is greater than TO in '20..5:1'",
            assertThrows(UserError.class, () -> combinations("fast", "20..5:1")).getMessage());
    }

    @Test
    void tooManyCombinationsAreRefusedBeforeAnyRun()
    {
        assertEquals("--param: 10100 combinations, more than the limit of 10000",
            assertThrows(UserError.class, () -> combinations("fast", "1..101:1", "slow", "1..100:1")).getMessage());
        assertEquals("--param k: '0..1:0.00001' has 100001 values, more than the limit of 10000 combinations",
            assertThrows(UserError.class, () -> combinations("k", "0..1:0.00001")).getMessage());
    }
}
