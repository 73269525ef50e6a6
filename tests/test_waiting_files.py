"""A file waiting between an import's preview and its confirmation."""

from planportal import waiting_files


def test_the_file_waits_for_its_own_token_only():
    session = {}
    token = waiting_files.keep(session, "import", municipality_id=7, name="a.csv", content=b"x;y")
    assert waiting_files.waiting(session, "import", "another token") is None
    assert waiting_files.waiting(session, "import", None) is None
    kept = waiting_files.waiting(session, "import", token)
    assert (kept.municipality_id, kept.name, kept.content) == (7, "a.csv", b"x;y")


def test_a_new_preview_replaces_the_file_waiting():
    session = {}
    first = waiting_files.keep(session, "import", municipality_id=1, name="a.csv", content=b"a")
    waiting_files.keep(session, "import", municipality_id=1, name="b.csv", content=b"b")
    assert waiting_files.waiting(session, "import", first) is None
    waiting_files.forget(session, "import")
    assert session == {}


def test_a_token_of_other_letters_finds_no_file_rather_than_an_error():
    session = {}
    waiting_files.keep(session, "import", municipality_id=1, name="a.csv", content=b"a")
    assert waiting_files.waiting(session, "import", "ø") is None
