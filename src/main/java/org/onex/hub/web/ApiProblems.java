package org.onex.hub.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.onex.hub.schema.HubJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem bodies for what the security filters refuse, in the API's own error shape. */
public final class ApiProblems {

    private ApiProblems() {
    }

    /** The body of a problem: type, title, status and detail; callers add extension members. */
    public static ObjectNode body(int status, String title, String detail) {
        ObjectNode body = HubJson.mapper().createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        ObjectNode body = body(status, title, detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"onex-hub\"");
        }
        response.getWriter().write(body.toString());
    }
}
