package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.platform.security.Role;

/** Who is who, for other features: names and addresses by id or email. Nothing here checks or changes rights. */
@Stateless
public class People {

    /**
     * Enough of a person to name them, write to them and know what they may read: their roles as of today, none once
     * disabled. {@code credentialEpoch} is what a signed link or feed issued to them must still carry to work.
     */
    public record Person(
            long id,
            String email,
            String displayName,
            String handle,
            Set<Role> roles,
            boolean active,
            boolean confirmed,
            int credentialEpoch) {
        static Person of(Account account, LocalDate today) {
            return new Person(
                    account.getId(),
                    account.getEmail(),
                    account.getDisplayName(),
                    account.getHandle(),
                    account.isDisabled() ? Set.of() : account.effectiveRoles(today),
                    !account.isDisabled(),
                    account.isEmailConfirmed(),
                    account.getCredentialEpoch());
        }

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The person whose confirmed address this is. An unconfirmed account is never found by its address: anyone may
     * type a stranger's address at sign-up, so staff naming a person by address must not reach such an account.
     */
    public Optional<Person> byEmail(String email) {
        EmailAddress address = EmailAddress.parse(email);
        if (address == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", address.value())
                .getResultStream()
                .filter(Account::isEmailConfirmed)
                .findFirst()
                .map(this::person);
    }

    public Optional<Person> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).map(this::person);
    }

    public Map<Long, Person> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return people(em.createQuery("select a from Account a where a.id in :ids", Account.class)
                        .setParameter("ids", ids)
                        .getResultList())
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /** Enabled accounts by @handle, for mentions; unknown handles are left out. */
    public List<Person> byHandles(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        return people(em.createQuery(
                                "select a from Account a where a.handle in :handles and a.disabled = false",
                                Account.class)
                        .setParameter("handles", handles)
                        .getResultList())
                .toList();
    }

    private Stream<Person> people(List<Account> accounts) {
        LocalDate today = LocalDate.now(clock);
        return accounts.stream().map(account -> Person.of(account, today));
    }

    private Person person(Account account) {
        return Person.of(account, LocalDate.now(clock));
    }
}
