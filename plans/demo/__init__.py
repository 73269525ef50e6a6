"""Demo data for ``manage.py load_demo``: Bergen and Bærum, written from the seed material."""
