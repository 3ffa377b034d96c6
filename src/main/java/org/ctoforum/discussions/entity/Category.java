package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A place for threads on one subject, with who may read it and whether its threads follow the Chatham House rule. */
@Entity
@Table(name = "discussion_category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CategoryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(name = "chatham_house_default", nullable = false)
    private boolean chathamHouseDefault;

    @Column(nullable = false)
    private int position;

    /** Whether threads about report sections go here: staff choose one category for them. */
    @Column(name = "report_sections", nullable = false)
    private boolean reportSections;

    @Version
    private long version;

    protected Category() {}

    public Category(String slug, String name, int position) {
        this.slug = slug;
        this.name = name;
        this.position = position;
        this.description = "";
        this.kind = CategoryKind.GENERAL;
        this.visibility = Visibility.MEMBERS;
    }

    public void describe(
            String name, String description, CategoryKind kind, Visibility visibility, boolean chathamHouseDefault) {
        this.name = name;
        this.description = description == null ? "" : description;
        this.kind = kind;
        this.visibility = visibility;
        this.chathamHouseDefault = chathamHouseDefault;
    }

    public void takeReportSections(boolean taken) {
        this.reportSections = taken;
    }

    public boolean isReportSections() {
        return reportSections;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public CategoryKind getKind() {
        return kind;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public boolean isChathamHouseDefault() {
        return chathamHouseDefault;
    }

    public int getPosition() {
        return position;
    }
}
