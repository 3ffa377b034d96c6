package org.ctoforum.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the portal. Code asks for a {@link Clock} instead of calling now(), so tests can set the time. */
@ApplicationScoped
public class Clocks {

    /** Dependent scope: java.time.Clock cannot be proxied. */
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
