package org.ctoforum.surveys.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Districts;

/** The profile's "Your district" section: the district a member answers the survey for, and whether staff agree. */
@Named
@ViewScoped
public class YourDistrict implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Districts districts;

    @Inject
    Caller caller;

    private Districts.MyDistrict mine;
    private final DistrictFields fields = new DistrictFields();

    @PostConstruct
    void load() {
        if (isMember()) {
            show(districts.mine());
        }
    }

    public void save() {
        Districts.MyDistrict[] saved = new Districts.MyDistrict[1];
        if (PageMessages.attempt(() -> saved[0] = districts.setMine(fields.form()))) {
            show(saved[0]);
            PageMessages.info(
                    mine.confirmed()
                            ? "Your district's profile is saved."
                            : "Saved: staff will confirm that you speak for " + mine.name() + ".");
        }
    }

    private void show(Districts.MyDistrict district) {
        mine = district;
        fields.fill(district.name(), district.state(), district.enrollment(), district.locale(), district.region());
    }

    /** Members name a district; others have no survey to answer. */
    public boolean isMember() {
        return caller.is(Role.MEMBER);
    }

    public Districts.MyDistrict getMine() {
        return mine;
    }

    public DistrictFields getFields() {
        return fields;
    }
}
