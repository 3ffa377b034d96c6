package org.ctoforum.membership.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.ctoforum.platform.security.Role;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A person with a sign-in. Without roles it is a registered non-member; staff grant membership and roles. The roles
 * that count are {@link #effectiveRoles}: an expired membership does not make a MEMBER.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where a.email = :email")
@NamedQuery(name = Account.WITH_ROLES, query = "select a from Account a left join fetch a.roles where a.id = :id")
public class Account {

    public static final String BY_EMAIL = "Account.byEmail";
    public static final String WITH_ROLES = "Account.withRoles";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** The name for @mentions, unique; the database makes it from the email when the account is created. */
    @Column(insertable = false, updatable = false)
    private String handle;

    private String district;

    @Column(name = "job_title")
    private String jobTitle;

    /** Null until the person chooses a password (imported accounts set theirs through a reset link). */
    @Column(name = "password_hash")
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Embedded
    private Membership membership;

    @Column(nullable = false)
    private boolean disabled;

    /** Bumped when the owner takes the account back; whatever was issued under an older epoch stops working. */
    @Column(name = "credential_epoch", nullable = false)
    private int credentialEpoch;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** When the owner proved the address; until then the account holds no role, membership or grant. */
    @Column(name = "email_confirmed_at")
    private OffsetDateTime emailConfirmedAt;

    @Version
    private long version;

    protected Account() {}

    public Account(EmailAddress email, String displayName, String district, String jobTitle, OffsetDateTime now) {
        this.email = email.value();
        this.createdAt = now;
        updateProfile(displayName, district, jobTitle);
    }

    /** Answers whether the display name changed: what the account wrote shows it, so search must know. */
    public boolean updateProfile(String displayName, String district, String jobTitle) {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("A display name is required");
        }
        String before = this.displayName;
        this.displayName = displayName.strip();
        this.district = blankToNull(district);
        this.jobTitle = blankToNull(jobTitle);
        return !this.displayName.equals(before);
    }

    public void choosePassword(String hash) {
        this.passwordHash = hash;
    }

    /** Ends every session, signed link and feed issued so far: they carry the epoch they were issued under. */
    public void signOutEverywhere() {
        credentialEpoch++;
    }

    public int getCredentialEpoch() {
        return credentialEpoch;
    }

    /** Makes the account a member for the period; MEMBER is granted with it. */
    public void grantMembership(Membership period) {
        this.membership = period;
        roles.add(Role.MEMBER);
    }

    public void endMembership() {
        this.membership = null;
        roles.remove(Role.MEMBER);
    }

    /** Sets the staff-granted roles; MEMBER follows the membership and is not set here. */
    public void assignRoles(Set<Role> granted) {
        boolean member = roles.contains(Role.MEMBER);
        roles.clear();
        roles.addAll(granted);
        roles.remove(Role.MEMBER);
        if (member) {
            roles.add(Role.MEMBER);
        }
    }

    public Set<Role> effectiveRoles(LocalDate today) {
        if (disabled || emailConfirmedAt == null) {
            return EnumSet.noneOf(Role.class);
        }
        Set<Role> effective = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (membership == null || !membership.activeOn(today)) {
            effective.remove(Role.MEMBER);
        }
        return effective;
    }

    public boolean isMemberOn(LocalDate today) {
        return effectiveRoles(today).contains(Role.MEMBER);
    }

    /** The owner proved the address, by a confirmation link or by accepting an invitation. */
    public void confirmEmail(OffsetDateTime now) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = now;
        }
    }

    /** Moves the account to an address its owner has just proved. */
    public void moveTo(EmailAddress confirmed, OffsetDateTime now) {
        this.email = confirmed.value();
        this.emailConfirmedAt = now;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmedAt != null;
    }

    public void disable() {
        this.disabled = true;
    }

    public void enable() {
        this.disabled = false;
    }

    public boolean canSignIn() {
        return !disabled && passwordHash != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getHandle() {
        return handle;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDistrict() {
        return district;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** The roles as granted, before the membership period is applied. */
    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Membership getMembership() {
        return membership;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
