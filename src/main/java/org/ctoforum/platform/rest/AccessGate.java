package org.ctoforum.platform.rest;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/**
 * Checks who is calling before anything else happens to a request: a filter at the authorization stage, which JAX-RS
 * runs before it reads the body (JSON, multipart or a CSV stream) and before the method can load any object. So an
 * anonymous upload is refused without a byte stored, and a write to an object that does not exist answers 401 to
 * the anonymous, like any other write. A write without {@link OpenTo} is refused to everyone.
 */
@Provider
public class AccessGate implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());

    private static final List<Class<? extends Annotation>> WRITES =
            List.of(POST.class, PUT.class, DELETE.class, PATCH.class);

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        OpenTo openTo = openTo(method, resource.getResourceClass());
        if (openTo == null) {
            if (isWrite(method)) {
                LOG.severe(() -> method + " is a write without @OpenTo; it is refused to everyone");
                context.register(new Gate(Set.of()), Priorities.AUTHORIZATION);
            }
            return;
        }
        Set<String> callers = Set.of(openTo.value());
        if (!callers.contains(OpenTo.ANYONE)) {
            context.register(new Gate(callers), Priorities.AUTHORIZATION);
        }
    }

    /** The method's own annotation, else its class's; null when neither says. */
    static OpenTo openTo(Method method, Class<?> type) {
        OpenTo own = method.getAnnotation(OpenTo.class);
        return own != null ? own : type.getAnnotation(OpenTo.class);
    }

    static boolean isWrite(Method method) {
        return WRITES.stream().anyMatch(method::isAnnotationPresent);
    }

    /** Lets a request through when its caller is signed in and holds one of the roles, if roles are named. */
    private static final class Gate implements ContainerRequestFilter {
        private final Set<String> callers;

        Gate(Set<String> callers) {
            this.callers = callers;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (callers.isEmpty()) {
                throw ProblemException.forbidden("This operation is not open to anyone.");
            }
            Caller caller = CDI.current().select(Caller.class).get();
            if (callers.contains(OpenTo.ACCOUNT)) {
                caller.requireAnyAccountId();
                return;
            }
            caller.requireAccountId();
            if (callers.contains(OpenTo.SIGNED_IN)
                    || callers.stream().anyMatch(name -> caller.is(Role.valueOf(name)))) {
                return;
            }
            if (callers.contains(Role.Names.MEMBER)) {
                caller.requireMember("do this");
            }
            throw ProblemException.forbidden("Only "
                    + String.join(
                            " or ",
                            callers.stream().sorted().map(String::toLowerCase).toList()) + " accounts may do this.");
        }
    }
}
