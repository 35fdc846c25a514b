package org.onex.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Issue 6 item 6 on the broker: failed logins per host. */
class LoginThrottleTest {

    @Test
    void aHostIsBlockedAfterItsFailuresAndOtherHostsAreNot() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofHours(1));
        assertThat(throttle.blocked("10.1.2.3")).isFalse();
        assertThat(throttle.failed("10.1.2.3")).isFalse();
        assertThat(throttle.failed("10.1.2.3")).isFalse();
        assertThat(throttle.blocked("10.1.2.3")).isFalse();
        assertThat(throttle.failed("10.1.2.3")).as("the third failure blocks, and says so once").isTrue();
        assertThat(throttle.blocked("10.1.2.3")).isTrue();
        assertThat(throttle.failed("10.1.2.3")).as("already blocked: not reported again").isFalse();
        assertThat(throttle.blocked("10.9.9.9")).isFalse();
    }

    @Test
    void theBlockEndsWithThePeriod() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofMillis(300));
        assertThat(throttle.failed("10.1.2.3")).isTrue();
        assertThat(throttle.blocked("10.1.2.3")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !throttle.blocked("10.1.2.3"));
    }

    @Test
    void theHostIsTheAddressWithoutItsPort() {
        assertThat(LoginThrottle.host("/127.0.0.1:54321")).isEqualTo("127.0.0.1");
        assertThat(LoginThrottle.host("/[::1]:54321")).isEqualTo("::1");
        assertThat(LoginThrottle.host("10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(LoginThrottle.host("::1")).isEqualTo("::1");
        assertThat(LoginThrottle.host(null)).isEqualTo("unknown");
    }

    @Test
    void aLimitNeedsFailuresAndAPeriod() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1))).hasMessageContaining("failures >= 1");
        assertThatThrownBy(() -> new LoginThrottle(5, Duration.ZERO)).hasMessageContaining("positive period");
    }
}
