"""Word sets the coder's rules share: dependency labels, function words and the small closed classes of words
that decide how a phrase is read (the event and actor dictionaries themselves are data in ``schemas/data/``)."""

from __future__ import annotations

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})
# Verbs that carry a noun event without adding meaning: "made an appeal", "held drills".
LIGHT_VERBS = frozenset(
    """make hold conduct carry stage launch begin start continue resume rely use step intensify
    escalate take join pay mount wage undertake perform announce complete engage involve lodge file register
    open issue order remain put place go renew express voice raise attend gather assemble converge give have
    observe hand roll declare kick""".split()
)
# Verbs that carry a noun trigger only as their object: "granted Kerik a pardon", "levied sanctions against Iran",
# "levelled criticism at France", "unleashed an offensive", "unveiled plans to arm Ukraine", "adopted sanctions
# against North Korea", "enforced a general strike", "organised a rally", "led a march", "flew joint patrols" (not
# "with protests ongoing, he granted ...").
OBJECT_LIGHT_VERBS = frozenset(
    {
        "grant",
        "levy",
        "slap",
        "level",
        "unleash",
        "unveil",
        "outline",
        "present",
        "adopt",
        "enforce",
        "organise",
        "organize",
        "lead",
        "fly",
    }
)
# Verbs that move their object out of something: "withdrew the US from the treaty", "pulled Britain out of the EU".
WITHDRAWING_LEMMAS = frozenset({"withdraw", "pull"})
# A country's mission abroad stands where it is: "the US embassy in Tehran" is in Iran.
DIPLOMATIC_MISSIONS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "them", "him"})
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "’ll"})
PLACE_NOUNS = frozenset("state province region city town village district county capital port".split())
ASPECTUAL_VERBS = frozenset("begin start continue resume proceed keep manage".split())
# "students gathered to protest": gathering for a protest is protesting, not a purpose still to come.
GATHERING_VERBS = frozenset("gather assemble converge rally march flood pour throng pack".split())
PROTEST_ROOT = "14"
PROTEST_VERBS = frozenset({"protest", "demonstrate"})
DEED_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a finite verb in the past or present: done, not intended
# "parliament voted to demand the withdrawal", "the assembly voted to suspend Russia": what a body votes to do, it
# does by the vote, and what an authority orders done ("ordered the embassy to be closed", "ordered the diplomats to
# leave") is done by its order; not force ("voted to send troops" authorises a deployment still to come).
ENACTING_VERBS = frozenset({"vote", "order", "decree"})
# Nouns that count or gather occurrences of an act: "a new round of talks", "a series of meetings", "a wave of
# suicide bombings", "a campaign of strikes".
COUNTING_NOUNS = frozenset("round series session wave spate campaign string barrage volley".split())
# "ready to host talks", "willing to withdraw": a stated intention, coded like "agreed to".
INTENT_ADJECTIVES = frozenset("willing ready prepared determined eager poised keen set committed due schedule".split())
ASSAULT_ROOTS = frozenset({"18", "19", "20"})
FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
GENERIC_VIOLENCE_CODES = frozenset({"180", "190"})
# Statements and disapproval: what they are about is not coded again ("voiced concern over the drills").
COMMENT_ROOTS = frozenset({"01", "11"})
# Triggers whose compound subject fight each other: "Indian and Pakistani troops exchanged fire".
MUTUAL_LEMMAS = frozenset({"clash", "exchange", "skirmish"})
# Violence with a "with" opponent; for other violent triggers "with" names the means.
RECIPROCAL_LEMMAS = MUTUAL_LEMMAS | frozenset(
    "fight fighting battle war gunbattle gunfight firefight shootout hostility engage combat conflict".split()
)
HELPING_PURPOSES = frozenset(
    "help assist support protect defend train secure stabilise stabilize bolster reinforce guard aid".split()
)
HOSTILE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})


CLAUSE_STOPS = frozenset({"relcl", "advcl", "ccomp", "parataxis"})
# Heads whose "for/in/at" phrase says whom they act for.
TITLE_HEADS = frozenset(
    """spokesperson spokesman spokeswoman representative envoy ambassador head chief commander minister
    secretary official officer director command ministry department office council committee agency service
    unit division delegation""".split()
)


CONDITION_MARKS = frozenset({"if", "unless"})


TIME_SPANS = frozenset("hour hours day days week weeks month months year years".split())
# "after/during fierce fighting": the fighting that came with the act the phrase is attached to.
AFTERMATH_PREPOSITIONS = frozenset({"after", "during", "following", "amid"})
TIME_NOUNS = frozenset("day days hour hours week weeks month months year years night nights minute minutes".split())

# Verbs that report speech: "X said (that) ...".
REPORTING_VERBS = frozenset(
    "say tell claim report allege announce state add confirm insist argue write note warn reveal assert "
    "declare acknowledge admit estimate believe".split()
)

# Trade a measure stops: its partner is where it goes or comes from ("banned investment in Burma"), which is not
# where the measure was taken.
TRADE_NOUNS = frozenset(
    "import imports export exports investment investments trade shipment shipments flight flights".split()
)

# Forces sent or arriving to keep the peace (074): "to join the UN peacekeeping mission", "units of a peacekeeping
# force landed", "soldiers of a United Nations stabilisation force arrived".
PEACEKEEPING_WORDS = frozenset(
    {"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping", "stabilisation", "stabilization"}
)

# Pledges of material aid (0331-0334): "pledged $570 million in grants for Afghanistan" is for its recipient, as aid
# given is.
AID_INTENT_CODE = "033"

# "hijacked a tanker off the coast of Somalia" (placed by the coast it lies off), "exercises off the coast of
# Taiwan" (held against the country whose coast it is).
COAST_NOUNS = frozenset({"coast", "coastline", "shore", "shores"})
