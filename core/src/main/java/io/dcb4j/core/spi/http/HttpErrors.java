package io.dcb4j.core.spi.http;

import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The status-based error mapping every provider starts from. Internal. */
public final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * The default mapper: by status only, no body parsing.
     *
     * @return the mapper
     */
    public static ErrorMapper byStatus() {
        return (request, response) -> byStatus(response, response.context());
    }

    /**
     * Maps a status to the matching exception type.
     *
     * @param response the answer
     * @param context the context, typically with the provider's code and message added
     * @return the exception
     */
    public static DcbException byStatus(ApiResponse response, ErrorContext context) {
        int status = response.status();
        String what = "HTTP " + status;
        return switch (status) {
            case 400, 422 -> new InvalidRequestException("request rejected: " + what, context, null);
            case 401, 403 -> new AuthenticationException("credentials rejected: " + what, context, null);
            case 404 -> new NotFoundException("not found: " + what, context, null);
            case 409 -> new ConflictException("conflict: " + what, context, true, null);
            case 429 -> new RateLimitedException("rate limited: " + what, context, retryAfter(response), null);
            case 501 -> new EndpointNotInUseException("endpoint not in use: " + what, context, null);
            default -> status >= 500
                    ? new ProviderUnavailableException("provider unavailable: " + what, context, null)
                    : new DcbApiException("unexpected answer: " + what, context, null);
        };
    }

    /**
     * Parses {@code Retry-After} in seconds or as an HTTP date.
     *
     * @param response the answer
     * @return the delay, or null when absent or unreadable
     */
    public static Duration retryAfter(ApiResponse response) {
        return response.header("Retry-After").map(HttpErrors::parseRetryAfter).orElse(null);
    }

    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
