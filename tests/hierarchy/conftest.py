import pytest

from tests.helpers import add


@pytest.fixture
def add_node():
    """Add a node through the service, so every rule is checked as in the app."""
    return add
