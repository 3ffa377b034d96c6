package org.ctoforum.surveys.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Participation;
import org.ctoforum.surveys.boundary.Surveys;

/**
 * Staff's survey desk: every survey with its status, a new one for a year, and for the survey chosen its next step,
 * a copy for next year, who has answered, reminders, and the free-text answers.
 */
@Named
@ViewScoped
public class SurveysAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long a new survey stays open unless staff say otherwise. */
    private static final int WEEKS_OPEN = 6;

    /** A step the chosen survey can take next, with what it does in words. */
    public record Step(String to, String label, String confirmation) {}

    @Inject
    Surveys surveys;

    @Inject
    Participation participation;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private Long id;
    private List<Surveys.SurveySummary> list;
    private Surveys.SurveyView chosen;
    private Participation.Rates rates;
    private Map<String, List<String>> textAnswers = Map.of();
    private Integer year;
    private String title;
    private String opens;
    private String closes;

    public void load() {
        list = surveys.list();
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        year = today.getYear() + 1;
        opens = today.toString();
        closes = today.plusWeeks(WEEKS_OPEN).toString();
        if (id == null) {
            return;
        }
        PageMessages.attempt(() -> {
            chosen = surveys.get(id);
            rates = participation.rates(id);
            Map<String, List<String>> texts = new LinkedHashMap<>();
            chosen.sections().stream()
                    .flatMap(s -> s.questions().stream())
                    .filter(q -> q.type().equals("TEXT"))
                    .forEach(q -> texts.put(q.text(), participation.textAnswers(id, q.code())));
            textAnswers = texts;
        });
    }

    /** A new draft for the year, then on to its editor to write the questions. */
    public String create() {
        Surveys.SurveyView[] created = new Surveys.SurveyView[1];
        if (!PageMessages.attempt(() -> created[0] = surveys.create(new Surveys.SurveyForm(
                year,
                title,
                null,
                TypedValues.date(opens, "Opens"),
                TypedValues.date(closes, "Closes"),
                null,
                List.of())))) {
            return null;
        }
        return toEditor(created[0], "The " + created[0].year() + " survey is a draft: write its questions.");
    }

    public String copy() {
        Surveys.SurveyView[] copied = new Surveys.SurveyView[1];
        if (!PageMessages.attempt(() -> copied[0] = surveys.copy(id, new Surveys.CopyForm(null)))) {
            return null;
        }
        return toEditor(
                copied[0],
                "Copied to a draft for " + copied[0].year() + ", with the same question codes so that trends join.");
    }

    public String moveTo(String status) {
        Surveys.SurveySummary[] moved = new Surveys.SurveySummary[1];
        if (!PageMessages.attempt(() -> moved[0] = surveys.transition(id, new Surveys.TransitionForm(status)))) {
            return null;
        }
        keepMessages();
        PageMessages.info("The " + moved[0].year() + " survey is "
                + SurveyTexts.status(moved[0].status()).toLowerCase() + ".");
        return "/admin/surveys.xhtml?faces-redirect=true&id=" + id;
    }

    public void remind() {
        Participation.Reminded[] reminded = new Participation.Reminded[1];
        if (PageMessages.attempt(() -> reminded[0] = participation.remind(id))) {
            PageMessages.info("Queued " + SurveyTexts.count(reminded[0].mails(), "reminder mail")
                    + " to the members of " + SurveyTexts.count(reminded[0].districts(), "district")
                    + " that have not submitted.");
        }
    }

    /** The step the chosen survey can take next; none once it is published. */
    public Step getNextStep() {
        if (chosen == null) {
            return null;
        }
        return switch (chosen.status()) {
            case "DRAFT" -> new Step(
                    "OPEN",
                    "Open",
                    "Members can answer from " + chosen.opens() + " to " + chosen.closes()
                            + ", and the questions freeze: a mistake then needs a new question. Open the survey?");
            case "OPEN" -> new Step(
                    "CLOSED",
                    "Close",
                    "Answers stop now, and each district's profile is frozen for this survey. Close the survey?");
            case "CLOSED" -> new Step(
                    "PUBLISHED",
                    "Publish",
                    "The figures for every peer group are computed now, and members read them. Publish the results?");
            default -> null;
        };
    }

    /** Response rates by segment, as bars of the share submitted. */
    public String getRatesChart() {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        for (Participation.Rate rate : getRates()) {
            labels.add(rate.label());
            values.add(BigDecimal.valueOf(rate.percent()));
            marked.add(false);
        }
        return SurveyCharts.bars("Submitted, %", labels, values, marked);
    }

    public String getRatesHeight() {
        return SurveyCharts.height(getRates().size());
    }

    /** Overall first, then each segment. */
    public List<Participation.Rate> getRates() {
        if (rates == null) {
            return List.of();
        }
        List<Participation.Rate> all = new ArrayList<>();
        all.add(rates.overall());
        all.addAll(rates.segments());
        return all;
    }

    private static String toEditor(Surveys.SurveyView survey, String message) {
        keepMessages();
        PageMessages.info(message);
        return "/admin/survey.xhtml?faces-redirect=true&id=" + survey.id();
    }

    private static void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public List<Surveys.SurveySummary> getList() {
        return list;
    }

    public String status(String status) {
        return SurveyTexts.status(status);
    }

    public Surveys.SurveyView getChosen() {
        return chosen;
    }

    public Map<String, List<String>> getTextAnswers() {
        return textAnswers;
    }

    public List<String> getTextQuestions() {
        return List.copyOf(textAnswers.keySet());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
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
}
