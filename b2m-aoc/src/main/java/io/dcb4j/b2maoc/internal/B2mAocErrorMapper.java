package io.dcb4j.b2maoc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.b2maoc.B2mAocInvalidRequestException;
import io.dcb4j.b2maoc.model.AocErrorCode;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.ErrorMapper;
import io.dcb4j.core.spi.http.HttpErrors;
import io.dcb4j.core.spi.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the AOC gateway's failures to dcb4j exceptions: failed envelopes (any HTTP status, typically 203) by
 * their {@code errorCode} or listed fields, and non-2xx answers without an envelope by their HTTP status.
 */
public final class B2mAocErrorMapper implements ErrorMapper {

    private static final Set<String> NOT_FIELDS = Set.of("errorcode", "errormessage");

    /** Creates the mapper. */
    public B2mAocErrorMapper() {
    }

    /**
     * Maps a non-2xx answer: by the envelope when there is one, else by the HTTP status.
     *
     * @param request the request
     * @param response the non-2xx answer
     * @return the exception
     */
    @Override
    public DcbException map(ApiRequest request, ApiResponse response) {
        B2mAocMapper.Envelope env = B2mAocMapper.readOrNull(response);
        if (env == null) {
            return HttpErrors.byStatus(response, response.context());
        }
        return map(env);
    }

    /**
     * The exception for a failed envelope.
     *
     * @param env the envelope
     * @return the exception; never null
     */
    public DcbException map(B2mAocMapper.Envelope env) {
        String code = env.errorCode();
        if ("00".equals(code)) {
            code = null;
        }
        String message = env.errorMessage() != null ? env.errorMessage() : env.message();
        ErrorContext ctx = env.context().withProviderError(code, message);
        if (code != null) {
            return byCode(code, ctx);
        }
        Map<String, String> fields = fieldErrors(env.data(), ctx);
        if (!fields.isEmpty()) {
            return new B2mAocInvalidRequestException(fields, ctx);
        }
        if (!env.response().isSuccessful()) {
            return HttpErrors.byStatus(env.response(), ctx);
        }
        return new DcbApiException("the gateway reported a failure", ctx, null);
    }

    /**
     * The fields a validation failure lists in {@code data}: every entry but the error code and message whose
     * value is text or an array of texts (Laravel style).
     *
     * @param data the normalised data object
     * @param ctx the answer's context, which cleans the texts (the call's secrets masked too)
     * @return field to text, cleaned; empty when none
     */
    private static Map<String, String> fieldErrors(JsonNode data, ErrorContext ctx) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (NOT_FIELDS.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            String text = null;
            if (v.isArray()) {
                StringBuilder sb = new StringBuilder();
                v.forEach(x -> {
                    JsonFields.text(x).ifPresent(t -> sb.append(sb.length() == 0 ? "" : "; ").append(t));
                });
                text = sb.length() == 0 ? null : sb.toString();
            } else if (v.isTextual()) {
                text = JsonFields.text(v).orElse(null);
            }
            if (text != null) {
                fields.put(Redaction.printable(e.getKey()), ctx.scrub(text));
            }
        }
        return fields;
    }

    /**
     * The exception for an AOC error code.
     *
     * @param code the code, for example {@code AOC1007}
     * @param ctx the context, with the code and message set
     * @return the exception
     */
    private static DcbException byCode(String code, ErrorContext ctx) {
        AocErrorCode known = AocErrorCode.of(code).orElse(null);
        if (known == null) {
            String c = code.toUpperCase(Locale.ROOT);
            if (c.startsWith("AOC0")) {
                return new InvalidRequestException("request rejected with code " + code, ctx, null);
            }
            return new DcbApiException("the gateway answered code " + code, ctx, null);
        }
        String summary = known.code() + " " + known.description();
        return switch (known) {
            case INVALID_PARAMETER, OPERATOR_CODE_MISSING -> new InvalidRequestException(summary, ctx, null);
            case INVALID_STATE, DUPLICATE_SP_TRANS_ID, ALREADY_SUBSCRIBED, FREE_TRIAL_FINISHED, TRANSACTION_EXPIRED,
                    RENEWAL_TOO_EARLY, RENEWAL_NOT_ACTIVE -> new ConflictException(summary, ctx, false, null);
            case CHARGING_IN_PROGRESS, TRANSACTION_IN_PROGRESS -> new ConflictException(summary, ctx, true, null);
            case INVALID_AOC_TOKEN, NOT_ONBOARDED, RENEWAL_NOT_FOUND -> new NotFoundException(summary, ctx, null);
            case INVALID_OTP -> new InvalidPinException(summary, ctx, null);
            case MSISDN_BLACKLISTED, CHARGING_FAILED, CHARGING_DENIED, TRANSACTION_COUNT_LIMIT,
                    TRANSACTION_AMOUNT_LIMIT, DAILY_LIMIT, MONTHLY_LIMIT ->
                    new InsufficientFundsException(summary, ctx, null);
            case WALLET_INIT_FAILED -> new ProviderUnavailableException(summary, ctx, null);
            case OTP_REQUEST_LIMIT, OTP_REQUEST_LIMIT_2, RENEWAL_RETRY_LIMIT ->
                    new RateLimitedException(summary, ctx, null, null);
            case USER_CANCELLED -> new DcbApiException(summary, ctx, null);
        };
    }
}
