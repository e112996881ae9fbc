"""Django 3.2's verdicts on the samples of TextFormatsTest (the test asserts the same on every backend).

Run: /usr/bin/python3 text_formats_django.py           (prints each sample with Django's verdict)
     /usr/bin/python3 text_formats_django.py --write   (writes them into ../../../../resources/dev/quarry/textformats/samples.txt)
Also prints the canonical IPv6 forms Django stores (clean_ipv6_address), which the test compares.
"""
import os
import sys

import django
from django.conf import settings

settings.configure()
django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core import validators  # noqa: E402
from django.utils.ipv6 import clean_ipv6_address  # noqa: E402

CHECKS = {
    "EMAIL": validators.validate_email,
    "URL": validators.URLValidator(),
    "SLUG": validators.validate_slug,
    "UNICODE_SLUG": validators.validate_unicode_slug,
    "IP": validators.validate_ipv46_address,
    "IPV4": validators.validate_ipv4_address,
    "IPV6": validators.validate_ipv6_address,
}

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "../../../../resources/dev/quarry/textformats/samples.txt")


def verdict(fmt, value):
    try:
        CHECKS[fmt](value)
        return "valid"
    except ValidationError:
        return "invalid"


lines = []
with open(SAMPLES, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            lines.append(line)
            continue
        fmt, value = line.split("\t")[:2]
        lines.append(f"{fmt}\t{value}\t{verdict(fmt, value)}")

if "--write" in sys.argv:
    with open(SAMPLES, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
else:
    print("\n".join(lines))

for ip in ["2001:DB8:0:0:0:0:0:1", "2001:0db8:0000:0000:0001:0000:0000:0001", "::FFFF:10.0.0.1", "0:0:0:0:0:0:0:1",
           "fe80:0:0:1:0:0:0:1"]:
    print("canonical", ip, clean_ipv6_address(ip), clean_ipv6_address(ip, unpack_ipv4=True))
