# Shared by scripts/drill-*.sh: parses `[--short] [path-to-polku-binary]`, builds the binary
# when none is given (as scripts/e2e.sh does), and sets $short, $bin and $drill (the Python
# program, standard library only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
short=0
bin=""
for arg in "$@"; do
  case "$arg" in
    --short) short=1 ;;
    -h|--help) sed -n '2,/^set -/p' "$0" | sed '$d'; exit 0 ;;
    *) bin="$arg" ;;
  esac
done
if [ -z "$bin" ]; then
  cargo build -q -p polku-cli
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/polku"
fi
drill=(python3 "$root/scripts/drills/polku_drill.py" --binary "$bin")
