package io.dcb4j.core.spi.support;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.notification.SourceAddressAllowList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks shared by factories, client builders and notification parsers for the settings that turn callback
 * authentication on (shared secrets, HMAC keys, source-address allow-lists). The rule: an absent setting
 * (null, or a key left out) means the check is not configured; a setting that is present but blank is a
 * {@link ConfigurationException} naming the key, never a silent "off". Internal.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    /**
     * Whether a value is blank: empty, or nothing but whitespace and commas (what an empty environment
     * variable or an empty comma-separated list gives).
     *
     * @param value the value, not null
     * @return true when blank
     */
    public static boolean isBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ',' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An optional secret, key or parameter name.
     *
     * @param provider the provider id, for the exception
     * @param key the configuration key the value belongs to
     * @param value the value; null when not configured
     * @return the value unchanged, or null when it was null
     * @throws ConfigurationException naming the key when the value is present but blank
     */
    public static String optionalNonBlank(String provider, String key, String value) {
        if (value != null && isBlank(value)) {
            throw blank(provider, key);
        }
        return value;
    }

    /**
     * A source-address allow-list from addresses or CIDR blocks; entries may themselves be comma-separated.
     *
     * @param provider the provider id, for the exception
     * @param key the configuration key, normally {@code notification-allowed-sources}
     * @param entries the entries; null when not configured
     * @return the allow-list, or null when {@code entries} was null
     * @throws ConfigurationException naming the key when no entry is left once blanks are dropped, or an
     *     entry is not a literal address or block
     */
    public static SourceAddressAllowList allowList(String provider, String key, Collection<String> entries) {
        if (entries == null) {
            return null;
        }
        List<String> blocks = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null) {
                continue;
            }
            for (String part : entry.split(",")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    blocks.add(p);
                }
            }
        }
        if (blocks.isEmpty()) {
            throw blank(provider, key);
        }
        try {
            return SourceAddressAllowList.of(blocks.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(provider, key, "must list IP addresses or CIDR blocks");
        }
    }

    /**
     * The exception for a present but blank setting.
     *
     * @param provider the provider id
     * @param key the key
     * @return the exception
     */
    public static ConfigurationException blank(String provider, String key) {
        return new ConfigurationException(provider, key,
                "is blank: give a value, or leave the setting out where the check is not wanted");
    }
}
