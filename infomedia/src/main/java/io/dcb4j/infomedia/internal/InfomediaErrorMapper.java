package io.dcb4j.infomedia.internal;

import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.infomedia.model.StatusDescription;
import io.dcb4j.infomedia.model.TransactionStatus;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a refusal ({@code status} other than {@code Success}, or an HTTP error) into the matching
 * exception. Infomedia documents only its success codes ({@code 00}, {@code 23}); refusals are classified
 * by the charge status codes it documents for {@code transactionStatus} ({@code AA}, {@code A5} ...) and
 * otherwise by the words of the description text. The raw description is always kept as the provider
 * message, its code as the provider code.
 */
public final class InfomediaErrorMapper implements ErrorMapper {

    /**
     * The lettered {@code transactionStatus} codes, recognised by code when a join answer carries one. The
     * numeric ones ({@code 01}, {@code 48}, {@code 74}) would clash with the API's own numeric codes, so
     * those are classified by their text like any other refusal.
     */
    private static final Set<String> CHARGE_CODES = Set.of("AA", "A3", "A5", "A6", "A7", "A8", "A9", "AB", "AC",
            "AD", "A0", "A1", "A2", "A4", "AF");

    private static final Pattern PIN_ATTEMPTS = Pattern.compile(
            "too many (wrong |invalid |incorrect )?(pin|otp|attempts|tries)|(attempts|tries|retries)\\b.*\\b(exceeded|reached)"
            + "|(maximum|max\\.?) (number of )?(pin |otp )?(attempts|tries|retries)|\\b(pin|otp)\\b.*\\b(blocked|locked|exceeded)");
    private static final Pattern WRONG_PIN = Pattern.compile(
            "\\b(pin|otp)\\b.*(invalid|incorrect|wrong|expired|mismatch|not valid|not match|does not match|failed)|(invalid|incorrect|wrong|expired)\\s+(pin|otp)\\b");
    private static final Pattern ALREADY = Pattern.compile("already\\s+(subscribed|active|exists?|registered|a subscriber)");
    private static final Pattern NOT_FOUND = Pattern.compile(
            "not\\s+subscribed|no\\s+(active\\s+)?subscription|subscription\\s+not\\s+found|not\\s+found|does\\s+not\\s+exist|unknown\\s+subscription");
    private static final Pattern FUNDS = Pattern.compile(
            "insufficient|not enough|low balance|balance|credit|funds|spend(ing)? limit|limit reached|barred");
    private static final Pattern AUTH = Pattern.compile(
            "api[\\s-]?key|credential|unauthori[sz]ed|authenticat|username|password|access denied|forbidden");
    private static final Pattern RATE = Pattern.compile("rate limit|too many requests|throttl");
    private static final Pattern UNAVAILABLE = Pattern.compile(
            "unavailable|timed? ?out|try again later|temporar|internal (server )?error|system error");

    /** The shared instance: stateless. */
    public static final InfomediaErrorMapper INSTANCE = new InfomediaErrorMapper();

    private InfomediaErrorMapper() {
    }

    /**
     * The exception for a refusal answered with HTTP 2xx.
     *
     * @param description the split description
     * @param status the raw {@code status} field, or null
     * @param context the call's context (provider, operation, HTTP status, request id); it masks the
     *     credentials and the PIN the call carried, should Infomedia echo them
     * @return the exception; never null
     */
    public DcbException refusal(StatusDescription description, String status, ErrorContext context) {
        String message = description.raw() != null ? description.raw() : status;
        ErrorContext ctx = context.withProviderError(description.code(), message);
        return classify(description, ctx, null);
    }

    /**
     * Classifies a refusal.
     *
     * @param d the description
     * @param ctx the context, provider error already set
     * @param fallback the exception when nothing matches, or null for a plain {@link DcbApiException}
     * @return the exception
     */
    private static DcbException classify(StatusDescription d, ErrorContext ctx, DcbException fallback) {
        String code = d.code() == null ? "" : d.code().toUpperCase(Locale.ROOT);
        String text = d.text() == null ? "" : d.text().toLowerCase(Locale.ROOT);
        if (CHARGE_CODES.contains(code)) {
            FailureReason reason = TransactionStatus.reasonOf(code);
            String what = "the subscriber cannot be billed (" + reason + ")";
            return switch (reason) {
                case INSUFFICIENT_FUNDS, BARRED, SPEND_LIMIT -> new InsufficientFundsException(what, ctx, null);
                case UNKNOWN_SUBSCRIBER -> new InvalidRequestException("the operator does not know the subscriber",
                        ctx, null);
                default -> new DcbApiException("billing failed", ctx, null);
            };
        }
        if (PIN_ATTEMPTS.matcher(text).find()) {
            return new PinAttemptsExceededException("too many wrong PINs: request a new PIN", ctx, null);
        }
        if (WRONG_PIN.matcher(text).find()) {
            return new InvalidPinException("the PIN is wrong or expired", ctx, null);
        }
        if (ALREADY.matcher(text).find()) {
            return new ConflictException("the subscriber is already subscribed", ctx, false, null);
        }
        if (FUNDS.matcher(text).find()) {
            return new InsufficientFundsException("the subscriber cannot be billed", ctx, null);
        }
        if (NOT_FOUND.matcher(text).find()) {
            return new NotFoundException("no such subscription", ctx, null);
        }
        if (AUTH.matcher(text).find()) {
            return new AuthenticationException("credentials rejected", ctx, null);
        }
        if (RATE.matcher(text).find()) {
            return new RateLimitedException("rate limited", ctx, null, null);
        }
        if (UNAVAILABLE.matcher(text).find()) {
            return new ProviderUnavailableException("Infomedia is unavailable", ctx, null);
        }
        if (text.contains("invalid") || text.contains("missing") || text.contains("required")
                || text.contains("not allowed") || text.contains("unknown")) {
            return new InvalidRequestException("request rejected", ctx, null);
        }
        return fallback != null ? fallback : new DcbApiException("Infomedia refused the request", ctx, null);
    }

    /**
     * Maps a non-2xx answer: the HTTP status decides for 401, 403, 429 and 5xx; otherwise a JSON body with
     * a {@code description} is classified like a 2xx refusal, falling back to the status.
     */
    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        InfomediaWire.Envelope envelope = null;
        if (response.jsonTreeOrNull() != null) {
            try {
                envelope = Json.mapper().treeToValue(response.jsonTreeOrNull(), InfomediaWire.Envelope.class);
            } catch (Exception e) {
                envelope = null;
            }
        }
        ErrorContext ctx = response.context();
        StatusDescription d = null;
        if (envelope != null && (envelope.description() != null || envelope.status() != null)) {
            d = StatusDescription.parse(envelope.description());
            ctx = ctx.withProviderError(d.code(), d.raw() != null ? d.raw() : envelope.status());
        }
        int status = response.status();
        DcbException byStatus = HttpErrors.byStatus(response, ctx);
        if (d == null || status == 401 || status == 403 || status == 429 || status >= 500) {
            return byStatus;
        }
        return classify(d, ctx, byStatus);
    }
}
