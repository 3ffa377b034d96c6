package org.ctoforum.surveys.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Rank over the rationals, written apart from {@link PeerSuppression} so that the tests judge its recomputability
 * check instead of repeating it.
 */
final class RationalRank {

    static int of(List<long[]> rows) {
        List<BigInteger[]> matrix = new ArrayList<>();
        for (long[] row : rows) {
            BigInteger[] copy = new BigInteger[row.length];
            for (int c = 0; c < row.length; c++) {
                copy[c] = BigInteger.valueOf(row[c]);
            }
            matrix.add(copy);
        }
        int columns = rows.isEmpty() ? 0 : rows.get(0).length;
        int rank = 0;
        for (int c = 0; c < columns; c++) {
            BigInteger[] pivot = null;
            for (int r = rank; r < matrix.size(); r++) {
                if (matrix.get(r)[c].signum() != 0) {
                    pivot = matrix.remove(r);
                    break;
                }
            }
            if (pivot == null) {
                continue;
            }
            for (int r = rank; r < matrix.size(); r++) {
                BigInteger[] row = matrix.get(r);
                BigInteger factor = row[c];
                for (int j = 0; j < columns; j++) {
                    row[j] = row[j].multiply(pivot[c]).subtract(pivot[j].multiply(factor));
                }
            }
            matrix.add(rank, pivot);
            rank++;
        }
        return rank;
    }

    private RationalRank() {}
}
