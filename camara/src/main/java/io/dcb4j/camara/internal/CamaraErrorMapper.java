package io.dcb4j.camara.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.spi.json.JsonFields;
import java.util.Locale;

/**
 * Maps CAMARA's error answers ({@code ErrorInfo}: {@code {status, code, message}}) to dcb4j exceptions,
 * keeping the code and the message on the exception and the echoed {@code x-correlator} as its request id.
 * Every code of Carrier Billing v0.5, Carrier Billing Refund v0.3 and their test definitions:
 *
 * <table>
 *   <caption>CAMARA error codes</caption>
 *   <tr><th>status</th><th>code</th><th>exception</th></tr>
 *   <tr><td>400</td><td>{@code CARRIER_BILLING.INVALID_CODE}</td><td>{@link InvalidPinException}: the
 *       subscriber may try again</td></tr>
 *   <tr><td>400</td><td>{@code CARRIER_BILLING.VALIDATION_FAILED}</td><td>{@link PinAttemptsExceededException}:
 *       no attempt is left</td></tr>
 *   <tr><td>400</td><td>{@code INVALID_ARGUMENT} saying the {@code clientCorrelator} already exists</td>
 *       <td>{@link ConflictException}, not retryable: the correlator was used, reconcile</td></tr>
 *   <tr><td>400</td><td>{@code INVALID_ARGUMENT}, {@code OUT_OF_RANGE}, {@code *.INVALID_DATE_RANGE},
 *       {@code *.TOO_MANY_MATCHING_RECORDS}, {@code INVALID_SINK}, {@code INVALID_CREDENTIAL},
 *       {@code INVALID_TOKEN}, {@code CARRIER_BILLING.INVALID_AUTHORIZATION_ID}</td>
 *       <td>{@link InvalidRequestException}</td></tr>
 *   <tr><td>401</td><td>{@code UNAUTHENTICATED} (after one token refresh)</td>
 *       <td>{@link AuthenticationException}</td></tr>
 *   <tr><td>403</td><td>{@code PERMISSION_DENIED}</td><td>{@link AuthenticationException}: the token lacks
 *       the scope</td></tr>
 *   <tr><td>403</td><td>{@code CARRIER_BILLING.PAYMENT_DENIED}</td><td>{@link InsufficientFundsException}
 *       when the message speaks of balance, credit or funds, else {@link DcbApiException}</td></tr>
 *   <tr><td>403</td><td>{@code CARRIER_BILLING_REFUND.REFUND_DENIED},
 *       {@code CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND}</td><td>{@link DcbApiException}</td></tr>
 *   <tr><td>404</td><td>{@code NOT_FOUND}, {@code IDENTIFIER_NOT_FOUND} (the phone number)</td>
 *       <td>{@link NotFoundException}</td></tr>
 *   <tr><td>409</td><td>{@code ALREADY_EXISTS}, {@code CARRIER_BILLING.PAYMENT_CONFIRMED},
 *       {@code CARRIER_BILLING.PAYMENT_CANCELLED}</td><td>{@link ConflictException}, not retryable</td></tr>
 *   <tr><td>410</td><td>{@code GONE}</td><td>{@link EndpointNotInUseException}</td></tr>
 *   <tr><td>422</td><td>{@code MISSING_IDENTIFIER}, {@code CARRIER_BILLING.PHONE_NUMBER_REQUIRED},
 *       {@code UNNECESSARY_IDENTIFIER}, {@code SERVICE_NOT_APPLICABLE}, the amount thresholds
 *       ({@code *.UNAUTHORIZED_AMOUNT}, {@code *.USER_AMOUNT_THRESHOLD_OVERPASSED},
 *       {@code *.AMOUNT_THRESHOLD_OVERPASSED}) and the refund checks ({@code *.INVALID_PAYMENT_STATUS},
 *       {@code *.TAXES_MANAGEMENT_MISMATCH}, {@code *.REFUND_DETAILS_MISMATCH})</td>
 *       <td>{@link InvalidRequestException} saying what to change</td></tr>
 *   <tr><td>429</td><td>{@code TOO_MANY_REQUESTS}</td><td>{@link io.dcb4j.core.error.RateLimitedException},
 *       with {@code Retry-After}</td></tr>
 * </table>
 *
 * Anything else maps by status ({@link HttpErrors#byStatus}): 5xx provider unavailable, 501 endpoint not in
 * use. The token endpoint's 400, 401 and 403 are an {@link AuthenticationException} (the client credentials
 * are refused). Internal.
 */
public final class CamaraErrorMapper implements ErrorMapper {

    /** The operation name of the token call. */
    public static final String TOKEN = "token";

    /** Creates the mapper; it holds no state. */
    public CamaraErrorMapper() {
    }

    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        JsonNode body = response.jsonTreeOrNull();
        String code = null;
        String message = null;
        if (body != null && body.isObject()) {
            code = JsonFields.text(body, "code", "error").orElse(null);
            message = JsonFields.text(body, "message", "error_description").orElse(null);
        }
        ErrorContext context = response.context().withProviderError(code, message);
        int status = response.status();
        if (TOKEN.equals(request.operation())) {
            if (status == 400 || status == 401 || status == 403) {
                return new AuthenticationException("client credentials refused by the token endpoint: HTTP " + status,
                        context, null);
            }
            return HttpErrors.byStatus(response, context);
        }
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String specific = c.contains(".") ? c.substring(c.indexOf('.') + 1) : c;
        switch (status) {
            case 400 -> {
                if (specific.equals("INVALID_CODE")) {
                    return new InvalidPinException("the validation code is wrong; the subscriber may try again",
                            context, null);
                }
                if (specific.equals("VALIDATION_FAILED")) {
                    return new PinAttemptsExceededException(
                            "no validation attempt is left for this payment; prepare a new one", context, null);
                }
                if (mentions(message, "clientcorrelator") && mentions(message, "already")) {
                    return new ConflictException("this clientCorrelator was already used: reconcile before "
                            + "trying again with a new one", context, false, null);
                }
                return new InvalidRequestException(switch (specific) {
                    case "INVALID_AUTHORIZATION_ID" -> "the authorizationId is not the payment's";
                    case "INVALID_DATE_RANGE" -> "the creation date range is invalid";
                    case "OUT_OF_RANGE" -> "a listing parameter is out of range";
                    case "TOO_MANY_MATCHING_RECORDS" -> "too many records match: narrow the query";
                    case "INVALID_SINK" -> "the sink is not a valid https URL";
                    case "INVALID_CREDENTIAL" -> "the sink credential type is not supported (ACCESSTOKEN only)";
                    case "INVALID_TOKEN" -> "the sink access-token type must be bearer";
                    default -> "request rejected: HTTP 400";
                }, context, null);
            }
            case 401 -> {
                return new AuthenticationException("the access token was refused: HTTP 401", context, null);
            }
            case 403 -> {
                if (specific.equals("PAYMENT_DENIED")) {
                    return CamaraMapper.mentionsFunds(message)
                            ? new InsufficientFundsException("payment denied: insufficient balance", context, null)
                            : new DcbApiException("payment denied by the operator's business rules", context, null);
                }
                if (specific.equals("REFUND_DENIED")) {
                    return new DcbApiException("refund denied by the operator's business rules", context, null);
                }
                if (specific.equals("PAYMENT_NOT_ELIGIBLE_FOR_REFUND")) {
                    return new DcbApiException("the payment cannot be refunded", context, null);
                }
                return new AuthenticationException("the access token lacks the permission (scope) of this call: "
                        + "HTTP 403", context, null);
            }
            case 404 -> {
                return new NotFoundException(specific.equals("IDENTIFIER_NOT_FOUND")
                        ? "the operator does not know this phone number" : "not found: HTTP 404", context, null);
            }
            case 409 -> {
                return new ConflictException(switch (specific) {
                    case "PAYMENT_CONFIRMED" -> "the payment is already confirmed";
                    case "PAYMENT_CANCELLED" -> "the payment is already cancelled";
                    default -> "it already exists (a duplicate payment, refund or validation)";
                }, context, false, null);
            }
            case 410 -> {
                return new EndpointNotInUseException("the resource is gone: HTTP 410", context, null);
            }
            case 422 -> {
                return new InvalidRequestException(switch (specific) {
                    case "MISSING_IDENTIFIER", "PHONE_NUMBER_REQUIRED" -> "the access token names no subscriber: "
                            + "send the phone number (two-legged access)";
                    case "UNNECESSARY_IDENTIFIER" -> "the access token already names the subscriber: leave the "
                            + "phone number out (three-legged access)";
                    case "SERVICE_NOT_APPLICABLE" -> "carrier billing is not available for this phone number";
                    case "UNAUTHORIZED_AMOUNT" -> "the amount is above what the operator or the regulation allows";
                    case "USER_AMOUNT_THRESHOLD_OVERPASSED", "AMOUNT_THRESHOLD_OVERPASSED" ->
                            "the subscriber's accumulated amount would pass its threshold";
                    case "INVALID_PAYMENT_STATUS" -> "the payment is not in a status that can be refunded";
                    case "TAXES_MANAGEMENT_MISMATCH" -> "isTaxIncluded differs from the payment's";
                    case "REFUND_DETAILS_MISMATCH" -> "the refund details do not match the payment's";
                    default -> "request rejected: HTTP 422";
                }, context, null);
            }
            default -> {
                return HttpErrors.byStatus(response, context);
            }
        }
    }

    private static boolean mentions(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
