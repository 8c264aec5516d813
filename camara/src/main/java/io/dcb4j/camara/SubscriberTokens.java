package io.dcb4j.camara;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.token.TokenProvider;

/**
 * Three-legged access: the tokens the operator issued for one subscriber, which the merchant obtains through
 * the operator's OpenID Connect flow (CIBA with {@code login_hint=tel:+...}, or the authorization code flow
 * in the subscriber's browser) as the CAMARA Security and Interoperability Profile describes. dcb4j does not
 * run that flow: it asks this resolver for the subscriber's token on every call that concerns a subscriber,
 * and then leaves {@code phoneNumber} out of the request, as the specification requires (the token names the
 * subscriber; sending both is a {@code 422 UNNECESSARY_IDENTIFIER}).
 *
 * <p>Return a provider that caches: typically one {@link io.dcb4j.core.token.CachingTokenProvider} per
 * subscriber and scope, whose {@link io.dcb4j.core.token.TokenSource} runs your flow or refreshes the token.
 * A 401 answer invalidates the token once and asks the provider again. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SubscriberTokens {

    /**
     * The token provider of a subscriber for a scope.
     *
     * @param subscriber the subscriber the call concerns
     * @param scope the scope the call needs, for example {@code carrier-billing:payments:create}
     * @return the provider of that subscriber's tokens; never null
     */
    TokenProvider tokenFor(Msisdn subscriber, String scope);
}
