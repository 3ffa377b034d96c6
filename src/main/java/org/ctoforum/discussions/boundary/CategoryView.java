package org.ctoforum.discussions.boundary;

import java.io.Serializable;
import org.ctoforum.discussions.entity.Category;

/**
 * A category as readers see it; {@code threads} counts its visible threads. {@code reportSections} marks the category
 * that threads about report sections go into.
 */
public record CategoryView(
        long id,
        String slug,
        String name,
        String description,
        String kind,
        String visibility,
        boolean chathamHouseDefault,
        boolean reportSections,
        long threads,
        String watchLevel)
        implements Serializable {

    static CategoryView of(Category category, long threads, String watchLevel) {
        return new CategoryView(
                category.getId(),
                category.getSlug(),
                category.getName(),
                category.getDescription(),
                category.getKind().name(),
                category.getVisibility().name(),
                category.isChathamHouseDefault(),
                category.isReportSections(),
                threads,
                watchLevel);
    }
}
