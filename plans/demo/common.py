"""Demo data shared by the municipalities: the themes plans are tagged with."""

THEMES = (
    ("oppvekst", "Oppvekst"),
    ("utdanning", "Utdanning"),
    ("idrett-og-friluftsliv", "Idrett og friluftsliv"),
    ("klima-og-miljo", "Klima og miljø"),
    ("levekar", "Levekår"),
    ("samfunnsutvikling", "Samfunnsutvikling"),
    ("folkehelse", "Folkehelse"),
    ("okonomi-og-styring", "Økonomi og styring"),
)
