package org.ctoforum.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ctoforum.platform.problem.ProblemType;

/**
 * The address of each problem type, /problems/{name}: the page that says what the problem means and what a client
 * should do. /problems itself lists them all.
 */
@WebServlet({"/problems", "/problems/*"})
public class ProblemTypePages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        String name = path == null ? "" : path.substring(1);
        if (!name.isEmpty() && ProblemType.bySlug(name).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.getRequestDispatcher("/problem-types.xhtml?name=" + name).forward(request, response);
    }
}
