"""Words Spanish-speaking countries use for the same appliance, beside the catalog's kinds.

The catalog's device words are synonyms for its kinds ("tele", "televisor"); a home's other
appliances are named in the family's own Spanish, and the request may say another country's word
for them: "el lavaplatos" is the home's "Lavavajillas", "el lavarropas" its "Lavadora", "el parlante"
its "Altavoz". One word each, as the models read them (lower case, no accents).
"""

from __future__ import annotations

SAME_APPLIANCE: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "lavavajillas lavaplatos lavaloza lavalozas",
        "lavadora lavarropas lavarropa",
        "nevera heladera refrigerador refrigeradora frigorifico frigo refri",
        "ordenador computadora computador compu",
        "altavoz parlante",
    )
)
# Left out: words with another everyday sense in a home's names ("micro", a microphone; "auto",
# automatic; "bocina", a horn; "secadora", a hair dryer too) and groups whose words name different
# devices side by side ("enchufe", "tomacorriente").
