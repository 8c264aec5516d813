package io.dcb4j.centili.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.spi.json.JsonFields;
import java.util.Locale;

/**
 * Maps Centili's error answers (the document's tables) to dcb4j exceptions. The body {@code {code, message}}
 * is kept on the exception; the token endpoint's OAuth2 body {@code {error, error_description}} likewise.
 * One instance per client, handed to its transport. Internal.
 */
public final class CentiliErrorMapper implements ErrorMapper {

    /** Operation names, shared with the client so that the mapping can depend on the call. */
    public static final String TOKEN = "token";
    /** Refresh-token grant. */
    public static final String REFRESH_TOKEN = "refreshToken";
    /** Transaction start. */
    public static final String START = "startTransaction";
    /** PIN submission. */
    public static final String SUBMIT_PIN = "submitPin";
    /** Release. */
    public static final String RELEASE = "releaseTransaction";
    /** Transaction query. */
    public static final String GET = "getTransaction";

    /** The error code Centili answers when the subscriber already has the subscription. */
    public static final String SUBSCRIPTION_ALREADY_EXISTS = "SUBSCRIPTION_ALREADY_EXISTS";

    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        JsonNode tree = response.jsonTreeOrNull();
        String code = JsonFields.text(tree, "code", "error").orElse(null);
        String message = JsonFields.text(tree, "message", "error_description").orElse(null);
        String op = request.operation();
        ErrorContext context = response.context().withProviderError(code, message);
        int status = response.status();
        if (code != null && code.toUpperCase(Locale.ROOT).equals(SUBSCRIPTION_ALREADY_EXISTS)) {
            return new ConflictException("the subscriber already has this subscription", context, false, null);
        }
        if (op.equals(TOKEN) || op.equals(REFRESH_TOKEN)) {
            if (status == 400 || status == 401 || status == 403) {
                return new AuthenticationException(op.equals(TOKEN) ? "Centili refused the credentials"
                        : "Centili refused the refresh token", context, null);
            }
            return HttpErrors.byStatus(response, context);
        }
        return switch (status) {
            case 400 -> switch (op) {
                case SUBMIT_PIN -> new InvalidPinException("invalid PIN, the subscriber may try again", context, null);
                case START -> new InvalidRequestException("transaction can not be started", context, null);
                case RELEASE -> new InvalidRequestException("transaction can not be released", context, null);
                default -> new InvalidRequestException("request error", context, null);
            };
            case 401, 403 -> new AuthenticationException("invalid credentials", context, null);
            case 404 -> new NotFoundException("transaction not found", context, null);
            case 409 -> new ConflictException("a request with the same idempotency key is currently executing",
                    context, true, null);
            case 429 -> op.equals(SUBMIT_PIN)
                    ? new PinAttemptsExceededException(
                            "number of PIN attempts over the maximum; start a new transaction", context, null)
                    : HttpErrors.byStatus(response, context);
            case 500 -> new ProviderUnavailableException("request can not be processed at current time", context,
                    null);
            case 501 -> new EndpointNotInUseException("API endpoint not in use", context, null);
            default -> HttpErrors.byStatus(response, context);
        };
    }
}
