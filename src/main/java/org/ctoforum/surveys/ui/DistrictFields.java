package org.ctoforum.surveys.ui;

import jakarta.faces.model.SelectItem;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.surveys.boundary.Districts;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;

/** A district's profile as typed in a form, for the member's profile and staff's district desk alike. */
public class DistrictFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String state;
    private Integer enrollment;
    private String locale;
    private String region;

    void fill(String name, String state, Integer enrollment, String locale, String region) {
        this.name = name;
        this.state = state;
        this.enrollment = enrollment;
        this.locale = locale;
        this.region = region;
    }

    Districts.DistrictForm form() {
        return new Districts.DistrictForm(name, state, enrollment, locale, region);
    }

    public List<String> getStates() {
        return Districts.states();
    }

    public List<SelectItem> getLocales() {
        return Arrays.stream(DistrictLocale.values())
                .map(l -> new SelectItem(l.name(), l.label()))
                .toList();
    }

    public List<SelectItem> getRegions() {
        return Arrays.stream(CensusRegion.values())
                .map(r -> new SelectItem(r.name(), r.label()))
                .toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Integer getEnrollment() {
        return enrollment;
    }

    public void setEnrollment(Integer enrollment) {
        this.enrollment = enrollment;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
