#!/usr/bin/env bash
# Validates the Europass CV XML that Polku writes (polku_documents::europass) against Cedefop's
# Europass XML Schema v3.4.0, vendored with its source and licence under
# crates/documents/tests/fixtures/europass-xsd/ (README.md there). The schema's https
# code-list locations are pointed at the local copies in a temporary directory. Python's
# `xmlschema` (PyPI) is installed in a virtual environment by this script (target/xsd-venv,
# override with POLKU_XSD_VENV); it is not a dependency of Polku.
# Checks, and exits non-zero if any fails:
#   1. Cedefop's own example CV validates (the schema setup is sound);
#   2. every sample the example `europass_samples` writes validates;
#   3. a sample with its elements out of order is refused (the check can fail).
# Usage: scripts/europass-xsd.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="${POLKU_XSD_VENV:-$root/target/xsd-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import xmlschema' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'xmlschema>=3,<5' >&2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/polku-europass.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fixtures="$root/crates/documents/tests/fixtures/europass-xsd"
cp -r "$fixtures/v3.4.0" "$work/schema"
cp "$fixtures"/imported/*.xsd "$work/schema/"
# The https locations of the code lists, pointed at the local copies.
sed -i \
  -e 's#https://europass.cedefop.europa.eu/xml/included/#included/#g' \
  -e 's#https://europass.cedefop.europa.eu/xml/imported/EQF_08_V1.0.0.xsd#EQF_08_V1.0.xsd#' \
  -e 's#https://europass.cedefop.europa.eu/xml/imported/EUDrivingLicence_V1.1.0.xsd#EUDrivinglicence.xsd#' \
  -e 's#https://europass.cedefop.europa.eu/xml/imported/ISCED97_V1.0.0.xsd#polku-standin-ISCED97.xsd#' \
  -e 's#https://europass.cedefop.europa.eu/xml/imported/NACE_COM_V1.0.0.xsd#polku-standin-NACE.xsd#' \
  "$work"/schema/*.xsd
if grep -l 'schemaLocation="http' "$work"/schema/*.xsd "$work"/schema/included/*.xsd; then
  echo "europass-xsd: a schema location still points at the network" >&2
  exit 1
fi
mkdir "$work/samples"
cargo run --quiet -j 2 -p polku-documents --example europass_samples -- "$work/samples" >/dev/null
"$venv/bin/python" - "$work/schema/EuropassSchema.xsd" "$fixtures/Europass_CV_V3.4.0_Example.xml" "$work"/samples/*.xml <<'PY'
import re, sys, xmlschema
schema = xmlschema.XMLSchema(sys.argv[1])
failed = 0
for path in sys.argv[2:]:
    errors = list(schema.iter_errors(path))
    print(("ok   " if not errors else "FAIL ") + path.rsplit("/", 1)[-1])
    for e in errors[:5]:
        print("     ", e.reason, "at", e.path)
    failed += bool(errors)
# The check can fail: the same CV with Skills moved before the EducationList is refused.
full_fi = [p for p in sys.argv[3:] if p.endswith("full-fi.xml")][0]
full = open(full_fi, encoding="utf-8").read()
skills = re.search(r"    <Skills>.*?</Skills>\n", full, re.S).group(0)
broken = full.replace(skills, "").replace("    <EducationList>", skills + "    <EducationList>", 1)
if schema.is_valid(broken):
    print("FAIL an out-of-order CV was accepted")
    failed += 1
else:
    print("ok   an out-of-order CV is refused")
sys.exit(1 if failed else 0)
PY
