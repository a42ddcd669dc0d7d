"""Words Spanish-speaking countries use for the same appliance, beside the catalog's kinds.

The catalog's device words are synonyms for its kinds ("tele", "televisor"); a home's other
appliances are named in the family's own Spanish, and the request may say another country's word
for them: "el lavaplatos" is the home's "Lavavajillas", "el lavarropas" its "Lavadora", "el cargador
del auto" its "Cargador del coche". One word each, as the models read them (lower case, no accents).
"""

from __future__ import annotations

SAME_APPLIANCE: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "lavavajillas lavaplatos lavaloza lavalozas",
        "lavadora lavarropas lavarropa",
        "secadora secarropas",
        "nevera heladera refrigerador refrigeradora frigorifico frigo refri",
        "coche auto carro",
        "ordenador computadora computador compu",
        "microondas micro",
        "altavoz parlante bocina",
        "enchufe tomacorriente",
    )
)
