package org.ctoforum.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.ctoforum.alphafixture.boundary.AlphaService;
import org.ctoforum.alphafixture.ui.AlphaPage;
import org.ctoforum.betafixture.boundary.BetaService;
import org.ctoforum.betafixture.entity.BetaEntity;
import org.ctoforum.platform.archfixture.PlatformReach;
import org.junit.jupiter.api.Test;

/**
 * Each of FeatureBoundariesTest's rules fails on a deliberate violation: two fixture features in the test sources
 * (which the real rules do not import) that break every rule once.
 */
class FeatureBoundariesViolationsTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(
                    AlphaService.class, AlphaPage.class, BetaService.class, BetaEntity.class, PlatformReach.class);

    private static void assertViolated(ArchRule rule, String expected) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertTrue(result.hasViolation(), rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(expected), report);
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        assertViolated(FeatureBoundariesTest.featuresFormNoCycle, "Cycle detected");
    }

    @Test
    void anotherFeaturesEntityFails() {
        assertViolated(FeatureBoundariesTest.featuresUseOnlyEachOthersBoundary, "BetaEntity");
    }

    @Test
    void platformUsingAFeatureFails() {
        assertViolated(FeatureBoundariesTest.platformImportsNoFeature, "PlatformReach");
    }

    @Test
    void aBoundaryUsingAPageFails() {
        assertViolated(FeatureBoundariesTest.boundariesUseNoPage, "AlphaPage");
    }
}
