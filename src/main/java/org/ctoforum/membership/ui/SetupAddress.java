package org.ctoforum.membership.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The logged setup address, /setup/{token}: the page that creates the first administrator, with the token. */
@WebServlet("/setup/*")
public class SetupAddress extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        String token = path == null ? "" : path.substring(1);
        request.getRequestDispatcher("/setup.xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
