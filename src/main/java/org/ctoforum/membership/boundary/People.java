package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;

/** Who is who, for other features: names and addresses by id or email. Nothing here checks or changes rights. */
@Stateless
public class People {

    /** Enough of a person to name them and write to them. */
    public record Person(long id, String email, String displayName) {
        static Person of(Account account) {
            return new Person(account.getId(), account.getEmail(), account.getDisplayName());
        }
    }

    @PersistenceContext
    EntityManager em;

    public Optional<Person> byEmail(String email) {
        EmailAddress address = EmailAddress.parse(email);
        if (address == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", address.value())
                .getResultStream()
                .findFirst()
                .map(Person::of);
    }

    public Map<Long, Person> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Account> accounts = em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", ids)
                .getResultList();
        return accounts.stream().map(Person::of).collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
