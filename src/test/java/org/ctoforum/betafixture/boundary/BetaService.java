package org.ctoforum.betafixture.boundary;

import org.ctoforum.alphafixture.boundary.AlphaService;

/** Closes a cycle between the fixture features: alphafixture uses betafixture, and betafixture uses alphafixture. */
public class BetaService {

    public Object back(AlphaService alpha) {
        return alpha;
    }
}
