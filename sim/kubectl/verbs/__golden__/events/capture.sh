#!/usr/bin/env bash
# Re-creates oracle.txt from cases.txt with the REAL kubectl v1.33.1 against shared/tools/fakeapi
# serving the worked example's world, a fresh server per case with the world's timestamps moved so
# its epoch is now (SHIFT=1 of the mutating verbs' capture script), so LAST SEEN reads as in the world.
#
#   sim/kubectl/verbs/__golden__/events/capture.sh      # from the repository root
#
# Environment: as ../../../mutate/__oracle__/capture.sh. Never edit oracle.txt by hand.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ORACLE_DIR="$here" WORLD="$here/../../../__fixtures__/web-world.json" SHIFT=1 exec bash "$here/../../../mutate/__oracle__/capture.sh"
