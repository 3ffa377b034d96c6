package org.ctoforum.library.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ctoforum.library.boundary.Library;

/** The library list, filtered by challenge area, tag and words. */
@Named
@RequestScoped
public class LibraryPage {

    @Inject
    Library library;

    private String area;
    private String tag;
    private String words;
    private List<Library.EntryView> entries;

    public List<Library.EntryView> getEntries() {
        if (entries == null) {
            entries = library.list(area, tag, words);
        }
        return entries;
    }

    public List<String> getAreas() {
        return library.areas();
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }
}
