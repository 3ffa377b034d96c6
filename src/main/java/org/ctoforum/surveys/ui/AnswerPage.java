package org.ctoforum.surveys.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Districts;
import org.ctoforum.surveys.boundary.Responses;
import org.ctoforum.surveys.boundary.Surveys;

/**
 * Answering a survey for one's district. Each field saves itself as it changes, one answer at a time, so a refused
 * answer costs only itself; staff preview any survey, drafts too, read-only.
 */
@Named
@ViewScoped
public class AnswerPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int CHANGES_SHOWN = 10;

    /** What the page can show the reader. */
    public enum Mode {
        NO_SURVEY,
        PREVIEW,
        NOT_MEMBER,
        NO_DISTRICT,
        AWAITING_CONFIRMATION,
        ANSWERING
    }

    /** One section of the form, with its fields. */
    public record Section(String title, List<AnswerField> fields) implements Serializable {}

    /** One change to the response, as the "Changes" list says it; a null value is an answer cleared. */
    public record Change(String by, String question, String value, String at) {}

    @Inject
    Surveys surveys;

    @Inject
    Responses responses;

    @Inject
    Districts districts;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private Integer year;
    private boolean preview;
    private Mode mode = Mode.NO_SURVEY;
    private Surveys.SurveyView survey;
    private Districts.MyDistrict district;
    private ShownResponse response;

    /**
     * What the page shows of the response. The answers themselves live in the fields, so the view keeps no JSON
     * values and serializes with the session.
     */
    public record ShownResponse(
            String district,
            boolean editable,
            String readOnlyBecause,
            OffsetDateTime submittedAt,
            String submittedBy,
            Map<String, String> lastChangedBy,
            Responses.ResponseProgress progress,
            List<String> missingRequired,
            List<ShownChange> changes)
            implements Serializable {

        static ShownResponse of(Responses.ResponseView response) {
            return new ShownResponse(
                    response.district(),
                    response.editable(),
                    response.readOnlyBecause(),
                    response.submittedAt(),
                    response.submittedBy(),
                    response.lastChangedBy(),
                    response.progress(),
                    response.missingRequired(),
                    response.changes().stream()
                            .limit(CHANGES_SHOWN)
                            .map(c -> new ShownChange(c.code(), SurveyTexts.answer(c.value()), c.by(), c.at()))
                            .toList());
        }
    }

    /** One change, its value already written out as text. */
    public record ShownChange(String code, String value, String by, OffsetDateTime at) implements Serializable {}

    private List<Section> sections = List.of();
    private final Map<String, String> texts = new HashMap<>();
    private String status;

    public void load() {
        if (year == null) {
            PageMessages.error("Say which year's survey to open, such as ?year=2021.");
            return;
        }
        try {
            survey = surveys.byYear(year);
        } catch (ProblemException missing) {
            PageMessages.error(missing.detail());
            return;
        }
        survey.sections().forEach(s -> s.questions().forEach(q -> texts.put(q.code(), q.text())));
        if (preview && caller.staff()) {
            mode = Mode.PREVIEW;
            sections = sections(Map.of());
            return;
        }
        preview = false;
        if (!caller.is(Role.MEMBER)) {
            mode = Mode.NOT_MEMBER;
            return;
        }
        district = districts.mine();
        if (!district.confirmed()) {
            mode = district.id() == null ? Mode.NO_DISTRICT : Mode.AWAITING_CONFIRMATION;
            return;
        }
        mode = Mode.ANSWERING;
        Responses.ResponseView mine = responses.mine(survey.id());
        sections = sections(mine.answers());
        response = ShownResponse.of(mine);
    }

    /** Saves one field's answer; a refusal stays beside the field, with what was typed, and nothing is saved. */
    public void save(AnswerField field) {
        if (!isEditable()) {
            return;
        }
        try {
            response = ShownResponse.of(responses.save(
                    survey.id(),
                    new Responses.ResponseForm(
                            Json.createObjectBuilder()
                                    .add(field.getCode(), field.answer())
                                    .build(),
                            false)));
            field.saved();
            status = "Saved at "
                    + LocalTime.now(clock.withZone(settings.timeZone())).withNano(0) + ".";
        } catch (ProblemException refused) {
            field.refused(refused.detail());
            status = refused.detail();
        }
    }

    /** Saves whatever is typed but not yet saved, then submits; a refusal names its field or the missing ones. */
    public void submit() {
        JsonObjectBuilder unsaved = Json.createObjectBuilder();
        fields().stream().filter(AnswerField::isDirty).forEach(f -> unsaved.add(f.getCode(), f.answer()));
        try {
            Responses.ResponseView submitted =
                    responses.save(survey.id(), new Responses.ResponseForm(unsaved.build(), true));
            sections = sections(submitted.answers());
            response = ShownResponse.of(submitted);
            PageMessages.info("Your district's " + survey.year() + " response is submitted. Thank you.");
        } catch (ProblemException refused) {
            Object code = refused.extensions().get("code");
            fields().stream().filter(f -> f.getCode().equals(code)).forEach(f -> f.refused(refused.detail()));
            PageMessages.error(refused.detail());
            response = ShownResponse.of(responses.mine(survey.id()));
        }
    }

    public boolean isEditable() {
        return mode == Mode.ANSWERING && response.editable();
    }

    /** Why the form cannot be changed, or null when it can. */
    public String getReadOnlyBecause() {
        if (mode == Mode.PREVIEW) {
            return "Preview: this is the form members see. Nothing can be answered here.";
        }
        if (mode == Mode.ANSWERING && response.submittedAt() != null) {
            return "Submitted on " + response.submittedAt().toLocalDate() + " by " + response.submittedBy()
                    + ": your district's answers can no longer change.";
        }
        if (mode == Mode.ANSWERING && !response.editable()) {
            return response.readOnlyBecause();
        }
        return null;
    }

    /** The required questions still unanswered, by their text. */
    public List<String> getMissing() {
        return response == null
                ? List.of()
                : response.missingRequired().stream()
                        .map(code -> texts.getOrDefault(code, code))
                        .toList();
    }

    public List<Change> getChanges() {
        if (response == null) {
            return List.of();
        }
        return response.changes().stream()
                .map(c -> new Change(c.by(), texts.getOrDefault(c.code(), c.code()), c.value(), local(c.at())))
                .toList();
    }

    public String lastChangedBy(AnswerField field) {
        return response == null ? null : response.lastChangedBy().get(field.getCode());
    }

    private List<Section> sections(Map<String, JsonValue> answers) {
        return survey.sections().stream()
                .map(s -> new Section(
                        s.title(),
                        s.questions().stream()
                                .map(q -> new AnswerField(q, answers.get(q.code())))
                                .toList()))
                .toList();
    }

    private List<AnswerField> fields() {
        return sections.stream().flatMap(s -> s.fields().stream()).toList();
    }

    private String local(OffsetDateTime at) {
        return at.atZoneSameInstant(settings.timeZone()).format(WHEN);
    }

    public Mode getMode() {
        return mode;
    }

    public Surveys.SurveyView getSurvey() {
        return survey;
    }

    public Districts.MyDistrict getDistrict() {
        return district;
    }

    public ShownResponse getResponse() {
        return response;
    }

    public List<Section> getSections() {
        return sections;
    }

    public String getStatus() {
        return status;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public boolean isPreview() {
        return preview;
    }

    public void setPreview(boolean preview) {
        this.preview = preview;
    }
}
