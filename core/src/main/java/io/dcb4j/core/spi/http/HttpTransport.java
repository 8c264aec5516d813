package io.dcb4j.core.spi.http;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.internal.Observers;
import io.dcb4j.core.internal.OperationScope;
import io.dcb4j.core.internal.Version;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenProvider;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing every provider client uses: one OkHttp client, authentication with one
 * refresh-and-retry on 401, safe retries with backoff and {@code Retry-After}, idempotency keys, an overall
 * call deadline, bounded body reads, redacted logging. Thread-safe. Internal.
 *
 * <p>Fail-closed rules: redirects are never followed (a 3xx answer is a {@link DcbProtocolException}); the
 * call deadline covers the token fetch, the 401 refresh, every attempt and every backoff (a token fetched
 * through this or another transport on the same thread inherits the caller's deadline); an interrupt of the
 * calling thread ends the call at once with a {@link DcbTransportException} and leaves the interrupt flag
 * set; after {@link #close()} every call is refused with {@link IllegalStateException}.
 */
public final class HttpTransport implements AutoCloseable {

    /** The logger every call is logged to at DEBUG. */
    public static final String LOGGER_NAME = "io.dcb4j.http";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String USER_AGENT = "dcb4j/" + Version.get();
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "x-correlation-id", "request-id", "x-trace-id", "traceid",
                    "x-correlator");
    /**
     * The deadline ({@link System#nanoTime()}) of the call running on this thread, so that a call made while
     * it runs (a token fetch through a transport) ends by the same deadline instead of starting its own:
     * {@code {deadline, 1}} while a call runs, {@code {any, 0}} when none does. One array per thread, kept (a JDK
     * type, so it holds no class loader), instead of a boxed deadline and a map entry per call.
     */
    private static final ThreadLocal<long[]> CALL_DEADLINE = ThreadLocal.withInitial(() -> new long[2]);

    private final String provider;
    private final ClientOptions options;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final TokenProvider tokens;
    private final ErrorMapper errorMapper;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<String> credentials;
    private final Map<String, OperationContexts> contexts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, HttpUrl> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile TokenHeader tokenHeader;
    private static final int MAX_CACHED_CONTEXTS = 64;

    private HttpTransport(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.options = Objects.requireNonNull(b.options, "options");
        this.baseUrl = b.baseUrl;
        this.errorMapper = b.errorMapper == null ? HttpErrors.byStatus() : b.errorMapper;
        this.credentials = List.copyOf(b.credentials);
        OkHttpClient base = options.okHttpClient();
        this.ownsClient = base == null;
        OkHttpClient.Builder cb = base == null ? new OkHttpClient.Builder() : base.newBuilder();
        this.client = cb
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                // dcb4j decides about retries itself: OkHttp would silently repeat a POST after a reset
                // the call deadline is dcb4j's (CallDeadlines), set per call from the options and the outer call
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                // no provider documents a redirect: following one would send headers and bodies elsewhere
                // (and repeat a write answered 307); a 3xx is refused in execute, also for the caller's client
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(SENT_MARKER)
                .build();
        // last: a token factory may keep this transport to call the token endpoint through it
        try {
            this.tokens = b.tokensFactory != null ? b.tokensFactory.apply(this) : b.tokens;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Marks an attempt as sent once a connection is open and the request is about to be written. */
    private static final Interceptor SENT_MARKER = chain -> {
        AttemptState state = chain.request().tag(AttemptState.class);
        if (state != null) {
            state.sent = true;
        }
        return chain.proceed(chain.request());
    };

    /** What an attempt's request carries as its tag: whether it was sent, and the call's deadline. */
    static final class AttemptState {
        volatile boolean sent;
        /** The deadline of the call, a {@link System#nanoTime()} value. */
        final long deadline;

        AttemptState(long deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * Starts a builder.
     *
     * @param provider the provider id, for logs and errors
     * @param options the client options
     * @return the builder
     */
    public static Builder builder(String provider, ClientOptions options) {
        return new Builder(provider, options);
    }

    /**
     * Validates a base URL: absolute, http or https, https unless the options allow http, and without user
     * info ({@code user:password@}), which would show in logs, {@code toString()} and {@code baseUrl()}.
     *
     * @param provider the provider id
     * @param key the configuration key, for the error message
     * @param raw the URL text
     * @param options the options
     * @return the URL
     * @throws ConfigurationException when invalid
     */
    public static HttpUrl parseBaseUrl(String provider, String key, String raw, ClientOptions options) {
        if (raw == null || raw.isBlank()) {
            throw new ConfigurationException(provider, key, "is required");
        }
        HttpUrl url = HttpUrl.parse(raw.strip());
        if (url == null) {
            throw new ConfigurationException(provider, key, "is not an absolute http(s) URL");
        }
        if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
            throw new ConfigurationException(provider, key,
                    "must not contain user info (user:password@); pass credentials through the builder");
        }
        if (!url.isHttps() && !options.allowInsecureHttp()) {
            throw new ConfigurationException(provider, key,
                    "uses http://; only https is allowed unless ClientOptions.allowInsecureHttp(true) is set");
        }
        return url;
    }

    /**
     * The provider id.
     *
     * @return the id
     */
    public String provider() {
        return provider;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ClientOptions options() {
        return options;
    }

    /**
     * A URL builder starting at the base URL, with {@code path} (slash-separated, already safe) appended.
     * Add ids with {@code addPathSegment(segment("name", id))}.
     *
     * @param path for example {@code subscription/otp}; empty for the base itself
     * @return the builder
     * @throws IllegalArgumentException when the path has a {@code .} or {@code ..} segment
     */
    public HttpUrl.Builder url(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("no base URL configured");
        }
        HttpUrl.Builder b = baseUrl.newBuilder();
        if (!path.isEmpty()) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            // only a path with a '.' can have a dot segment: the common one is not split on every call
            for (String part : relative.indexOf('.') < 0 ? NO_PARTS : relative.split("/", -1)) {
                if (isDotSegment(part)) {
                    throw new IllegalArgumentException("the path must not have '.' or '..' segments");
                }
            }
            b.addPathSegments(relative);
        }
        return b;
    }

    /**
     * The URL of a fixed path under the base URL, as {@code url(path).build()} makes it, made once per path:
     * for the endpoints whose path has no id, so that a call does not build the same URL again (a URL builder
     * and the URL are a tenth of what a call allocates).
     *
     * @param path for example {@code transactions/init}; empty for the base itself
     * @return the URL
     * @throws IllegalArgumentException when the path has a {@code .} or {@code ..} segment
     */
    public HttpUrl endpoint(String path) {
        HttpUrl made = endpoints.get(path);
        if (made == null) {
            made = url(path).build();
            if (endpoints.size() < MAX_CACHED_CONTEXTS) {
                endpoints.put(path, made);
            }
        }
        return made;
    }

    /**
     * Checks that an id can be sent as exactly one segment of a URL path, for
     * {@code HttpUrl.Builder.addPathSegment}: the URL builder would resolve a {@code .} or {@code ..} segment
     * (so that the call reaches another path), and servers decode {@code %2e}, {@code %2f} and {@code ;}
     * path parameters before they resolve dot segments.
     *
     * @param parameter the parameter's name, for the error (never the value)
     * @param value the id
     * @return {@code value}
     * @throws IllegalArgumentException naming the parameter when the value is null or empty, contains a
     *     {@code /} or {@code \} (also percent-encoded), or is a {@code .} or {@code ..} segment (also
     *     percent-encoded, or followed by a {@code ;} path parameter)
     */
    public static String segment(String parameter, String value) {
        if (!isPathSegment(value)) {
            throw new IllegalArgumentException(parameter + " must be one URL path segment: not empty, not '.' or '..',"
                    + " without '/' or '\\' (also percent-encoded)");
        }
        return value;
    }

    /**
     * Whether {@link #segment} accepts a value: for ids that come from a provider's answer, which are refused
     * as a protocol error instead.
     *
     * @param value the id, or null
     * @return true when it stays one path segment on every server
     */
    public static boolean isPathSegment(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String decoded = value;
        // decode repeatedly: a proxy and the server may each decode once
        for (int i = 0; i < 3 && decoded.indexOf('%') >= 0; i++) {
            decoded = percentDecode(decoded);
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0 || decoded.indexOf('/') >= 0
                || decoded.indexOf('\\') >= 0) {
            return false;
        }
        int semicolon = decoded.indexOf(';');
        return !isDotSegment(semicolon >= 0 ? decoded.substring(0, semicolon) : decoded);
    }

    private static final String[] NO_PARTS = {};

    private static boolean isDotSegment(String s) {
        return s.equals(".") || s.equals("..");
    }

    /** Decodes {@code %XX} escapes byte by byte into Latin-1 characters; anything else is kept as it is. */
    private static String percentDecode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * An error context for an operation of this provider.
     *
     * @param operation the operation
     * @return the context
     */
    public ErrorContext context(String operation) {
        return ErrorContext.of(provider, operation);
    }

    /**
     * The contexts every call of an operation starts from, the client's credentials redacted: made once per
     * operation (a provider has a handful) instead of copying the credentials into a new context on every call.
     */
    private OperationContexts contexts(String operation) {
        OperationContexts made = contexts.get(operation);
        if (made == null) {
            made = new OperationContexts(ErrorContext.of(provider, operation).redacting(credentials));
            if (contexts.size() < MAX_CACHED_CONTEXTS) {
                contexts.put(operation, made);
            }
        }
        return made;
    }

    /**
     * The context of an answer: the operation's, the token's secrets redacted as well (kept while the token
     * is), then the request's own reference and secrets.
     */
    private ErrorContext answerContext(ApiRequest request, AccessToken token, List<String> requestSecrets) {
        OperationContexts op = contexts(request.operation);
        ErrorContext context;
        if (token == null) {
            context = op.base;
        } else {
            TokenContext cached = op.withToken;
            if (cached == null || cached.token != token) {
                cached = new TokenContext(token, op.base.redacting(RequestSecrets.of(token)));
                op.withToken = cached;
            }
            context = cached.context;
        }
        if (request.reference != null) {
            context = context.withReference(request.reference);
        }
        return context.redacting(requestSecrets);
    }

    /**
     * The context of a failure before an answer: made only when one happens (the answer's context, with the
     * token's secrets as well, is kept on the answer).
     */
    private ErrorContext requestContext(ApiRequest request, List<String> requestSecrets) {
        return answerContext(request, null, requestSecrets);
    }

    /** The contexts of one operation. */
    private static final class OperationContexts {
        final ErrorContext base;
        volatile TokenContext withToken;

        OperationContexts(ErrorContext base) {
            this.base = base;
        }
    }

    private record TokenContext(AccessToken token, ErrorContext context) {
    }

    /** The token's header value, made once per token rather than once per call. */
    private String headerValue(AccessToken token) {
        TokenHeader h = tokenHeader;
        if (h == null || h.token() != token) {
            h = new TokenHeader(token, token.headerValue());
            tokenHeader = h;
        }
        return h.value();
    }

    private record TokenHeader(AccessToken token, String value) {
    }

    /** The HTTP statuses, boxed once. */
    private static final Integer[] STATUSES = new Integer[600];

    static {
        for (int i = 100; i < STATUSES.length; i++) {
            STATUSES[i] = i;
        }
    }

    private static Integer status(int code) {
        return code >= 100 && code < STATUSES.length ? STATUSES[code] : Integer.valueOf(code);
    }

    /**
     * Executes a call: returns the 2xx answer, or throws the mapped {@link DcbException}. The call timeout
     * bounds everything, the token and the retries included; a call made on this thread while another runs
     * (a token fetch) ends by the outer call's deadline.
     *
     * @param request the call
     * @return the successful answer, body read
     * @throws DcbException on any failure: a {@link DcbTransportException} when the deadline passes or the
     *     calling thread is interrupted (its interrupt flag stays set), a {@link DcbProtocolException} for a
     *     redirect
     * @throws IllegalStateException after {@link #close()}
     */
    public ApiResponse execute(ApiRequest request) {
        if (closed.get()) {
            throw new IllegalStateException("the " + provider + " client is closed");
        }
        DcbObserver observer = options.observer();
        if (!Observers.active(observer)) {
            return execute(request, (OperationScope) null);
        }
        // an operation of its own, unless the call belongs to a neutral call or a token fetch open on this thread
        OperationScope own = OperationScope.open(observer, provider, request.operation);
        ApiResponse response;
        try {
            response = execute(request, own != null ? own : OperationScope.current());
        } catch (RuntimeException | Error e) {
            if (own != null) {
                own.close(e);
            }
            throw e;
        }
        if (own != null) {
            own.close(null);
        }
        return response;
    }

    private ApiResponse execute(ApiRequest request, OperationScope scope) {
        List<String> requestSecrets = RequestSecrets.of(request, options);
        if (Thread.currentThread().isInterrupted()) {
            throw new DcbTransportException("interrupted before the request was sent",
                    answerContext(request, null, requestSecrets), null);
        }
        long deadline = System.nanoTime() + options.callTimeout().toNanos();
        long[] current = CALL_DEADLINE.get();
        long outer = current[0];
        long nested = current[1];
        if (nested != 0 && outer - deadline < 0) {
            deadline = outer;
        }
        current[0] = deadline;
        current[1] = 1;
        try {
            return execute(request, requestSecrets, deadline, scope);
        } finally {
            current[0] = outer;
            current[1] = nested;
        }
    }

    private ApiResponse execute(ApiRequest request, List<String> requestSecrets, long deadline,
            OperationScope scope) {
        RetryPolicy policy = options.retryPolicy();
        // a request may name its own token provider (a token per subject): it replaces the transport's
        TokenProvider tokens = request.tokens != null ? request.tokens : this.tokens;
        boolean authRetried = false;
        int attempt = 0;
        while (true) {
            attempt++;
            AccessToken token = null;
            if (request.authenticated && tokens != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(attempt, requestContext(request, requestSecrets));
                }
                // waits for a fetch another call started no longer than this call may take
                token = tokens.token(Duration.ofNanos(left));
            }
            AttemptState state = new AttemptState(deadline);
            Request httpRequest;
            try {
                httpRequest = toHttp(request, token, state);
            } catch (IllegalArgumentException e) {
                // OkHttp refuses control or non-ASCII characters in a header; its message may quote the value,
                // so it is not kept. A token that cannot be sent is dropped, or every call would fail until expiry.
                if (token != null) {
                    tokens.invalidate(token);
                }
                throw new DcbProtocolException(token != null
                        ? "the provider's token cannot be sent: it is not a valid HTTP header value"
                        : "a request header is not a valid HTTP header value", requestContext(request, requestSecrets),
                        null);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw timedOut(attempt, requestContext(request, requestSecrets));
            }
            if (scope != null) {
                scope.attempt();
            }
            Call call = client.newCall(httpRequest);
            long start = System.nanoTime();
            InterruptibleCall exchange = new InterruptibleCall(call);
            ErrorContext answerContext = answerContext(request, token, requestSecrets);
            ApiResponse response;
            try {
                response = exchange.run(raw -> read(raw, answerContext), deadline);
            } catch (IOException e) {
                log(request, attempt, start, -1, e);
                if (exchange.interrupted()) {
                    throw interrupted(request, state.sent, requestContext(request, requestSecrets), e);
                }
                boolean safe = !state.sent || request.isRetrySafe();
                Duration delay = policy.delayBeforeRetry(attempt, null);
                if (safe && attempt < policy.maxAttempts() && fits(deadline, delay)) {
                    if (scope != null) {
                        scope.retrying(request.operation, attempt, Observers.errorType(e), delay);
                    }
                    pause(delay, requestContext(request, requestSecrets));
                    continue;
                }
                throw new DcbTransportException(describe(e, state.sent, request),
                        requestContext(request, requestSecrets), !state.sent || request.isRetrySafe(), e);
            } catch (DcbProtocolException e) {
                log(request, attempt, start, -2, null);
                if (exchange.interrupted()) {
                    throw interrupted(request, state.sent, requestContext(request, requestSecrets), e);
                }
                throw e;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                // OkHttp is Kotlin: a checked InterruptedException can escape its connect phase undeclared
                log(request, attempt, start, -1, e);
                if (e instanceof InterruptedException || exchange.interrupted()) {
                    throw interrupted(request, state.sent, requestContext(request, requestSecrets), e);
                }
                throw new DcbTransportException("call failed (" + e.getClass().getSimpleName() + ")",
                        requestContext(request, requestSecrets), !state.sent || request.isRetrySafe(), e);
            }
            log(request, attempt, start, response.status(), null);
            if (scope != null) {
                scope.answered(response.context().requestId());
            }
            if (response.isSuccessful()) {
                return response;
            }
            if (response.status() >= 300 && response.status() < 400) {
                // named by status only: the Location header and its query may carry what the provider echoed
                throw new DcbProtocolException("the provider answered a redirect (HTTP " + response.status()
                        + "); redirects are never followed", response.context(), null);
            }
            response = request.scrubSensitive(response);
            if (response.status() == 401 && token != null && !authRetried) {
                tokens.invalidate(token);
                authRetried = true;
                if (scope != null) {
                    scope.retrying(request.operation, attempt, "401", Duration.ZERO);
                }
                attempt--;
                continue;
            }
            Duration retryAfter = HttpErrors.retryAfter(response);
            if (request.isRetrySafe() && attempt < policy.maxAttempts()
                    && policy.isRetryableStatus(response.status(), retryAfter != null)
                    && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0)) {
                Duration delay = policy.delayBeforeRetry(attempt, retryAfter);
                if (fits(deadline, delay)) {
                    if (scope != null) {
                        scope.retrying(request.operation, attempt, Integer.toString(response.status()), delay);
                    }
                    pause(delay, requestContext(request, requestSecrets));
                    continue;
                }
            }
            DcbException mapped = errorMapper.map(request, response);
            throw Objects.requireNonNull(mapped, "error mapper returned null");
        }
    }

    private DcbTransportException timedOut(int attempt, ErrorContext base) {
        return new DcbTransportException("call timeout of " + options.callTimeout().toMillis()
                + " ms exceeded before attempt " + attempt, base, null);
    }

    /** The calling thread was interrupted during an attempt: its flag is set again, the call ends. */
    private static DcbTransportException interrupted(ApiRequest request, boolean sent, ErrorContext base,
            Throwable cause) {
        Thread.currentThread().interrupt();
        return new DcbTransportException(sent
                ? "call interrupted after the request was sent; " + (request.isRetrySafe() ? "safe to repeat"
                        : "not retried: the provider may have applied it")
                : "call interrupted before the request was sent", base, !sent || request.isRetrySafe(), cause);
    }

    /**
     * An OkHttp call that an interrupt of the calling thread cancels. OkHttp's blocking {@code execute()}
     * does not notice interrupts while it waits on a socket; the JDK's hook for interruptible I/O does: while
     * {@link #run} is between {@code begin()} and {@code end()}, {@code Thread.interrupt()} closes this
     * channel, which cancels the call, so the socket wait ends at once. No extra thread, no polling.
     */
    private static final class InterruptibleCall extends AbstractInterruptibleChannel {
        private final Call call;

        InterruptibleCall(Call call) {
            this.call = call;
        }

        /**
         * Executes the call and reads its answer; the deadline ends it wherever it is (connecting, sending,
         * waiting, reading the answer) with an {@link InterruptedIOException}, as OkHttp's call timeout does.
         */
        ApiResponse run(ResponseReader reader, long deadline) throws IOException {
            CallDeadlines.Armed armed = CallDeadlines.SHARED.arm(call, deadline);
            try {
                return run(reader);
            } catch (IOException e) {
                if (CallDeadlines.SHARED.disarm(armed)) {
                    InterruptedIOException timeout = new InterruptedIOException("timeout");
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                CallDeadlines.SHARED.disarm(armed);
            }
        }

        private ApiResponse run(ResponseReader reader) throws IOException {
            boolean completed = false;
            begin();
            try (Response raw = call.execute()) {
                ApiResponse response = reader.read(raw);
                completed = true;
                return response;
            } finally {
                end(completed);
            }
        }

        /** Whether the calling thread was interrupted during {@link #run}, even if something cleared its flag. */
        boolean interrupted() {
            return !isOpen() || Thread.currentThread().isInterrupted();
        }

        @Override
        protected void implCloseChannel() {
            call.cancel();
        }
    }

    @FunctionalInterface
    private interface ResponseReader {
        ApiResponse read(Response raw) throws IOException;
    }

    private static boolean fits(long deadline, Duration delay) {
        return System.nanoTime() + delay.toNanos() < deadline;
    }

    private static void pause(Duration delay, ErrorContext context) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DcbTransportException("interrupted while waiting to retry", context, e);
        }
    }

    private static String describe(IOException e, boolean sent, ApiRequest request) {
        String kind = e instanceof InterruptedIOException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        if (!sent) {
            return "connection " + kind + " before the request was sent";
        }
        return "call " + kind + " after the request was sent; "
                + (request.isRetrySafe() ? "retries exhausted" : "not retried: the provider may have applied it"
                        + (request.reference == null ? "" : "; query the status of this "
                                + request.reference.kind() + " (see reference) before trying again"));
    }

    private Request toHttp(ApiRequest request, AccessToken token, AttemptState state) {
        Request.Builder b = new Request.Builder()
                .url(request.url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .tag(AttemptState.class, state);
        options.extraHeaders().forEach(b::header);
        request.headers.forEach(b::header);
        if (token != null) {
            b.header(token.headerName(), headerValue(token));
        }
        if (request.idempotencyKey != null) {
            b.header(request.idempotencyHeader, request.idempotencyKey);
        }
        b.method(request.method, request.body);
        return b.build();
    }

    private ApiResponse read(Response raw, ErrorContext base) throws IOException {
        ErrorContext context = base.withHttpStatus(status(raw.code()));
        String requestId = requestId(raw.headers());
        if (requestId != null) {
            context = context.withRequestId(requestId);
        }
        ResponseBody body = raw.body();
        byte[] bytes;
        long max = options.maxResponseBytes();
        if (body == null) {
            bytes = new byte[0];
        } else {
            long declared = body.contentLength();
            BufferedSource source = body.source();
            if (declared > max || source.request(max + 1)) {
                throw new DcbProtocolException("answer larger than " + max + " bytes", context, null);
            }
            bytes = source.readByteArray();
        }
        return new ApiResponse(raw.code(), new HeaderMap(raw.headers()), bytes, context);
    }

    /**
     * An answer's headers, names in lower case, each name's values in order: built on first use from OkHttp's
     * immutable headers, since most answers are read without looking at one.
     */
    static final class HeaderMap extends java.util.AbstractMap<String, List<String>> {
        private final Headers headers;
        private volatile Map<String, List<String>> map;

        HeaderMap(Headers headers) {
            this.headers = headers;
        }

        private Map<String, List<String>> map() {
            Map<String, List<String>> m = map;
            if (m == null) {
                Map<String, List<String>> built = new LinkedHashMap<>();
                for (String name : headers.names()) {
                    built.put(name.toLowerCase(Locale.ROOT), headers.values(name));
                }
                m = java.util.Collections.unmodifiableMap(built);
                map = m;
            }
            return m;
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return map().entrySet();
        }

        @Override
        public List<String> get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public int size() {
            return map().size();
        }
    }

    private static String requestId(Headers headers) {
        for (String name : REQUEST_ID_HEADERS) {
            String v = headers.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private void log(ApiRequest request, int attempt, long startNanos, int status, Exception failure) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        String outcome = status >= 0 ? Integer.toString(status)
                : failure != null ? failure.getClass().getSimpleName() : "unreadable answer";
        LOG.debug("{} {}: {} {} -> {} in {} ms (attempt {})", provider, request.operation, request.method,
                redact(request.url), outcome, ms, attempt);
    }

    /**
     * The URL as logged: sensitive query values replaced by {@code ***}, MSISDN-like numbers masked.
     *
     * @param url the URL
     * @return the redacted text
     */
    public static String redact(HttpUrl url) {
        StringBuilder sb = new StringBuilder();
        sb.append(Redaction.maskDigitRuns(url.encodedPath()));
        int n = url.querySize();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? '?' : '&').append(url.queryParameterName(i)).append('=');
            String v = url.queryParameterValue(i);
            if (v != null) {
                sb.append(Redaction.isSensitiveKey(url.queryParameterName(i)) ? Redaction.MASK
                        : Redaction.maskDigitRuns(v));
            }
        }
        return sb.toString();
    }

    /** The OkHttp client in use, for tests of its lifecycle. */
    OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * Refuses every later call with {@link IllegalStateException} and releases the connection pool and
     * threads, unless the OkHttp client was the caller's. Closing again does nothing.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Builds an {@link HttpTransport}. */
    public static final class Builder {
        private final String provider;
        private final ClientOptions options;
        private HttpUrl baseUrl;
        private TokenProvider tokens;
        private java.util.function.Function<HttpTransport, TokenProvider> tokensFactory;
        private ErrorMapper errorMapper;
        private final List<String> credentials = new java.util.ArrayList<>();

        private Builder(String provider, ClientOptions options) {
            this.provider = provider;
            this.options = options;
        }

        /**
         * The base URL, validated with {@link #parseBaseUrl}.
         *
         * @param key the configuration key, for errors
         * @param raw the URL
         * @return this builder
         */
        public Builder baseUrl(String key, String raw) {
            this.baseUrl = parseBaseUrl(provider, key, raw, options);
            return this;
        }

        /**
         * The token provider for authenticated calls.
         *
         * @param tokens the provider
         * @return this builder
         */
        public Builder tokens(TokenProvider tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * The token provider for authenticated calls, built from the transport itself: for token endpoints
         * that are called through the same transport (logging, retries, timeouts, TLS).
         *
         * @param factory receives the finished transport, returns the token provider
         * @return this builder
         */
        public Builder tokens(java.util.function.Function<HttpTransport, TokenProvider> factory) {
            this.tokensFactory = factory;
            return this;
        }

        /**
         * The provider's error mapping; status-based by default.
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder errorMapper(ErrorMapper mapper) {
            this.errorMapper = mapper;
            return this;
        }

        /**
         * The client's credentials (client secret, password, API key): masked in the provider text of every
         * answer, whichever call it answers, should the provider echo one. The values a request carries are
         * masked anyway (see {@link ApiRequest.Builder#sensitive}).
         *
         * @param values the credentials; null and blank ones are ignored
         * @return this builder
         */
        public Builder credentials(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    credentials.add(v);
                }
            }
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport
         */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
