package org.ctoforum.surveys.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.SurveyFindings;
import org.ctoforum.surveys.boundary.Surveys;

/**
 * A survey's headline findings, edited as a list and saved whole. Adding, removing and moving keep what is typed in
 * the other rows, because each of those posts the whole list.
 */
@Named
@ViewScoped
public class FindingsEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One finding as typed; {@code access} is PUBLIC or MEMBERS. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;

        private String title;
        private String body;
        private String code;
        private String access = SurveyFindings.Access.MEMBERS.name();

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getAccess() {
            return access;
        }

        public void setAccess(String access) {
            this.access = access;
        }
    }

    @Inject
    SurveyFindings findings;

    @Inject
    Surveys surveys;

    private Long surveyId;
    private List<Row> rows = new ArrayList<>();
    private List<String> codes = List.of();

    public void load(Long id) {
        surveyId = id;
        if (id == null) {
            return;
        }
        PageMessages.attempt(() -> {
            codes = surveys.get(id).sections().stream()
                    .flatMap(s -> s.questions().stream())
                    .map(Surveys.QuestionView::code)
                    .toList();
            rows = new ArrayList<>(
                    findings.list(id).stream().map(FindingsEditor::row).toList());
        });
    }

    public void add() {
        rows.add(new Row());
    }

    public void remove(int index) {
        rows.remove(index);
    }

    public void moveUp(int index) {
        if (index > 0) {
            Collections.swap(rows, index, index - 1);
        }
    }

    public void moveDown(int index) {
        if (index < rows.size() - 1) {
            Collections.swap(rows, index, index + 1);
        }
    }

    public void save() {
        List<SurveyFindings.FindingForm> forms = rows.stream()
                .map(r -> new SurveyFindings.FindingForm(r.getTitle(), r.getBody(), r.getCode(), r.getAccess()))
                .toList();
        if (PageMessages.attempt(() -> findings.replace(surveyId, forms))) {
            PageMessages.info("Saved " + SurveyTexts.count(rows.size(), "finding") + ", in this order.");
        }
    }

    private static Row row(SurveyFindings.FindingView finding) {
        Row row = new Row();
        row.setTitle(finding.title());
        row.setBody(finding.body());
        row.setCode(finding.code());
        row.setAccess(finding.access());
        return row;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getCodes() {
        return codes;
    }

    public SurveyFindings.Access[] getAccessLevels() {
        return SurveyFindings.Access.values();
    }
}
