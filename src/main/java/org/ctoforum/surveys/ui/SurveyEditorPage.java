package org.ctoforum.surveys.ui;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Surveys;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * A draft survey's editor: its details, sections and questions, kept as typed until the boundary takes them, so that
 * a refusal loses nothing. An open survey is shown frozen.
 */
@Named
@ViewScoped
public class SurveyEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A section as typed. */
    public static final class SectionRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private String title;
        private final List<QuestionRow> questions = new ArrayList<>();

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public List<QuestionRow> getQuestions() {
            return questions;
        }
    }

    /** A question as typed: numbers and options stay text until saving, so that nothing typed is refused early. */
    public static final class QuestionRow implements Serializable {
        private static final long serialVersionUID = 1L;

        private String code;
        private String text;
        private String type = QuestionType.SINGLE.name();
        private String options;
        private boolean required;
        private String min;
        private String max;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getMin() {
            return min;
        }

        public void setMin(String min) {
            this.min = min;
        }

        public String getMax() {
            return max;
        }

        public void setMax(String max) {
            this.max = max;
        }
    }

    @Inject
    Surveys surveys;

    private Long id;
    private Surveys.SurveyView survey;
    private String title;
    private String introduction;
    private String opens;
    private String closes;
    private String minGroupSize;
    private List<SectionRow> sections = new ArrayList<>();

    public void load() {
        if (id == null) {
            PageMessages.error("Say which survey to edit, such as ?id=12.");
            return;
        }
        PageMessages.attempt(() -> {
            survey = surveys.get(id);
            title = survey.title();
            introduction = survey.introduction();
            opens = survey.opens().toString();
            closes = survey.closes().toString();
            minGroupSize = String.valueOf(survey.minGroupSize());
            sections = new ArrayList<>(
                    survey.sections().stream().map(SurveyEditorPage::section).toList());
        });
    }

    public void addSection() {
        SectionRow section = new SectionRow();
        section.getQuestions().add(new QuestionRow());
        sections.add(section);
    }

    public void removeSection(int index) {
        sections.remove(index);
    }

    public void addQuestion(SectionRow section) {
        section.getQuestions().add(new QuestionRow());
    }

    public void removeQuestion(SectionRow section, int index) {
        section.getQuestions().remove(index);
    }

    public void save() {
        try {
            BigDecimal k = TypedValues.number(minGroupSize, "The smallest group shown");
            survey = surveys.update(
                    id,
                    new Surveys.SurveyForm(
                            survey.year(),
                            title,
                            introduction,
                            TypedValues.date(opens, "Opens"),
                            TypedValues.date(closes, "Closes"),
                            k == null ? null : k.intValueExact(),
                            sections.stream().map(SurveyEditorPage::form).toList()));
            int questions = survey.sections().stream()
                    .mapToInt(s -> s.questions().size())
                    .sum();
            PageMessages.info("Saved: " + SurveyTexts.count(questions, "question") + " in "
                    + SurveyTexts.count(survey.sections().size(), "section") + ".");
        } catch (ProblemException refused) {
            PageMessages.error(refused.detail());
        } catch (ArithmeticException notWhole) {
            PageMessages.error("The smallest group shown must be a whole number of districts.");
        }
    }

    /** Open and later surveys keep their questions: answers refer to them. */
    public boolean isFrozen() {
        return survey != null && !survey.status().equals("DRAFT");
    }

    public List<SelectItem> getTypes() {
        return Arrays.stream(QuestionType.values())
                .map(t -> new SelectItem(
                        t.name(),
                        switch (t) {
                            case SINGLE -> "Single choice";
                            case MULTI -> "Multiple choice";
                            case NUMBER -> "Number";
                            case CURRENCY -> "Amount in dollars";
                            case PERCENT -> "Percent";
                            case SCALE -> "Scale of 1 to 5";
                            case TEXT -> "Free text (staff read it)";
                        }))
                .toList();
    }

    private static SectionRow section(Surveys.SurveySectionView view) {
        SectionRow section = new SectionRow();
        section.setTitle(view.title());
        view.questions().forEach(q -> {
            QuestionRow row = new QuestionRow();
            row.setCode(q.code());
            row.setText(q.text());
            row.setType(q.type());
            row.setOptions(String.join("\n", q.options()));
            row.setRequired(q.required());
            row.setMin(q.min() == null ? null : q.min().toPlainString());
            row.setMax(q.max() == null ? null : q.max().toPlainString());
            section.getQuestions().add(row);
        });
        return section;
    }

    private static Surveys.SurveySectionForm form(SectionRow section) {
        return new Surveys.SurveySectionForm(
                section.getTitle(),
                section.getQuestions().stream()
                        .map(q -> new Surveys.QuestionForm(
                                q.getCode(),
                                q.getText(),
                                q.getType(),
                                q.getOptions() == null
                                        ? List.of()
                                        : q.getOptions()
                                                .lines()
                                                .map(String::strip)
                                                .filter(o -> !o.isEmpty())
                                                .toList(),
                                q.isRequired(),
                                TypedValues.number(q.getMin(), "Min of " + q.getCode()),
                                TypedValues.number(q.getMax(), "Max of " + q.getCode())))
                        .toList());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Surveys.SurveyView getSurvey() {
        return survey;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIntroduction() {
        return introduction;
    }

    public void setIntroduction(String introduction) {
        this.introduction = introduction;
    }

    public String getOpens() {
        return opens;
    }

    public void setOpens(String opens) {
        this.opens = opens;
    }

    public String getCloses() {
        return closes;
    }

    public void setCloses(String closes) {
        this.closes = closes;
    }

    public String getMinGroupSize() {
        return minGroupSize;
    }

    public void setMinGroupSize(String minGroupSize) {
        this.minGroupSize = minGroupSize;
    }

    public List<SectionRow> getSections() {
        return sections;
    }
}
