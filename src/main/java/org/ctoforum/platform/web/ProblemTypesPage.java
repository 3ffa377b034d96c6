package org.ctoforum.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.ctoforum.platform.problem.ProblemType;

/** The problem types of the API: the one named in the address, or all of them. */
@Named
@RequestScoped
public class ProblemTypesPage {

    @Inject
    HttpServletRequest request;

    public List<ProblemType> getShown() {
        return ProblemType.bySlug(String.valueOf(request.getParameter("name")))
                .map(List::of)
                .orElse(List.of(ProblemType.values()));
    }

    public boolean isSingle() {
        return getShown().size() == 1;
    }
}
