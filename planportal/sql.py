"""A helper for the few queries the portal writes in SQL."""


def numbers(values):
    """``values``, numbers read from the database, as a list to write into SQL: int() makes sure
    they are numbers, and a long list of them does not run into SQLite's limit on parameters.
    "NULL" for none, which matches nothing."""
    return ", ".join(str(int(value)) for value in values) or "NULL"
