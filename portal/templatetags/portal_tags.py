"""Template tags for the public site: navigation, sections, cards, pagination and CSP-safe embeds."""

import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page, Site

from portal.languages import alternates, forget_locale_codes, locale_codes, page_languages

register = template.Library()

# Child page model name -> section key, used to find a section's index page without extra queries.
SECTION_MODELS = {
    "newsindexpage": "news",
    "resourceindexpage": "resources",
    "courseindexpage": "courses",
}

# Provider HTML that would need 'unsafe-inline' (or a script host) under our CSP is not rendered.
UNSAFE_EMBED_HTML = re.compile(r"<script|\sstyle\s*=|\son[a-z]+\s*=", re.IGNORECASE)


def _localized_home(site):
    """The site's root page in the active language, or the root page itself (one query)."""
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    if language:
        home = (
            Page.objects.live()
            .filter(
                locale__language_code=language,
                translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"),
            )
            .first()
        )
        if home is not None:
            return home
    return site.root_page


def site_structure(request):
    """The localized home page and its live children, looked up once per request.

    Returns ``{"home": Page | None, "children": [Page], "menu": [Page], "sections": {key: Page}}``.
    """
    if request is None:
        return {"home": None, "children": [], "menu": [], "sections": {}}
    cache_key = f"_portal_site_structure_{get_language()}"
    structure = getattr(request, cache_key, None)
    if structure is None:
        home = _localized_home(Site.find_for_request(request))
        children = list(home.get_children().live().public().select_related("content_type")) if home else []
        structure = {
            "home": home,
            "children": children,
            "menu": [child for child in children if child.show_in_menus],
            "sections": {},
        }
        for child in children:
            key = SECTION_MODELS.get(child.content_type.model)
            if key and key not in structure["sections"]:
                structure["sections"][key] = child
        setattr(request, cache_key, structure)
    return structure


@register.simple_tag
def site_name():
    """The portal's name in the active language."""
    return str(settings.WAGTAIL_SITE_NAME)


@register.simple_tag(takes_context=True)
def site_home(context):
    """The localized home page of the current site (for the header and breadcrumbs)."""
    return site_structure(context.get("request"))["home"]


@register.simple_tag(takes_context=True)
def section_index(context, key):
    """The index page of a section (``news``, ``resources``, ``courses``) under the localized home."""
    return site_structure(context.get("request"))["sections"].get(key)


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Live, in-menu children of the localized home page, with the current section marked."""
    request = context.get("request")
    structure = site_structure(request)
    current_path = getattr(context.get("page"), "path", "") or ""
    items = [
        {
            "page": child,
            "url": child.get_url(request),
            "is_current": current_path == child.path,
            "is_ancestor": current_path.startswith(child.path) and current_path != child.path,
        }
        for child in structure["menu"]
    ]
    return {"request": request, "items": items}


@register.inclusion_tag("components/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    request = context.get("request")
    structure = site_structure(request)
    return {"request": request, "items": [(child, child.get_url(request)) for child in structure["menu"]]}


@register.filter
def page_kind(page):
    """A stable key for the kind of content a page is: news, resource, course or page."""
    model = getattr(getattr(page, "_meta", None), "model_name", "")
    return {"newspage": "news", "resourcepage": "resource", "coursepage": "course"}.get(model, "page")


@register.simple_tag
def card_label(page):
    """The type label shown on a card: the resource type, or the kind of content."""
    kind = page_kind(page)
    if kind == "resource":
        resource_type = getattr(page, "resource_type", None)
        return resource_type.display_label if resource_type else _("Resource")
    if kind == "news":
        return _("News")
    if kind == "course":
        return _("Course")
    if getattr(getattr(page, "_meta", None), "model_name", "") in SECTION_MODELS:
        return _("Section")
    return _("Page")


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, param="page"):
    """Previous/next and numbered links for a paginator page, keeping the other GET parameters."""
    request = context.get("request")
    result = {"page_obj": page_obj, "links": [], "previous_url": "", "next_url": ""}
    if page_obj is None or page_obj.paginator.num_pages < 2:
        return result

    def url_for(number):
        query = request.GET.copy() if request is not None else None
        if query is None:
            return f"?{param}={number}"
        query[param] = number
        return f"?{query.urlencode()}"

    paginator = page_obj.paginator
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            result["links"].append({"ellipsis": True})
        else:
            result["links"].append({"number": number, "url": url_for(number), "current": number == page_obj.number})
    if page_obj.has_previous():
        result["previous_url"] = url_for(page_obj.previous_page_number())
    if page_obj.has_next():
        result["next_url"] = url_for(page_obj.next_page_number())
    return result


EMBED_RATIOS = [(9 / 16, "16x9"), (3 / 4, "4x3"), (1.0, "1x1"), (16 / 9, "9x16")]


@register.simple_tag
def safe_embed(embed_value, title=""):
    """Provider HTML for a video embed, wrapped for a responsive frame, with an accessible title.

    Wagtail's responsive wrapper uses an inline ``style`` attribute, and some providers inject scripts;
    neither works under a strict Content-Security-Policy, so such embeds become a plain link instead.
    """
    url = getattr(embed_value, "url", embed_value) or ""
    if not url:
        return ""
    fallback = format_html('<p class="embed-fallback"><a href="{}">{}</a></p>', url, title or url)
    try:
        embed = get_embed(url)
    except EmbedException:
        return fallback
    html = embed.html or ""
    if not html or UNSAFE_EMBED_HTML.search(html) or "<iframe" not in html.lower():
        return fallback
    if title and not re.search(r"<iframe[^>]*\stitle\s*=", html, re.IGNORECASE):
        html = re.sub(r"<iframe", f'<iframe title="{escape(title)}"', html, count=1, flags=re.IGNORECASE)
    ratio_class = "16x9"
    if embed.ratio:
        ratio_class = min(EMBED_RATIOS, key=lambda item: abs(item[0] - embed.ratio))[1]
    return format_html('<div class="embed embed--{}">{}</div>', ratio_class, mark_safe(html))


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the languages it exists in, then to the other languages' home pages."""
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    entries = page_languages(request, page, site_structure(request)["home"] if page is not None else None)
    return {
        "current": next((entry for entry in entries if entry["current"]), None),
        "available": [entry for entry in entries if entry["available"]],
        "others": [entry for entry in entries if not entry["available"]],
        "on_page": page is not None,
    }


@register.inclusion_tag("components/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="alternate" hreflang> for every live translation of the page, and x-default."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"links": []}
    return {"links": alternates(context.get("request"), page)}


@register.filter
def language_code(page):
    """The language code of a page's locale, without a query per page (Locale rows are few)."""
    locale_id = getattr(page, "locale_id", None)
    codes = locale_codes()
    if locale_id not in codes:  # a locale added since (bulk-created rows send no signal)
        forget_locale_codes()
        codes = locale_codes()
    return codes.get(locale_id)


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The current site's editable settings (organisation, footer text, contact, social links), cached."""
    from portal.models import SiteSettings

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return SiteSettings.cached_for_site(site)
