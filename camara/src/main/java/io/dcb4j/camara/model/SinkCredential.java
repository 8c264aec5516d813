package io.dcb4j.camara.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The credential the operator presents when it delivers events to your sink: an access token of type
 * {@code ACCESSTOKEN}, sent back as {@code Authorization: Bearer <token>} (the only kind the specification
 * supports). Choose a long random value, let it outlive the payment, and give the same value to the
 * notification parser ({@code notificationSecret}).
 *
 * @param accessToken the token; never shown by {@link #toString()}
 * @param expiresAt when the operator must stop using it
 */
public record SinkCredential(String accessToken, Instant expiresAt) {

    /**
     * Validates.
     *
     * @param accessToken required, not blank
     * @param expiresAt required
     */
    public SinkCredential {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("the sink access token is required");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "SinkCredential[ACCESSTOKEN, expiresAt=" + expiresAt + "]";
    }
}
