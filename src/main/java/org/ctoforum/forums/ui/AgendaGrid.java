package org.ctoforum.forums.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ctoforum.forums.boundary.Editions;
import org.ctoforum.forums.boundary.SessionView;

/**
 * Lays the sessions out as one grid a day: a column per room, a row per quarter hour. Phones get the same sessions
 * as a list instead (see the facelet), so the grid never has to shrink below readable.
 */
public final class AgendaGrid {

    private static final int SLOT_MINUTES = 15;

    public record Cell(SessionView session, int column, int rowStart, int rowEnd) implements Serializable {
        public String style() {
            return "grid-column:" + column + ";grid-row:" + rowStart + "/" + rowEnd;
        }
    }

    public record TimeMark(String label, int row) implements Serializable {
        public String style() {
            return "grid-column:1;grid-row:" + row;
        }
    }

    public record Day(LocalDate date, List<Editions.RoomView> rooms, List<TimeMark> times, List<Cell> cells)
            implements Serializable {
        public String label() {
            return date.format(java.time.format.DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", java.util.Locale.US));
        }

        public String columns() {
            return "grid-template-columns:4.5rem repeat(" + rooms.size() + ",minmax(9rem,1fr))";
        }

        public String roomStyle(int index) {
            return "grid-column:" + (index + 2) + ";grid-row:1";
        }
    }

    public static List<Day> layout(List<SessionView> sessions, List<Editions.RoomView> rooms) {
        Map<LocalDate, List<SessionView>> byDay = new TreeMap<>();
        sessions.forEach(s -> byDay.computeIfAbsent(s.start().toLocalDate(), d -> new ArrayList<>())
                .add(s));
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, daySessions) -> {
            LocalTime first = daySessions.stream()
                    .map(s -> s.start().toLocalTime())
                    .min(LocalTime::compareTo)
                    .orElseThrow()
                    .truncatedTo(ChronoUnit.HOURS);
            LocalTime last = daySessions.stream()
                    .map(s -> s.end().toLocalDate().isAfter(date)
                            ? LocalTime.MAX
                            : s.end().toLocalTime())
                    .max(LocalTime::compareTo)
                    .orElseThrow();
            List<Cell> cells = new ArrayList<>();
            for (SessionView s : daySessions) {
                int column = 2 + indexOf(rooms, s.roomId());
                int start = 2 + slots(first, s.start().toLocalTime());
                LocalTime end =
                        s.end().toLocalDate().isAfter(date) ? last : s.end().toLocalTime();
                cells.add(new Cell(s, column, start, Math.max(start + 1, 2 + slots(first, end))));
            }
            List<TimeMark> times = new ArrayList<>();
            for (int hour = first.getHour(); hour < 24 && LocalTime.of(hour, 0).isBefore(last); hour++) {
                LocalTime mark = LocalTime.of(hour, 0);
                times.add(new TimeMark(mark.toString(), 2 + slots(first, mark)));
            }
            days.add(new Day(date, rooms, times, cells));
        });
        return days;
    }

    private static int indexOf(List<Editions.RoomView> rooms, long roomId) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).id() == roomId) {
                return i;
            }
        }
        return 0;
    }

    private static int slots(LocalTime from, LocalTime to) {
        return (int) (ChronoUnit.MINUTES.between(from, to) / SLOT_MINUTES);
    }

    private AgendaGrid() {}
}
