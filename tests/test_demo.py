"""`thidua demo` as a user runs it: sample corpus → extract → embedded index → API and page."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest


@pytest.mark.slow
def test_demo_imports_indexes_and_serves(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "THIDUA_HOME": str(tmp_path / "home")}
    env.pop("THIDUA_BACKEND", None)
    proc = subprocess.Popen([sys.executable, "-m", "thidua.cli", "demo", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        lines = []
        for line in proc.stdout:  # the demo says what it did, then where it serves
            lines.append(line)
            if "serving on" in line:
                break
        out = "".join(lines)
        assert "import: added 5" in out and "index: 5 documents indexed" in out, out
        assert f"http://127.0.0.1:{port}" in out
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)

        def get(path: str, **params) -> dict:
            url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
            with urllib.request.urlopen(url, timeout=10) as r:
                return json.loads(r.read())

        assert get("/api/search", q="chỉ thị 34")["total"] == 3
        assert get("/api/citations", ref="34-CT/TW")["reference"]["id"] == "34-CT/TW"
        with urllib.request.urlopen(base + "/", timeout=10) as r:
            assert "thidua" in r.read().decode("utf-8")
        home = tmp_path / "home"
        assert (home / "corpus.sqlite3").exists()
        assert (home / "tantivy.sqlite3").exists() and list(home.glob("tantivy.*/meta.json"))  # the default engine
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_every_command_is_documented_in_the_readme():
    from typer.main import get_command

    from thidua.cli import app

    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), encoding="utf-8").read()
    group = get_command(app)
    for name, cmd in group.commands.items():
        assert (cmd.help or "").strip(), f"`thidua {name}` has no help text"
        assert f"thidua {name}" in readme, f"`thidua {name}` is not in the README"
