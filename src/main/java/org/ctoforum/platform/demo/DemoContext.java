package org.ctoforum.platform.demo;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** What a seed gets: the files under seeds/ (packaged in the WAR) and the demo password. */
public final class DemoContext {

    private final String demoPassword;
    private final List<String> demoAccounts = new ArrayList<>();

    DemoContext(String demoPassword) {
        this.demoPassword = demoPassword;
    }

    public JsonObject json(String file) {
        InputStream in = DemoContext.class.getClassLoader().getResourceAsStream("seeds/" + file);
        if (in == null) {
            throw new IllegalStateException("The demo content file seeds/" + file + " is missing from the build");
        }
        try (JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalStateException(
                    "The demo content file seeds/" + file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    public String demoPassword() {
        return demoPassword;
    }

    /** Lists an account in the start-up banner, e.g. "member@demo.local (MEMBER)". */
    public void announceAccount(String description) {
        demoAccounts.add(description);
    }

    List<String> demoAccounts() {
        return demoAccounts;
    }
}
