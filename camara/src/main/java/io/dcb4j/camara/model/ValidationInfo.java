package io.dcb4j.camara.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How the subscriber validates a prepared payment ({@code validationInfo}), when the operator asks for it.
 *
 * @param action what to do
 * @param rawAction {@code action} as received
 * @param authorizationId for {@link ValidationAction#VALIDATE}: send it with the code, or null
 * @param validationUrl for {@link ValidationAction#OPEN}: where to send the subscriber, or null
 */
public record ValidationInfo(ValidationAction action, String rawAction, String authorizationId,
        String validationUrl) {

    /**
     * Validates.
     *
     * @param action required
     * @param rawAction optional
     * @param authorizationId optional
     * @param validationUrl optional
     */
    public ValidationInfo {
        Objects.requireNonNull(action, "action");
    }

    /**
     * The authorization id, for a code validation.
     *
     * @return the id
     */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorizationId);
    }

    /**
     * The page to send the subscriber to.
     *
     * @return the URL
     */
    public Optional<String> url() {
        return Optional.ofNullable(validationUrl);
    }

    /**
     * The components, with the operator's texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
