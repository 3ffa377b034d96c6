package org.ctoforum.surveys.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Districts;

/**
 * Staff's district desk: accounts waiting for staff to confirm their district, those who speak for one, and districts
 * found and corrected.
 */
@Named
@ViewScoped
public class DistrictsAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Districts districts;

    private List<Districts.MemberView> pending;
    private List<Districts.MemberView> confirmed;
    private String words;
    private List<Districts.DistrictView> found;
    private Long editing;
    private final DistrictFields fields = new DistrictFields();

    public void load() {
        List<Districts.MemberView> members = districts.members(false);
        pending = members.stream().filter(m -> !m.confirmed()).toList();
        confirmed = members.stream().filter(Districts.MemberView::confirmed).toList();
    }

    public void confirm(Districts.MemberView member) {
        if (PageMessages.attempt(() -> districts.confirm(member.accountId()))) {
            PageMessages.info(member.displayName() + " now speaks for " + member.district() + ".");
        }
        load();
    }

    public void takeBack(Districts.MemberView member) {
        if (PageMessages.attempt(() -> districts.remove(member.accountId()))) {
            PageMessages.info(member.displayName() + " no longer speaks for " + member.district() + ".");
        }
        load();
    }

    public void search() {
        PageMessages.attempt(() -> found = districts.search(words));
    }

    public void edit(Districts.DistrictView district) {
        editing = district.id();
        fields.fill(district.name(), district.state(), district.enrollment(), district.locale(), district.region());
    }

    public void save() {
        Districts.DistrictView[] saved = new Districts.DistrictView[1];
        if (PageMessages.attempt(() -> saved[0] = districts.update(editing, fields.form()))) {
            PageMessages.info(saved[0].name() + " (" + saved[0].state() + ") is saved; surveys already closed keep"
                    + " the profile they froze.");
            editing = null;
            if (found != null) {
                search();
            }
        }
    }

    public void cancel() {
        editing = null;
    }

    public List<Districts.MemberView> getPending() {
        return pending;
    }

    public List<Districts.MemberView> getConfirmed() {
        return confirmed;
    }

    public List<Districts.DistrictView> getFound() {
        return found;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public Long getEditing() {
        return editing;
    }

    public DistrictFields getFields() {
        return fields;
    }
}
