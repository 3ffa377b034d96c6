package org.ctoforum.surveys.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.surveys.boundary.Districts;
import org.ctoforum.surveys.boundary.Responses;
import org.ctoforum.surveys.boundary.Surveys;

/** The surveys, each with what the reader can do with it: answer for their district, or read its results. */
@Named
@RequestScoped
public class SurveysPage {

    /** A survey; {@code response} is the reader's district's, for an open survey they may answer. */
    public record Row(Surveys.SurveySummary survey, String status, Responses.ResponseView response) {
        public boolean open() {
            return survey.status().equals("OPEN");
        }

        public boolean published() {
            return survey.status().equals("PUBLISHED");
        }
    }

    @Inject
    Surveys surveys;

    @Inject
    Responses responses;

    @Inject
    Districts districts;

    @Inject
    Caller caller;

    private List<Row> rows;
    private Districts.MyDistrict district;

    public List<Row> getRows() {
        if (rows == null) {
            boolean answering = isAnswering();
            rows = surveys.list().stream()
                    .map(s -> new Row(
                            s,
                            SurveyTexts.status(s.status()),
                            answering && s.status().equals("OPEN") ? responses.mine(s.id()) : null))
                    .toList();
        }
        return rows;
    }

    public boolean isMember() {
        return caller.is(Role.MEMBER);
    }

    /** The member's district, named or not; null for everyone else. */
    public Districts.MyDistrict getDistrict() {
        if (district == null && isMember()) {
            district = districts.mine();
        }
        return district;
    }

    /** A member whose district staff confirmed: they answer for it. */
    public boolean isAnswering() {
        return getDistrict() != null && getDistrict().confirmed();
    }
}
