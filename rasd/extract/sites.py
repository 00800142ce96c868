"""Which outlet a URL belongs to: canonical names for the domains of the outlets Rasd follows."""

from __future__ import annotations

from urllib.parse import urlsplit

# Outlets whose site name pages spell several ways; the names match rasd.corpora and rasd.extract.outlets.
_OUTLET_BY_DOMAIN = {
    "aljazeera.net": "Al Jazeera",
    "aawsat.com": "Asharq Al-Awsat",
    "enabbaladi.net": "Enab Baladi",
    "almayadeen.net": "Al Mayadeen",
    "alarabiya.net": "Al Arabiya",
    "skynewsarabia.com": "Sky News Arabia",
    "bbc.com": "BBC Arabic",
    "france24.com": "France 24",
    "cnn.com": "CNN Arabic",
    "sana.sy": "SANA",
    "aa.com.tr": "Anadolu Agency",
    "alquds.co.uk": "Al-Quds Al-Arabi",
    "independentarabia.com": "Independent Arabia",
    "alaraby.co.uk": "Al-Araby Al-Jadeed",
    "annahar.com": "Annahar",
    "al-akhbar.com": "Al-Akhbar",
    "syria.tv": "Syria TV",
    "hespress.com": "Hespress",
    "jawharafm.net": "Jawhara FM",
    "lbcgroup.tv": "LBCI",
    "youm7.com": "Youm7",
    "sputniknews.com": "Sputnik Arabic",
    "assabah.com.tn": "Assabah",
    "albayan.ae": "Al Bayan",
}


def outlet_name(url: str | None, site_name: str | None) -> str | None:
    """The outlet's name: a known domain's canonical name, else the page's site name, else its domain."""
    domain = urlsplit(url).hostname if url else None
    if domain:
        domain = domain.removeprefix("www.")
        for known, name in _OUTLET_BY_DOMAIN.items():
            if domain == known or domain.endswith("." + known):
                return name
    if site_name and not site_name.startswith(("http://", "https://")):
        return " ".join(site_name.split())
    return domain
