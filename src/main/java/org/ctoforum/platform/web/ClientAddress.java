package org.ctoforum.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * The address a request came from. Behind a reverse proxy every request arrives from the proxy, so the proxy's
 * {@code X-Forwarded-For} is believed, but only when the request comes from one of the proxies the settings name:
 * anyone else could write that header.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    Settings settings;

    private volatile Set<String> trusted;

    public String of(HttpServletRequest request) {
        Enumeration<String> forwarded = request.getHeaders("X-Forwarded-For");
        return of(request.getRemoteAddr(), forwarded == null ? List.of() : Collections.list(forwarded));
    }

    /** The rightmost address of the chain that is not a trusted proxy: the one the nearest proxy saw. */
    String of(String remote, List<String> forwardedFor) {
        Set<String> proxies = trusted();
        if (!proxies.contains(remote)) {
            return remote;
        }
        List<String> chain = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!proxies.contains(chain.get(i))) {
                return chain.get(i);
            }
        }
        return remote;
    }

    private Set<String> trusted() {
        Set<String> known = trusted;
        if (known == null) {
            known = Arrays.stream(settings.text(PortalSetting.TRUSTED_PROXIES).split(","))
                    .map(String::strip)
                    .filter(address -> !address.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            trusted = known;
        }
        return known;
    }
}
