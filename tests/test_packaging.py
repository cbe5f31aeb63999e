"""The wheel carries the corpus data, sources, outlet templates and schemas, and works installed."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_with_its_data(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("newsbench-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    script = (
        "import newsbench.corpus.loader as loader, newsbench.corpus.build as build\n"
        "assert loader.__file__.startswith(%r), loader.__file__\n"
        "documents = build.compile_corpus()\n"
        "stored = sorted((d for s in ('train', 'dev', 'test') for d in loader.iter_documents(s)), key=lambda d: d['id'])\n"
        "assert documents == stored\n"
        "from newsbench.schema.jsonschemas import schema_file\n"
        "assert schema_file('document').is_file()\n"
        "print(len(stored), loader.corpus_version())\n"
    ) % str(target)
    result = subprocess.run([sys.executable, "-c", script], env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    count, version = result.stdout.split()
    assert int(count) >= 1 and version.count(".") == 2
