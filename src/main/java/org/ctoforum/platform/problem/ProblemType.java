package org.ctoforum.platform.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Each kind of problem the portal answers, so that clients branch on {@code type} rather than on words. The type is
 * the path-absolute reference {@code /problems/<name>}: the same on every deployment, and it resolves against the
 * answering portal to a page saying what the problem means. The title never varies within a type; the detail does.
 */
public enum ProblemType {
    VALIDATION(
            400,
            "Invalid input",
            "A parameter or a field of the request is missing, malformed or out of range. The detail names it.",
            "Correct the named parameter or field and send the request again; sending it unchanged fails again."),
    UNREADABLE_BODY(
            400,
            "Unreadable body",
            "The request body, or one of its parts, could not be read as the format this call takes.",
            "Send the body as /openapi describes it for this call, usually JSON with a Content-Type to match."),
    UNAUTHENTICATED(
            401,
            "Sign-in required",
            "The call needs a signed-in caller, and the request carried no credentials, or wrong or revoked ones.",
            "Send HTTP Basic credentials (email:password) or an API token as 'Authorization: Bearer …', then retry."),
    FORBIDDEN(
            403,
            "Not allowed",
            "The caller is known but the account does not have the right for this.",
            "Do not retry with the same account; ask staff for the right if you should have it."),
    MEMBERS_ONLY(
            403,
            "Members only",
            "This needs a current membership of the association, or access to this one report.",
            "Join the association (the 'join' member links to how), or follow the 'request' member to ask for a"
                    + " copy."),
    ADDRESS_NOT_CONFIRMED(
            403,
            "Address not confirmed",
            "The account's email address is not confirmed yet, so it may only see itself.",
            "Follow the link mailed at sign-up, or have it sent again with POST /api/me/confirmation."),
    NOT_FOUND(
            404,
            "Not found",
            "There is no such API path or object, or the caller may not know that it exists.",
            "Check the id or the path; lists such as GET /api/reports show what exists."),
    METHOD_NOT_ALLOWED(
            405,
            "Method not allowed",
            "The path exists but does not take this HTTP method.",
            "Use one of the methods the Allow header lists."),
    NOT_ACCEPTABLE(
            406,
            "Not acceptable",
            "The path cannot answer in any of the media types the Accept header asks for.",
            "Accept application/json (problems come as application/problem+json)."),
    TOO_SLOW(
            408,
            "Too slow",
            "The request body came too slowly, and the portal stopped waiting for it.",
            "Send the request again, in one go."),
    CONFLICT(
            409,
            "Conflict",
            "The request clashes with the present state of the object, for instance it exists already.",
            "Read the object again, and follow the detail: it says what would be accepted."),
    CHANGED_MEANWHILE(
            409,
            "Changed meanwhile",
            "Someone else changed the same object at the same moment; nothing of this request was saved.",
            "Read the object again and repeat the change on what you read."),
    SCHEDULE_CONFLICT(
            409,
            "Schedule conflict",
            "A forum session would clash with another: the same room, or a facilitator, at overlapping times.",
            "Move the session to another time or room; 'conflictingSessionId' names the session it clashes" + " with."),
    REGISTRATION_CLOSED(
            409,
            "Registration closed",
            "Registration for this forum edition is not open: it has not opened yet, or it has closed. A full"
                    + " edition is no refusal: registering then puts the member on the waitlist.",
            "Try again once registration opens (the edition's registrationOpens); after it closes, ask staff."),
    SESSION_CANCELLED(
            409,
            "Session cancelled",
            "The forum session is cancelled, so it takes no more changes, picks or seats.",
            "Choose another session of the edition."),
    WORKFLOW_STEP_NOT_ALLOWED(
            409,
            "Workflow step not allowed",
            "A report or a survey cannot move from its present status to the one asked for, or not yet.",
            "Read its status; 'status' and 'to' say which step was refused. Take an allowed step first."),
    SURVEY_FROZEN(
            409,
            "Survey frozen",
            "The survey has opened, so its questions can no longer change: answers already given refer to them.",
            "To fix a question, add a new one with a new code next year, or copy the survey and edit the copy."),
    SURVEY_NOT_TAKING_ANSWERS(
            409,
            "Survey not taking answers",
            "The survey is not open for answers: it has not opened yet, or its close date has passed and the"
                    + " response is read-only.",
            "Read the survey's 'opens' and 'closes' dates; answers are taken between them while it is open."),
    RESPONSE_SUBMITTED(
            409,
            "Response submitted",
            "Your district's response to this survey is submitted, and a response is submitted once.",
            "Nothing to do: the submitted answers count. Ask staff if something in it is wrong."),
    ANSWER_FIRST(
            403,
            "Answer the survey first",
            "Peer groups and the benchmark are for districts that answered the survey: give to get.",
            "Read the national figures (group=all) meanwhile, and answer the next survey to compare with your peers."),
    THREAD_LOCKED(
            409,
            "Thread locked",
            "A moderator locked the discussion thread: it takes no new posts, and its posts can no longer be edited.",
            "Do not retry; start a new thread, or ask a moderator to unlock this one."),
    LINK_EXPIRED(
            410,
            "Link expired",
            "A signed link, such as a download link, is past its time.",
            "Make a new link and use that."),
    LENGTH_REQUIRED(
            411,
            "Length required",
            "A form was sent without saying its length.",
            "Send a Content-Length header with the form."),
    TOO_LARGE(
            413,
            "Too large",
            "The request, a file or a text in it is larger than the limit the detail names.",
            "Send something smaller: shorten the text or split the upload."),
    URI_TOO_LONG(
            414,
            "URI too long",
            "The address, with its query, is longer than the portal reads; the detail gives both lengths.",
            "Send long input in a request body (for search, POST /api/search takes the same query as JSON)."),
    UNSUPPORTED_MEDIA_TYPE(
            415,
            "Unsupported media type",
            "The call takes a different Content-Type from the one sent.",
            "Send the Content-Type /openapi lists for this call, usually application/json."),
    RANGE_NOT_SATISFIABLE(
            416,
            "Range not satisfiable",
            "The Range asked for starts beyond the end of the file.",
            "Ask for a range inside the file, or for the whole file."),
    RATE_LIMITED(
            429,
            "Too many requests",
            "The caller sent more requests of this kind than the portal takes in a while.",
            "Wait for the seconds the Retry-After header gives, then try again."),
    INTERNAL_ERROR(
            500,
            "Internal error",
            "Something failed on the portal's side; it has been logged.",
            "Try again later; if it persists, tell staff the time it happened."),
    UNAVAILABLE(
            503,
            "Temporarily unavailable",
            "Something the portal needs, such as its database, search or a stored file, cannot be reached just now;"
                    + " nothing was changed.",
            "Try again after the seconds Retry-After gives, or in a few seconds.");

    private final int status;
    private final String title;
    private final String meaning;
    private final String advice;

    ProblemType(int status, String title, String meaning, String advice) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.advice = advice;
    }

    /** The lower-case, hyphenated name in the type's address, e.g. {@code schedule-conflict}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The {@code type} member of the problem body. */
    public String uri() {
        return "/problems/" + slug();
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String advice() {
        return advice;
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug().equals(slug)).findFirst();
    }

    /** The general type of a status JAX-RS answers by itself, when there is one. */
    public static Optional<ProblemType> generalFor(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
