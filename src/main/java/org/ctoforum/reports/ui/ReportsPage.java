package org.ctoforum.reports.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.reports.boundary.ReportView;
import org.ctoforum.reports.boundary.Reports;
import org.ctoforum.reports.entity.ReportKind;
import org.ctoforum.reports.entity.Theme;

/** The reports page: this year's trend reports side by side by theme, then the other kinds. */
@Named
@RequestScoped
public class ReportsPage {

    public record ThemeGroup(String name, String label, String tagline, List<ReportView> reports) {}

    public record KindGroup(String name, String label, List<ReportView> reports) {}

    @Inject
    Reports reports;

    private Integer year;
    private List<ReportView> all;

    private List<ReportView> all() {
        if (all == null) {
            all = reports.list(null, null, year, null);
        }
        return all;
    }

    public List<ThemeGroup> getThemes() {
        return Arrays.stream(Theme.values())
                .map(theme -> new ThemeGroup(
                        theme.name(),
                        theme.label(),
                        theme.tagline(),
                        all().stream()
                                .filter(r -> theme.name().equals(r.theme()))
                                .toList()))
                .toList();
    }

    public List<KindGroup> getKinds() {
        return Arrays.stream(ReportKind.values())
                .filter(kind -> kind != ReportKind.TREND_REPORT)
                .map(kind -> new KindGroup(
                        kind.name(),
                        kind.label() + "s",
                        all().stream().filter(r -> kind.name().equals(r.kind())).toList()))
                .filter(group -> !group.reports().isEmpty())
                .toList();
    }

    public List<Integer> getYears() {
        return reports.list(null, null, null, null).stream()
                .map(ReportView::year)
                .distinct()
                .toList();
    }

    public static String accessLabel(String access) {
        return org.ctoforum.reports.entity.Access.valueOf(access).label();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }
}
