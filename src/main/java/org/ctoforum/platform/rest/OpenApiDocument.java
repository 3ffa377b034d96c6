package org.ctoforum.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ctoforum.platform.web.Validators;

/**
 * Serves Payara's OpenAPI endpoint ({@code /openapi}, a servlet Payara adds to this application) as a client expects:
 * {@code Accept: application/yaml} is understood and answered as {@code application/yaml; charset=UTF-8}, Payara's
 * non-standard top-level {@code endpoints} member is left out, and the document carries an ETag that answers
 * {@code If-None-Match} with 304.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiDocument extends HttpFilter {

    static final String YAML = "application/yaml";
    /** What Payara's endpoint calls YAML. */
    private static final String PAYARA_YAML = "text/plain";

    private static final Pattern YAML_ENDPOINTS = Pattern.compile("(?m)^endpoints:\\R(?:[ \\-].*\\R?)*");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean yaml = wantsYaml(request);
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(yaml ? new AcceptingPlainText(request) : request, buffered);
        buffered.flushWriter();
        String type = buffered.contentType == null ? "" : buffered.contentType;
        if (buffered.status != HttpServletResponse.SC_OK || buffered.bytes.size() == 0) {
            response.setStatus(buffered.status);
            if (buffered.contentType != null) {
                response.setContentType(buffered.contentType);
            }
            buffered.bytes.writeTo(response.getOutputStream());
            return;
        }
        byte[] document =
                type.startsWith("application/json") ? withoutEndpoints(buffered.bytes.toByteArray()) : yaml(buffered);
        String mediaType = type.startsWith("application/json") ? "application/json" : YAML;
        response.setHeader("Vary", "Accept");
        response.setHeader("Cache-Control", "no-cache");
        if (Validators.of(new String(document, StandardCharsets.UTF_8), null).answeredNotModified(request, response)) {
            return;
        }
        response.setContentType(mediaType + "; charset=UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }

    private static byte[] yaml(BufferedResponse buffered) {
        String text = buffered.bytes.toString(StandardCharsets.UTF_8);
        return YAML_ENDPOINTS.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withoutEndpoints(byte[] json) {
        JsonObject document;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            document = reader.readObject();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(
                    Json.createObjectBuilder(document).remove("endpoints").build());
        }
        return out.toByteArray();
    }

    /** YAML unless the client asks for JSON; as Payara does, {@code ?format=json} also asks for JSON. */
    static boolean wantsYaml(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            return !"json".equalsIgnoreCase(format);
        }
        String accept = request.getHeader("Accept");
        return accept == null || !accept.contains("json") || accept.contains("yaml");
    }

    /** Payara's endpoint offers YAML only as text/plain. */
    private static final class AcceptingPlainText extends HttpServletRequestWrapper {
        AcceptingPlainText(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? PAYARA_YAML : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(PAYARA_YAML))
                    : super.getHeaders(name);
        }
    }

    /** Holds Payara's answer so that it can be mended before it is sent. */
    private static final class BufferedResponse extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String contentType;
        int status = SC_OK;
        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            contentType = type;
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                contentType = value;
            } else if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                contentType = value;
            } else if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String message) {
            status = sc;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("The OpenAPI document is written at once");
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
            }
            return writer;
        }

        @Override
        public void flushBuffer() {}

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
