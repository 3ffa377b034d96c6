package org.ctoforum.discussions.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.discussions.boundary.Categories;
import org.ctoforum.discussions.boundary.CategoryView;
import org.ctoforum.discussions.boundary.Moderation;
import org.ctoforum.platform.web.PageMessages;

/** Staff's discussion desk: the review queue, the categories, and the moderation log. */
@Named
@ViewScoped
public class ModerationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Moderation moderation;

    @Inject
    Categories categories;

    private List<Moderation.QueueItem> queue;
    private List<Moderation.LogEntry> log;
    private List<CategoryView> categoryViews;
    private Long editing;
    private String slug;
    private String name;
    private String description;
    private String kind = "GENERAL";
    private String visibility = "MEMBERS";
    private boolean chathamHouseDefault;
    private boolean reportSections;

    public void load() {
        queue = moderation.queue();
        log = moderation.log(null);
        categoryViews = categories.list();
    }

    public void approve(long postId) {
        if (PageMessages.attempt(() -> moderation.approve(postId))) {
            PageMessages.info("Post " + postId + " approved.");
            load();
        }
    }

    public void hide(long postId) {
        if (PageMessages.attempt(() -> moderation.hide(postId, "Hidden from the review queue"))) {
            PageMessages.info("Post " + postId + " hidden.");
            load();
        }
    }

    public void edit(CategoryView category) {
        editing = category.id();
        slug = category.slug();
        name = category.name();
        description = category.description();
        kind = category.kind();
        visibility = category.visibility();
        chathamHouseDefault = category.chathamHouseDefault();
        reportSections = category.reportSections();
    }

    public void newCategory() {
        editing = null;
        slug = name = description = null;
        kind = "GENERAL";
        visibility = "MEMBERS";
        chathamHouseDefault = false;
        reportSections = false;
    }

    public void saveCategory() {
        Categories.CategoryForm form = new Categories.CategoryForm(
                slug, name, description, kind, visibility, chathamHouseDefault, null, reportSections);
        if (PageMessages.attempt(() -> {
            if (editing == null) {
                categories.create(form);
            } else {
                categories.update(editing, form);
            }
        })) {
            PageMessages.info("Category " + name + " saved.");
            newCategory();
            load();
        }
    }

    public List<Moderation.QueueItem> getQueue() {
        return queue;
    }

    public List<Moderation.LogEntry> getLog() {
        return log;
    }

    public List<CategoryView> getCategories() {
        return categoryViews;
    }

    public Long getEditing() {
        return editing;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public boolean isReportSections() {
        return reportSections;
    }

    public void setReportSections(boolean reportSections) {
        this.reportSections = reportSections;
    }

    public boolean isChathamHouseDefault() {
        return chathamHouseDefault;
    }

    public void setChathamHouseDefault(boolean chathamHouseDefault) {
        this.chathamHouseDefault = chathamHouseDefault;
    }
}
