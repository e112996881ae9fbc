package dev.quarry.model;

import java.util.regex.Pattern;

/**
 * The text formats of Django's specialised CharFields, checked by {@code fullClean()}: each says why a
 * value is not in its format, or {@code null} when it is. Values are never checked by {@code save()}
 * (as in Django, where validation is {@code full_clean()}'s job).
 */
public enum TextFormat {
    /** An email address: {@code @EmailField}. */
    EMAIL,
    /** An http, https, ftp or ftps URL: {@code @URLField}. */
    URL,
    /** ASCII letters, digits, underscores and hyphens: {@code @SlugField}. */
    SLUG,
    /** Letters and digits of any script, underscores and hyphens: {@code @SlugField(allowUnicode = true)}. */
    UNICODE_SLUG,
    /** An IPv4 or IPv6 address: {@code @GenericIPAddressField}. */
    IP,
    /** An IPv4 or IPv6 address, an IPv4-mapped IPv6 address stored as its IPv4 address. */
    IP_UNPACK_IPV4,
    /** An IPv4 address. */
    IPV4,
    /** An IPv6 address. */
    IPV6;

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    /** A dot-atom, or a quoted string of printable ASCII without spaces (as Django accepts). */
    private static final Pattern LOCAL = Pattern.compile(ATOM + "(\\." + ATOM + ")*|\"([!#-\\[\\]-~]|\\\\[ -~])*\"");
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9\\p{L}]([a-z0-9\\p{L}-]{0,61}[a-z0-9\\p{L}])?");
    private static final Pattern TOP_LABEL = Pattern.compile("(?i)(\\p{L}{2,63}|xn--[a-z0-9-]{1,59})");
    /** An email domain's last label may hold digits and hyphens too. */
    private static final Pattern MAIL_TOP_LABEL = Pattern.compile("(?i)[a-z0-9\\p{L}-]{1,62}[a-z0-9\\p{L}]");
    private static final Pattern URL_SHAPE = Pattern.compile("(?i)(https?|ftps?)://(?:([^\\s:@/]+(?::[^\\s@/]*)?)@)?"
            + "(\\[[^\\]\\s]+\\]|[^\\s:/?#\\[\\]@]+)(?::(\\d{1,5}))?([/?#]\\S*)?");
    private static final Pattern ASCII_SLUG = Pattern.compile("[-a-zA-Z0-9_]+");
    private static final Pattern ANY_SLUG = Pattern.compile("[-\\w]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Why {@code value} is not in this format (the message {@code fullClean()} reports), or {@code null}. */
    public String problem(String value) {
        return switch (this) {
            case EMAIL -> email(value) ? null : "Enter a valid email address.";
            case URL -> url(value) ? null : "Enter a valid URL.";
            case SLUG -> ASCII_SLUG.matcher(value).matches() ? null
                    : "Enter a valid slug: letters, numbers, underscores or hyphens.";
            case UNICODE_SLUG -> ANY_SLUG.matcher(value).matches() ? null
                    : "Enter a valid slug: Unicode letters, numbers, underscores or hyphens.";
            case IP, IP_UNPACK_IPV4 -> IpAddresses.isIpv4(value) || IpAddresses.ipv6Groups(value) != null ? null
                    : "Enter a valid IPv4 or IPv6 address.";
            case IPV4 -> IpAddresses.isIpv4(value) ? null : "Enter a valid IPv4 address.";
            case IPV6 -> IpAddresses.ipv6Groups(value) != null ? null : "Enter a valid IPv6 address.";
        };
    }

    /** Whether this is one of the IP address formats. */
    public boolean isIp() {
        return this == IP || this == IP_UNPACK_IPV4 || this == IPV4 || this == IPV6;
    }

    /** The form an IP address is stored and compared in: a valid IPv6 address canonical, anything else as it is. */
    String storedIp(String value) {
        String v = value.trim();
        if (v.indexOf(':') >= 0 && IpAddresses.ipv6Groups(v) != null) {
            return IpAddresses.canonicalIpv6(v, this == IP_UNPACK_IPV4);
        }
        return value;
    }

    private static boolean email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.length() > 320) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return false;
        }
        if (domain.startsWith("[") && domain.endsWith("]")) {
            String literal = domain.substring(1, domain.length() - 1);
            return IpAddresses.isIpv4(literal) || IpAddresses.ipv6Groups(literal) != null;
        }
        return domain.equalsIgnoreCase("localhost") || hostName(domain, false, MAIL_TOP_LABEL);
    }

    private static boolean url(String value) {
        if (value.length() > 2048) {
            return false;
        }
        var m = URL_SHAPE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String host = m.group(3);
        if (host.startsWith("[")) {
            return IpAddresses.ipv6Groups(host.substring(1, host.length() - 1)) != null;
        }
        return host.equalsIgnoreCase("localhost") || IpAddresses.isIpv4(host) || hostName(host, true, TOP_LABEL);
    }

    /** A host name of at least two labels, the last matching {@code top}; a final dot only where {@code finalDot}. */
    private static boolean hostName(String host, boolean finalDot, Pattern top) {
        String h = finalDot && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.length() > 253) {
            return false;
        }
        String[] labels = h.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return top.matcher(labels[labels.length - 1]).matches();
    }
}
