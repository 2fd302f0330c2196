"""`baogao serve --workers 2`: two real processes answering on one port, stopped together."""
import json
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from baogao.index.build import build_index

from .conftest import SEEDS, free_port


def children_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.parametrize("shards", [1, 3])
def test_serve_with_two_workers_answers_on_one_port_and_stops_them_all(tmp_path, shards):
    index_dir = tmp_path / "ix"
    build_index([SEEDS], index_dir, shards=shards)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "baogao.cli", "serve", "--index", str(index_dir),
                               "--port", str(port), "--workers", "2", "--threads", "2"],
                              stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/api/search?q=" + urllib.parse.quote('"枫桥经验"')
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                first = get_json(url)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        workers = children_of(server.pid)
        assert len(workers) == 2
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: get_json(url), range(40)))
        assert first["total"] == 2 and all(a == first for a in answers)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        finally:
            if server.poll() is None:
                server.kill()
        log = server.stderr.read()
        server.stderr.close()
    time.sleep(0.5)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]
    assert "with 2 worker process(es)" in log and "building it from the bundled seeds" not in log
