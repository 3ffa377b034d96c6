package org.ctoforum.platform.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoContextTest {

    private final DemoContext context = new DemoContext("demo-pass-123");

    @Test
    void readsTheSeedFilesPackagedWithThePortal() {
        assertTrue(context.json("reports.json").getJsonArray("reports").size() > 0);
    }

    @Test
    void aBrokenSeedFileIsNamedInTheError() {
        var cutShort = assertThrows(IllegalStateException.class, () -> context.json("cut-short.json"));
        assertTrue(
                cutShort.getMessage().startsWith("The demo content file seeds/cut-short.json is not a JSON object: "),
                cutShort.getMessage());
        var array = assertThrows(IllegalStateException.class, () -> context.json("not-an-object.json"));
        assertTrue(array.getMessage().startsWith("The demo content file seeds/not-an-object.json"), array.getMessage());
    }

    @Test
    void aMissingSeedFileIsNamedInTheError() {
        var missing = assertThrows(IllegalStateException.class, () -> context.json("nothing-here.json"));
        assertEquals("The demo content file seeds/nothing-here.json is missing from the build", missing.getMessage());
    }
}
