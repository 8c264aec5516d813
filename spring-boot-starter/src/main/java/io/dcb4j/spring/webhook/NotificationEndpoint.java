package io.dcb4j.spring.webhook;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.spring.BillingProviderRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The callback endpoint {@code GET|POST <dcb4j.webhook.path>/<provider>}, mapped when {@code
 * dcb4j.webhook.enabled=true}. For each request it:
 * <ol>
 *   <li>finds the provider by the path's id (404 when none is configured or it sends no callbacks);</li>
 *   <li>has the provider's parser check the callback's authenticity (shared secret, signature, source
 *       address, as configured) and read it: a refused callback is answered 401, a malformed one 400, and
 *       both are logged at WARN with the reason, never a secret;</li>
 *   <li>claims the event with the {@link EventDeduplicator}: a repeated delivery is only acknowledged;</li>
 *   <li>publishes the {@link BillingEvent} as an application event ({@code @EventListener void
 *       on(BillingEvent event)}); when a listener throws, the claim is given back and the answer is 500, so
 *       that the provider delivers the callback again;</li>
 *   <li>answers the provider's own acknowledgement ({@link BillingEvent#acknowledgement()}).</li>
 * </ol>
 * A body larger than {@code dcb4j.webhook.max-body-size} is answered 413 unread.
 */
@Controller
public final class NotificationEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationEndpoint.class);

    private final BillingProviderRegistry providers;
    private final EventDeduplicator deduplicator;
    private final ApplicationEventPublisher publisher;
    private final long maxBodyBytes;

    /**
     * Creates the endpoint.
     *
     * @param providers the configured providers
     * @param deduplicator remembers the events processed
     * @param publisher publishes each new event
     * @param maxBodyBytes the largest body read
     */
    public NotificationEndpoint(BillingProviderRegistry providers, EventDeduplicator deduplicator,
            ApplicationEventPublisher publisher, long maxBodyBytes) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Receives one callback.
     *
     * @param provider the provider id from the path
     * @param request the HTTP request
     * @return the answer for the provider
     * @throws IOException when the body cannot be read
     */
    @RequestMapping(path = "${dcb4j.webhook.path:/dcb4j/notifications}/{provider}",
            method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<byte[]> receive(@PathVariable("provider") String provider, HttpServletRequest request)
            throws IOException {
        String remote = request.getRemoteAddr();
        Optional<NotificationParser> parser = providers.find(provider).flatMap(BillingProvider::notifications);
        if (parser.isEmpty()) {
            LOG.warn("dcb4j refused a callback from {}: no configured provider '{}' receives callbacks", remote,
                    Redaction.providerText(provider, List.of(), 64));
            return answer(new Acknowledgement(404, "text/plain; charset=utf-8", "unknown provider"));
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            LOG.warn("dcb4j refused a {} callback from {}: body of {} bytes over the limit of {}", provider,
                    remote, request.getContentLengthLong(), maxBodyBytes);
            return answer(new Acknowledgement(413, "text/plain; charset=utf-8", "too large"));
        }
        byte[] body = readBody(request);
        if (body == null) {
            LOG.warn("dcb4j refused a {} callback from {}: body over the limit of {} bytes", provider, remote,
                    maxBodyBytes);
            return answer(new Acknowledgement(413, "text/plain; charset=utf-8", "too large"));
        }
        BillingEvent event;
        try {
            event = parser.get().parse(toNotification(request, body));
        } catch (NotificationRejectedException e) {
            LOG.warn("dcb4j refused a {} callback from {}: {}", provider, remote, e.getMessage());
            return answer(new Acknowledgement(401, "text/plain; charset=utf-8", "rejected"));
        } catch (DcbProtocolException | IllegalArgumentException e) {
            LOG.warn("dcb4j refused a malformed {} callback from {}: {}", provider, remote, e.getMessage());
            return answer(new Acknowledgement(400, "text/plain; charset=utf-8", "malformed notification"));
        }
        if (!deduplicator.claim(event)) {
            LOG.debug("dcb4j acknowledged a repeated {} callback: {}", provider, event);
            return answer(event.acknowledgement());
        }
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            deduplicator.release(event);
            LOG.error("dcb4j: a listener failed on {}; answering 500 so that the provider delivers it again",
                    event, e);
            return answer(new Acknowledgement(500, "text/plain; charset=utf-8", "try again later"));
        }
        LOG.debug("dcb4j received {}", event);
        return answer(event.acknowledgement());
    }

    /**
     * Converts a servlet request into a framework-neutral notification: method, raw path and query, headers,
     * body and the sender's address as the container sees it (behind a proxy, let Spring's forwarded-header
     * support set it).
     *
     * @param request the request
     * @param body the body bytes already read
     * @return the notification
     */
    public static InboundNotification toNotification(HttpServletRequest request, byte[] body) {
        InboundNotification.Builder b = InboundNotification.builder(request.getMethod())
                .path(request.getRequestURI()).rawQuery(request.getQueryString()).body(body)
                .remoteAddress(request.getRemoteAddr());
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                b.header(name, value);
            }
        }
        return b.build();
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBodyBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ResponseEntity<byte[]> answer(Acknowledgement ack) {
        return ResponseEntity.status(ack.status()).header(HttpHeaders.CONTENT_TYPE, contentType(ack))
                .body(ack.body().getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(Acknowledgement ack) {
        try {
            return MediaType.parseMediaType(ack.contentType()).toString();
        } catch (IllegalArgumentException e) {
            return MediaType.TEXT_PLAIN_VALUE;
        }
    }
}
