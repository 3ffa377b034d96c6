package org.ctoforum.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The feature boundaries, held by the build. A feature is a package under {@code org.ctoforum} other than platform
 * and the launcher; it shows others only its {@code boundary}, and everything it shares goes through platform.
 */
@AnalyzeClasses(packages = "org.ctoforum", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesTest {

    static final String ROOT = "org.ctoforum.";
    static final Set<String> NOT_FEATURES = Set.of("platform", "launcher");
    static final Set<String> INNER_PARTS = Set.of("control", "entity", "ui");

    @ArchTest
    static final ArchRule featuresFormNoCycle =
            slices().matching("org.ctoforum.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresUseOnlyEachOthersBoundary =
            classes().that().resideInAPackage("org.ctoforum..").should(useOnlyOtherFeaturesBoundaries());

    @ArchTest
    static final ArchRule platformImportsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.ctoforum.platform..")
            .should()
            .dependOnClassesThat(resideInAFeature());

    @ArchTest
    static final ArchRule boundariesUseNoPage = noClasses()
            .that()
            .resideInAPackage("org.ctoforum.*.boundary..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ctoforum.*.ui..");

    /** The feature a class belongs to, if any: the first package under org.ctoforum. */
    static Optional<String> featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String feature = name.substring(ROOT.length()).split("\\.")[0];
        return NOT_FEATURES.contains(feature) ? Optional.empty() : Optional.of(feature);
    }

    static String partOf(JavaClass type) {
        String[] parts = type.getPackageName().substring(ROOT.length()).split("\\.");
        return parts.length > 1 ? parts[1] : "";
    }

    static com.tngtech.archunit.base.DescribedPredicate<JavaClass> resideInAFeature() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "reside in a feature", type -> featureOf(type).isPresent());
    }

    static ArchCondition<JavaClass> useOnlyOtherFeaturesBoundaries() {
        return new ArchCondition<>("use another feature only through its boundary") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = featureOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> to = featureOf(target);
                    boolean crossing = to.isPresent() && !to.equals(from);
                    if (crossing && INNER_PARTS.contains(partOf(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
