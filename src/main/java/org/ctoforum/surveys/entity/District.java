package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A school district's profile, which places it in its peer groups. */
@Entity
@Table(name = "survey_district")
public class District {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String state;

    private int enrollment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DistrictLocale locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CensusRegion region;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    protected District() {}

    public District(String name, String state) {
        this.name = name;
        this.state = state;
    }

    public void describe(
            int enrollment, DistrictLocale locale, CensusRegion region, Long byAccount, OffsetDateTime now) {
        this.enrollment = enrollment;
        this.locale = locale;
        this.region = region;
        this.updatedBy = byAccount;
        this.updatedAt = now;
    }

    public void rename(String name, String state) {
        this.name = name;
        this.state = state;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getState() {
        return state;
    }

    public int getEnrollment() {
        return enrollment;
    }

    public EnrollmentBand getBand() {
        return EnrollmentBand.of(enrollment);
    }

    public DistrictLocale getLocale() {
        return locale;
    }

    public CensusRegion getRegion() {
        return region;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
