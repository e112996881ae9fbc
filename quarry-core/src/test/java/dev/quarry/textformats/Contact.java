package dev.quarry.textformats;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.EmailField;
import dev.quarry.annotation.GenericIPAddressField;
import dev.quarry.annotation.IpProtocol;
import dev.quarry.annotation.SlugField;
import dev.quarry.annotation.URLField;

/** One field of each text format. */
public class Contact extends Model {
    public static final Manager<Contact> objects = Manager.of(Contact.class);

    @EmailField(nullable = true)
    public String email;

    @URLField(nullable = true)
    public String url;

    @SlugField(nullable = true)
    public String slug;

    @SlugField(allowUnicode = true, nullable = true)
    public String unicodeSlug;

    @GenericIPAddressField(nullable = true)
    public String ip;

    @GenericIPAddressField(protocol = IpProtocol.IPV4, nullable = true)
    public String ipv4;

    @GenericIPAddressField(protocol = IpProtocol.IPV6, nullable = true)
    public String ipv6;

    @GenericIPAddressField(unpackIpv4 = true, nullable = true)
    public String unpacked;
}
