"""Fetch the site's fonts from the npm registry and subset them per script.

    python scripts/build_fonts.py

Reads site/fonts.json. Each package tarball is downloaded once into var/cache/fonts/ and
checked against its pinned integrity hash; the faces are copied (Latin) or subset to the
letters of the Arabic language (Arabic, where the published files cover every Arabic-script
language and weigh three times as much) into site/static/fonts/, with each licence beside
them. Needs only the standard library and fontTools.
"""

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "site" / "fonts.json"
OUTPUT = ROOT / "site" / "static" / "fonts"
CACHE = ROOT / "var" / "cache" / "fonts"
REGISTRY = "https://registry.npmjs.org"


def tarball(name, version, integrity):
    """The package's tarball as bytes, from the cache or the registry, integrity-checked."""
    basename = name.split("/")[-1]
    cached = CACHE / f"{basename}-{version}.tgz"
    if cached.exists():
        data = cached.read_bytes()
    else:
        url = f"{REGISTRY}/{name}/-/{basename}-{version}.tgz"
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - fixed https URL
            data = response.read()
    algorithm, expected = integrity.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        sys.exit(f"build_fonts: {name}@{version} does not match its integrity hash; refusing it")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def subset_font(data, unicodes):
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every shaping feature: Arabic needs them to join letters
    font = subset.load_font(io.BytesIO(data), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def main():
    manifest = json.loads(MANIFEST.read_text())
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for name, pin in manifest["packages"].items():
        data = tarball(name, pin["version"], pin["integrity"])
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            licence = archive.extractfile("package/LICENSE").read()
            (OUTPUT / f"LICENSE-{name.split('/')[-1]}.txt").write_bytes(licence)
            for output, package, source, *script in manifest["faces"]:
                if package != name:
                    continue
                face = archive.extractfile(f"package/{source}").read()
                if script == ["arabic"]:
                    face = subset_font(face, manifest["arabic_subset"])
                (OUTPUT / output).write_bytes(face)
    (OUTPUT / ".built").write_text(MANIFEST.read_text())
    print(f"build_fonts: {len(manifest['faces'])} faces in {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    shutil.rmtree(OUTPUT, ignore_errors=True)
    main()
