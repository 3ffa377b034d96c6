package org.ctoforum.surveys.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides which peer groups of one table (one question, or the respondent counts) are hidden so that no district's
 * answer can be singled out. Group counts and each option's counts obey the same additive identities, so one pattern,
 * worked out on the group counts, protects the whole table.
 */
public final class PeerSuppression {

    public enum Reason {
        /** Counted fewer than k districts, but not none. */
        FEWER_THAN_K,
        /** Hidden only so that a group hidden for fewer than k cannot be recomputed by subtraction. */
        COMPLEMENTARY
    }

    private static final List<String> KEYS =
            PeerGroup.all().stream().map(PeerGroup::key).toList();
    private static final Map<String, Integer> POSITION = positions();

    /**
     * The hidden groups, in peer group order. {@code counts} holds, for every one of the 29 groups, how many
     * districts it counts.
     */
    public static Map<String, Reason> suppress(Map<String, Integer> counts, int k) {
        if (k < 5) {
            throw new IllegalArgumentException("k must be at least 5");
        }
        for (String key : KEYS) {
            Integer count = counts.get(key);
            if (count == null || count < 0) {
                throw new IllegalArgumentException("counts need a count of at least 0 for " + key);
            }
        }
        Map<String, Reason> hidden = new HashMap<>();
        for (String key : KEYS) {
            int count = counts.get(key);
            // A published 0 names no district's answer.
            if (count > 0 && count < k) {
                hidden.put(key, Reason.FEWER_THAN_K);
            }
        }
        Optional<String> complement;
        while ((complement = nextComplement(counts, hidden.keySet())).isPresent()) {
            hidden.put(complement.get(), Reason.COMPLEMENTARY);
        }
        Map<String, Reason> ordered = new LinkedHashMap<>();
        KEYS.stream().filter(hidden::containsKey).forEach(key -> ordered.put(key, hidden.get(key)));
        return ordered;
    }

    /**
     * The group to hide next, or empty once no hidden group can be recomputed. The relation to break is one holding a
     * recomputable group, with the fewest hidden members (a single one gives that group away outright), then the
     * fewest children. Some relation with a hidden member always has a published non-zero one while any group is
     * recomputable (else the published figures would force it to 0), so the loop only ends when all are safe.
     */
    private static Optional<String> nextComplement(Map<String, Integer> counts, Set<String> hidden) {
        Set<String> exposed = recomputable(hidden);
        if (exposed.isEmpty()) {
            return Optional.empty();
        }
        return PeerGroup.relations().stream()
                .filter(relation -> hiddenMembers(relation, hidden) > 0)
                .sorted(Comparator.comparingInt((PeerGroup.Relation relation) ->
                                members(relation).anyMatch(exposed::contains) ? 0 : 1)
                        .thenComparingLong(relation -> hiddenMembers(relation, hidden))
                        .thenComparingInt(relation -> relation.children().size()))
                .map(relation -> complementIn(relation, counts, hidden))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static long hiddenMembers(PeerGroup.Relation relation, Set<String> hidden) {
        return members(relation).filter(hidden::contains).count();
    }

    /** The smallest published non-zero child, else the parent if still published. */
    private static Optional<String> complementIn(
            PeerGroup.Relation relation, Map<String, Integer> counts, Set<String> hidden) {
        Optional<String> child = relation.children().stream()
                .filter(key -> !hidden.contains(key) && counts.get(key) > 0)
                .min(Comparator.comparingInt((String key) -> counts.get(key)).thenComparingInt(POSITION::get));
        if (child.isPresent()) {
            return child;
        }
        String parent = relation.parent();
        return !hidden.contains(parent) && counts.get(parent) > 0 ? Optional.of(parent) : Optional.empty();
    }

    /**
     * The hidden groups a reader can recompute from the published ones. Each relation is a row (+1 parent, -1 each
     * child) over the hidden groups; a group is recomputable exactly when its unit vector is in the row space, which
     * in reduced row echelon form means its pivot row has no other non-zero entry.
     */
    private static Set<String> recomputable(Set<String> hidden) {
        List<String> unknown = KEYS.stream().filter(hidden::contains).toList();
        List<BigInteger[]> rows = new ArrayList<>();
        for (PeerGroup.Relation relation : PeerGroup.relations()) {
            BigInteger[] row = new BigInteger[unknown.size()];
            for (int column = 0; column < row.length; column++) {
                String key = unknown.get(column);
                row[column] = key.equals(relation.parent())
                        ? BigInteger.ONE
                        : relation.children().contains(key) ? BigInteger.ONE.negate() : BigInteger.ZERO;
            }
            rows.add(row);
        }
        List<String> pivots = new ArrayList<>();
        int rank = 0;
        for (int column = 0; column < unknown.size() && rank < rows.size(); column++) {
            int pivot = rank;
            while (pivot < rows.size() && rows.get(pivot)[column].signum() == 0) {
                pivot++;
            }
            if (pivot == rows.size()) {
                continue;
            }
            rows.add(rank, rows.remove(pivot));
            BigInteger[] pivotRow = rows.get(rank);
            for (int r = 0; r < rows.size(); r++) {
                if (r != rank && rows.get(r)[column].signum() != 0) {
                    rows.set(r, eliminate(rows.get(r), pivotRow, column));
                }
            }
            pivots.add(unknown.get(column));
            rank++;
        }
        Set<String> recomputable = new HashSet<>();
        for (int r = 0; r < rank; r++) {
            if (Arrays.stream(rows.get(r)).filter(entry -> entry.signum() != 0).count() == 1) {
                recomputable.add(pivots.get(r));
            }
        }
        return recomputable;
    }

    /** {@code row} scaled so that {@code column} cancels against the pivot row, kept in lowest terms. */
    private static BigInteger[] eliminate(BigInteger[] row, BigInteger[] pivotRow, int column) {
        BigInteger a = pivotRow[column];
        BigInteger b = row[column];
        BigInteger[] result = new BigInteger[row.length];
        BigInteger gcd = BigInteger.ZERO;
        for (int c = 0; c < row.length; c++) {
            result[c] = row[c].multiply(a).subtract(pivotRow[c].multiply(b));
            gcd = gcd.gcd(result[c]);
        }
        if (gcd.signum() != 0) {
            for (int c = 0; c < row.length; c++) {
                result[c] = result[c].divide(gcd);
            }
        }
        return result;
    }

    private static Stream<String> members(PeerGroup.Relation relation) {
        return Stream.concat(Stream.of(relation.parent()), relation.children().stream());
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            positions.put(KEYS.get(i), i);
        }
        return positions;
    }

    private PeerSuppression() {}
}
