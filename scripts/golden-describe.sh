#!/usr/bin/env bash
# Regenerates the `kubectl describe` goldens (sim/kubectl/describe/__golden__/) from the REAL kubectl
# v1.33.1 served by shared/tools/fakeapi. CI does not run this: the tests compare our describe with the
# committed bytes. Needs node, npx tsx, the fakeapi tools and gcloud's kubectl.1.33.
#   1. dump.ts runs every world of worlds.ts in the simulator and writes worlds/<world>.json
#      (the objects, their epoch = the simulation's clock, the node outages);
#   2. generate.mjs has the real kubectl describe them, per cases.json, and writes <case>.txt + index.json.
# Usage: scripts/golden-describe.sh            (everything)
#        scripts/golden-describe.sh --no-dump  (keep the world files, re-run kubectl only)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=sim/kubectl/describe/__golden__
if [ "${1:-}" != "--no-dump" ]; then
  for world in $(npx tsx "$dir/dump.ts" --list); do
    npx tsx "$dir/dump.ts" "$world" >"$dir/worlds/$world.json.tmp"
    mv "$dir/worlds/$world.json.tmp" "$dir/worlds/$world.json"
    echo "world $world dumped"
  done
fi
node "$dir/generate.mjs"
