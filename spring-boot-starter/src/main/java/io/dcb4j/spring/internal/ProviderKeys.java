package io.dcb4j.spring.internal;

import io.dcb4j.spring.ProviderProperties;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns the typed provider properties into the keys of {@code BillingProviders.create}, describes them
 * without secrets, and tells which property names hold secrets.
 */
public final class ProviderKeys {

    /** Properties that are not keys: {@code enabled} and the transport settings that go into ClientOptions. */
    static final Set<String> NOT_KEYS = Set.of("enabled", "connectTimeout", "readTimeout", "callTimeout",
            "maxAttempts", "allowInsecureHttp");

    /** The components whose values are secrets, as property names without dashes, lower case. */
    static final Set<String> SECRET_NAMES = Set.of("clientsecret", "password", "apikey", "notificationsecret",
            "header");

    /** The typed blocks in their fixed order, by id. */
    private static final List<String> TYPED_IDS = List.of("eklectic", "infomedia", "eclipse-vas", "centili",
            "b2m-aoc");

    private static final String MASK = "******";

    private ProviderKeys() {
    }

    /**
     * The provider keys of a typed block.
     *
     * @param properties a record implementing {@link ProviderProperties}
     * @return key to value, for the properties that are set
     */
    public static Map<String, String> of(ProviderProperties properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (RecordComponent c : components(properties)) {
            if (NOT_KEYS.contains(c.getName())) {
                continue;
            }
            Object value = read(properties, c);
            if (value instanceof Map<?, ?> map) {
                String prefix = key(c.getName()) + ".";
                map.forEach((k, v) -> {
                    if (k != null && v != null) {
                        keys.put(prefix + k, v.toString());
                    }
                });
            } else if (value instanceof Duration d) {
                keys.put(key(c.getName()), d.toMillis() + "ms");
            } else if (value != null) {
                keys.put(key(c.getName()), value.toString());
            }
        }
        return keys;
    }

    /**
     * The typed blocks that are set, by provider id, in the order eklectic, infomedia, eclipse-vas, centili,
     * b2m-aoc.
     *
     * @param blocks the blocks in that order, null where not set
     * @return id to block
     */
    public static Map<String, ProviderProperties> typed(ProviderProperties... blocks) {
        Map<String, ProviderProperties> typed = new LinkedHashMap<>();
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] != null) {
                typed.put(TYPED_IDS.get(i), blocks[i]);
            }
        }
        return typed;
    }

    /**
     * The properties that are set, secrets masked.
     *
     * @param properties the block
     * @return for example {@code Eklectic[enabled=true, clientId=shop, clientSecret=******]}
     */
    public static String describe(ProviderProperties properties) {
        StringJoiner out = new StringJoiner(", ", properties.getClass().getSimpleName() + "[", "]");
        for (RecordComponent c : components(properties)) {
            Object value = read(properties, c);
            if (value == null || value instanceof Map<?, ?> m && m.isEmpty()) {
                continue;
            }
            boolean secret = SECRET_NAMES.contains(c.getName().toLowerCase(Locale.ROOT));
            if (secret && value instanceof Map<?, ?> map) {
                StringJoiner names = new StringJoiner(", ", "{", "}");
                map.keySet().forEach(k -> names.add(k + "=" + MASK));
                out.add(c.getName() + "=" + names);
            } else {
                out.add(c.getName() + "=" + (secret ? MASK : value));
            }
        }
        return out.toString();
    }

    /**
     * The keys of providers configured under {@code dcb4j.providers.other}, the values of secret-looking keys
     * masked.
     *
     * @param other id to keys
     * @return the description
     */
    public static String describeOther(Map<String, Map<String, String>> other) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        other.forEach((id, keys) -> {
            StringJoiner one = new StringJoiner(", ", id + "={", "}");
            keys.forEach((k, v) -> one.add(k + "=" + (isSecret("dcb4j.providers.other." + id + "." + k) ? MASK : v)));
            out.add(one.toString());
        });
        return out.toString();
    }

    /**
     * Whether a property or environment variable name holds a dcb4j secret: a provider's client secret,
     * password, API key, callback secret or extra header under {@code dcb4j.providers}, in any of Spring's
     * spellings ({@code dcb4j.providers.eklectic.client-secret}, {@code clientSecret},
     * {@code DCB4J_PROVIDERS_EKLECTIC_CLIENTSECRET}).
     *
     * @param name the name
     * @return true when the value must not be shown
     */
    public static boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String flat = lower.replace("-", "").replace("_", ".").replace("[", ".").replace("]", "");
        String[] parts = flat.split("\\.");
        if (parts.length == 0) {
            return false;
        }
        String last = parts[parts.length - 1];
        if (SECRET_NAMES.contains(last) && !last.equals("header")) {
            return true;
        }
        // other providers' keys end with their own names: secret, password, key, token
        boolean underProviders = flat.contains("providers.");
        if (underProviders && (last.endsWith("secret") || last.endsWith("password") || last.endsWith("key")
                || last.endsWith("token"))) {
            return true;
        }
        // extra headers: dcb4j.providers.b2m-aoc.header.X-Api-Key, or the key of the header map itself
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("header") && underProviders) {
                return true;
            }
        }
        return false;
    }

    /**
     * The keys of a provider maintained elsewhere, matched to the keys its factory reads whatever the
     * spelling Spring's binding produced ({@code client.secret} from {@code ..._CLIENT_SECRET}, {@code
     * clientsecret} from {@code ..._CLIENTSECRET}): a key equal to a known key once dashes, dots and
     * underscores are removed and case ignored takes the known spelling; any other key is kept as it is.
     *
     * @param keys the bound keys
     * @param known the factory's keys
     * @return the keys in the factory's spelling
     */
    public static Map<String, String> relaxed(Map<String, String> keys, Set<String> known) {
        Map<String, String> byFlat = new LinkedHashMap<>();
        known.forEach(k -> byFlat.put(flat(k), k));
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((k, v) -> out.put(byFlat.getOrDefault(flat(k), k), v));
        return out;
    }

    private static String flat(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace(".", "").replace("_", "");
    }

    /** {@code clientSecret} to {@code client-secret}. */
    static String key(String componentName) {
        StringBuilder out = new StringBuilder();
        for (char ch : componentName.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('-').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static RecordComponent[] components(ProviderProperties properties) {
        RecordComponent[] components = properties.getClass().getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(properties.getClass().getName() + " is not a record");
        }
        return components;
    }

    private static Object read(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
