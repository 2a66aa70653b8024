"""Which external search engine, if any, PORTAL_SEARCH_URL names."""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from search.engines.opensearch import SearchEngineBackend

SCHEMES = ("opensearch", "elasticsearch")


def parse_search_url(url):
    """'opensearch://host:9200' → ('opensearch', 'http://host:9200'); 'opensearch+https://…' for TLS."""
    parts = urlsplit(url)
    scheme, _, transport = parts.scheme.partition("+")
    if scheme not in SCHEMES:
        raise ImproperlyConfigured(f"PORTAL_SEARCH_URL must start with one of {', '.join(SCHEMES)}: got {url!r}")
    transport = transport or "http"
    if transport not in ("http", "https"):
        raise ImproperlyConfigured(f"PORTAL_SEARCH_URL transport must be http or https: got {url!r}")
    return scheme, f"{transport}://{parts.netloc}"


@cache
def _engine_for(url, index_name, timeout):
    kind, endpoint = parse_search_url(url)
    return SearchEngineBackend(kind=kind, endpoint=endpoint, index_name=index_name, timeout=timeout)


def get_external_engine():
    url = getattr(settings, "PORTAL_SEARCH_URL", "")
    if not url:
        return None
    return _engine_for(url, settings.PORTAL_SEARCH_INDEX, settings.PORTAL_SEARCH_TIMEOUT)
