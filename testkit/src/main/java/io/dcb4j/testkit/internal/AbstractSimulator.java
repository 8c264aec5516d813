package io.dcb4j.testkit.internal;

import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.testkit.RecordedRequest;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plumbing every simulator shares: the loopback server, recorded requests, generated notifications
 * and their delivery, magic-MSISDN failure paths. Subclasses add their routes in the constructor.
 */
public abstract class AbstractSimulator implements Simulator {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The server; add routes to it. */
    protected final SimServer server;

    private final String providerId;
    private final List<InboundNotification> notifications = Collections.synchronizedList(new ArrayList<>());
    private volatile String deliveryUrl;
    private volatile HttpClient deliveryClient;

    /**
     * Starts the server.
     *
     * @param providerId the provider id
     */
    protected AbstractSimulator(String providerId) {
        this.providerId = providerId;
        this.server = new SimServer(providerId);
    }

    /**
     * Starts the server on a given address, for a simulator run as a standalone server.
     *
     * @param providerId the provider id
     * @param address the address and port to bind; port 0 for a free one
     */
    protected AbstractSimulator(String providerId, java.net.InetSocketAddress address) {
        this.providerId = providerId;
        this.server = new SimServer(providerId, address);
    }

    @Override
    public String providerId() {
        return providerId;
    }

    @Override
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    @Override
    public List<InboundNotification> notifications() {
        synchronized (notifications) {
            return List.copyOf(notifications);
        }
    }

    @Override
    public void deliverNotificationsTo(String url) {
        this.deliveryUrl = url;
    }

    /**
     * Forgets recorded requests and notifications; subclasses also clear their own state and call this.
     */
    @Override
    public void reset() {
        server.clearRequests();
        notifications.clear();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Records a GET callback with a raw (encoded) query string, and delivers it when a URL is set.
     *
     * @param path the callback path as the merchant would see it
     * @param rawQuery the encoded query string
     */
    protected void emitGet(String path, String rawQuery) {
        notifications.add(InboundNotification.builder("GET").path(path).rawQuery(rawQuery)
                .remoteAddress("127.0.0.1").build());
        String url = deliveryUrl;
        if (url != null) {
            send(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + rawQuery)).GET());
        }
    }

    /**
     * Records a POST callback with a body and headers, and delivers it when a URL is set.
     *
     * @param path the callback path
     * @param contentType the content type
     * @param body the body
     * @param headers extra headers (a signature, for example)
     */
    protected void emitPost(String path, String contentType, byte[] body, Map<String, String> headers) {
        InboundNotification.Builder b = InboundNotification.builder("POST").path(path)
                .header("Content-Type", contentType).body(body).remoteAddress("127.0.0.1");
        headers.forEach(b::header);
        notifications.add(b.build());
        String url = deliveryUrl;
        if (url != null) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(rb::header);
            send(rb);
        }
    }

    private void send(HttpRequest.Builder request) {
        HttpClient c = deliveryClient;
        if (c == null) {
            synchronized (this) {
                if (deliveryClient == null) {
                    deliveryClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                }
                c = deliveryClient;
            }
        }
        try {
            c.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the merchant endpoint is down: a real provider would retry later; the notification stays recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies the transport-level magic behaviours: {@link MagicMsisdn#PROVIDER_OUTAGE} answers 503 at once
     * (by throwing), {@link MagicMsisdn#SLOW_ANSWER} delays the given answer.
     *
     * @param msisdn the number of the request, as sent, or null
     * @param answer the answer otherwise
     * @return the answer, possibly delayed
     * @throws SimResponse.Failure for the outage number
     */
    protected SimResponse withTransportMagic(String msisdn, SimResponse answer) {
        Optional<MagicMsisdn> magic = MagicMsisdn.of(msisdn);
        if (magic.isPresent() && magic.get() == MagicMsisdn.PROVIDER_OUTAGE) {
            throw new SimResponse.Failure(SimResponse.text(503, "text/html", "<html>503 Service Unavailable</html>"));
        }
        if (magic.isPresent() && magic.get() == MagicMsisdn.SLOW_ANSWER) {
            return answer.delayed(Duration.ofMillis(MagicMsisdn.SLOW_ANSWER_DELAY_MILLIS));
        }
        return answer;
    }

    /**
     * A random numeric PIN.
     *
     * @param digits how many digits
     * @return the PIN
     */
    protected static String randomPin(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }

    /**
     * A random hexadecimal id.
     *
     * @param bytes how many random bytes
     * @return the id
     */
    protected static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder(bytes * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
