"""Norwegian words for the generated municipality's titles and summaries.

Built from short word lists so the overview's full-text search has real words to find
("skole", "klima", "bolig") and the pages show text of a realistic length, not "Plan 00042".
"""

# (topic as in a title, the same inside a sentence)
TOPICS = [
    ("skole", "skolene"),
    ("barnehage", "barnehagene"),
    ("klima", "klimaarbeidet"),
    ("bolig", "boligbyggingen"),
    ("folkehelse", "folkehelsen"),
    ("idrett og fysisk aktivitet", "idretten"),
    ("friluftsliv", "friluftslivet"),
    ("kultur", "kulturlivet"),
    ("sykkel", "sykkelveinettet"),
    ("kollektivtransport", "kollektivtilbudet"),
    ("trafikksikkerhet", "trafikksikkerheten"),
    ("vannforsyning", "vannforsyningen"),
    ("avløp og overvann", "avløpsnettet"),
    ("naturmangfold", "naturmangfoldet"),
    ("samfunnssikkerhet og beredskap", "beredskapen"),
    ("digitalisering", "de digitale tjenestene"),
    ("eldreomsorg", "omsorgstjenestene"),
    ("rus og psykisk helse", "tjenestene innen rus og psykisk helse"),
    ("barnevern", "barnevernet"),
    ("inkludering og mangfold", "inkluderingsarbeidet"),
    ("næringsutvikling", "næringslivet"),
    ("reiseliv", "reiselivet"),
    ("energi", "energibruken"),
    ("sentrumsutvikling", "sentrum"),
    ("kulturminner", "kulturminnene"),
    ("bibliotek", "bibliotekene"),
    ("universell utforming", "tilgjengeligheten"),
    ("frivillighet", "frivilligheten"),
    ("boligsosialt arbeid", "boligtilbudet for vanskeligstilte"),
    ("skolebygg", "skoleanleggene"),
    ("grøntområder", "parkene og grøntområdene"),
    ("luftkvalitet", "luftkvaliteten"),
    ("avfall og ombruk", "avfallshåndteringen"),
    ("klimatilpasning", "klimatilpasningen"),
    ("lekeplasser", "lekeplassene"),
    ("landbruk", "landbruket"),
]

AIMS = [
    "flere boliger for unge i etableringsfasen",
    "et godt læringsmiljø i alle skoler",
    "lavere klimagassutslipp fra transport og bygg",
    "tryggere skoleveier for barn",
    "mer fysisk aktivitet for barn og unge",
    "gode og trygge tjenester for eldre",
    "et levende sentrum med plass til alle",
    "rent vann og et robust avløpsnett",
    "bedre luftkvalitet i bydelene",
    "flere reiser med sykkel, gange og kollektivtransport",
    "en bolig for alle som trenger det",
    "tidlig innsats i barnehage og skole",
    "et mangfoldig kulturliv i hele kommunen",
    "naturen som ressurs for friluftsliv og klima",
    "en kommune som tåler mer nedbør og havnivåstigning",
    "digitale tjenester som er enkle å bruke",
    "flere i arbeid og færre som faller utenfor",
    "gode møteplasser i nærmiljøet",
]

# Verbs of a strategy ("Derfor skal vi …") and of a measure.
STRATEGY_VERBS = ["styrke", "samordne", "utvikle", "prioritere", "legge til rette for"]
MEASURE_VERBS = ["Etablere", "Bygge ut", "Kartlegge", "Oppgradere", "Utrede", "Innføre"]
MEASURE_OBJECTS = [
    "ny barneskole",
    "flere utleieboliger",
    "sammenhengende sykkelvei",
    "ladepunkter for elbil",
    "aktivitetstilbud etter skoletid",
    "helsestasjon for ungdom",
    "trygge krysningspunkter ved skoler",
    "grønne tak på kommunale bygg",
    "nærmiljøanlegg for idrett",
    "digital søknad om barnehageplass",
    "nytt bibliotek",
    "flomsikring langs elven",
    "omsorgsboliger med bemanning",
    "møteplass for eldre",
]

DISTRICTS = ["Sentrum", "Nordbyen", "Sørbyen", "Østsiden", "Vestsiden", "Fjellet", "Havnebyen"]
ZONES = [f"Levekårssone {name}" for name in ["Nord 1", "Nord 2", "Sør 1", "Sør 2", "Øst", "Vest"]]
INITIATIVES = ["Områdesatsing Havnebyen", "Områdesatsing Fjellet"]

DEPARTMENT_PREFIXES = ["Etat for", "Byrådsavdeling for", "Seksjon for"]

FIRST_NAMES = ["Kari", "Ola", "Ingrid", "Per", "Aisha", "Jonas", "Sigrid", "Ahmed", "Nora", "Lars"]
LAST_NAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Nilsen", "Dahl", "Lie"]
ORGANISATIONS = ["Velforeningen", "Naturvernforbundet", "FAU ved skolen", "Idrettslaget", ""]


def title_case(text):
    return text[:1].upper() + text[1:]


def plan_title(plan_type, topic, first_year, last_year, district=None):
    """A plan's title as a municipality writes it, e.g. "Temaplan for skole 2024–2030"."""
    years = f"{first_year}–{last_year}"
    where = f" i {district}" if district else ""
    return {
        "melding": f"Melding om {topic}{where}",
        "strategi": f"Strategi for {topic}{where} {years}",
        "temaplan": f"Temaplan for {topic}{where} {years}",
        "handlingsplan": f"Handlingsplan for {topic}{where} {years}",
    }[plan_type]


def plan_summary(topic_in_sentence, aim, other_aim, first_year, last_year):
    return (
        f"Planen beskriver hvordan kommunen skal utvikle {topic_in_sentence} i perioden "
        f"{first_year}–{last_year}. Målet er {aim}, og {other_aim}. Planen bygger på "
        "kommuneplanens samfunnsdel og ble til i samarbeid med innbyggere, skole, "
        "frivillighet og næringsliv."
    )


def goal_title(aim):
    return title_case(aim)


def strategy_title(verb, topic_in_sentence):
    return f"Derfor skal vi {verb} {topic_in_sentence}"


def measure_title(verb, thing, district):
    return f"{verb} {thing} i {district}"


def submission_text(topic_in_sentence, aim):
    return (
        f"Jeg har lest forslaget og mener {topic_in_sentence} må prioriteres høyere. "
        f"Det viktigste for oss i nabolaget er {aim}. Takk for muligheten til å si noe."
    )
