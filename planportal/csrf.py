"""The page a reader sees when a form is refused by the CSRF check (``CSRF_FAILURE_VIEW``).

Django's own page is in English and styled inline, which the Content Security Policy blocks.
This one is in the portal's layout and tells the reader how to keep what they typed: the
browser's Back button shows the form again with the text in it, and a reload fetches a fresh
form that the check accepts.
"""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    referer = request.headers.get("Referer", "")
    same_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    context = {"form_url": referer if same_site else None}
    return render(request, "403_csrf.html", context, status=403)
