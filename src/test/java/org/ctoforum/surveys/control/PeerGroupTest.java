package org.ctoforum.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.junit.jupiter.api.Test;

class PeerGroupTest {

    @Test
    void thereAreTwentyNineGroupsInAFixedOrder() {
        List<String> keys = PeerGroup.all().stream().map(PeerGroup::key).toList();
        assertEquals(29, keys.size());
        assertEquals("all", keys.get(0));
        assertEquals("band:under-2500", keys.get(1));
        assertEquals("locale:city", keys.get(5));
        assertEquals("region:northeast", keys.get(9));
        assertEquals("band-locale:under-2500:city", keys.get(13));
        assertEquals("band-locale:50000-plus:rural", keys.get(28));
        assertEquals(29, keys.stream().distinct().count());
    }

    @Test
    void labelsReadForPeople() {
        assertEquals("All districts", label("all"));
        assertEquals("Under 2,500 students · Rural", label("band-locale:under-2500:rural"));
        assertEquals("Rural", label("locale:rural"));
        assertEquals("South", label("region:south"));
        assertEquals("50,000 students and over", label("band:50000-plus"));
    }

    @Test
    void parseAcceptsOnlyTheFixedKeys() {
        for (PeerGroup group : PeerGroup.all()) {
            assertEquals(group, PeerGroup.parse(group.key()).orElseThrow());
        }
        for (String bad : List.of("band:tiny", "ALL", "band-locale:under-2500", "", " all", "region:south:x")) {
            assertTrue(PeerGroup.parse(bad).isEmpty(), bad);
        }
        assertTrue(PeerGroup.parse(null).isEmpty());
    }

    @Test
    void noOtherGroupCanBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new PeerGroup("band:tiny", "Tiny"));
        assertThrows(IllegalArgumentException.class, () -> new PeerGroup("all", "Some districts"));
    }

    @Test
    void aDistrictBelongsToFiveGroups() {
        List<String> keys = PeerGroup.of(EnrollmentBand.FROM_2500, DistrictLocale.RURAL, CensusRegion.SOUTH).stream()
                .map(PeerGroup::key)
                .toList();
        assertEquals(
                List.of("all", "band:2500-9999", "locale:rural", "region:south", "band-locale:2500-9999:rural"), keys);
    }

    @Test
    void everyRelationAddsUpForAnyDistricts() {
        assertEquals(12, PeerGroup.relations().size());
        Random random = new Random(20270315);
        for (int round = 0; round < 50; round++) {
            Map<String, Integer> counts = new HashMap<>();
            PeerGroup.all().forEach(group -> counts.put(group.key(), 0));
            int districts = random.nextInt(300);
            for (int d = 0; d < districts; d++) {
                PeerGroup.of(
                                EnrollmentBand.values()[random.nextInt(4)],
                                DistrictLocale.values()[random.nextInt(4)],
                                CensusRegion.values()[random.nextInt(4)])
                        .forEach(group -> counts.merge(group.key(), 1, Integer::sum));
            }
            for (PeerGroup.Relation relation : PeerGroup.relations()) {
                int sum = relation.children().stream().mapToInt(counts::get).sum();
                assertEquals(counts.get(relation.parent()), sum, relation.toString());
            }
        }
    }

    private static String label(String key) {
        return PeerGroup.parse(key).orElseThrow().label();
    }
}
