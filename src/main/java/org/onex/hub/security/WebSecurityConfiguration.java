package org.onex.hub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onex.hub.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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

/**
 * Web security of the hub. The operator console ({@code /console/**}) has a form login with the
 * operator accounts of {@code hub.console.operators}; its actions (acknowledge, replay, discard,
 * suspend, resume) need the OPERATOR or ADMIN role and carry a CSRF token. The leadership-group
 * office (OFFICE) sees the scorecards only (R-ASSESS).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(ConsoleProperties.class)
public class WebSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final Set<String> CONSOLE_ROLES = Set.of("OPERATOR", "ADMIN", "OFFICE");

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.securityMatcher("/console/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login", "/console/assets/**").permitAll()
                        .requestMatchers("/console/scorecards", "/console/scorecards.csv")
                            .hasAnyRole("OPERATOR", "ADMIN", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/console/logout").authenticated()
                        .anyRequest().hasAnyRole("OPERATOR", "ADMIN"))
                .formLogin(f -> f.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", false).failureUrl("/console/login?error"))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/login?denied"));
        return http.build();
    }

    /** Everything else: the API, actuator and webjars. API keys and the sharing policy come with issue 6. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
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
