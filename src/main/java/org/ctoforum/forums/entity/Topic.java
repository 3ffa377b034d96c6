package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A challenge area sessions are about; the seven of the survey, plus any staff add. */
@Entity
@Table(name = "forum_topic")
public class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    protected Topic() {}

    public Topic(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new ScheduleException("A topic needs a name of 1 to 80 characters.");
        }
        this.name = name.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
