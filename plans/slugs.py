"""Slugs that read well in Norwegian: æ, ø and å are spelt out, not dropped."""

from django.utils.text import slugify

_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
# Dashes and slashes between words or years separate them: "2027–2030" reads 2027-2030, not
# 20272030, and "Barn/unge" reads barn-unge.
_SEPARATORS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212/", " "))


def norwegian_slugify(text):
    return slugify(str(text).translate(_NORWEGIAN_LETTERS).translate(_SEPARATORS))


def unique_slug(text, queryset, max_length=120):
    """A slug for ``text`` that no row of ``queryset`` has; a clash gets -2, -3, …"""
    base = norwegian_slugify(text)[:max_length].strip("-") or "plan"
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, counter = base, 2
    while candidate in taken:
        suffix = f"-{counter}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        counter += 1
    return candidate
