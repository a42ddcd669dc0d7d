"""A reason said after the order: "ponme la tele, que empieza el telediario".

The models may take a noun of the reason for the device ("ON telediario"). Where the whole request
leaves them unsure, the order is read again without its reason; the checks still read all of it
(a reason may set a time: "…, que llego luego").
"""

from __future__ import annotations

import re

from .home_check import words
from .readings import orders_without_asking

# ", que no veo", "porque hace frío", ", ya que estás": what follows gives a reason, not an order.
REASON = re.compile(r"\s*(?:,\s*(?:que|pues|ya que)|,?\s*porque)\s+\w", re.IGNORECASE)
# "enciéndeme la luz, hijo": one word set apart at the end calls someone.
CALLED = re.compile(r",\s*\w+\W*$")


def order_before_reason(text: str) -> str | None:
    """The order said before a reason ("ponme la tele"), or None where there is no such reason.

    Only where an order comes first, and the reason gives none of its own.
    """
    reason = REASON.search(text)
    if reason is None:
        return None
    order = text[: reason.start()]
    if not _orders(order) or _orders(text[reason.end() - 1 :]):
        return None
    called = CALLED.search(order)
    return order[: called.start()] if called and _orders(order[: called.start()]) else order


def _orders(text: str) -> bool:
    return orders_without_asking(words(text), text)
