package org.ctoforum.alphafixture.boundary;

import org.ctoforum.alphafixture.ui.AlphaPage;
import org.ctoforum.betafixture.boundary.BetaService;
import org.ctoforum.betafixture.entity.BetaEntity;

/** A deliberate violation for FeatureBoundariesViolationsTest: it uses another feature's entity and its own page. */
public class AlphaService {

    public Object reach(BetaService beta) {
        return new Object[] {new BetaEntity(), new AlphaPage(), beta};
    }
}
