package io.dcb4j.eklectic.internal;

import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenProvider;
import java.util.Objects;

/**
 * Breaks the cycle between the transport (which needs the token provider) and the token source (which
 * calls the token endpoint through that same transport): the transport is built with this placeholder,
 * which is bound to the real provider right after. Internal.
 */
public final class LazyTokenProvider implements TokenProvider {

    private volatile TokenProvider delegate;

    /**
     * Binds the real provider; once only.
     *
     * @param provider the provider
     */
    public void bind(TokenProvider provider) {
        if (delegate != null) {
            throw new IllegalStateException("already bound");
        }
        delegate = Objects.requireNonNull(provider, "provider");
    }

    private TokenProvider delegate() {
        TokenProvider d = delegate;
        if (d == null) {
            throw new IllegalStateException("token provider not bound yet");
        }
        return d;
    }

    @Override
    public AccessToken token() {
        return delegate().token();
    }

    @Override
    public void invalidate(AccessToken rejected) {
        delegate().invalidate(rejected);
    }
}
