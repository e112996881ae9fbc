package dev.quarry.annotation;

/** The addresses a {@link GenericIPAddressField} accepts. */
public enum IpProtocol {
    /** IPv4 and IPv6 addresses. */
    BOTH,
    /** IPv4 addresses only. */
    IPV4,
    /** IPv6 addresses only. */
    IPV6
}
