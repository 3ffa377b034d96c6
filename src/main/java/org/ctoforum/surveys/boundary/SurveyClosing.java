package org.ctoforum.surveys.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Closes surveys on their close date. Every node runs it; the survey row's lock and the status check make a second
 * run find nothing to do.
 */
@Singleton
public class SurveyClosing {

    @Inject
    Surveys surveys;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void closeDue() {
        surveys.closeDue();
    }
}
