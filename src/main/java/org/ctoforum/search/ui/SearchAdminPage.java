package org.ctoforum.search.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.search.boundary.SearchAdmin;
import org.ctoforum.search.boundary.Synonyms;

/** Staff's page for the index: its state, a rebuild with a progress bar, and the synonyms. */
@Named
@RequestScoped
public class SearchAdminPage {

    @Inject
    SearchAdmin admin;

    @Inject
    Synonyms synonyms;

    private SearchAdmin.Status status;
    private List<Synonyms.Group> groups;
    private String newTerms;

    public SearchAdmin.Status getStatus() {
        if (status == null) {
            status = admin.status();
        }
        return status;
    }

    public void rebuild() {
        status = admin.reindex();
        PageMessages.info("The index is being rebuilt. Searches use the current index until the new one is ready.");
    }

    public List<Synonyms.Group> getGroups() {
        if (groups == null) {
            groups = synonyms.list();
        }
        return groups;
    }

    public void addGroup() {
        if (PageMessages.attempt(() -> synonyms.add(new Synonyms.GroupForm(newTerms)))) {
            PageMessages.info("Synonyms added; searches use them within a second.");
            newTerms = null;
            groups = null;
        }
    }

    public void removeGroup(long id) {
        if (PageMessages.attempt(() -> synonyms.remove(id))) {
            PageMessages.info("Synonyms removed.");
            groups = null;
        }
    }

    public String getNewTerms() {
        return newTerms;
    }

    public void setNewTerms(String newTerms) {
        this.newTerms = newTerms;
    }
}
