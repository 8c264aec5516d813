package io.dcb4j.core;

import io.dcb4j.core.error.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * String key/value configuration for {@link BillingProviders#create}. Reading a missing or malformed key
 * throws {@link ConfigurationException} naming the key (never its value). Immutable.
 *
 * <p>Keys every provider understands:
 * <ul>
 *   <li>{@code base-url}: the provider's API base URL (each provider documents its default)</li>
 *   <li>{@code connect-timeout}, {@code read-timeout}, {@code call-timeout}: durations such as {@code 10s},
 *       {@code 500ms}, {@code 2m} or ISO-8601 {@code PT10S}</li>
 *   <li>{@code max-attempts}: attempts per call including the first; {@code 1} disables retries</li>
 *   <li>{@code allow-insecure-http}: {@code true} to accept {@code http://} base URLs (simulators)</li>
 * </ul>
 *
 * <p>Settings that turn callback authentication on ({@code notification-secret}, its parameter name,
 * {@code notification-allowed-sources}) fail closed: a key left out means the
 * check is not configured, but a key that is present and blank ({@code ""}, spaces, {@code " , "}, as an
 * empty environment variable gives) is a {@link ConfigurationException} naming the key (see
 * {@link #optionalNonBlank} and {@link #allowList}).
 */
public final class ProviderConfig {

    /** Keys read by {@link #clientOptions()}. */
    public static final Set<String> COMMON_KEYS = Set.of(
            "base-url", "connect-timeout", "read-timeout", "call-timeout", "max-attempts", "allow-insecure-http");

    private final String provider;
    private final Map<String, String> values;
    private final ClientOptions baseOptions;

    private ProviderConfig(String provider, Map<String, String> values, ClientOptions baseOptions) {
        this.provider = provider;
        this.baseOptions = baseOptions;
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k.strip(), v.strip());
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * Wraps configuration values.
     *
     * @param provider the provider id, for error messages
     * @param values the values; null entries ignored
     * @return the configuration
     */
    public static ProviderConfig of(String provider, Map<String, String> values) {
        return of(provider, values, ClientOptions.defaults());
    }

    /** The values over base transport options, for {@link BillingProviders#create(String, Map, ClientOptions)}. */
    static ProviderConfig of(String provider, Map<String, String> values, ClientOptions baseOptions) {
        return new ProviderConfig(provider, values == null ? Map.of() : values, baseOptions);
    }

    /**
     * The configuration keys a provider finds in environment variables named {@code DCB_<PROVIDER>_<KEY>}:
     * provider and key upper case, dashes as underscores ({@code DCB_EKLECTIC_CLIENT_SECRET} is the
     * {@code client-secret} of {@code eklectic}, {@code DCB_B2M_AOC_BASE_URL} the {@code base-url} of
     * {@code b2m-aoc}).
     *
     * @param provider the provider id
     * @param env the environment, normally {@code System.getenv()}
     * @return the keys found, in lower case with dashes
     */
    public static Map<String, String> fromEnvironment(String provider, Map<String, String> env) {
        String prefix = "DCB_" + provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Map<String, String> keys = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length() && v != null) {
                keys.put(k.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'), v);
            }
        });
        return keys;
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
     * The keys present.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * A required value.
     *
     * @param key the key
     * @return the non-blank value
     * @throws ConfigurationException when missing or blank
     */
    public String require(String key) {
        return optional(key).orElseThrow(() -> new ConfigurationException(provider, key, "is required"));
    }

    /**
     * An optional value.
     *
     * @param key the key
     * @return the value when present and not blank
     */
    public Optional<String> optional(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * An optional value that must not be blank when present, for settings where blank must never silently
     * mean "off" (shared secrets, signing keys, their parameter names). An absent key gives empty (the
     * feature is not configured); a key that is present but blank ({@code ""}, spaces, or only commas, as an
     * empty environment variable gives) is a {@link ConfigurationException} naming the key.
     *
     * @param key the key
     * @return the value when present
     * @throws ConfigurationException when present but blank
     */
    public Optional<String> optionalNonBlank(String key) {
        String v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(io.dcb4j.core.spi.support.ConfigChecks.optionalNonBlank(provider, key, v));
    }

    /**
     * Requires {@code key} when {@code whenKey} is present: a setting that only makes sense with another
     * (a secret's parameter name without the secret) is a mistake, not an "off".
     *
     * @param key the key that is required
     * @param whenKey the key that needs it
     * @throws ConfigurationException naming {@code key} when {@code whenKey} is present and {@code key} is not
     */
    public void requireIfPresent(String key, String whenKey) {
        if (values.containsKey(whenKey) && !values.containsKey(key)) {
            throw new ConfigurationException(provider, key, "is required when " + whenKey + " is set");
        }
    }

    /**
     * A boolean ({@code true}/{@code false}, any case).
     *
     * @param key the key
     * @param defaultValue when absent
     * @return the value
     * @throws ConfigurationException when not a boolean
     */
    public boolean bool(String key, boolean defaultValue) {
        return optional(key).map(v -> {
            String s = v.toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            throw new ConfigurationException(provider, key, "must be true or false");
        }).orElse(defaultValue);
    }

    /**
     * A whole number.
     *
     * @param key the key
     * @return the value when present
     * @throws ConfigurationException when not a whole number
     */
    public Optional<Integer> integer(String key) {
        return optional(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(provider, key, "must be a whole number");
            }
        });
    }

    /**
     * A duration: {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601.
     *
     * @param key the key
     * @return the value when present
     * @throws ConfigurationException when unreadable or not positive
     */
    public Optional<Duration> duration(String key) {
        return optional(key).map(v -> {
            Duration d = parseDuration(v.toLowerCase(Locale.ROOT));
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigurationException(provider, key, "must be a positive duration such as 10s or 500ms");
            }
            return d;
        });
    }

    private static Duration parseDuration(String v) {
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            char unit = v.charAt(v.length() - 1);
            String num = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1).strip();
            long n = Long.parseLong(num);
            return switch (unit) {
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * A comma-separated list.
     *
     * @param key the key
     * @return the trimmed, non-empty entries; empty when the key is absent
     */
    public java.util.List<String> list(String key) {
        return optional(key).map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
    }

    /**
     * A source-address allow-list: comma-separated IP addresses or CIDR blocks. An absent key gives empty
     * (any source is accepted); a key that is present but lists nothing ({@code ""}, spaces, {@code " , "})
     * is a {@link ConfigurationException}, never an allow-everything.
     *
     * @param key the key, normally {@code notification-allowed-sources}
     * @return the allow-list when the key is present
     * @throws ConfigurationException when present but blank, or an entry is not a literal address or block
     */
    public Optional<io.dcb4j.core.notification.SourceAddressAllowList> allowList(String key) {
        String v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(io.dcb4j.core.spi.support.ConfigChecks.allowList(provider, key, java.util.List.of(v)));
    }

    /**
     * Refuses keys outside {@code known} and {@link #COMMON_KEYS}, so that a typo does not pass silently. A
     * known key ending in {@code <name>} (for example {@code header.<name>}) accepts every key with its prefix.
     *
     * @param known the provider's keys
     * @throws ConfigurationException naming the first unknown key
     */
    public void rejectUnknownKeys(Set<String> known) {
        for (String key : values.keySet()) {
            if (COMMON_KEYS.contains(key) || known.contains(key)) {
                continue;
            }
            boolean prefixed = known.stream().anyMatch(k -> k.endsWith("<name>")
                    && key.startsWith(k.substring(0, k.length() - "<name>".length()))
                    && key.length() > k.length() - "<name>".length());
            if (!prefixed) {
                throw new ConfigurationException(provider, key, "is not a key of this provider; known keys: "
                        + new java.util.TreeSet<>(known));
            }
        }
    }

    /**
     * A time zone id such as {@code Africa/Tunis} or {@code UTC}.
     *
     * @param key the key, normally {@code zone}
     * @return the zone when the key is present
     * @throws ConfigurationException when not a known zone id
     */
    public Optional<java.time.ZoneId> zone(String key) {
        return optional(key).map(v -> {
            try {
                return java.time.ZoneId.of(v.strip());
            } catch (java.time.DateTimeException e) {
                throw new ConfigurationException(provider, key, "is not a known time zone id such as UTC");
            }
        });
    }

    /**
     * An ISO 4217 currency code, in any case.
     *
     * @param key the key, normally {@code currency}
     * @return the currency when the key is present
     * @throws ConfigurationException when not an ISO 4217 code
     */
    public Optional<java.util.Currency> currency(String key) {
        return optional(key).map(v -> {
            try {
                return java.util.Currency.getInstance(v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(provider, key, "is not an ISO 4217 currency code");
            }
        });
    }

    /**
     * The transport options from the common keys, over the options given to {@link
     * BillingProviders#create(String, Map, ClientOptions)} (else {@link ClientOptions#defaults()}): a key
     * present here overrides the base's value, and {@code max-attempts} replaces its retry policy with the
     * default policy of that many attempts.
     *
     * @return the options
     * @throws ConfigurationException when a common key is malformed
     */
    public ClientOptions clientOptions() {
        ClientOptions.Builder b = baseOptions.toBuilder();
        duration("connect-timeout").ifPresent(b::connectTimeout);
        duration("read-timeout").ifPresent(b::readTimeout);
        duration("call-timeout").ifPresent(b::callTimeout);
        integer("max-attempts").ifPresent(n -> {
            if (n < 1) {
                throw new ConfigurationException(provider, "max-attempts", "must be at least 1");
            }
            b.retryPolicy(RetryPolicy.builder().maxAttempts(n).build());
        });
        b.allowInsecureHttp(bool("allow-insecure-http", baseOptions.allowInsecureHttp()));
        return b.build();
    }

    /** Keys only, never values (they hold secrets). */
    @Override
    public String toString() {
        return "ProviderConfig[" + provider + ", keys=" + values.keySet() + "]";
    }
}
