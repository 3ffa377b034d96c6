package org.ctoforum.platform.archfixture;

import org.ctoforum.alphafixture.boundary.AlphaService;

/** A deliberate violation: platform code that uses a feature. */
public class PlatformReach {

    public Object reach() {
        return new AlphaService();
    }
}
