package org.ctoforum.discussions.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.discussions.boundary.Categories;
import org.ctoforum.discussions.boundary.CategoryView;
import org.ctoforum.discussions.boundary.ThreadLists;
import org.ctoforum.discussions.boundary.ThreadSummary;
import org.ctoforum.discussions.boundary.Threads;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;

/** The thread list, for all readable categories or one, with unread counts and a link to the next page. */
@Named
@ViewScoped
public class DiscussionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Threads threads;

    @Inject
    ThreadLists threadLists;

    @Inject
    Categories categories;

    private String category;
    private String tag;
    private String after;
    private List<CategoryView> categoryViews;
    private CategoryView current;
    private ThreadLists.ThreadList list;
    private String watchLevel;

    public void load() {
        categoryViews = categories.list();
        current = categoryViews.stream()
                .filter(c -> c.slug().equals(category))
                .findFirst()
                .orElse(null);
        try {
            list = threadLists.list(current == null ? null : current.slug(), tag, after, 30);
        } catch (ProblemException problem) {
            list = new ThreadLists.ThreadList(List.of(), null);
            PageMessages.error(problem.detail());
        }
        if (category != null && !category.isBlank() && current == null) {
            PageMessages.warn("There is no category '" + category + "' that you may read; showing all threads.");
        }
        watchLevel = current == null || current.watchLevel() == null ? "TRACKING" : current.watchLevel();
    }

    public void saveWatch() {
        if (PageMessages.attempt(() -> threads.watchCategory(current.id(), watchLevel))) {
            PageMessages.info("You are now " + watchLevel.toLowerCase() + " " + current.name() + ".");
        }
    }

    /** Where a thread's link goes: its first unread post when there is one. */
    public String href(ThreadSummary thread) {
        return thread.firstUnread() == null
                ? "thread.xhtml?id=" + thread.id()
                : "thread.xhtml?id=" + thread.id() + "&after=" + (thread.firstUnread() - 1) + "#post-"
                        + thread.firstUnread();
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getWatchLevel() {
        return watchLevel;
    }

    public void setWatchLevel(String watchLevel) {
        this.watchLevel = watchLevel;
    }

    public List<CategoryView> getCategories() {
        return categoryViews;
    }

    public CategoryView getCurrent() {
        return current;
    }

    public List<ThreadSummary> getThreads() {
        return list.threads();
    }

    public String getNext() {
        return list.next();
    }
}
