package io.dcb4j.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.JournalReferences;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal provider written on the core SPI, for tests that need a provider on the wire (WireMock) without
 * depending on a provider module. Its wire:
 * <ul>
 *   <li>{@code POST /oauth/token} (form {@code grant_type=client_credentials}) answers
 *       {@code {"access_token": "...", "expires_in": 3600}}; every other call carries {@code Authorization:
 *       Bearer <token>}</li>
 *   <li>{@code POST /charges} with {@code Idempotency-Key} and JSON {@code {"id", "msisdn", "amount",
 *       "currency"}}: the merchant chooses the transaction id (the idempotency key), so the charge can be looked
 *       up before any answer came; answers {@code {"id", "state"}}</li>
 *   <li>{@code GET /charges/{id}} answers {@code {"id", "state", "amount", "currency"}}; 404 when unknown</li>
 *   <li>{@code POST /pins} answers {@code {"challenge"}}; {@code POST /pins/{challenge}/confirm} with JSON
 *       {@code {"pin"}} answers {@code {"subscription", "state"}}, the subscription id being the challenge id</li>
 *   <li>{@code GET /subscriptions/{id}} answers {@code {"state"}}; {@code POST /subscriptions/{id}/renew}
 *       answers {@code {"state"}}</li>
 *   <li>{@code POST /charges/{id}/refunds} with {@code Idempotency-Key} and JSON {@code {"amount", "currency",
 *       "reason"}} (amount and currency absent for the whole charge) answers {@code {"refund", "state",
 *       "amount", "currency"}}; {@code GET /charges/{id}/refunds/{refund}} answers the same; {@code GET
 *       /charges/{id}/refunds?idempotencyKey=...} finds a refund by its key (404 when none), unless the client
 *       was made {@link #withoutRefundLookup without that lookup}</li>
 * </ul>
 */
public final class WireFakeClient extends ProviderClient {

    /** The provider id. */
    public static final String ID = "fake";

    private final NeutralApi neutral;

    private WireFakeClient(String baseUrl, ClientOptions options, boolean refundLookup) {
        super(ID, HttpTransport.builder(ID, options).baseUrl("base-url", baseUrl)
                .credentials("fake-secret")
                .tokens(t -> CachingTokenProvider.builder(CachingTokenProvider.cacheKey(ID, baseUrl, "client-1"),
                        previous -> fetchToken(t, options)).options(options).build())
                .build());
        FakeRefunds refunds = new FakeRefunds();
        this.neutral = NeutralApi.builder().charges(new FakeCharges()).pinSubscriptions(new FakePins())
                .subscriptions(new FakeSubscriptions()).renewals(new FakeRenewals()).refunds(refunds)
                .journalReferences(new JournalReferences() {
                    @Override
                    public Optional<ChargeRef> charge(ChargeRequest request) {
                        return Optional.of(ChargeRef.of(request.idempotencyKey()));
                    }

                    @Override
                    public Optional<SubscriptionRef> confirmPin(PinChallenge challenge) {
                        return Optional.of(SubscriptionRef.of(challenge.challengeId()));
                    }

                    @Override
                    public Optional<RefundResult> findRefund(ChargeRef charge, String idempotencyKey) {
                        return refundLookup ? Optional.of(refunds.byKey(charge, idempotencyKey)) : Optional.empty();
                    }
                }).build();
    }

    /**
     * A client of the fake provider.
     *
     * @param baseUrl the WireMock URL
     * @param options the options (allow http)
     * @return the client
     */
    public static WireFakeClient create(String baseUrl, ClientOptions options) {
        return new WireFakeClient(baseUrl, options, true);
    }

    /**
     * A client of the fake provider that cannot find a refund by its idempotency key.
     *
     * @param baseUrl the WireMock URL
     * @param options the options (allow http)
     * @return the client
     */
    public static WireFakeClient withoutRefundLookup(String baseUrl, ClientOptions options) {
        return new WireFakeClient(baseUrl, options, false);
    }

    private static AccessToken fetchToken(HttpTransport t, ClientOptions options) {
        ApiResponse r = t.execute(ApiRequest.post("token", t.url("oauth/token").build())
                .formBody(Map.of("grant_type", "client_credentials", "client_secret", "fake-secret"))
                .authenticated(false).retrySafe(true).build());
        JsonNode n = r.jsonTree();
        return AccessToken.bearer(n.path("access_token").asText(), options.clock().instant(),
                Duration.ofSeconds(n.path("expires_in").asLong(3600)));
    }

    @Override
    protected NeutralApi neutralApi() {
        return neutral;
    }

    private final class FakeCharges implements Charges {
        @Override
        public ChargeResult charge(ChargeRequest request) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", request.idempotencyKey());
            body.put("msisdn", request.msisdn() == null ? null : request.msisdn().digits());
            body.put("amount", request.amount().amount().toPlainString());
            body.put("currency", request.amount().currency().getCurrencyCode());
            ApiResponse r = transport().execute(ApiRequest.post("charge", transport().url("charges").build())
                    .jsonBody(body).idempotencyKey("Idempotency-Key", request.idempotencyKey())
                    .reference("id", request.idempotencyKey()).build());
            JsonNode n = r.jsonTree();
            return new ChargeResult(ChargeRef.of(n.path("id").asText()), ChargeState.valueOf(n.path("state").asText()),
                    n.path("state").asText(), request.amount(), NextAction.none(), null,
                    Map.of("echo", n.path("echo").asText("")));
        }

        @Override
        public ChargeResult status(ChargeRef charge) {
            ApiResponse r = transport().execute(ApiRequest.get("chargeStatus", transport().url("charges")
                    .addPathSegment(HttpTransport.segment("charge", charge.id())).build()).build());
            JsonNode n = r.jsonTree();
            Money amount = n.hasNonNull("amount") ? Money.of(n.get("amount").asText(), n.get("currency").asText())
                    : null;
            return new ChargeResult(charge, ChargeState.valueOf(n.path("state").asText()), n.path("state").asText(),
                    amount, NextAction.none(), null, Map.of());
        }
    }

    private final class FakePins implements PinSubscriptions {
        @Override
        public PinChallenge requestPin(SubscribeRequest request) {
            ApiResponse r = transport().execute(ApiRequest.post("requestPin", transport().url("pins").build())
                    .jsonBody(Map.of("msisdn", request.msisdn().digits())).build());
            return new PinChallenge(ID, r.jsonTree().path("challenge").asText(), request, null,
                    new NextAction.EnterPin(null), Map.of());
        }

        @Override
        public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
            ApiResponse r = transport().execute(ApiRequest.post("confirmPin", transport().url("pins")
                    .addPathSegment(HttpTransport.segment("challenge", challenge.challengeId()))
                    .addPathSegment("confirm").build()).jsonBody(Map.of("pin", pin)).sensitive(pin).build());
            JsonNode n = r.jsonTree();
            return new SubscriptionResult(new SubscriptionRef(n.path("subscription").asText(),
                    challenge.request().msisdn(), challenge.request().offer()),
                    SubscriptionState.valueOf(n.path("state").asText()), null, null, false,
                    Map.of("msisdnEcho", challenge.request().msisdn().digits()));
        }
    }

    private final class FakeSubscriptions implements Subscriptions {
        @Override
        public SubscriptionInfo status(SubscriptionRef subscription) {
            ApiResponse r = transport().execute(ApiRequest.get("subscriptionStatus", transport().url("subscriptions")
                    .addPathSegment(HttpTransport.segment("subscription", subscription.id())).build()).build());
            return new SubscriptionInfo(subscription, SubscriptionState.valueOf(r.jsonTree().path("state").asText()),
                    null, null, null, Map.of());
        }
    }

    private final class FakeRenewals implements Renewals {
        @Override
        public RenewResult renew(SubscriptionRef subscription) {
            ApiResponse r = transport().execute(ApiRequest.post("renew", transport().url("subscriptions")
                    .addPathSegment(HttpTransport.segment("subscription", subscription.id()))
                    .addPathSegment("renew").build()).emptyBody().build());
            return new RenewResult(subscription, subscription, RenewResult.Outcome.RENEWED,
                    ChargeState.valueOf(r.jsonTree().path("state").asText()), null, null, Map.of());
        }
    }

    private final class FakeRefunds implements Refunds {
        @Override
        public RefundResult refund(RefundRequest request) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (request.amount() != null) {
                body.put("amount", request.amount().amount().toPlainString());
                body.put("currency", request.amount().currency().getCurrencyCode());
            }
            body.put("reason", request.reason());
            ApiResponse r = transport().execute(ApiRequest.post("refund", refunds(request.charge()).build())
                    .jsonBody(body).idempotencyKey("Idempotency-Key", request.idempotencyKey())
                    .reference("idempotencyKey", request.idempotencyKey()).build());
            return result(request.charge(), r.jsonTree());
        }

        @Override
        public RefundResult status(RefundRef refund) {
            ApiResponse r = transport().execute(ApiRequest.get("refundStatus", refunds(refund.charge())
                    .addPathSegment(HttpTransport.segment("refund", refund.id())).build()).build());
            return result(refund.charge(), r.jsonTree());
        }

        RefundResult byKey(ChargeRef charge, String key) {
            ApiResponse r = transport().execute(ApiRequest.get("findRefund", refunds(charge)
                    .addQueryParameter("idempotencyKey", key).build()).build());
            return result(charge, r.jsonTree());
        }

        private okhttp3.HttpUrl.Builder refunds(ChargeRef charge) {
            return transport().url("charges").addPathSegment(HttpTransport.segment("charge", charge.id()))
                    .addPathSegment("refunds");
        }

        private RefundResult result(ChargeRef charge, JsonNode n) {
            Money amount = n.hasNonNull("amount") ? Money.of(n.get("amount").asText(), n.get("currency").asText())
                    : null;
            return new RefundResult(RefundRef.of(charge, n.path("refund").asText()),
                    RefundState.valueOf(n.path("state").asText()), n.path("state").asText(), amount, Map.of());
        }
    }
}
