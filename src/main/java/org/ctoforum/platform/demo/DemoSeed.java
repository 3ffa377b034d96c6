package org.ctoforum.platform.demo;

/**
 * One feature's share of the demo content. Each feature reads its own file under {@code seeds/} and must be
 * idempotent: it runs at every start in demo mode and adds only what is missing.
 */
public interface DemoSeed {

    /** Seeds run in ascending order, so later features can refer to what earlier ones made (members first). */
    int order();

    void seed(DemoContext context);
}
