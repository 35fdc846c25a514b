/**
 * The HTTP edge that every request crosses before it reaches the API or the console: RFC 9457 problem bodies
 * ({@link org.onex.hub.web.ApiProblems}) for every error page and bad request, the not-ready gate during start-up,
 * request-size and content-type checks, and strict UTF-8 decoding of request bodies. A floor package: it depends on
 * {@code schema} only.
 */
package org.onex.hub.web;
