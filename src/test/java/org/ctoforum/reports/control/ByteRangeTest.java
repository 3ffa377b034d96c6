package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void singleRangesFollowRfc7233() {
        assertEquals(new ByteRange.Part(0, 99), ByteRange.parse("bytes=0-99", SIZE));
        assertEquals(new ByteRange.Part(900, 999), ByteRange.parse("bytes=-100", SIZE));
        assertEquals(new ByteRange.Part(500, 999), ByteRange.parse("bytes=500-", SIZE));
        assertEquals(new ByteRange.Part(0, 999), ByteRange.parse("bytes=-5000", SIZE), "a long suffix is the file");
        assertEquals(new ByteRange.Part(990, 999), ByteRange.parse("bytes=990-5000", SIZE), "the end is clamped");
        assertEquals(new ByteRange.Part(10, 999), ByteRange.parse("BYTES = 10 - 99999999999999999999", SIZE));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=1000-", SIZE));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-0", SIZE));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-1", 0), "an empty file has no suffix");
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=0-", 0));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=99999999999999999999-", SIZE));
    }

    @Test
    void whatTheRfcSaysToIgnoreGivesTheWholeFile() {
        for (String ignored : new String[] {
            null, "", "bytes=50-10", "bytes=abc", "items=0-10", "bytes=0-1,5-9", "bytes=-", "bytes", "bytes=1-2-3"
        }) {
            assertInstanceOf(ByteRange.Whole.class, ByteRange.parse(ignored, SIZE), String.valueOf(ignored));
        }
    }
}
