package org.ctoforum.forums.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.ctoforum.forums.boundary.SessionView;

/**
 * Writes sessions as iCalendar (RFC 5545) with ical4j. Times stay in the edition's own zone, with its VTIMEZONE,
 * so a calendar shows 9:00 in Chicago as 9:00 in Chicago. Each session keeps one UID and a rising SEQUENCE, so a
 * subscribed calendar moves or cancels the event instead of adding a second one. Each event's DTSTAMP is when its
 * edition's agenda last changed, not when the file was written, so the same agenda is always the same bytes, and
 * its ETag holds until something changes.
 */
public final class CalendarWriter {

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The sessions of one edition, in that edition's zone, and when its agenda last changed. */
    public record Part(String editionTitle, ZoneId zone, List<SessionView> sessions, Instant changedAt) {}

    public static String write(String name, List<Part> parts, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CTO Forum Portal//Agenda//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        parts.stream()
                .map(Part::zone)
                .distinct()
                .forEach(zone -> calendar.add(ZONES.getTimeZone(zone.getId()).getVTimeZone()));
        for (Part part : parts) {
            for (SessionView session : part.sessions()) {
                calendar.add(event(part, session, baseUrl));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Part part, SessionView session, String baseUrl) {
        VEvent event = new VEvent(
                session.start().atZoneSameInstant(part.zone()),
                session.end().atZoneSameInstant(part.zone()),
                session.title());
        event.replace(new DtStamp(part.changedAt()));
        event.add(new Uid("session-" + session.id() + "@cto-forum"));
        event.add(new Sequence(session.sequence()));
        event.add(new Location(
                session.virtualLink() != null
                        ? session.roomName() + " (" + session.virtualLink() + ")"
                        : session.roomName()));
        event.add(new Description(part.editionTitle() + " · " + session.typeLabel()
                + (session.facilitators().isEmpty() ? "" : " · led by " + session.facilitatorNames())));
        event.add(new Url(
                URI.create(baseUrl + "/forums/edition.xhtml?id=" + session.editionId() + "#session-" + session.id())));
        if (session.cancelled()) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        return event;
    }

    private CalendarWriter() {}
}
