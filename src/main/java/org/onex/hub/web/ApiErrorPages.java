package org.onex.hub.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem bodies (RFC 9457, {@code application/problem+json}) for what goes wrong under {@code /api/**} outside
 * the API's own routes, whatever the request's Accept header, with a specific detail and never
 * the request's content:
 * <ul>
 * <li>{@link #resolver()}: Spring MVC's refusals — 404 unknown path, 405 wrong method (with {@code Allow}), 406
 * an Accept the operation cannot answer, 415 — answered in place of Spring's {@code DefaultHandlerExceptionResolver}
 * (whose warnings would otherwise log the exception's message);</li>
 * <li>{@link #errorDispatch()}: whatever still reaches the container's error page for an API path (Tomcat's own
 * 400s, a 500): a problem body with the status, instead of Spring Boot's {"timestamp", …};</li>
 * <li>{@link #unmatched}: a request the security rules deny because no operation has that method or path is 404
 * or 405, not 403 (the rules deny by default; the API's operations are Spring MVC mappings, Camel's too).</li>
 * </ul>
 */
public final class ApiErrorPages {

    private static final String API = "/api/";
    private static final String CONTRACT = "the API's operations: /api/v1/openapi.json";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public ApiErrorPages(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Answers MVC's own refusals of API requests as problem bodies; other requests are left to Spring. */
    public HandlerExceptionResolver resolver() {
        return new Resolver();
    }

    /** A filter for the ERROR dispatch: an API path's error page is a problem body. */
    public OncePerRequestFilter errorDispatch() {
        return new ErrorDispatch();
    }

    /**
     * Writes 404 or 405 if no API operation has the request's path, or none its method; false if one matches (the
     * request was denied for its caller's role, a 403).
     */
    public boolean unmatched(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().startsWith(API)) {
            return false;
        }
        ServletRequestPathUtils.parseAndCache(request);
        Set<String> allowed = null;
        for (RequestMappingHandlerMapping mapping : mappings.orderedStream().toList()) {
            try {
                if (mapping.getHandler(request) != null) {
                    return false;
                }
            } catch (HttpRequestMethodNotSupportedException e) {
                allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods().stream()
                        .map(Object::toString).collect(Collectors.toCollection(java.util.TreeSet::new));
            } catch (Exception e) {
                return false; // it matched, and would fail on something else: the refusal stands
            }
        }
        if (allowed != null) {
            methodNotAllowed(request, response, allowed);
        } else {
            notFound(request, response);
        }
        return true;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiProblems.write(response, 404, "Not Found", "no API operation at " + request.getMethod() + " "
                + request.getRequestURI() + "; " + CONTRACT);
    }

    private static void methodNotAllowed(HttpServletRequest request, HttpServletResponse response,
            Set<String> allowed) throws IOException {
        response.setHeader("Allow", String.join(", ", allowed));
        ApiProblems.write(response, 405, "Method Not Allowed", request.getMethod() + " is not allowed on "
                + request.getRequestURI() + "; allowed: " + String.join(", ", allowed));
    }

    private static final class Resolver implements HandlerExceptionResolver, Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception ex) {
            if (!request.getRequestURI().startsWith(API) || response.isCommitted()) {
                return null;
            }
            try {
                if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
                    notFound(request, response);
                } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
                    methodNotAllowed(request, response, e.getSupportedHttpMethods() == null ? Set.of()
                            : e.getSupportedHttpMethods().stream().map(Object::toString)
                                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
                } else if (ex instanceof HttpMediaTypeNotAcceptableException e) {
                    ApiProblems.write(response, 406, "Not Acceptable", request.getMethod() + " "
                            + request.getRequestURI() + " answers " + names(e.getSupportedMediaTypes())
                            + ", not Accept: " + request.getHeader("Accept"));
                } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
                    ApiProblems.write(response, 415, "Unsupported Media Type", "Content-Type '" + e.getContentType()
                            + "' is not accepted here: send " + names(e.getSupportedMediaTypes()));
                } else if (ex instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
                    ApiProblems.write(response, e.getStatusCode().value(), String.valueOf(e.getBody().getTitle()),
                            String.valueOf(e.getBody().getDetail()));
                } else {
                    return null;
                }
            } catch (IOException io) {
                return null;
            }
            return new ModelAndView();
        }

        private static String names(List<MediaType> types) {
            return types == null || types.isEmpty() ? "application/json"
                    : String.join(", ", types.stream().map(MediaType::toString).toList());
        }
    }

    private static final class ErrorDispatch extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                    && uri.startsWith(API));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (response.isCommitted()) {
                return;
            }
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i ? i : 500;
            String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String detail = switch (status) {
            case 400 -> "the request is malformed (Tomcat refused it: e.g. a body that ended before its"
                    + " Content-Length, a broken chunked encoding)";
            case 404 -> "no API operation at " + uri + "; " + CONTRACT;
            case 405 -> "the method is not allowed on " + uri;
            case 413 -> "the request is too large";
            default -> status >= 500 ? "the hub could not answer; its log has the details (at "
                    + java.time.Instant.now() + ")" : "the request was refused";
            };
            response.resetBuffer();
            ApiProblems.write(response, status, org.springframework.http.HttpStatus.resolve(status) == null
                    ? "Error" : org.springframework.http.HttpStatus.resolve(status).getReasonPhrase(), detail);
        }
    }
}
