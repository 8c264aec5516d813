package io.dcb4j.camara;

import io.dcb4j.camara.internal.CamaraErrorMapper;
import io.dcb4j.camara.internal.CamaraMapper;
import io.dcb4j.camara.internal.CamaraNeutralApi;
import io.dcb4j.camara.internal.CamaraTokenSource;
import io.dcb4j.camara.internal.CamaraWire;
import io.dcb4j.camara.model.CancellationResult;
import io.dcb4j.camara.model.ConfirmationResult;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.camara.model.RefundStatus;
import io.dcb4j.camara.model.RemainingAmount;
import io.dcb4j.camara.model.SinkCredential;
import io.dcb4j.camara.notification.CamaraNotificationParser;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.ProviderClientBuilder;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.ConfigChecks;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.core.token.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The CAMARA Carrier Billing client: the operators' standard API of the GSMA Open Gateway (release r3.2:
 * Carrier Billing v0.5, Carrier Billing Refund v0.3), in its own typed terms and through the neutral
 * {@link io.dcb4j.core.BillingProvider} API (one-off charges and their status, confirming and cancelling
 * two-step charges, refunds, notifications).
 *
 * <pre>{@code
 * try (CamaraClient camara = CamaraClient.builder()
 *         .baseUrl("https://api.operator.example")             // the operator's apiRoot
 *         .tokenUrl("https://auth.operator.example/oauth2/token")
 *         .clientId(System.getenv("CAMARA_CLIENT_ID"))
 *         .clientSecret(System.getenv("CAMARA_CLIENT_SECRET"))
 *         .build()) {
 *     Payment reserved = camara.preparePayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD rental",
 *             "order-4711").phoneNumber(Msisdn.of("+34671999000")).build());
 *     camara.confirmPayment(reserved.paymentId(), Msisdn.of("+34671999000"));
 * }
 * }</pre>
 *
 * <p><b>Paths.</b> The payments API lives at {@code <apiRoot>/carrier-billing/v0.5} and the refunds API at
 * {@code <apiRoot>/carrier-billing-refund/v0.3}; {@link Builder#paymentsPath} and {@link Builder#refundsPath}
 * change them for an operator that publishes another version.
 *
 * <p><b>Access.</b> With a two-legged token (OAuth 2.0 client credentials at {@link Builder#tokenUrl}, cached
 * until shortly before it expires and fetched again once on a 401), the subscriber is named by {@code
 * phoneNumber}, which the specification then requires: a call that needs one and has none is refused before it
 * is sent. With three-legged tokens ({@link Builder#subscriberTokens}), every call that concerns a subscriber
 * carries that subscriber's token and no {@code phoneNumber} (sending both is a {@code 422
 * UNNECESSARY_IDENTIFIER}). Calls that name no subscriber (validate, retrieve, list, refunds) use the
 * two-legged token, or the subscriber of a {@link #forSubscriber(Msisdn)} view.
 *
 * <p><b>Idempotency.</b> Every create carries a {@code clientCorrelator} (the request's, or one generated per
 * call) that stays the same on every retry, so the operator never charges or refunds twice; these calls are
 * retried like reads. Every call carries an {@code x-correlator}, which the operator echoes and every
 * exception keeps as its {@link io.dcb4j.core.error.DcbException#requestId()}.
 *
 * <p>Immutable and thread-safe; close it to release its connection pool.
 */
public final class CamaraClient extends ProviderClient {

    /** The provider id. */
    public static final String ID = "camara";
    /** Where the payments API lives under the apiRoot by default. */
    public static final String DEFAULT_PAYMENTS_PATH = "carrier-billing/v0.5";
    /** Where the refunds API lives under the apiRoot by default. */
    public static final String DEFAULT_REFUNDS_PATH = "carrier-billing-refund/v0.3";
    /** The correlation header sent on every call. */
    public static final String CORRELATOR_HEADER = "x-correlator";
    /** Scope of createPayment and preparePayment. */
    public static final String SCOPE_PAYMENTS_CREATE = "carrier-billing:payments:create";
    /** Scope of validatePayment, confirmPayment and cancelPayment. */
    public static final String SCOPE_PAYMENTS_WRITE = "carrier-billing:payments:write";
    /** Scope of retrievePayment and retrievePayments. */
    public static final String SCOPE_PAYMENTS_READ = "carrier-billing:payments:read";
    /** Scope of createRefund. */
    public static final String SCOPE_REFUNDS_CREATE = "carrier-billing-refund:refunds:create";
    /** Scope of retrieveRefund, retrieveRefunds and retrievePaymentRemainingAmount. */
    public static final String SCOPE_REFUNDS_READ = "carrier-billing-refund:refunds:read";
    /** The scopes a two-legged token asks for by default: all of the above. */
    public static final String DEFAULT_SCOPE = String.join(" ", SCOPE_PAYMENTS_CREATE, SCOPE_PAYMENTS_WRITE,
            SCOPE_PAYMENTS_READ, SCOPE_REFUNDS_CREATE, SCOPE_REFUNDS_READ);
    /** How long a sink credential built from the notification secret is valid by default. */
    public static final Duration DEFAULT_SINK_CREDENTIAL_LIFETIME = Duration.ofDays(30);

    private static final Pattern CORRELATOR = Pattern.compile("[a-zA-Z0-9_:;./<>{}-]{1,256}");

    private final Shared shared;
    private final Msisdn subject;
    private final NeutralApi neutralApi;

    /** What a client and its subscriber views share. */
    private record Shared(String paymentsPath, String refundsPath, boolean clientCredentials,
            SubscriberTokens subscriberTokens, Supplier<String> correlators, Supplier<String> clientCorrelators,
            String sink, String sinkToken, Duration sinkLifetime, Clock clock, boolean twoStepCharges,
            CamaraNotificationParser parser, String baseUrl) {
    }

    private CamaraClient(HttpTransport transport, Shared shared, Msisdn subject) {
        super(ID, transport);
        this.shared = shared;
        this.subject = subject;
        this.neutralApi = CamaraNeutralApi.of(this, shared.twoStepCharges());
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this client for one subscriber: calls that name no subscriber (validate, retrieve, list,
     * refunds, and the neutral API's) concern this one, with its three-legged token when {@link
     * Builder#subscriberTokens} is set. It shares this client's connections; closing it does nothing.
     *
     * @param subscriber the subscriber
     * @return the view
     */
    public CamaraClient forSubscriber(Msisdn subscriber) {
        return new CamaraClient(transport(), shared, Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * The subscriber of a {@link #forSubscriber(Msisdn)} view.
     *
     * @return the subscriber, empty for the client itself
     */
    public Optional<Msisdn> subscriber() {
        return Optional.ofNullable(subject);
    }

    // ---------------------------------------------------------------- payments

    /**
     * Creates a payment in one step ({@code createPayment}, {@code POST /payments}): the amount is charged
     * at once ({@code succeeded}) or later ({@code processing}, then {@code succeeded} or {@code denied}).
     * Retried with the same {@code clientCorrelator}.
     *
     * @param request the payment
     * @return the payment as created
     * @throws IllegalArgumentException when the call needs a phone number (two-legged access) and has none
     * @throws io.dcb4j.core.error.InsufficientFundsException when the operator denies it for lack of balance
     * @throws io.dcb4j.core.error.ConflictException when the payment or its correlator already exists
     * @throws io.dcb4j.core.error.DcbException on other failures (see the error table of the provider page)
     */
    public Payment createPayment(PaymentRequest request) {
        return create("createPayment", "payments", request);
    }

    /**
     * Prepares a payment ({@code preparePayment}, {@code POST /payments/prepare}), the first of two steps: the
     * amount is reserved ({@code reserved}), or the subscriber must validate it first ({@code
     * pending_validation} with {@link Payment#validation()}); then {@link #confirmPayment} or {@link
     * #cancelPayment}. Operators discard reservations that wait too long. Retried with the same {@code
     * clientCorrelator}.
     *
     * @param request the payment
     * @return the prepared payment
     * @throws IllegalArgumentException when the call needs a phone number (two-legged access) and has none
     * @throws io.dcb4j.core.error.DcbException as {@link #createPayment}
     */
    public Payment preparePayment(PaymentRequest request) {
        return create("preparePayment", "payments/prepare", request);
    }

    private Payment create(String operation, String path, PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Msisdn subscriber = request.phoneNumber() != null ? request.phoneNumber() : subject;
        boolean threeLegged = threeLegged(subscriber);
        if (!threeLegged && subscriber == null) {
            throw new IllegalArgumentException("phoneNumber is required with a two-legged token (the operator "
                    + "would answer 422 MISSING_IDENTIFIER)");
        }
        String correlator = clientCorrelator(request.clientCorrelator());
        SinkCredential credential = request.sink() != null ? request.sinkCredential() : defaultSinkCredential();
        CamaraWire.CreatePayment body = CamaraMapper.paymentBody(request, threeLegged ? null : subscriber, correlator,
                request.sink() != null ? request.sink() : shared.sink(), credential);
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.post(operation, payments(path).build()), subscriber,
                SCOPE_PAYMENTS_CREATE)
                .jsonBody(body)
                .sensitive(credential == null ? null : credential.accessToken())
                .retrySafe(true)
                .reference("clientCorrelator", correlator)
                .build());
        return CamaraMapper.payment(r.json(CamaraWire.Payment.class), r.context());
    }

    /**
     * Validates a prepared payment with the code the subscriber received ({@code validatePayment}, {@code POST
     * /payments/{paymentId}/validate}, {@code 204}): the payment becomes {@code reserved}, or {@code denied}.
     * Not retried once sent.
     *
     * @param paymentId the payment
     * @param authorizationId {@code validationInfo.authorizationId} of the prepare answer
     * @param code the code; never logged
     * @throws io.dcb4j.core.error.InvalidPinException when the code is wrong ({@code INVALID_CODE})
     * @throws io.dcb4j.core.error.PinAttemptsExceededException when no attempt is left ({@code
     *     VALIDATION_FAILED})
     * @throws io.dcb4j.core.error.ConflictException when the payment is already validated
     * @throws io.dcb4j.core.error.NotFoundException when the payment is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public void validatePayment(String paymentId, String authorizationId, String code) {
        String id = requireId("paymentId", paymentId);
        if (authorizationId == null || authorizationId.isBlank()) {
            throw new IllegalArgumentException("authorizationId is required");
        }
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("the validation code is required");
        }
        HttpTransport t = transport();
        t.execute(call(ApiRequest.post("validatePayment", payments("payments").addPathSegment(id)
                .addPathSegment("validate").build()), subject, SCOPE_PAYMENTS_WRITE)
                .jsonBody(new CamaraWire.ValidatePayment(authorizationId.strip(), code.strip()))
                .sensitive(code.strip())
                .reference("paymentId", id)
                .build());
    }

    /**
     * Confirms a reserved payment ({@code confirmPayment}, {@code POST /payments/{paymentId}/confirm}, {@code
     * 202}): it is charged. Not retried once sent (a repeat answers 409 {@code PAYMENT_CONFIRMED}).
     *
     * @param paymentId the payment
     * @param phoneNumber the subscriber (required with a two-legged token, never sent with a three-legged
     *     one), or null for the view's
     * @return the acceptance
     * @throws io.dcb4j.core.error.ConflictException when already confirmed or cancelled
     * @throws io.dcb4j.core.error.NotFoundException when the payment or the phone number is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public ConfirmationResult confirmPayment(String paymentId, Msisdn phoneNumber) {
        String id = requireId("paymentId", paymentId);
        secondStep("confirmPayment", "confirm", id, phoneNumber);
        return new ConfirmationResult(id);
    }

    /**
     * Confirms a reserved payment of this view's subscriber, or with a three-legged token.
     *
     * @param paymentId the payment
     * @return the acceptance
     * @throws io.dcb4j.core.error.DcbException as {@link #confirmPayment(String, Msisdn)}
     */
    public ConfirmationResult confirmPayment(String paymentId) {
        return confirmPayment(paymentId, null);
    }

    /**
     * Cancels a prepared payment ({@code cancelPayment}, {@code POST /payments/{paymentId}/cancel}, {@code
     * 202}): nothing is charged. Not retried once sent.
     *
     * @param paymentId the payment
     * @param phoneNumber the subscriber (required with a two-legged token, never sent with a three-legged
     *     one), or null for the view's
     * @return the acceptance
     * @throws io.dcb4j.core.error.ConflictException when already confirmed or cancelled
     * @throws io.dcb4j.core.error.NotFoundException when the payment or the phone number is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public CancellationResult cancelPayment(String paymentId, Msisdn phoneNumber) {
        String id = requireId("paymentId", paymentId);
        secondStep("cancelPayment", "cancel", id, phoneNumber);
        return new CancellationResult(id);
    }

    /**
     * Cancels a prepared payment of this view's subscriber, or with a three-legged token.
     *
     * @param paymentId the payment
     * @return the acceptance
     * @throws io.dcb4j.core.error.DcbException as {@link #cancelPayment(String, Msisdn)}
     */
    public CancellationResult cancelPayment(String paymentId) {
        return cancelPayment(paymentId, null);
    }

    private void secondStep(String operation, String action, String id, Msisdn phoneNumber) {
        Msisdn subscriber = phoneNumber != null ? phoneNumber : subject;
        boolean threeLegged = threeLegged(subscriber);
        if (!threeLegged && subscriber == null) {
            throw new IllegalArgumentException("phoneNumber is required with a two-legged token (the operator "
                    + "would answer 422 MISSING_IDENTIFIER)");
        }
        HttpTransport t = transport();
        t.execute(call(ApiRequest.post(operation, payments("payments").addPathSegment(id).addPathSegment(action)
                .build()), subscriber, SCOPE_PAYMENTS_WRITE)
                .jsonBody(new CamaraWire.PhoneNumber(threeLegged ? null : CamaraMapper.e164(subscriber)))
                .reference("paymentId", id)
                .build());
    }

    /**
     * A payment ({@code retrievePayment}, {@code GET /payments/{paymentId}}).
     *
     * @param paymentId the payment
     * @return the payment; a prepared payment's {@code validationInfo} is not part of this answer
     * @throws io.dcb4j.core.error.NotFoundException when unknown (or not this client's or subscriber's)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Payment payment(String paymentId) {
        String id = requireId("paymentId", paymentId);
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.get("retrievePayment", payments("payments").addPathSegment(id)
                .build()), subject, SCOPE_PAYMENTS_READ).build());
        return CamaraMapper.payment(r.json(CamaraWire.Payment.class), r.context());
    }

    /**
     * A page of payments ({@code retrievePayments}, {@code GET /payments}), always limited to this API client's
     * (and, with a three-legged token, to the subscriber's).
     *
     * @param query the filters and the page
     * @return the page, with {@code X-Total-Count} and {@code Content-Last-Key} when sent
     * @throws io.dcb4j.core.error.InvalidRequestException for an invalid range or too many matching records
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Page<Payment> payments(PaymentQuery query) {
        Objects.requireNonNull(query, "query");
        HttpUrl.Builder url = payments("payments");
        listing(url, query.page(), query.perPage(), "paymentCreationDate", query.createdFrom(), query.createdTo(),
                query.order() == null ? null : query.order().wireValue(),
                "paymentStatus", query.statuses().stream().map(s -> s.wireValue().orElseThrow()).toList(),
                query.merchantIdentifier());
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.get("retrievePayments", url.build()), subject,
                SCOPE_PAYMENTS_READ).build());
        return CamaraMapper.page(r, CamaraWire.Payment[].class, p -> CamaraMapper.payment(p, r.context()),
                query.page(), query.perPage());
    }

    // ---------------------------------------------------------------- refunds

    /**
     * Refunds a payment, wholly or in part ({@code createRefund}, {@code POST
     * /payments/{paymentId}/refunds}): {@code succeeded} at once, or {@code processing} then {@code succeeded}
     * or {@code denied}. Retried with the same {@code clientCorrelator}.
     *
     * @param paymentId the payment
     * @param request the refund
     * @return the refund as created
     * @throws io.dcb4j.core.error.InvalidRequestException when the amount is above what remains, the payment is
     *     not completed, or the details do not match the payment
     * @throws io.dcb4j.core.error.ConflictException when the refund or its correlator already exists
     * @throws io.dcb4j.core.error.NotFoundException when the payment is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Refund createRefund(String paymentId, RefundRequest request) {
        String id = requireId("paymentId", paymentId);
        Objects.requireNonNull(request, "request");
        String correlator = clientCorrelator(request.clientCorrelator());
        SinkCredential credential = request.sink() != null ? request.sinkCredential() : defaultSinkCredential();
        CamaraWire.CreateRefund body = CamaraMapper.refundBody(request, correlator,
                request.sink() != null ? request.sink() : shared.sink(), credential);
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.post("createRefund", refunds(id).build()), subject,
                SCOPE_REFUNDS_CREATE)
                .jsonBody(body)
                .sensitive(credential == null ? null : credential.accessToken())
                .retrySafe(true)
                .reference("clientCorrelator", correlator)
                .build());
        return CamaraMapper.refund(r.json(CamaraWire.Refund.class), id, r.context());
    }

    /**
     * A refund ({@code retrieveRefund}, {@code GET /payments/{paymentId}/refunds/{refundId}}).
     *
     * @param paymentId the payment
     * @param refundId the refund
     * @return the refund
     * @throws io.dcb4j.core.error.NotFoundException when the payment or the refund is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Refund refund(String paymentId, String refundId) {
        String id = requireId("paymentId", paymentId);
        String rid = requireId("refundId", refundId);
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.get("retrieveRefund", refunds(id).addPathSegment(rid).build()),
                subject, SCOPE_REFUNDS_READ).build());
        return CamaraMapper.refund(r.json(CamaraWire.Refund.class), id, r.context());
    }

    /**
     * A page of a payment's refunds ({@code retrieveRefunds}, {@code GET /payments/{paymentId}/refunds}).
     *
     * @param paymentId the payment
     * @param query the filters and the page
     * @return the page, with {@code X-Total-Count} and {@code Content-Last-Key} when sent
     * @throws io.dcb4j.core.error.NotFoundException when the payment is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public Page<Refund> refunds(String paymentId, RefundQuery query) {
        String id = requireId("paymentId", paymentId);
        Objects.requireNonNull(query, "query");
        HttpUrl.Builder url = refunds(id);
        listing(url, query.page(), query.perPage(), "refundCreationDate", query.createdFrom(), query.createdTo(),
                query.order() == null ? null : query.order().wireValue(),
                "refundStatus", query.statuses().stream().map(s -> s.wireValue().orElseThrow()).toList(),
                query.merchantIdentifier());
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.get("retrieveRefunds", url.build()), subject, SCOPE_REFUNDS_READ)
                .build());
        return CamaraMapper.page(r, CamaraWire.Refund[].class, x -> CamaraMapper.refund(x, id, r.context()),
                query.page(), query.perPage());
    }

    /**
     * What of a payment is not refunded yet ({@code retrievePaymentRemainingAmount}, {@code GET
     * /payments/{paymentId}/refunds/remaining-amount}).
     *
     * @param paymentId the payment
     * @return the remaining amount
     * @throws io.dcb4j.core.error.NotFoundException when the payment is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    public RemainingAmount remainingAmount(String paymentId) {
        String id = requireId("paymentId", paymentId);
        HttpTransport t = transport();
        ApiResponse r = t.execute(call(ApiRequest.get("retrievePaymentRemainingAmount",
                refunds(id).addPathSegment("remaining-amount").build()), subject, SCOPE_REFUNDS_READ).build());
        return CamaraMapper.remaining(r.json(CamaraWire.RemainingAmount.class), r.context());
    }

    // ---------------------------------------------------------------- plumbing

    private HttpUrl.Builder payments(String path) {
        return transport().url(shared.paymentsPath() + "/" + path);
    }

    private HttpUrl.Builder refunds(String paymentId) {
        return transport().url(shared.refundsPath() + "/payments").addPathSegment(paymentId)
                .addPathSegment("refunds");
    }

    private static void listing(HttpUrl.Builder url, Integer page, Integer perPage, String dateField,
            java.time.Instant from, java.time.Instant to, String order, String statusName, List<String> statuses,
            String merchantIdentifier) {
        if (page != null) {
            url.addQueryParameter("page", page.toString());
        }
        if (perPage != null) {
            url.addQueryParameter("perPage", perPage.toString());
        }
        if (from != null) {
            url.addQueryParameter(dateField + ".gte", CamaraMapper.rfc3339(from));
        }
        if (to != null) {
            url.addQueryParameter(dateField + ".lte", CamaraMapper.rfc3339(to));
        }
        if (order != null) {
            url.addQueryParameter("order", order);
        }
        for (String s : statuses) {
            url.addQueryParameter(statusName, s);
        }
        if (merchantIdentifier != null) {
            url.addQueryParameter("merchantIdentifier", merchantIdentifier);
        }
    }

    /** Adds the correlator and, for a subscriber with three-legged access, the subscriber's token. */
    private ApiRequest.Builder call(ApiRequest.Builder request, Msisdn subscriber, String scope) {
        String correlator = Objects.requireNonNull(shared.correlators().get(), "correlator supplier returned null");
        if (!CORRELATOR.matcher(correlator).matches()) {
            throw new IllegalArgumentException("an x-correlator must be 1 to 256 of [a-zA-Z0-9-_:;./<>{}]");
        }
        request.header(CORRELATOR_HEADER, correlator);
        if (threeLegged(subscriber)) {
            TokenProvider tokens = Objects.requireNonNull(shared.subscriberTokens().tokenFor(subscriber, scope),
                    "SubscriberTokens returned null");
            request.tokens(tokens);
        } else if (!shared.clientCredentials()) {
            throw new IllegalStateException("this call names no subscriber and the client has no two-legged "
                    + "token: configure client credentials, or call it on forSubscriber(msisdn)");
        }
        return request;
    }

    private boolean threeLegged(Msisdn subscriber) {
        return subscriber != null && shared.subscriberTokens() != null;
    }

    private String clientCorrelator(String given) {
        String c = given != null ? given
                : Objects.requireNonNull(shared.clientCorrelators().get(), "clientCorrelator supplier returned null");
        if (c.isBlank() || c.length() > 256) {
            throw new IllegalArgumentException("clientCorrelator must be 1 to 256 characters");
        }
        return c;
    }

    private SinkCredential defaultSinkCredential() {
        if (shared.sink() == null || shared.sinkToken() == null) {
            return null;
        }
        return new SinkCredential(shared.sinkToken(), shared.clock().instant().plus(shared.sinkLifetime()));
    }

    private static String requireId(String name, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return HttpTransport.segment(name, id.strip());
    }

    /**
     * The parser of this client's sink notifications, checking the notification secret as the bearer token.
     *
     * @return the parser
     */
    public CamaraNotificationParser notificationParser() {
        return shared.parser();
    }

    /**
     * The apiRoot in use.
     *
     * @return the URL
     */
    public String baseUrl() {
        return shared.baseUrl();
    }

    @Override
    protected NeutralApi neutralApi() {
        return neutralApi;
    }

    /** Closes the connection pool; a {@link #forSubscriber(Msisdn)} view leaves it to its client. */
    @Override
    public void close() {
        if (subject == null) {
            super.close();
        }
    }

    /** No credentials, no phone number. */
    @Override
    public String toString() {
        return "CamaraClient[" + shared.baseUrl() + (subject == null ? "" : ", subscriber " + subject) + "]";
    }

    /**
     * Builds a {@link CamaraClient}. The apiRoot ({@code baseUrl}) is required: each operator publishes its own.
     * Access needs either client credentials ({@link #clientId}, {@link #clientSecret}, {@link #tokenUrl}), a
     * two-legged token provider of your own ({@link #clientTokens}), or three-legged tokens ({@link
     * #subscriberTokens}), or several. The shared settings ({@code options}, timeouts, {@code retryPolicy},
     * {@code extraHeader}, {@code notificationAllowedSources}) are those of {@link ProviderClientBuilder};
     * {@link #notificationSecret(String)} is the sink credential: the bearer token the operator must present to
     * your sink, sent as {@code sinkCredential} with every payment and refund when a {@link #sink(String)} is
     * set, and checked by {@link #notificationParser()}.
     */
    public static final class Builder extends ProviderClientBuilder<Builder, CamaraClient> {
        private String clientId;
        private String clientSecret;
        private String tokenUrl;
        private String scope = DEFAULT_SCOPE;
        private boolean basicAuth = true;
        private TokenProvider clientTokens;
        private SubscriberTokens subscriberTokens;
        private String paymentsPath = DEFAULT_PAYMENTS_PATH;
        private String refundsPath = DEFAULT_REFUNDS_PATH;
        private String sink;
        private Duration sinkLifetime = DEFAULT_SINK_CREDENTIAL_LIFETIME;
        private boolean twoStepCharges;
        private Supplier<String> correlators = () -> UUID.randomUUID().toString();
        private Supplier<String> clientCorrelators = () -> UUID.randomUUID().toString();

        private Builder() {
            super(ID, null);
        }

        /**
         * The OAuth 2.0 client id of two-legged access.
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The OAuth 2.0 client secret; never logged.
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * The operator's token endpoint (client credentials grant). Required with {@link #clientId}.
         *
         * @param tokenUrl an absolute https URL
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /**
         * The scopes a two-legged token asks for; {@link #DEFAULT_SCOPE} by default.
         *
         * @param scope space-separated scopes, or null to ask for the operator's default
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope.strip();
            return this;
        }

        /**
         * How the client authenticates at the token endpoint: {@code basic} (HTTP Basic, {@code
         * client_secret_basic}, the default) or {@code post} (form fields, {@code client_secret_post}).
         * Operators that require {@code private_key_jwt} are served by {@link #clientTokens}.
         *
         * @param method {@code basic} or {@code post}
         * @return this builder
         * @throws ConfigurationException naming {@code client-auth} for another value
         */
        public Builder clientAuth(String method) {
            String m = method == null ? "" : method.strip().toLowerCase(java.util.Locale.ROOT);
            if (!m.equals("basic") && !m.equals("post")) {
                throw new ConfigurationException(ID, "client-auth", "must be basic or post");
            }
            this.basicAuth = m.equals("basic");
            return this;
        }

        /**
         * Two-legged tokens from a provider of your own, in place of the client credentials grant (for an
         * operator that requires another client authentication, such as {@code private_key_jwt}).
         *
         * @param tokens the provider; it should cache
         * @return this builder
         */
        public Builder clientTokens(TokenProvider tokens) {
            this.clientTokens = tokens;
            return this;
        }

        /**
         * Three-legged access: the tokens of each subscriber, from your OpenID Connect flow.
         *
         * @param tokens the resolver
         * @return this builder
         */
        public Builder subscriberTokens(SubscriberTokens tokens) {
            this.subscriberTokens = tokens;
            return this;
        }

        /**
         * Where the payments API lives under the apiRoot; {@value CamaraClient#DEFAULT_PAYMENTS_PATH} by
         * default.
         *
         * @param path slash-separated segments
         * @return this builder
         */
        public Builder paymentsPath(String path) {
            this.paymentsPath = path(path, "payments-path");
            return this;
        }

        /**
         * Where the refunds API lives under the apiRoot; {@value CamaraClient#DEFAULT_REFUNDS_PATH} by default.
         *
         * @param path slash-separated segments
         * @return this builder
         */
        public Builder refundsPath(String path) {
            this.refundsPath = path(path, "refunds-path");
            return this;
        }

        private static String path(String path, String key) {
            if (path == null || path.isBlank()) {
                throw ConfigChecks.blank(ID, key);
            }
            String p = path.strip();
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                throw ConfigChecks.blank(ID, key);
            }
            return p;
        }

        /**
         * The sink of every payment and refund that names none: the https URL of your notification endpoint.
         *
         * @param sink the URL, or null for none
         * @return this builder
         * @throws ConfigurationException naming {@code sink} when it is not an https URL
         */
        public Builder sink(String sink) {
            if (sink != null && !sink.strip().startsWith("https://")) {
                throw new ConfigurationException(ID, "sink", "must be an https URL");
            }
            this.sink = sink == null ? null : sink.strip();
            return this;
        }

        /**
         * How long the sink credential sent with a payment or refund stays valid; it should outlive the
         * payment. {@link CamaraClient#DEFAULT_SINK_CREDENTIAL_LIFETIME} by default.
         *
         * @param lifetime the lifetime, positive
         * @return this builder
         * @throws ConfigurationException naming {@code sink-credential-lifetime} when not positive
         */
        public Builder sinkCredentialLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isZero() || lifetime.isNegative()) {
                throw new ConfigurationException(ID, "sink-credential-lifetime", "must be positive");
            }
            this.sinkLifetime = lifetime;
            return this;
        }

        /**
         * Whether neutral charges are two-step ({@code preparePayment}, then {@code chargeConfirmations()} or
         * {@code chargeCancellations()}) rather than one-step ({@code createPayment}, the default). A charge's
         * {@code flow} parameter ({@code one-step} or {@code two-step}) overrides it.
         *
         * @param twoStep true for two-step charges
         * @return this builder
         */
        public Builder twoStepCharges(boolean twoStep) {
            this.twoStepCharges = twoStep;
            return this;
        }

        /**
         * Where {@code x-correlator} values come from; random UUIDs by default.
         *
         * @param generator unique values of 1 to 256 of {@code [a-zA-Z0-9-_:;./<>{}]}
         * @return this builder
         */
        public Builder correlators(Supplier<String> generator) {
            this.correlators = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Where {@code clientCorrelator} values come from when a request has none; random UUIDs by default.
         *
         * @param generator unique values of 1 to 256 characters
         * @return this builder
         */
        public Builder clientCorrelators(Supplier<String> generator) {
            this.clientCorrelators = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * The sink credential: the bearer token the operator must present to your sink, compared in constant
         * time by {@link #notificationParser()}, and sent as {@code sinkCredential} (type {@code ACCESSTOKEN})
         * with every payment and refund when a {@link #sink(String)} is set.
         *
         * @param secret the token; never logged
         * @return this builder
         * @throws ConfigurationException naming {@code notification-secret} when it is blank
         */
        @Override
        public Builder notificationSecret(String secret) {
            ConfigChecks.optionalNonBlank(ID, "notification-secret", secret);
            return super.notificationSecret(secret);
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws ConfigurationException when the apiRoot is missing or invalid, no access is configured, or
         *     client credentials are incomplete
         */
        @Override
        public CamaraClient build() {
            ClientOptions options = clientOptions();
            boolean credentials = clientId != null || clientSecret != null || tokenUrl != null;
            if (credentials) {
                required(clientId, "client-id");
                required(clientSecret, "client-secret");
                required(tokenUrl, "token-url");
            }
            if (!credentials && clientTokens == null && subscriberTokens == null) {
                throw new ConfigurationException(ID, "client-id", "is required (or two-legged tokens of your own, "
                        + "or three-legged subscriber tokens)");
            }
            HttpUrl token = credentials ? HttpTransport.parseBaseUrl(ID, "token-url", tokenUrl, options) : null;
            String secret = credentials ? clientSecret.strip() : null;
            String id = credentials ? clientId.strip() : null;
            String callbackSecret = notificationSecret().orElse(null);
            HttpTransport.Builder tb = HttpTransport.builder(ID, options)
                    .baseUrl("base-url", baseUrl())
                    .credentials(secret, callbackSecret)
                    .errorMapper(new CamaraErrorMapper());
            if (clientTokens != null) {
                tb.tokens(clientTokens);
            } else if (credentials) {
                tb.tokens(t -> CachingTokenProvider.builder(
                                CachingTokenProvider.cacheKey(ID, token.toString(), id, scope == null ? "" : scope),
                                new CamaraTokenSource(t, token, id, secret, scope, basicAuth, options.clock()))
                        .options(options)
                        .build());
            }
            HttpTransport transport = tb.build();
            CamaraNotificationParser parser = CamaraNotificationParser.builder().accessToken(callbackSecret)
                    .allowedSources(notificationAllowedSources().orElse(null)).build();
            Shared shared = new Shared(paymentsPath, refundsPath, credentials || clientTokens != null,
                    subscriberTokens, correlators, clientCorrelators, sink, callbackSecret, sinkLifetime,
                    options.clock(), twoStepCharges, parser, transport.url("").build().toString());
            return new CamaraClient(transport, shared, null);
        }

        private static void required(String value, String key) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(ID, key, "is required");
            }
        }
    }
}
