package io.dcb4j.core.notification;

import java.util.Objects;

/**
 * What to answer the provider once a notification is processed, so that it stops retrying.
 *
 * @param status the HTTP status
 * @param contentType the content type of the body
 * @param body the body text, possibly empty
 */
public record Acknowledgement(int status, String contentType, String body) {

    /**
     * Validates.
     *
     * @param status 100 to 599
     * @param contentType required
     * @param body required, possibly empty
     */
    public Acknowledgement {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status");
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /**
     * {@code 200 OK} with a text body.
     *
     * @param body the text
     * @return the acknowledgement
     */
    public static Acknowledgement ok(String body) {
        return new Acknowledgement(200, "text/plain; charset=utf-8", body);
    }

    /**
     * {@code 200} with a JSON body.
     *
     * @param json the JSON text
     * @return the acknowledgement
     */
    public static Acknowledgement okJson(String json) {
        return new Acknowledgement(200, "application/json", json);
    }
}
