package org.onex.hub.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Log hygiene: the {@code %m} / {@code %msg} / {@code %message} of every log line with ID
 * numbers and mobile numbers masked ({@link Masking#maskText}), whatever logged them — hub code, Camel, a JDBC
 * driver quoting a row. Registered for those conversion words in {@code logback-spring.xml}, so Spring Boot's
 * default patterns (and a pattern set through {@code logging.pattern.*}) mask without being rewritten.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskText(super.convert(event));
    }
}
