package org.onex.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13 item 5, the console's sign-in over real HTTP: failed sign-ins throttled per account name and per
 * address (the right password refused until the period has passed, the same answer for an account that does not
 * exist, audited once per block), CSRF on the login form and on console actions, a new session id at sign-in, and
 * the session cookie's flags. The hub's clock is a {@link TravelClock}: the test moves it past the period instead
 * of waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleLoginIT {

    private static final String PASSWORD = "right-password-13";
    private static final Duration PERIOD = Duration.ofMinutes(10);
    private static final TravelClock CLOCK = new TravelClock(Instant.parse("2026-12-01T02:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TravelClock travelClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String work = Files.createTempDirectory("hub-console-login").toString();
        Files.createDirectories(java.nio.file.Path.of(work, "routes"));
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.data-dir", () -> work + "/data");
        registry.add("hub.routes-dir", () -> work + "/routes");
        registry.add("spring.artemis.embedded.persistent", () -> "false");
        registry.add("hub.artemis.acceptor-url", () -> "tcp://127.0.0.1:" + TestDatabases.freePort() + "?protocols=CORE");
        for (String name : List.of("op1", "op2", "op3", "op4", "op5")) {
            registry.add("hub.console.operators." + name + ".password-hash", () -> hash);
            registry.add("hub.console.operators." + name + ".role", () -> "OPERATOR");
        }
        registry.add("hub.console.login.account-failures", () -> "5");
        registry.add("hub.console.login.address-failures", () -> "8");
        registry.add("hub.console.login.period", () -> PERIOD.toString());
        // as behind a TLS-terminating proxy on this host: X-Forwarded-For and -Proto of 127.0.0.1 count
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** Every test starts in a period of its own. */
    @AfterEach
    void nextPeriod() {
        CLOCK.advance(PERIOD.plusSeconds(1));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilThePeriodHasPassed() throws Exception {
        Browser b = new Browser("10.13.0.1");
        for (int i = 1; i <= 5; i++) {
            assertThat(b.signIn("op1", "wrong-" + i)).as("failure " + i).endsWith("/console/login?error");
        }
        for (int i = 6; i <= 8; i++) {
            assertThat(b.signIn("op1", "wrong-" + i)).as("failure " + i).endsWith("/console/login?throttled");
        }
        assertThat(b.signIn("op1", PASSWORD)).as("the right password, blocked").endsWith("/console/login?throttled");
        String page = b.get("/console/login?throttled").body();
        assertThat(page).contains("登录失败次数过多").contains("Too many failed sign-ins").contains("10 分钟");
        assertThat(new Browser("10.13.0.2").signIn("op1", PASSWORD)).as("the account, from elsewhere too")
                .endsWith("/console/login?throttled");
        assertThat(new Browser("10.13.0.1").signIn("op2", PASSWORD)).as("another account from the same address")
                .endsWith("/console");

        CLOCK.advance(PERIOD.minusSeconds(1));
        assertThat(b.signIn("op1", PASSWORD)).as("a second before the period ends").endsWith("/console/login?throttled");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(b.signIn("op1", PASSWORD)).as("after the period").endsWith("/console");
        assertThat(b.get("/console").statusCode()).isEqualTo(200);

        assertThat(audit("console:op1", "LOGIN_FAILED")).as("failures audited until the block, not after").isEqualTo(5);
        assertThat(audit("console:op1", "LOGIN_THROTTLED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT detail FROM hub_audit WHERE client_id = 'console:op1'"
                + " AND action = 'LOGIN_THROTTLED'", String.class)).contains("\"scope\":\"account\"")
                .contains("10.13.0.1");
    }

    @Test
    void anAccountThatDoesNotExistIsThrottledTheSameWay() throws Exception {
        Browser known = new Browser("10.13.1.1");
        Browser unknown = new Browser("10.13.1.2");
        for (int i = 1; i <= 6; i++) {
            String k = known.signIn("op3", "wrong-" + i);
            String u = unknown.signIn("nobody-here", "wrong-" + i);
            assertThat(u).as("failure " + i).isEqualTo(k);
        }
        assertThat(unknown.signIn("nobody-here", PASSWORD)).endsWith("/console/login?throttled");
        assertThat(unknown.get("/console/login?throttled").body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", ""))
                .isEqualTo(known.get("/console/login?throttled").body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", ""));
    }

    @Test
    void oneAddressIsThrottledAcrossAccountNames() throws Exception {
        Browser b = new Browser("10.13.2.1");
        for (int i = 1; i <= 8; i++) {
            assertThat(b.signIn("guess-" + i, "wrong")).as("failure " + i).endsWith("/console/login?error");
        }
        assertThat(b.signIn("op4", PASSWORD)).as("the right password of an account it did not try")
                .endsWith("/console/login?throttled");
        assertThat(new Browser("10.13.2.2").signIn("op4", PASSWORD)).as("from another address").endsWith("/console");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_audit WHERE action = 'LOGIN_THROTTLED'"
                + " AND detail LIKE '%\"scope\":\"address\"%' AND detail LIKE '%10.13.2.1%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aLoginOrAConsoleActionWithoutTheCsrfTokenIs403() throws Exception {
        Browser b = new Browser("10.13.3.1");
        b.get("/console/login");
        HttpResponse<String> login = b.post("/console/login", "username=op5&password=" + PASSWORD);
        assertThat(login.statusCode()).as("login without _csrf: " + login.headers().map()).isEqualTo(403);
        assertThat(login.body()).contains("CSRF");
        assertThat(b.get("/console").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(audit("console:op5", "LOGIN")).isZero();

        assertThat(b.signIn("op5", PASSWORD)).as("back to the page asked for").endsWith("/console?continue");
        HttpResponse<String> ack = b.post("/console/alerts/1/ack", "comment=done");
        assertThat(ack.statusCode()).as("a console action without _csrf").isEqualTo(403);
        HttpResponse<String> logout = b.post("/console/logout", "");
        assertThat(logout.statusCode()).as("sign-out without _csrf").isEqualTo(403);
        assertThat(b.get("/console").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneIsNotSignedIn() throws Exception {
        Browser b = new Browser("10.13.4.1");
        b.get("/console/login");
        String before = b.session();
        assertThat(before).as("the login page's session (it holds the CSRF token)").isNotNull();
        assertThat(b.signIn("op2", PASSWORD)).endsWith("/console");
        String after = b.session();
        assertThat(after).isNotNull().isNotEqualTo(before);
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/console")))
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as("the pre-login session id is not signed in").isEqualTo(302);
    }

    @Test
    void aSessionThisNodeDoesNotKnowIsAskedToSignInAgainWithTheReason() throws Exception {
        // issue 16 item 3: console sessions live in the node that served the login; a browser whose node left the
        // cluster arrives at another node with a session id it never issued
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> lost = plain.send(HttpRequest.newBuilder(URI.create(url("/console/alerts")))
                .header("Cookie", "JSESSIONID=6F1C0FFEE0DDBA11DEADBEEF00000016").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lost.statusCode()).isEqualTo(302);
        String location = lost.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/console/login?expired");
        HttpResponse<String> page = plain.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"session-lost\"").contains("中心节点已离开集群");

        HttpResponse<String> fresh = plain.send(HttpRequest.newBuilder(URI.create(url("/console/alerts"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.headers().firstValue("Location").orElseThrow()).as("no session at all: a plain login")
                .endsWith("/console/login");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindAnHttpsProxy() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> direct = plain.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("X-Forwarded-For", "10.13.5.1").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = direct.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> proxied = plain.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("X-Forwarded-For", "10.13.5.1").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly")
                .contains("SameSite=Lax").contains("Secure");
    }

    private int audit(String client, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hub_audit WHERE client_id = ? AND action = ?", Integer.class,
                client, action);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A browser: its own cookies, coming from {@code address} (X-Forwarded-For, trusted from 127.0.0.1). */
    private final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", address).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", address)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the form, with the page's CSRF token; the redirect's location. */
        String signIn(String user, String password) throws Exception {
            Matcher csrf = CSRF.matcher(get("/console/login").body());
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
            HttpResponse<String> r = post("/console/login", "username=" + enc(user) + "&password=" + enc(password)
                    + "&_csrf=" + enc(csrf.group(1)));
            assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(302);
            return r.headers().firstValue("Location").orElseThrow();
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
