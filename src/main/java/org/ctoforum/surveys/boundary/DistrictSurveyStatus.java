package org.ctoforum.surveys.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Where a member's district stands with the current survey: the open one, or else the latest closed or published.
 * {@code district} is null when the member has not named one; {@code response} is NONE, STARTED or SUBMITTED.
 */
public record DistrictSurveyStatus(
        int year,
        String surveyTitle,
        String surveyStatus,
        LocalDate closes,
        String district,
        boolean districtConfirmed,
        String response,
        int answers,
        OffsetDateTime submittedAt)
        implements Serializable {

    public String url() {
        if (district == null) {
            return "/me/profile.xhtml";
        }
        return "PUBLISHED".equals(surveyStatus)
                ? "/surveys/results.xhtml?year=" + year
                : "/surveys/answer.xhtml?year=" + year;
    }
}
