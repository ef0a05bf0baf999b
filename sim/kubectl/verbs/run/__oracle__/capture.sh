#!/usr/bin/env bash
# Re-creates oracle.txt from cases.txt with the REAL kubectl v1.33.1 against shared/tools/fakeapi
# serving web-world.json, through the mutating verbs' capture script (no files/ here: each case runs
# in an empty scratch directory). ../oracle.test.ts replays the same lines and compares byte for byte.
#
#   sim/kubectl/verbs/run/__oracle__/capture.sh          # from the repository root
#
# Environment: as ../../../mutate/__oracle__/capture.sh. Never edit oracle.txt by hand.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ORACLE_DIR="$here" exec bash "$here/../../../mutate/__oracle__/capture.sh"
