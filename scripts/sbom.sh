#!/usr/bin/env bash
# A CycloneDX SBOM (JSON) of the `polku` binary's dependency tree (R58, docs/SECURITY.md "Supply
# chain"): `scripts/sbom.sh [OUT]` (default target/sbom/polku.cdx.json). Uses cargo-cyclonedx
# (installed when missing) on crates/cli (the package of the binary) with its normal and build
# dependencies, from Cargo.lock without network; then checks that the output is a CycloneDX
# document (bomFormat, specVersion, the binary as its subject, a component per locked crate).
set -euo pipefail
cd "$(dirname "$0")/.."

cyclonedx_version=0.5.9
out="${1:-target/sbom/polku.cdx.json}"
if ! cargo cyclonedx --version 2>/dev/null | grep -q "$cyclonedx_version"; then
  cargo install cargo-cyclonedx --locked --version "$cyclonedx_version"
fi

# cargo-cyclonedx writes one file beside every workspace member's manifest; the binary's is
# moved to OUT and the others are removed.
cargo cyclonedx --manifest-path crates/cli/Cargo.toml --format json --spec-version 1.5 \
  --all --override-filename polku.cdx --quiet
mkdir -p "$(dirname "$out")"
mv crates/cli/polku.cdx.json "$out"
rm -f crates/*/polku.cdx.json

python3 - "$out" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    bom = json.load(f)
assert bom.get("bomFormat") == "CycloneDX", "not a CycloneDX document"
spec = bom.get("specVersion")
assert spec in ("1.3", "1.4", "1.5"), f"unexpected specVersion {spec}"
subject = bom.get("metadata", {}).get("component", {})
names = [subject.get("name", "")] + [c.get("name", "") for c in subject.get("components", [])]
assert "polku" in names or "polku-cli" in names, f"the SBOM is not about the polku binary: {names}"
comps = bom.get("components", [])
assert len(comps) > 100, f"only {len(comps)} components"
purls = [c for c in comps if c.get("purl", "").startswith("pkg:cargo/")]
assert len(purls) == len(comps), "every component has a cargo package URL"
with_licence = sum(1 for c in comps if c.get("licenses"))
print(f"sbom: {path}: CycloneDX {spec}, subject {subject.get('name')} {subject.get('version')}, "
      f"{len(comps)} components ({with_licence} with a licence)")
PY
