"""HTML to PDF with WeasyPrint: tagged (PDF/UA), with the document's metadata, offline.

The print document references its stylesheets and fonts relative to the project's ``static``
folder, and the fetcher opens only files there: a report never fetches anything from the
network, and looks the same on every machine.
"""

from pathlib import Path

from django.conf import settings
from weasyprint import HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration

STATIC_FOLDER = Path(settings.BASE_DIR) / "static"
BASE_URL = STATIC_FOLDER.as_uri() + "/"

# Universal design rules cover the PDFs Norwegian public bodies publish: PDF/UA-1 makes
# WeasyPrint write the structure tree, the document language and the title.
PDF_VARIANT = "pdf/ua-1"


class StaticFilesOnly(URLFetcher):
    """Fetches files under ``static/`` and refuses anything else (other files, the network);
    WeasyPrint logs a refused address and leaves it out of the PDF."""

    def __init__(self):
        super().__init__(allowed_protocols=["file"])

    def fetch(self, url, headers=None):
        if not url.startswith(BASE_URL):
            raise ValueError(f"A report may only use the portal's static files, not {url}")
        return super().fetch(url, headers)


def html_to_pdf(html):
    """The PDF bytes of a print document (``reports/print.html``)."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    return document.write_pdf(pdf_variant=PDF_VARIANT, font_config=FontConfiguration())
