"""Reading the reports' PDFs in tests: text in reading order, tags, language and title."""

import io
import re

from pypdf import PdfReader


def read_pdf(content):
    return PdfReader(io.BytesIO(content))


def pdf_text(content):
    """The text of every page, in the order it is read, pages joined by a blank line."""
    return "\n\n".join(page.extract_text() for page in read_pdf(content).pages)


def squeezed(text):
    """``text`` with every run of white space made one space, for phrases broken over lines; a
    line broken right after a dash in a word ("2025–" / "2028") is joined again."""
    return re.sub(r"(?<=\S–) ", "", " ".join(text.split()))
