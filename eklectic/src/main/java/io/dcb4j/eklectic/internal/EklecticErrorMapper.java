package io.dcb4j.eklectic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.spi.json.JsonFields;
import java.util.Locale;

/**
 * Eklectic's error answers. The document shows none, so the body is read tolerantly: a JSON object's
 * {@code error}/{@code code} becomes the provider code and {@code message}/{@code error_description} the
 * message; HTML or other text is ignored. Then:
 * <ul>
 *   <li>the token endpoint answering 400, 401 or 403: {@link AuthenticationException} (bad client id or
 *       secret);</li>
 *   <li>a confirm answering {@code "confirm": "KO"}, or a 4xx whose message speaks of the PIN/OTP/code:
 *       {@link InvalidPinException};</li>
 *   <li>an echoed PIN never reaches the exception: the confirm call marks it sensitive, and the transport
 *   removes it from the answer before this mapper reads it</li>
 *   <li>a 409 whose code or message says "already" (already subscribed): a {@link ConflictException} that
 *       is not retryable (the core's default for 409 is "still executing", retryable);</li>
 *   <li>anything else by status ({@link HttpErrors#byStatus}): 401 (after the transport's one token
 *       refresh) authentication, 404 not found, 5xx provider unavailable, ...</li>
 * </ul>
 * Internal.
 */
public final class EklecticErrorMapper implements ErrorMapper {

    /** The operation name of the token call. */
    public static final String TOKEN = "token";
    /** The operation name of the confirm call. */
    public static final String CONFIRM = "confirmPin";

    /** Creates the mapper; it holds no state. */
    public EklecticErrorMapper() {
    }

    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        JsonNode body = response.jsonTreeOrNull();
        String code = null;
        String message = null;
        String confirm = null;
        if (body != null && body.isObject()) {
            code = JsonFields.text(body, "error", "errorCode", "error_code", "code").orElse(null);
            message = JsonFields.text(body, "message", "error_description", "errorMessage", "msg", "description",
                    "detail").orElse(null);
            confirm = JsonFields.text(body, "confirm").orElse(null);
        }
        ErrorContext context = response.context().withProviderError(code, message);
        int status = response.status();
        if (TOKEN.equals(request.operation()) && (status == 400 || status == 401 || status == 403)) {
            return new AuthenticationException("client credentials rejected by the token endpoint: HTTP " + status,
                    context, null);
        }
        if (CONFIRM.equals(request.operation()) && (EklecticMapper.isKo(confirm)
                || (status >= 400 && status < 500 && status != 401 && status != 404 && mentionsPin(message)))) {
            return new InvalidPinException("PIN refused: HTTP " + status, context, null);
        }
        if (status == 409 && (mentionsAlready(code) || mentionsAlready(message))) {
            return new ConflictException("already subscribed: HTTP 409", context, false, null);
        }
        return HttpErrors.byStatus(response, context);
    }

    private static boolean mentionsAlready(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("already");
    }

    private static boolean mentionsPin(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("pin") || m.contains("otp") || m.contains("code");
    }
}
