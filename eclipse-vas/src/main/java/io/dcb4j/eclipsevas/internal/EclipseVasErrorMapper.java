package io.dcb4j.eclipsevas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.spi.json.JsonFields;
import java.util.Locale;

/**
 * Eclipse errors: a JSON array of {@code {type, severity, description, code, traceId, spanId, environment}}.
 * The first entry's code decides ({@code USR*}/{@code SEC*} authentication, {@code VAL*} validation,
 * {@code RLT*} rate limit); otherwise the status does. The trace id becomes the request id. Internal.
 */
public final class EclipseVasErrorMapper implements ErrorMapper {

    /** Creates the mapper; it holds no state. */
    public EclipseVasErrorMapper() {
    }

    /**
     * Maps an error answer. The answer's context masks the credentials the call carried (the login password)
     * should Eclipse echo them in its description.
     *
     * @param request the request that was answered
     * @param response the answer
     * @return the exception
     */
    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        ErrorContext context = response.context();
        String code = null;
        JsonNode entry = firstEntry(response.jsonTreeOrNull());
        if (entry != null) {
            code = JsonFields.text(entry, "code").orElse(null);
            context = context.withProviderError(code, JsonFields.text(entry, "description").orElse(null));
            String traceId = JsonFields.text(entry, "traceId").orElse(null);
            if (traceId != null) {
                context = context.withRequestId(traceId);
            }
        }
        String prefix = code == null ? "" : code.toUpperCase(Locale.ROOT);
        String what = "HTTP " + response.status() + (code == null ? "" : " " + code);
        if (prefix.startsWith("USR") || prefix.startsWith("SEC")) {
            return new AuthenticationException("Eclipse rejected the credentials: " + what, context, null);
        }
        if (prefix.startsWith("VAL")) {
            return new InvalidRequestException("Eclipse rejected the request: " + what, context, null);
        }
        if (prefix.startsWith("RLT")) {
            return new RateLimitedException("Eclipse rate limit reached: " + what, context,
                    HttpErrors.retryAfter(response), null);
        }
        return HttpErrors.byStatus(response, context);
    }

    private static JsonNode firstEntry(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isArray()) {
            return tree.size() > 0 && tree.get(0).isObject() ? tree.get(0) : null;
        }
        return tree.isObject() ? tree : null;
    }
}
