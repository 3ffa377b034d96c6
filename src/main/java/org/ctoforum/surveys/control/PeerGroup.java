package org.ctoforum.surveys.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;

/**
 * One of the 29 fixed peer groups a benchmark is published for. The list is closed: free-form filters would let a
 * reader narrow a group down to one district by differencing.
 */
public record PeerGroup(String key, String label) {

    /** An additive identity among the groups: the parent's count is the sum of the children's. */
    public record Relation(String parent, List<String> children) {
        public Relation {
            children = List.copyOf(children);
        }
    }

    private static final String ALL_KEY = "all";
    private static final Map<String, String> LABELS = labels();
    private static final List<PeerGroup> ALL = LABELS.entrySet().stream()
            .map(e -> new PeerGroup(e.getKey(), e.getValue()))
            .toList();
    private static final Map<String, PeerGroup> BY_KEY = byKey();
    private static final List<Relation> RELATIONS = relationsOf();

    /** Only the fixed groups exist, so a key from a request can never widen into a filter. */
    public PeerGroup {
        if (!Objects.equals(LABELS.get(key), label)) {
            throw new IllegalArgumentException("not a peer group: " + key);
        }
    }

    /** The 29 groups: all, the bands, the locales, the regions, then band by locale. */
    public static List<PeerGroup> all() {
        return ALL;
    }

    public static Optional<PeerGroup> parse(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The five groups a district is counted in. */
    public static List<PeerGroup> of(EnrollmentBand band, DistrictLocale locale, CensusRegion region) {
        return List.of(
                BY_KEY.get(ALL_KEY),
                BY_KEY.get(bandKey(band)),
                BY_KEY.get(localeKey(locale)),
                BY_KEY.get(regionKey(region)),
                BY_KEY.get(cellKey(band, locale)));
    }

    /**
     * Every identity that lets a reader recompute one published figure from others; suppression must hold against
     * all of them.
     */
    public static List<Relation> relations() {
        return RELATIONS;
    }

    private static String bandKey(EnrollmentBand band) {
        return "band:" + band.slug();
    }

    private static String localeKey(DistrictLocale locale) {
        return "locale:" + locale.slug();
    }

    private static String regionKey(CensusRegion region) {
        return "region:" + region.slug();
    }

    private static String cellKey(EnrollmentBand band, DistrictLocale locale) {
        return "band-locale:" + band.slug() + ":" + locale.slug();
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALL_KEY, "All districts");
        for (EnrollmentBand band : EnrollmentBand.values()) {
            labels.put(bandKey(band), band.label());
        }
        for (DistrictLocale locale : DistrictLocale.values()) {
            labels.put(localeKey(locale), locale.label());
        }
        for (CensusRegion region : CensusRegion.values()) {
            labels.put(regionKey(region), region.label());
        }
        for (EnrollmentBand band : EnrollmentBand.values()) {
            for (DistrictLocale locale : DistrictLocale.values()) {
                labels.put(cellKey(band, locale), band.label() + " · " + locale.label());
            }
        }
        return labels;
    }

    private static Map<String, PeerGroup> byKey() {
        Map<String, PeerGroup> byKey = new LinkedHashMap<>();
        ALL.forEach(group -> byKey.put(group.key(), group));
        return byKey;
    }

    private static List<Relation> relationsOf() {
        List<Relation> relations = new ArrayList<>();
        relations.add(new Relation(ALL_KEY, keys(EnrollmentBand.values(), PeerGroup::bandKey)));
        relations.add(new Relation(ALL_KEY, keys(DistrictLocale.values(), PeerGroup::localeKey)));
        relations.add(new Relation(ALL_KEY, keys(CensusRegion.values(), PeerGroup::regionKey)));
        List<String> cells = new ArrayList<>();
        for (EnrollmentBand band : EnrollmentBand.values()) {
            cells.addAll(keys(DistrictLocale.values(), locale -> cellKey(band, locale)));
        }
        relations.add(new Relation(ALL_KEY, cells));
        for (EnrollmentBand band : EnrollmentBand.values()) {
            relations.add(new Relation(bandKey(band), keys(DistrictLocale.values(), locale -> cellKey(band, locale))));
        }
        for (DistrictLocale locale : DistrictLocale.values()) {
            relations.add(
                    new Relation(localeKey(locale), keys(EnrollmentBand.values(), band -> cellKey(band, locale))));
        }
        return List.copyOf(relations);
    }

    private static <T> List<String> keys(T[] values, Function<T, String> key) {
        return Arrays.stream(values).map(key).toList();
    }
}
