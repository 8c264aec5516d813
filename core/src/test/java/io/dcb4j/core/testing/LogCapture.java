package io.dcb4j.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what dcb4j logs (logger {@code io.dcb4j} and below) at DEBUG, for tests that assert redaction.
 * Shared with the provider modules through the core test-jar.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *     client.call(...);
 *     assertThat(logs.text()).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /**
     * Starts capturing everything under {@code io.dcb4j}.
     *
     * @return the capture; close it to stop
     */
    public static LogCapture start() {
        return new LogCapture("io.dcb4j");
    }

    /**
     * The formatted messages so far, with any exception's message.
     *
     * @return one entry per event
     */
    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .map(e -> e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " | " + e.getThrowableProxy().getMessage()))
                    .collect(Collectors.toList());
        }
    }

    /**
     * All lines joined by newlines.
     *
     * @return the text
     */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        appender.stop();
    }
}
