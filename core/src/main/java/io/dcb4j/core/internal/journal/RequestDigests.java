package io.dcb4j.core.internal.journal;

import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.spi.support.Digests;
import java.util.Map;
import java.util.TreeMap;

/**
 * Digests of requests and the keys derived from them: SHA-256 over a canonical, length-prefixed text of every
 * field (so that no two requests share a text), amounts compared by value ({@code 1.50} is {@code 1.5}). The
 * PIN never enters a digest. Internal.
 */
public final class RequestDigests {

    private RequestDigests() {
    }

    /**
     * The digest of a charge, its idempotency key left out.
     *
     * @param provider the provider id
     * @param r the request
     * @return 64 hex characters
     */
    public static String charge(String provider, ChargeRequest r) {
        Canonical c = new Canonical("charge", provider).add(r.msisdn()).add(r.amount()).add(r.offer())
                .add(r.description()).add(r.clientReference()).add(r.returnUrl()).add(r.params());
        return c.digest();
    }

    /**
     * The key of a PIN confirmation: one per challenge.
     *
     * @param provider the provider id
     * @param challenge the challenge
     * @return the key
     */
    public static String confirmPinKey(String provider, PinChallenge challenge) {
        return "confirm-pin:" + confirmPin(provider, challenge).substring(0, 40);
    }

    /**
     * The digest of a PIN confirmation: the challenge, not the PIN.
     *
     * @param provider the provider id
     * @param challenge the challenge
     * @return 64 hex characters
     */
    public static String confirmPin(String provider, PinChallenge challenge) {
        SubscribeRequest r = challenge.request();
        Canonical c = new Canonical("confirm-pin", provider).add(challenge.provider()).add(challenge.challengeId())
                .add(challenge.expiresAt() == null ? null : challenge.expiresAt().toString()).add(challenge.details())
                .add(r.msisdn()).add(r.offer()).add(r.price()).add(r.frequency()).add(r.language())
                .add(r.description()).add(r.clientReference()).add(r.returnUrl()).add(r.params());
        return c.digest();
    }

    /**
     * The key of a renewal: one per subscription reference.
     *
     * @param provider the provider id
     * @param ref the subscription
     * @return the key
     */
    public static String renewKey(String provider, SubscriptionRef ref) {
        return "renew:" + renew(provider, ref).substring(0, 40);
    }

    /**
     * The digest of a renewal.
     *
     * @param provider the provider id
     * @param ref the subscription
     * @return 64 hex characters
     */
    public static String renew(String provider, SubscriptionRef ref) {
        return new Canonical("renew", provider).add(ref.id()).add(ref.msisdn()).add(ref.offer()).digest();
    }

    /**
     * The digest of a refund, its idempotency key left out: the charge, the amount (null for the whole charge),
     * the reason, the merchant's reference and the parameters.
     *
     * @param provider the provider id
     * @param r the request
     * @return 64 hex characters
     */
    public static String refund(String provider, RefundRequest r) {
        return new Canonical("refund", provider).add(r.charge().id()).add(r.amount()).add(r.reason())
                .add(r.clientReference()).add(r.params()).digest();
    }

    /** Length-prefixed fields; null is distinct from every string. */
    private static final class Canonical {
        private final StringBuilder sb = new StringBuilder("v1");

        Canonical(String operation, String provider) {
            add(operation).add(provider);
        }

        Canonical add(String s) {
            if (s == null) {
                sb.append("|-");
            } else {
                sb.append('|').append(s.length()).append(':').append(s);
            }
            return this;
        }

        Canonical add(Msisdn m) {
            return add(m == null ? null : m.digits());
        }

        Canonical add(OfferId o) {
            return add(o == null ? null : o.value());
        }

        Canonical add(Money m) {
            return add(m == null ? null
                    : m.amount().stripTrailingZeros().toPlainString() + " " + m.currency().getCurrencyCode());
        }

        Canonical add(Map<String, String> params) {
            Map<String, String> sorted = new TreeMap<>(params);
            add(String.valueOf(sorted.size()));
            sorted.forEach((k, v) -> add(k).add(v));
            return this;
        }

        String digest() {
            return Digests.sha256Hex(sb.toString(), 32);
        }
    }
}
