package org.onex.hub.masking;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Log hygiene for stack traces: Spring Boot's {@code %wEx} (the exception part of its default patterns) with ID
 * numbers and mobile numbers masked in exception messages and causes — a validation or SQL exception often
 * quotes the offending value. Registered for {@code wEx} and {@code wex} in {@code logback-spring.xml}.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Masking.maskText(super.throwableProxyToString(proxy));
    }
}
