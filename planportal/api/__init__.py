"""The open data API at /api/v1/ (``main``), one module per group of resources, and its
documentation page /api/ (``docs``)."""
