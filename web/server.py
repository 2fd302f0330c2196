"""Serve the app with waitress from one or several processes sharing one listening socket.

waitress runs in one process; `serve` binds the socket first and forks N workers that
each run waitress on it (the kernel hands each connection to one of them), so queries use
every core. Workers share the index's snapshot pages through the OS page cache. The
parent only supervises: Ctrl-C or SIGTERM stops every worker, a worker that dies stops
the rest, and a worker dies with its parent (Linux's parent-death signal).
"""
from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Callable

from baogao.index.processes import die_with_parent


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to host:port and listening (OSError when the port is taken)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(1024)
    except OSError:
        sock.close()
        raise
    return sock


def _run_worker(make_app: Callable, sock: socket.socket, threads: int, options: dict) -> None:
    """A worker's life: build the app (opening the index), serve until told to stop."""
    from waitress import serve as waitress_serve

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        waitress_serve(make_app(), sockets=[sock], threads=threads, ident="baogao", _quiet=True, **options)
    except (KeyboardInterrupt, SystemExit):
        pass


def serve(make_app: Callable, sock: socket.socket, threads: int, workers: int, **options) -> None:
    """Answer requests on `sock` with `workers` processes of `threads` threads each, until
    Ctrl-C or SIGTERM. `make_app()` builds the WSGI app in each worker."""
    if workers <= 1:
        from waitress import serve as waitress_serve

        waitress_serve(make_app(), sockets=[sock], threads=threads, ident="baogao", _quiet=True, **options)
        return
    parent = os.getpid()
    children = []
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for _ in range(workers):
            pid = os.fork()
            if pid == 0:  # a worker
                for s, handler in previous.items():
                    signal.signal(s, handler)
                die_with_parent(parent, signal.SIGTERM)
                code = 0
                try:
                    _run_worker(make_app, sock, threads, options)
                except BaseException:  # noqa: BLE001 - reported, then the worker exits
                    import traceback

                    traceback.print_exc()
                    code = 1
                os._exit(code)
            children.append(pid)
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while children:
            try:
                pid, _ = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            children.remove(pid)
            if not stopping:  # a worker died on its own: stop the others, then exit
                stop()
    finally:
        stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
        sock.close()
