package org.onex.hub.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.audit.AuditAction;
import org.onex.hub.audit.AuditLog;
import org.onex.hub.cluster.ClusterRateLimits;
import org.onex.hub.policy.Client;
import org.onex.hub.web.ApiErrorPages;
import org.onex.hub.web.ApiNotReadyFilter;
import org.onex.hub.web.ApiProblems;
import org.onex.hub.web.ApiRequestFilter;
import org.onex.hub.web.BodyLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.DispatcherType;

/**
 * Web security of the hub. The operator console ({@code /console/**}) has a form login with the
 * operator accounts of {@code hub.console.operators}; its actions (acknowledge, replay, discard,
 * suspend, resume) need the OPERATOR or ADMIN role and carry a CSRF token. The leadership-group
 * office (OFFICE) sees the scorecards only (R-ASSESS). The API authenticates clients by key.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties({ConsoleProperties.class, SecurityProperties.class})
public class WebSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final Set<String> CONSOLE_ROLES = Set.of("OPERATOR", "ADMIN", "OFFICE");

    /**
     * The console: form login throttled per account name and address ({@link ConsoleLoginThrottle}
     * item 5), a CSRF token on every POST (the login form's included), a new session id at sign-in (session
     * fixation), and the session cookie's flags set by {@code server.servlet.session.cookie.*} (HttpOnly,
     * SameSite=Lax; Secure whenever the request came over HTTPS, also behind a proxy that says so with
     * {@code X-Forwarded-Proto} once {@code server.forward-headers-strategy=native} is set).
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, UserDetailsService consoleUsers, PasswordEncoder encoder,
            ConsoleProperties console, Clock clock, AuditLog audit, AuthenticationEventPublisher events)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(consoleUsers);
        passwords.setPasswordEncoder(encoder);
        ProviderManager signIn = new ProviderManager(new ConsoleLoginThrottle(passwords, console.login(), clock, audit));
        signIn.setAuthenticationEventPublisher(events);
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/console/login?error");
        failures.setExceptionMappings(Map.of(ConsoleLoginThrottle.Throttled.class.getName(), "/console/login?throttled"));
        http.securityMatcher("/console/**")
                .authenticationManager(signIn)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login", "/console/denied", "/console/assets/**").permitAll()
                        // the one-time receipt link of a copy notice's QR code: the token is the credential
                        .requestMatchers("/console/receipt/*").permitAll()
                        .requestMatchers("/console/scorecards", "/console/scorecards.csv", "/console/exchanges",
                                "/console/notices/*").hasAnyRole("OPERATOR", "ADMIN", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/console/logout").authenticated()
                        .anyRequest().hasAnyRole("OPERATOR", "ADMIN"))
                .formLogin(f -> f.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", false).failureHandler(failures))
                .csrf(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                // a refusal (a role that may not, a POST without its CSRF token) is answered 403 by the page of
                // /console/denied; not by a forward to /console/login, which a POST would re-enter as a sign-in.
                // Console sessions live in the node that served the login (docs/operations.md): when that node is
                // gone (or the session timed out) the next page asks for a new login and says why.
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied")
                        .authenticationEntryPoint(new SessionLostEntryPoint("/console/login")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'"
                        + " 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * Everything else: the API, actuator and webjars. API clients authenticate with their key
     * ({@link ApiKeyAuthenticationFilter}); the rules below say which roles may call what, and the API
     * classes narrow it to the client's own department and to what the sharing policy lets it see
     * (object level). Health, Prometheus, the schema and the OpenAPI document stay open to monitoring and
     * integrators; they carry no record.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiClients clients, PushKeys pushKeys, AuditLog audit,
            SecurityProperties limits, PushAccessProperties push, ApiErrorPages pages, ApplicationAvailability availability,
            ClusterRateLimits quotas, @Value("${hub.exchanges.max-attachment-size:10MB}") DataSize maxAttachment)
            throws Exception {
        String[] operators = {"OPERATOR", "ADMIN"};
        String[] senders = {"BUREAU", "DEPARTMENT", "OPERATOR", "ADMIN"};
        BodyLimits bodyLimits = new BodyLimits(limits.maxBodySize().toBytes(), push.maxBodySize().toBytes(),
                maxAttachment.toBytes());
        http.securityMatcher("/**")
                .authorizeHttpRequests(a -> a
                        // error pages of an already authorized request are not checked a second time
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(operators)
                        .requestMatchers("/webjars/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/schema").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingest/**").hasAnyRole("DEPARTMENT", "BUREAU")
                        .requestMatchers(HttpMethod.POST, "/api/v1/quarantine/*/replay", "/api/v1/alerts/*/ack",
                                "/api/v1/deliveries/*/replay", "/api/v1/deliveries/*/discard").hasAnyRole(operators)
                        .requestMatchers(HttpMethod.POST, "/api/v1/deliveries/*/ack")
                            .hasAnyRole("DEPARTMENT", "OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/obligations/*/complete")
                            .hasAnyRole("BUREAU", "OPERATOR", "ADMIN")
                        // cooperation exchanges (issue 15): units send and answer; who may act on which exchange is
                        // decided per exchange (its sender, its receiver, the Justice Bureau)
                        .requestMatchers(HttpMethod.POST, "/api/v1/exchanges", "/api/v1/exchanges/*/*")
                            .hasAnyRole(senders)
                        .requestMatchers(HttpMethod.PUT, BodyLimits.ATTACHMENTS).hasAnyRole(senders)
                        .requestMatchers(HttpMethod.POST, "/api/v1/notices/receipt").hasAnyRole(operators)
                        .requestMatchers(HttpMethod.GET, "/api/v1/notices", "/api/v1/notices/*/pdf")
                            .hasAnyRole("OPERATOR", "ADMIN", "DEPARTMENT", "BUREAU")
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/files", "/api/v1/alerts", "/api/v1/quarantine",
                                "/api/v1/deliveries", "/api/v1/deliveries/*")
                            .hasAnyRole("OPERATOR", "ADMIN", "DEPARTMENT", "BUREAU")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, pushKeys), AuthorizationFilter.class)
                // not ready (starting: Camel's REST routes not yet mapped; stopping): 503, never 404
                .addFilterBefore(new ApiNotReadyFilter(availability), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits.rateLimit().requests(), limits.rateLimit().period(),
                        bodyLimits, quotas), ApiKeyAuthenticationFilter.class)
                // content type, charset, UTF-8 and query encoding of authorized API requests
                .addFilterAfter(new ApiRequestFilter(bodyLimits),
                        AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ApiProblems.write(response, 401,
                                "Unauthorized", "an API key is required: Authorization: Bearer <key>"))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (pages.unmatched(request, response)) {
                                return; // no operation has this path (404) or method (405): not a policy denial
                            }
                            java.util.Optional<Client> client = ClientAuthentication.current();
                            client.ifPresent(c -> audit.record(c, AuditAction.POLICY_DENIED, request.getMethod()
                                    + " " + request.getRequestURI(), java.util.Map.of("reason", "role " + c.role())));
                            ApiProblems.write(response, 403, "Forbidden", "role " + client.map(c -> c.role().name())
                                    .orElse("anonymous") + " may not " + request.getMethod() + " "
                                    + request.getRequestURI());
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    ApiErrorPages apiErrorPages(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new ApiErrorPages(mappings);
    }

    /** Spring MVC's 404, 405, 406 and 415 of API paths as problem bodies. */
    @Bean
    HandlerExceptionResolver apiProblemResolver(ApiErrorPages pages) {
        return pages.resolver();
    }

    /** The container's error page of an API path as a problem body, before Spring Boot's error controller. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatch(ApiErrorPages pages) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(pages.errorDispatch());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The configured operators, plus the demo account {@code operator} (password
     * {@code hub.demo.operator-password}) when the embedded default's demo departments run.
     */
    @Bean
    UserDetailsService consoleUsers(ConsoleProperties console, PasswordEncoder encoder,
            @Value("${hub.demo.enabled:false}") boolean demo,
            @Value("${hub.demo.operator-password:}") String demoPassword) {
        List<UserDetails> users = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConsoleProperties.Operator> e : console.operators().entrySet()) {
            ConsoleProperties.Operator op = e.getValue();
            String key = "hub.console.operators." + e.getKey();
            if (op.role() == null || !CONSOLE_ROLES.contains(op.role())) {
                problems.add(key + ".role: '" + op.role() + "' is not one of " + CONSOLE_ROLES);
            } else if (op.passwordHash() == null || !op.passwordHash().startsWith("{")) {
                problems.add(key + ".password-hash: a hash in {id}hash form is needed,"
                        + " e.g. from `java -jar onex-hub.jar password-hash`");
            } else {
                users.add(User.withUsername(e.getKey()).password(op.passwordHash()).roles(op.role()).build());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("console operators: " + String.join("; ", problems));
        }
        if (demo && !demoPassword.isBlank() && !console.operators().containsKey("operator")) {
            users.add(User.withUsername("operator").password(encoder.encode(demoPassword)).roles("OPERATOR").build());
            LOG.info("console: demo operator account 'operator' (password hub.demo.operator-password)");
        }
        if (users.isEmpty()) {
            LOG.warn("console: no operator account; set hub.console.operators.<name>.password-hash and .role");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
