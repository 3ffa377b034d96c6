package org.ctoforum.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.ctoforum.surveys.control.PeerSuppression.Reason;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.junit.jupiter.api.Test;

class PeerSuppressionPropertyTest {

    record District(EnrollmentBand band, DistrictLocale locale, CensusRegion region) {}

    private static final List<String> KEYS =
            PeerGroup.all().stream().map(PeerGroup::key).toList();

    /**
     * Groups under k are hidden as such, every published count is 0 or at least k, and no hidden count follows from
     * the published ones, judged by the test's own rank check. The answer is in group order and the same every time.
     */
    @Property(tries = 1000)
    void noHiddenFigureCanBeRecomputed(
            @ForAll("populations") List<District> districts, @ForAll @IntRange(min = 5, max = 15) int k) {
        Map<String, Integer> counts = counts(districts);
        Map<String, Reason> hidden = PeerSuppression.suppress(counts, k);

        for (String key : KEYS) {
            int count = counts.get(key);
            if (count > 0 && count < k) {
                assertEquals(Reason.FEWER_THAN_K, hidden.get(key), key + " counts " + count);
            } else if (!hidden.containsKey(key)) {
                assertTrue(count == 0 || count >= k, key + " published with " + count);
            }
        }
        for (String key : hidden.keySet()) {
            assertFalse(recomputable(key, hidden.keySet()), key + " can be recomputed; hidden " + hidden);
            assertTrue(counts.get(key) > 0, key + " hidden with no districts");
        }
        assertEquals(
                new ArrayList<>(hidden.keySet()),
                KEYS.stream().filter(hidden::containsKey).toList());
        assertEquals(hidden, PeerSuppression.suppress(counts, k));
    }

    /**
     * District populations built cell by cell: many band by locale cells hold only a few districts, some none and
     * some many, so that small cells fall into every pattern, including ones only a combination of relations exposes.
     */
    @Provide
    Arbitrary<List<District>> populations() {
        Arbitrary<Integer> cellSize = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(5, Arbitraries.integers().between(1, 6)),
                Tuple.of(3, Arbitraries.integers().between(7, 25)));
        Arbitrary<List<Integer>> regionWeights =
                Arbitraries.integers().between(0, 6).list().ofSize(4);
        return Combinators.combine(cellSize.list().ofSize(16), regionWeights).flatAs((sizes, weights) -> {
            int total = sizes.stream().mapToInt(Integer::intValue).sum();
            return regions(weights).list().ofSize(total).map(regions -> {
                List<District> districts = new ArrayList<>();
                for (int cell = 0; cell < 16; cell++) {
                    for (int i = 0; i < sizes.get(cell); i++) {
                        districts.add(new District(
                                EnrollmentBand.values()[cell / 4],
                                DistrictLocale.values()[cell % 4],
                                regions.get(districts.size())));
                    }
                }
                return districts;
            });
        });
    }

    /** Regions drawn with squared weights, so that some regions hold only a few districts. */
    private static Arbitrary<CensusRegion> regions(List<Integer> weights) {
        List<Tuple.Tuple2<Integer, CensusRegion>> frequencies = new ArrayList<>();
        for (CensusRegion region : CensusRegion.values()) {
            int weight = weights.get(region.ordinal()) * weights.get(region.ordinal());
            if (weight > 0) {
                frequencies.add(Tuple.of(weight, region));
            }
        }
        return frequencies.isEmpty() ? Arbitraries.of(CensusRegion.values()) : Arbitraries.frequency(frequencies);
    }

    @Test
    void aSmallBandHidesTheSmallestOtherBand() {
        Map<String, Integer> counts = counts(union(
                cells(EnrollmentBand.UNDER_2500, 3, 0, 0, 0),
                cells(EnrollmentBand.FROM_2500, 10, 10, 10, 10),
                cells(EnrollmentBand.FROM_10000, 15, 15, 15, 15),
                cells(EnrollmentBand.FROM_50000, 5, 5, 5, 5)));
        assertEquals(
                Map.of(
                        "band:under-2500", Reason.FEWER_THAN_K,
                        "band:50000-plus", Reason.COMPLEMENTARY,
                        "band-locale:under-2500:city", Reason.FEWER_THAN_K,
                        "band-locale:50000-plus:city", Reason.COMPLEMENTARY),
                PeerSuppression.suppress(counts, 5));
    }

    @Test
    void aSmallCellHidesACellInItsRowAndItsColumn() {
        Map<String, Integer> counts = counts(union(
                cells(EnrollmentBand.UNDER_2500, 30, 31, 32, 33),
                cells(EnrollmentBand.FROM_2500, 20, 21, 11, 12),
                cells(EnrollmentBand.FROM_10000, 22, 23, 2, 10),
                cells(EnrollmentBand.FROM_50000, 24, 25, 26, 27)));
        assertEquals(
                Map.of(
                        "band-locale:2500-9999:town", Reason.COMPLEMENTARY,
                        "band-locale:2500-9999:rural", Reason.COMPLEMENTARY,
                        "band-locale:10000-49999:town", Reason.FEWER_THAN_K,
                        "band-locale:10000-49999:rural", Reason.COMPLEMENTARY),
                PeerSuppression.suppress(counts, 5));
    }

    /**
     * Small cells forming two closed rectangles joined by one more small cell: every row and column holds two hidden
     * cells, yet the joining cell follows from the published totals, so one more cell closes a loop through it.
     */
    @Test
    void aCellRecomputableOnlyThroughSeveralRelationsIsHiddenToo() {
        Map<String, Integer> counts = counts(union(
                cells(EnrollmentBand.UNDER_2500, 1, 2, 20, 21),
                cells(EnrollmentBand.FROM_2500, 3, 4, 2, 22),
                cells(EnrollmentBand.FROM_10000, 23, 24, 1, 2),
                cells(EnrollmentBand.FROM_50000, 25, 26, 3, 4)));
        Map<String, Reason> hidden = PeerSuppression.suppress(counts, 5);
        assertEquals(10, hidden.size(), hidden.toString());
        assertEquals(Reason.COMPLEMENTARY, hidden.get("band-locale:2500-9999:rural"));
        hidden.keySet().forEach(key -> assertFalse(recomputable(key, hidden.keySet()), key));
    }

    @Test
    void fewerThanKDistrictsHideEveryGroupTheyAreIn() {
        Map<String, Integer> counts = counts(union(cells(EnrollmentBand.FROM_2500, 0, 1, 0, 2)));
        Map<String, Reason> hidden = PeerSuppression.suppress(counts, 5);
        assertEquals(
                List.of(
                        "all",
                        "band:2500-9999",
                        "locale:suburban",
                        "locale:rural",
                        "region:northeast",
                        "region:midwest",
                        "band-locale:2500-9999:suburban",
                        "band-locale:2500-9999:rural"),
                List.copyOf(hidden.keySet()));
        assertTrue(hidden.values().stream().allMatch(Reason.FEWER_THAN_K::equals));
    }

    @Test
    void kBelowFiveIsRefused() {
        Map<String, Integer> counts = counts(List.of());
        var refused = assertThrows(IllegalArgumentException.class, () -> PeerSuppression.suppress(counts, 4));
        assertEquals("k must be at least 5", refused.getMessage());
    }

    @Test
    void groupsWithNoDistrictsArePublished() {
        assertTrue(PeerSuppression.suppress(counts(List.of()), 5).isEmpty());
    }

    /** Districts of one band spread over the four locales, all in one region. */
    private static List<District> cells(EnrollmentBand band, int... perLocale) {
        List<District> districts = new ArrayList<>();
        for (DistrictLocale locale : DistrictLocale.values()) {
            for (int i = 0; i < perLocale[locale.ordinal()]; i++) {
                districts.add(new District(band, locale, CensusRegion.values()[i % 4]));
            }
        }
        return districts;
    }

    @SafeVarargs
    private static List<District> union(List<District>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static Map<String, Integer> counts(List<District> districts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KEYS.forEach(key -> counts.put(key, 0));
        for (District d : districts) {
            PeerGroup.of(d.band(), d.locale(), d.region()).forEach(g -> counts.merge(g.key(), 1, Integer::sum));
        }
        return counts;
    }

    /**
     * A hidden group can be recomputed when its column adds to the rank of the relations over the hidden groups:
     * then some combination of relations isolates it.
     */
    private static boolean recomputable(String key, Set<String> hidden) {
        List<String> unknown = KEYS.stream().filter(hidden::contains).toList();
        List<String> others = unknown.stream().filter(u -> !u.equals(key)).toList();
        return RationalRank.of(relationRows(unknown)) > RationalRank.of(relationRows(others));
    }

    private static List<long[]> relationRows(List<String> columns) {
        List<long[]> rows = new ArrayList<>();
        for (PeerGroup.Relation relation : PeerGroup.relations()) {
            long[] row = new long[columns.size()];
            for (int c = 0; c < row.length; c++) {
                String key = columns.get(c);
                row[c] = key.equals(relation.parent()) ? 1 : relation.children().contains(key) ? -1 : 0;
            }
            rows.add(row);
        }
        return rows;
    }
}
