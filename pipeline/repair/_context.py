"""Context rules for damaged forms that are themselves words (for/før, sa/så, far/får ...).

English OCR turns "før" into "for", "så" into "sa": both are real words, so the lexicon
alone cannot decide. Each rule looks at the neighbouring words (already repaired on the
left) and returns a score shift in favour of the Norwegian-letter candidate; the caller
adds it to the frequency gain and applies the change only past a margin. The rules are
plain Norwegian grammar (an infinitive follows "å" and modal verbs; a finite verb follows
a subject; "så" before an adjective; "før" before a time or a clause), written to be
conservative: no rule fires without positive evidence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ctx:
    prev: str = ""  # previous word, lower case, as repaired
    prev_gap: str = "\n"  # text between the previous word and this one
    nxt: str = ""  # next word, lower case
    nxt_raw: str = ""  # next word as written
    nxt_gap: str = " "
    nxt2: str = ""  # the word after that, lower case
    nxt2_gap: str = " "

    @property
    def sent_start(self) -> bool:
        return self.prev == "" or any(p in self.prev_gap for p in ".!?:\n")


SUBJ = frozenset("jeg du han hun vi dere de man det den dette disse som hvem eg ho dei me "
                 "dykk ein ingen alle mange".split())
MODAL = frozenset("å skal vil kan må bør skulle ville kunne måtte burde la få lot ska "
                  "kjem kom".split())
PREP = frozenset("av til for med i på fra frå om blant ved hos mot over under etter alle "
                 "mellom gjennom".split())
DEGREE = frozenset("mye mykje mange godt lenge langt snart fort vidt stor store liten lite "
                   "små få ofte raskt tidlig tidleg sent viktig viktige bra dårlig enkelt "
                   "vanskelig vanskeleg høy høyt klart sterkt lett tydelig tydeleg sikker "
                   "fint nær ut mykje kalt kalla".split())
INF = frozenset("ha være vere gå få bli se gjøre gjere ta gi gje si stå la komme kome".split())
PAST = frozenset("dro tok gikk kom fikk stekte sto stod lå satt ble".split())
PLACE = frozenset("oppå ved på i under over der her nede ute inne hjemme bak foran langs "
                  "mellom".split())
FUNC = frozenset("det den de dei en ein et eit ei ikke ikkje også òg han hun ho i på til så "
                 "da nå no der her at og men som for med av om".split())
FAR_KEEP = frozenset("min din hans sin hennes vår deres dykkar en ein til av med om på "
                     "for fra frå hos mot og eller som".split())
TIME_UNITS = frozenset("dag dager dagar døgn uke uker veke veker måned måneder månad månader "
                       "år time timer timar minutt minutter minuttar kvarter sekund sekunder "
                       "tiår helg helger".split())
OUR_LABELS = frozenset("ref ref. referanse dato saksbehandler sakshandsamar saksnr "
                       "arkivkode".split())
OBJ_PRON = frozenset("ham henne dem meg deg oss dykk honom".split())
PRON = frozenset("han hun ho de dei jeg eg vi me du dere dykk man".split())
FINITE = frozenset("var er har kan vil skal må ble blir gikk kom kommer fikk vart hadde kunne "
                   "ville skulle går gjekk tok får vet visste sier dro gjør gjorde".split())
SAA_PREV = frozenset("er var ble blir vært vore ikke ikkje lenger en et ei noe noko alltid "
                     "akkurat og men eller både like altfor".split())
BEFORE_NEXT = frozenset("jul påske sommeren sommarferien sommerferien helgen helga ferien "
                        "fristen utgangen årsskiftet neste oppstart start fredag mandag "
                        "tirsdag onsdag torsdag lørdag søndag".split())
BEFORE_PREV = frozenset("like kort rett aldri allerede dagen kvelden uka uken året enn "
                        "månaden måneden tida tiden".split())


def adjust(orig: str, cand: str, ctx: Ctx) -> float:
    """Score shift in favour of ``cand`` over ``orig`` in this context."""
    shift = _adjust(orig, cand, ctx)
    if ctx.prev == "å" and (orig, cand) not in (("bade", "både"), ("vare", "våre")):
        return max(shift, 1.0)  # after "å" an infinitive: the damaged verb ("å hore")
    return shift


def _adjust(orig: str, cand: str, ctx: Ctx) -> float:
    o, c = orig.lower(), cand.lower()
    prev, prev_gap, nxt, nxt_gap = ctx.prev, ctx.prev_gap, ctx.nxt, ctx.nxt_gap
    if any(ch.isdigit() for ch in prev_gap):
        prev = ""  # "i 2007, var det": a number stands between
    nxt2 = ctx.nxt2
    sent_start = ctx.sent_start
    if (o, c) == ("for", "før"):
        if nxt in BEFORE_NEXT or prev in BEFORE_PREV or prev in ("ikke", "ikkje"):
            return 4.0
        # "ti dager før", "ett år før", "to uker før møtet" (but "år for år", "dag for dag")
        # (not "ett døgn for å få": "å" may still be "a", "&" or "4" here)
        purpose = nxt in ("å", "a", "at") or any(f" {x} " in f"{ctx.nxt_gap} " for x in "&43")
        fold = str.maketrans("åøæ", "aoe")
        if prev in TIME_UNITS and nxt.translate(fold) != prev.translate(fold) and not purpose:
            return 3.0
        # "før de kommer", "før hun tok": a clause (subject + finite verb) follows
        if nxt in PRON and not sent_start and " " == ctx.nxt2_gap and nxt2 in FINITE:
            return 4.0
        return 0.0
    if (o, c) == ("var", "vår"):
        if prev in PREP or prev in ("er", "ble", "blir"):
            return 3.0
        if nxt in OUR_LABELS:  # header labels: "Vår ref", "Vår dato", "Vår saksbehandler"
            return 4.0
        # after an infinitive a past "var" cannot follow: "ta vår andel", "gi vår støtte"
        if prev in INF and prev not in ("bli", "vere", "være", "ha"):
            return 3.0
        # "Vår tid går": determiner + noun + finite verb
        if (nxt not in FUNC and ctx.nxt2_gap == " " and nxt2 in FINITE and nxt_gap == " "
                and prev not in SUBJ and nxt2 != "var"):
            return 3.0
        return 0.0
    if (o, c) == ("ber", "bør"):
        if nxt in ("om", "meg", "deg", "oss", "dem", "ham", "henne", "seg", "dykk"):
            return -2.0
        if prev in ("det", "man", "ein", "en", "dette") or nxt in ("også", "ikke", "ikkje",
                                                                    "derfor", "difor"):
            return 1.5
        if nxt in ("det", "du", "vi", "man", "de", "dei", "eg", "jeg", "han", "hun", "ho"):
            return 1.5  # "Her bør det ...": a modal before the subject
        if (nxt.endswith("e") and len(nxt) > 3) or nxt in ("ha", "ikke", "ikkje", "også"):
            return 1.5
        return 0.0
    if (o, c) == ("sa", "så"):
        quote = any(q in prev_gap for q in "»«\"”")
        if nxt in ("at", "til") or quote:
            return -3.0
        if nxt in OBJ_PRON and not any(p in ctx.nxt_gap for p in ".,;:!?"):
            return 2.5  # "jeg så ham": one says something *to* somebody, sees somebody
        adj = nxt[:-1] if nxt.endswith("e") else nxt
        if (nxt in DEGREE or adj.endswith(("ig", "lig", "sk", "ende", "ell", "iv", "bar", "som"))
                or prev in MODAL or nxt in FINITE or nxt == "ut" or nxt2 == "ut"
                or (nxt == "for" and nxt2 in ("meg", "seg", "deg", "oss", "dykk", "dem"))
                or prev in PAST):
            return 2.0
        if "," in prev_gap:
            # ", sa han." / ", sa ordføreren." attribute a quote; ", så jeg tok" goes on
            clause_ends = any(p in ctx.nxt2_gap for p in ".,;!?") or not nxt2
            subject = nxt in PRON or ctx.nxt_raw[:1].isupper() or (
                len(nxt) > 4 and nxt.endswith(("en", "et", "a", "ne")))
            if subject and not (nxt in PRON and not clause_ends):
                return -2.0
            return 2.0
        if prev in SUBJ or (prev[:1].isupper() and not sent_start):
            return -3.0
        if prev in SAA_PREV or sent_start:
            return 1.5
        return 0.0
    if (o, c) == ("gar", "går") and prev == "i":
        return 2.0  # "i går" (yesterday)
    if (o, c) in (("far", "får"), ("matte", "måtte"), ("gar", "går"), ("star", "står")):
        if prev in SUBJ or prev in ("ikke", "ikkje", "også", "og", "der", "her", "hvor", "kor"):
            return 1.5
        if nxt in ("vi", "jeg", "eg", "du", "han", "hun", "ho", "de", "dei", "det", "man"):
            return 1.5
        if prev[:1].isupper() and not sent_start:
            return 1.0
        if prev in ("min", "din", "hans", "sin", "hennes", "vår") or nxt in ("og", "mor"):
            return -2.0
        if o == "matte" and (nxt in INF or nxt.endswith("e") and len(nxt) > 4):
            return 1.5
        if len(prev) > 3 and prev.endswith(("et", "en", "ne", "te")):
            return 1.0  # "Offeret får", "partiene får": a definite subject
        if prev and prev.isalpha() and prev not in FAR_KEEP and prev not in PREP \
                and not sent_start:
            return 0.5  # after a content word: the verb, not "father"
        return 0.0
    if (o, c) == ("bor", "bør"):
        if nxt in ("i", "på", "hos", "der", "her", "sammen", "alene", "nå", "no", "på"):
            return -2.0
        if nxt.endswith("e") and len(nxt) > 3 or nxt in ("ikke", "ikkje", "også", "derfor"):
            return 1.5
        return 0.0
    if (o, c) in (("ga", "gå"), ("sta", "stå"), ("sla", "slå")):
        if prev in MODAL:
            return 2.0
        if prev in SUBJ:
            return -2.0
        return 0.0
    if (o, c) == ("vare", "våre"):
        if prev in MODAL or prev in ("ta", "tar", "tok", "tatt", "tek", "teke") or nxt in (
                "på", "seg", "lenge", "lenger", "ved", "evig"):
            return -3.0
        if prev in ("en", "ei", "denne", "hver", "kvar", "som"):
            return -2.0
        if prev in PREP or prev in ("er", "var", "og", "ikke", "ikkje", "alle"):
            return 1.5
        if nxt.endswith(("er", "e", "ar", "ne")) and len(nxt) > 3:
            return 1.0  # "våre innbyggere", "våre vitale museer"
        return 0.0
    if (o, c) == ("la", "lå"):
        # "skipet lå ved kai", "boka lå oppå": a definite subject and a place
        if len(prev) > 3 and prev.endswith(("et", "en", "a")) and nxt in PLACE:
            return 3.0
        return 0.0
    if (o, c) == ("rad", "råd"):
        if prev in ("gode", "godt", "et", "gi", "gir", "gav", "ga", "eit", "gje", "gjev"):
            return 1.5
        if nxt == "og" and nxt2 in ("utvalg", "utval", "nemnder", "nemnder", "styrer", "komiteer"):
            return 3.0  # "råd og utvalg", the public-administration pair
        if prev in ("en", "på", "i"):
            return -2.0
        return 0.0
    if (o, c) == ("mote", "møte"):
        return 1.0 if prev in ("neste", "forrige", "siste", "første", "et", "eit", "i", "til",
                               "dette", "ordinært", "felles", "eget", "sitt") else 0.0
    if (o, c) == ("bade", "både"):
        return -3.0 if prev in MODAL else 0.0
    if (o, c) == ("mal", "mål"):
        return -3.0 if prev in ("etter", "som", "ein", "denne") else 0.0
    if (o, c) == ("sann", "sånn"):
        if prev in ("er", "var", "ikke", "ikkje", "helt", "heilt", "være", "vere"):
            return -2.0
        if prev in ("en", "ei", "et", "på", "litt") or nxt in ("som",):
            return 1.0
        return 0.0
    if (o, c) == ("bred", "brød"):
        return 2.0 if prev in ("et", "eit", "ferskt", "nybakt", "daglig", "dagleg") else 0.0
    if (o, c) == ("lesning", "løsning"):
        if prev in ("en", "ei", "god", "ny", "felles", "beste", "teknisk", "digital", "ein"):
            return 1.5
        if prev in ("til", "første", "andre", "ved"):
            return -2.0
        return 0.0
    return 0.0


