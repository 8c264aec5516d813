package io.dcb4j.spring.actuate;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.SubscriptionRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one provider: its configuration is valid (the client was built) and, when probing is on, the
 * provider is reachable and accepts the credentials. The probe reads the status of a subscription (or, for
 * providers without subscription status, a charge) whose id does not exist ({@value #PROBE_ID}, or {@value
 * #PROBE_NUMBER} where the provider's ids are numbers): answering it needs a token and a reachable provider,
 * and a not-found answer is the healthy one. The result is kept for the cache time, so that
 * frequent health checks do not reach the provider; concurrent checks share one probe.
 *
 * <ul>
 *   <li>UP: the provider answered (not found, or any answer other than those below), or probing is off, or the
 *       provider has no read operation to probe with;</li>
 *   <li>DOWN: the credentials were refused ({@code AuthenticationException}), the provider is unavailable or
 *       unreachable, or it answered something dcb4j cannot read;</li>
 *   <li>UNKNOWN: the provider limited the rate of calls, or the probe failed in another way.</li>
 * </ul>
 * Details name the provider, its capabilities, what was checked and when; never a credential.
 */
public final class BillingProviderHealthIndicator implements HealthIndicator {

    /** The id the probe looks up; no provider has it. */
    public static final String PROBE_ID = "dcb4j-health-probe";

    /** The id the probe looks up where a provider's ids are numbers. */
    public static final String PROBE_NUMBER = "9000000000000000001";

    private final BillingProvider provider;
    private final boolean probe;
    private final Duration cacheTtl;
    private final Clock clock;
    private Health cached;
    private Instant cachedUntil = Instant.MIN;

    /**
     * Creates the indicator.
     *
     * @param provider the provider
     * @param probe whether to call the provider
     * @param cacheTtl how long a result is reused
     * @param clock the clock for the cache
     */
    public BillingProviderHealthIndicator(BillingProvider provider, boolean probe, Duration cacheTtl, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.probe = probe;
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedUntil)) {
            cached = check(now);
            cachedUntil = now.plus(cacheTtl);
        }
        return cached;
    }

    private Health check(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider.id());
        details.put("capabilities", new TreeSet<>(provider.capabilities()).toString());
        details.put("configuration", "valid");
        details.put("checkedAt", now.toString());
        if (!probe) {
            details.put("probe", "off");
            return Health.up().withDetails(details).build();
        }
        List<Probe> probes = probes();
        if (probes.isEmpty()) {
            details.put("probe", "none: the provider has no read operation");
            return Health.up().withDetails(details).build();
        }
        try {
            for (Probe p : probes) {
                try {
                    details.put("probe", p.description());
                    p.call().run();
                    details.put("result", "answered");
                    return Health.up().withDetails(details).build();
                } catch (IllegalArgumentException e) {
                    // the provider's client refused the id's form before sending anything: try the next probe
                }
            }
            return outcome(Status.UNKNOWN, details, "no probe fits the provider's ids",
                    new IllegalArgumentException());
        } catch (AuthenticationException e) {
            return outcome(Status.DOWN, details, "credentials refused", e);
        } catch (ProviderUnavailableException | DcbTransportException e) {
            return outcome(Status.DOWN, details, "unreachable or unavailable", e);
        } catch (RateLimitedException e) {
            return outcome(Status.UNKNOWN, details, "rate limited", e);
        } catch (DcbProtocolException e) {
            return outcome(Status.DOWN, details, "unreadable answer", e);
        } catch (DcbApiException e) {
            details.put("result", "answered " + e.getClass().getSimpleName() + ": reachable, credentials accepted");
            return Health.up().withDetails(details).build();
        } catch (DcbException | IllegalStateException e) {
            return outcome(Status.UNKNOWN, details, "probe failed", e);
        }
    }

    /** One read of an id that does not exist. */
    private record Probe(String description, Runnable call) {
    }

    /** The reads this provider offers, with an id in two forms: a word, and a number for providers of numeric ids. */
    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        provider.subscriptions().ifPresent(s -> {
            probes.add(new Probe("subscription status of an unknown id", () -> s.status(SubscriptionRef.of(PROBE_ID))));
            probes.add(new Probe("subscription status of an unknown number",
                    () -> s.status(SubscriptionRef.of(PROBE_NUMBER))));
        });
        provider.charges().ifPresent(c -> {
            probes.add(new Probe("charge status of an unknown id", () -> c.status(ChargeRef.of(PROBE_ID))));
            probes.add(new Probe("charge status of an unknown number", () -> c.status(ChargeRef.of(PROBE_NUMBER))));
        });
        return probes;
    }

    private static Health outcome(Status status, Map<String, Object> details, String result, RuntimeException e) {
        details.put("result", result);
        details.put("error", e.getClass().getName());
        return Health.status(status).withDetails(details).build();
    }
}
