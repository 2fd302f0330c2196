"""Send random and adversarial queries to a real `baogao serve` and count what comes back.

    python -m benchmarks.fuzz --queries 10000          # over an index of the bundled seeds
    python -m benchmarks.fuzz --index DIR --seconds 300

Every answer must be 200 or 400 (a clear error), never 500, and none may take long: the
table lists status codes, the slowest answers and any 5xx. Bounded in count and in time;
traffic goes to 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from .server import serving

PIECES = ['"', "“", "”", "「", "」", "『", "』", "＂", "(", ")", "（", "）", "-", ":", "：", " ", "\u3000",
          "OR", "AND", "NOT", "NEAR", "or", "and", "year:", "year:20x4", "year:2024-2023", "year:2024",
          "county:", "city:重庆", "section:foo", "section:plans", "title:", "foo:", "年份:", "镇:", "kind:",
          "法治", "枫桥经验", "的", "法", "a", "\u200b", "\u202e", "%00", "%ff", "%ZZ", "%", "\\", "*", "?",
          "&", "=", "#", "😀", "丰都县", "2024", "<script>", "javascript:", "'", "\n"]
PARAMS = ["q", "year", "province", "city", "county", "town", "kind", "section", "sort", "group",
          "page", "per_page", "format"]


def random_query(rng: random.Random) -> str:
    """One adversarial query string (already URL-encoded)."""
    shape = rng.random()
    if shape < 0.5:
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
    elif shape < 0.6:
        text = "(" * rng.randint(30, 10000) + "法治" + ")" * rng.randint(0, 10000)
    elif shape < 0.7:
        text = "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 200)))
    elif shape < 0.8:
        text = "的 NEAR 法 " * rng.randint(1, 100)
    else:
        text = rng.choice(PIECES) * rng.randint(1, 5000)
    # surrogatepass: lone surrogates go out as the (invalid) UTF-8 bytes a broken client sends;
    # stray percent signs are kept as they come: percent garbage
    query = "q=" + quote(text.encode("utf-8", "surrogatepass"), safe="%")
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(PARAMS)
        value = rng.choice(["2024", "0", "-1", "99999999999", "abc", "重庆", "plans", "report", "relevance", "x" * 300])
        query += f"&{name}={quote(value)}"
    return query


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long whatever the count")
    parser.add_argument("--index", type=Path, help="an existing index (default: the seeds, built in a temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="baogao-fuzz-"))
    index_dir = args.index or workdir / "ix"
    rng = random.Random(args.seed)
    statuses: Counter = Counter()
    slowest: list[tuple[float, str]] = []
    failures: list[str] = []
    try:
        with serving(index_dir) as (url, _):
            started = time.time()
            sent = 0
            while sent < args.queries and time.time() - started < args.seconds:
                path = rng.choice(["/api/search?", "/search?", "/compare?", "/api/compare?", "/export?"])
                target = url + path + random_query(rng)
                begin = time.perf_counter()
                try:
                    with urllib.request.urlopen(target, timeout=60) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as exc:
                    exc.read()
                    status = exc.code
                except (urllib.error.URLError, TimeoutError) as exc:
                    status = f"no answer ({exc})"
                elapsed = time.perf_counter() - begin
                statuses[status] += 1
                slowest = sorted(slowest + [(elapsed, target[len(url):][:80])], reverse=True)[:5]
                if not (isinstance(status, int) and status < 500):
                    failures.append(f"{status} {target[len(url):][:120]}")
                sent += 1
            duration = time.time() - started
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"| fuzzed requests | {sent} in {duration:.0f} s |\n|---|---|")
    for status, count in sorted(statuses.items(), key=str):
        print(f"| HTTP {status} | {count} |")
    for elapsed, target in slowest:
        print(f"| slow: {elapsed * 1000:.0f} ms | `{target}` |")
    for failure in failures[:20]:
        print(f"| FAILURE | `{failure}` |")
    errors = sum(n for s, n in statuses.items() if not (isinstance(s, int) and s < 500))
    print(f"summary: requests={sent} errors_5xx={errors} slowest_ms={slowest[0][0] * 1000:.0f}")


if __name__ == "__main__":
    main()
