package org.onex.hub.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.masking.ValueMasker;
import org.onex.hub.ops.ActionRefusedException;
import org.onex.hub.schema.HubJson;
import org.onex.hub.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Error policy of the API's controllers: every refusal and failure is an RFC 9457 problem body
 * ({@code application/problem+json}) naming the bad parameter, if any; a 403 is an audit entry naming the client
 * and what it asked for; a 500 names a reference, and the log names the call and the exception's types, never a
 * body or a message (a conversion's message may quote the body it failed on).
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    static final MediaType PROBLEM = new MediaType("application", "problem+json", StandardCharsets.UTF_8);

    private final AuditLog audit;

    public ApiErrors(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> problem(ApiException e, HttpServletRequest request) {
        if (e.status() == 403) {
            Callers.optional().ifPresent(client -> audit.record(client, AuditAction.POLICY_DENIED,
                    request.getMethod() + " " + request.getRequestURI(), Map.of("reason", e.getMessage())));
        }
        ObjectNode body = ApiProblems.body(e.status(), title(e.status()),
                ValueMasker.text(e.getMessage())); // a detail may quote what was asked for
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        e.extensions().forEach((name, value) -> body.set(name, HubJson.mapper().valueToTree(value)));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(PROBLEM);
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return answer.body(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String title(int status) {
        return switch (status) {
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 405 -> "Method Not Allowed";
        case 406 -> "Not Acceptable";
        case 408 -> "Request Timeout";
        case 409 -> "Conflict";
        case 413 -> "Content Too Large";
        case 415 -> "Unsupported Media Type";
        case 429 -> "Too Many Requests";
        case 500 -> "Internal Server Error";
        case 503 -> "Service Unavailable";
        default -> "Error";
        };
    }

    /** An operator action refused by {@link ActionRefusedException}: the same problem body. */
    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<byte[]> refused(ActionRefusedException e, HttpServletRequest request) {
        return problem(new ApiException(e.status(), e.parameter(), e.getMessage()), request);
    }

    /** A body Spring could not read (it ended early, say): the request's fault. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(ApiException.badParameter("body", "the request body could not be read"), request);
    }

    /** Anything else is the hub's fault, answered with a problem body too (Spring's own 4xx refusals as such). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            // one of Spring MVC's own refusals that reached the controllers' advice
            return problem(new ApiException(refusal.getStatusCode().value(), null,
                    String.valueOf(refusal.getBody().getDetail())), request);
        }
        String ref = UUID.randomUUID().toString();
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null && causes.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            causes.append(causes.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] at = t.getStackTrace();
            if (at.length > 0) {
                causes.append(" at ").append(at[0]);
            }
        }
        LOG.error("API call {} {} failed (ref {}): {}", request.getMethod(), request.getRequestURI(), ref, causes);
        return problem(new ApiException(500, null, "the hub could not answer this call; its log names the cause"
                + " with ref " + ref), request);
    }
}
