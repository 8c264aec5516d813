package io.dcb4j.core.notification;

import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotificationRejectedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts callbacks only from the provider's published address ranges, as CIDR blocks
 * ({@code 196.13.0.0/16}, {@code 2001:db8::/32}) or single addresses. Only literal IP addresses are
 * compared; nothing is resolved through DNS. Immutable.
 */
public final class SourceAddressAllowList {

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private SourceAddressAllowList(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses CIDR blocks.
     *
     * @param cidrs blocks such as {@code 10.1.0.0/16} or single addresses; at least one
     * @return the allow-list
     * @throws IllegalArgumentException when there is no block, or a block is blank or not a literal address
     *     with a valid prefix
     */
    public static SourceAddressAllowList of(String... cidrs) {
        if (cidrs == null || cidrs.length == 0) {
            // an allow-list that lists nothing is a configuration mistake, not a policy: refuse it here
            throw new IllegalArgumentException("an allow-list needs at least one address or CIDR block");
        }
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            String c = cidr.strip();
            int slash = c.indexOf('/');
            byte[] network = literal(slash < 0 ? c : c.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + c + "'");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(c.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in '" + c + "'");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new SourceAddressAllowList(blocks);
    }

    /**
     * Whether an address is inside one of the blocks.
     *
     * @param address a literal IPv4 or IPv6 address, or null
     * @return true when allowed
     */
    public boolean allows(String address) {
        byte[] a = address == null ? null : literal(address);
        if (a == null) {
            return false;
        }
        if (a.length == 16 && isMappedV4(a)) {
            byte[] v4 = new byte[] {a[12], a[13], a[14], a[15]};
            if (blocks.stream().anyMatch(b -> b.contains(v4))) {
                return true;
            }
        }
        for (Block b : blocks) {
            if (b.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Requires the notification's source address to be allowed.
     *
     * @param provider the provider id, for the exception
     * @param notification the callback
     * @throws NotificationRejectedException when the address is unknown or outside the blocks
     */
    public void require(String provider, InboundNotification notification) {
        String from = notification.remoteAddress().orElse(null);
        if (!allows(from)) {
            throw new NotificationRejectedException(NotificationRejectedException.Reason.SOURCE_ADDRESS,
                    from == null ? "source address unknown"
                    : "source address " + from + " not in the allow-list", ErrorContext.of(provider, "parseNotification"),
                    null);
        }
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static byte[] literal(String s) {
        String t = s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 45) {
            return null;
        }
        boolean hasColon = t.indexOf(':') >= 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c == '.' || c == ':' || Character.isDigit(c)
                    || (hasColon && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return null; // never hand a host name to the resolver
            }
        }
        if (!hasColon && t.chars().filter(ch -> ch == '.').count() != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
