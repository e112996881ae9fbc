package dev.quarry.model;

/**
 * IP addresses as text, parsed by hand (never {@code InetAddress.getByName}, which would resolve a host
 * name): whether text is an IPv4 or IPv6 address, and the canonical form of an IPv6 address (lower case,
 * leading zeros dropped, the longest run of zero groups written {@code ::}, RFC 5952), with an IPv4-mapped
 * address ({@code ::ffff:1.2.3.4}) optionally unpacked to its IPv4 address.
 */
final class IpAddresses {
    private IpAddresses() {}

    /** Whether {@code s} is a dotted-quad IPv4 address: four numbers 0 to 255, no leading zeros, no signs. */
    static boolean isIpv4(String s) {
        return ipv4Bytes(s) != null;
    }

    private static int[] ipv4Bytes(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** The eight 16-bit groups of an IPv6 address, or {@code null} when {@code s} is not one. */
    static int[] ipv6Groups(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        int[] groups = new int[8];
        String head = s;
        String tail = null;
        int gap = s.indexOf("::");
        if (gap >= 0) {
            if (s.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            head = s.substring(0, gap);
            tail = s.substring(gap + 2);
        }
        int[] h = groups(head, tail == null);
        int[] t = tail == null ? new int[0] : groups(tail, true);
        if (h == null || t == null) {
            return null;
        }
        if (tail == null ? h.length != 8 : h.length + t.length > 7) {
            return null;
        }
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(t, 0, groups, 8 - t.length, t.length);
        return groups;
    }

    /** The groups of one side of {@code ::}; the last part may be an IPv4 address (two groups) where {@code last}. */
    private static int[] groups(String side, boolean last) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && last && p.indexOf('.') >= 0) {
                int[] v4 = ipv4Bytes(p);
                if (v4 == null) {
                    return null;
                }
                out[n++] = v4[0] << 8 | v4[1];
                out[n++] = v4[2] << 8 | v4[3];
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v << 4 | d;
            }
            out[n++] = v;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The canonical text of IPv6 address {@code s} (which must be one): lower case, no leading zeros, the
     * longest run of two or more zero groups as {@code ::}; an IPv4-mapped address keeps its dotted tail,
     * or is given as plain IPv4 when {@code unpackIpv4}.
     */
    static String canonicalIpv6(String s, boolean unpackIpv4) {
        int[] g = ipv6Groups(s);
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        String v4 = mapped ? (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff) : null;
        if (mapped && unpackIpv4) {
            return v4;
        }
        if (mapped) {
            return "::ffff:" + v4;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
