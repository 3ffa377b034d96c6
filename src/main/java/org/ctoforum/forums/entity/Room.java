package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place a session happens: a physical room with a capacity, or a virtual room with a link. */
@Entity
@Table(name = "forum_room")
public class Room {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private Long editionId;

    @Column(nullable = false)
    private String name;

    /** Null for a virtual room, which has no seats to run out of. */
    private Integer capacity;

    @Column(name = "virtual_link")
    private String virtualLink;

    protected Room() {}

    public Room(long editionId, String name, Integer capacity, String virtualLink) {
        if (name == null || name.isBlank()) {
            throw new ScheduleException("A room needs a name.");
        }
        if (capacity != null && capacity < 1) {
            throw new ScheduleException("A room's capacity must be at least 1.");
        }
        if (capacity == null && (virtualLink == null || virtualLink.isBlank())) {
            throw new ScheduleException("A room needs a capacity, or a link when it is virtual.");
        }
        if (virtualLink != null && !virtualLink.isBlank() && !virtualLink.matches("https://\\S+")) {
            throw new ScheduleException("A virtual room's link must be an https:// address.");
        }
        this.editionId = editionId;
        this.name = name.strip();
        this.capacity = capacity;
        this.virtualLink = virtualLink == null || virtualLink.isBlank() ? null : virtualLink.strip();
    }

    public boolean virtual() {
        return virtualLink != null;
    }

    public Long getId() {
        return id;
    }

    public Long getEditionId() {
        return editionId;
    }

    public String getName() {
        return name;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public String getVirtualLink() {
        return virtualLink;
    }
}
