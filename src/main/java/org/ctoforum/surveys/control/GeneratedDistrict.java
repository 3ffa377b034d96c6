package org.ctoforum.surveys.control;

import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;

/**
 * An invented district that answers the demo surveys.
 *
 * @param name unique among the generated districts and apart from the named ones
 * @param state two-letter code, one of the region's states
 */
public record GeneratedDistrict(String name, String state, int enrollment, DistrictLocale locale, CensusRegion region) {

    public EnrollmentBand band() {
        return EnrollmentBand.of(enrollment);
    }
}
