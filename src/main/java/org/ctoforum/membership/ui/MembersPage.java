package org.ctoforum.membership.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctoforum.membership.boundary.AccountView;
import org.ctoforum.membership.boundary.MemberImports;
import org.ctoforum.membership.boundary.Members;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.PageMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Staff's member list: search, edit membership and roles, and import a CSV with a progress bar. */
@Named
@ViewScoped
public class MembersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Members members;

    @Inject
    MemberImports imports;

    private String query;
    private AccountView selected;
    private List<String> selectedRoles = new ArrayList<>();
    private LocalDate membershipStart;
    private LocalDate membershipExpiry;
    private Long importId;
    private MemberImports.Progress importProgress;

    private final LazyDataModel<AccountView> list = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) members.search(query, 0, 1).total();
        }

        @Override
        public List<AccountView> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            Members.Page page = members.search(query, first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(AccountView account) {
            return String.valueOf(account.id());
        }

        @Override
        public AccountView getRowData(String rowKey) {
            return members.get(Long.parseLong(rowKey));
        }
    };

    public void edit(AccountView account) {
        selected = members.get(account.id());
        selectedRoles = new ArrayList<>(selected.grantedRoles());
        selectedRoles.remove(Role.MEMBER.name());
        membershipStart = selected.membershipStart();
        membershipExpiry = selected.membershipExpiry();
    }

    public void save() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        selectedRoles.forEach(role -> roles.add(Role.valueOf(role)));
        boolean saved = PageMessages.attempt(() -> {
            selected = members.assignRoles(selected.id(), roles);
            if (membershipStart != null) {
                selected = members.grantMembership(selected.id(), membershipStart, membershipExpiry);
            } else if (selected.membershipStart() != null) {
                selected = members.endMembership(selected.id());
            }
        });
        if (saved) {
            PageMessages.info("Saved " + selected.displayName() + ".");
        }
    }

    public void toggleDisabled() {
        if (PageMessages.attempt(() -> selected = members.setDisabled(selected.id(), !selected.disabled()))) {
            PageMessages.info(selected.displayName() + (selected.disabled() ? " is disabled." : " is enabled again."));
        }
    }

    public void upload(FileUploadEvent event) {
        PageMessages.attempt(() -> {
            importProgress =
                    imports.start(event.getFile().getContent(), event.getFile().getFileName());
            importId = importProgress.id();
        });
    }

    public int getImportPercent() {
        if (importId == null) {
            return 0;
        }
        importProgress = imports.progress(importId);
        return "FINISHED".equals(importProgress.status()) ? 100 : Math.min(99, importProgress.percent());
    }

    public void importFinished() {
        importProgress = imports.progress(importId);
        PageMessages.info("Import finished: " + importProgress.importedRows() + " rows imported, "
                + importProgress.failedRows() + " with errors.");
    }

    public List<String> getAssignableRoles() {
        return List.of(Role.ADMIN.name(), Role.STAFF.name(), Role.PRESS.name());
    }

    public LazyDataModel<AccountView> getList() {
        return list;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public AccountView getSelected() {
        return selected;
    }

    public List<String> getSelectedRoles() {
        return selectedRoles;
    }

    public void setSelectedRoles(List<String> selectedRoles) {
        this.selectedRoles = selectedRoles;
    }

    public LocalDate getMembershipStart() {
        return membershipStart;
    }

    public void setMembershipStart(LocalDate membershipStart) {
        this.membershipStart = membershipStart;
    }

    public LocalDate getMembershipExpiry() {
        return membershipExpiry;
    }

    public void setMembershipExpiry(LocalDate membershipExpiry) {
        this.membershipExpiry = membershipExpiry;
    }

    public Long getImportId() {
        return importId;
    }

    public MemberImports.Progress getImportProgress() {
        return importProgress;
    }
}
