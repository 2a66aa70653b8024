from django.core.paginator import EmptyPage, Paginator
from django.http import Http404


def paginate(request, object_list, per_page, param="page"):
    """Paginate ``object_list`` from ``request.GET[param]``.

    A missing page means page 1; a page past the end (or below 1) gives the last (or first) page;
    anything that is not a whole number is a 404 rather than a silent guess.
    """
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get(param, "").strip()
    if not raw:
        number = 1
    else:
        try:
            number = int(raw)
        except ValueError as exc:
            raise Http404("Page number is not a whole number") from exc
    number = max(1, min(number, paginator.num_pages))
    try:
        return paginator.page(number)
    except EmptyPage as exc:  # pragma: no cover - clamped above
        raise Http404 from exc
