"""Demo data of the goal tree for ``manage.py load_demo``: Bergen and Bærum, from the seeds."""
