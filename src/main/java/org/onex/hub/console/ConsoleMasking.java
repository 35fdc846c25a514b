package org.onex.hub.console;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.onex.hub.policy.SharingEnforcer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's exit: every page and download of {@code /console/**} (HTML, the scorecards
 * CSV) leaves with its ID and mobile numbers masked by value for the signed-in user
 * ({@link SharingEnforcer#maskValues(org.onex.hub.policy.Client, String)}), whatever part of a page shows them
 * — a record's document number, a quarantined row's source key or sourceRef, an alert text. One filter rather
 * than a rule per template, so a new page or field cannot escape it. Runs inside Spring Security's chain, so the
 * user is known; pages without a user (the login page) carry no data and are masked as for any masked role.
 */
@Configuration
public class ConsoleMasking {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleMaskingFilter(SharingEnforcer enforcer) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new Filter(enforcer));
        bean.addUrlPatterns("/console", "/console/*");
        bean.setOrder(0); // after Spring Security's chain (-100)
        return bean;
    }

    static final class Filter extends OncePerRequestFilter {

        private final SharingEnforcer enforcer;

        Filter(SharingEnforcer enforcer) {
            this.enforcer = enforcer;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapper);
            } finally {
                mask(request.getUserPrincipal(), wrapper);
            }
        }

        private void mask(Principal principal, ContentCachingResponseWrapper wrapper) throws IOException {
            String type = wrapper.getContentType();
            byte[] content = wrapper.getContentAsByteArray();
            if (content.length > 0 && type != null && type.startsWith("text/")) {
                Charset charset = wrapper.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                        : Charset.forName(wrapper.getCharacterEncoding());
                String text = new String(content, charset);
                String masked = principal == null ? enforcer.maskValues(null, text)
                        : enforcer.maskValues(ConsoleActor.of(principal), text);
                if (!masked.equals(text)) {
                    wrapper.resetBuffer();
                    wrapper.getOutputStream().write(masked.getBytes(charset));
                }
            }
            wrapper.copyBodyToResponse();
        }
    }
}
