#!/bin/sh
# Refreshes translations/*.ts from the tr() strings in app/ and views/.
#
# New strings appear as type="unfinished"; translate them (linguist, or by editing the XML)
# before committing: tst_translations fails while any Korean message is unfinished or empty.
# English is the source language, so its catalogue only carries plural forms (-pluralonly).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then lupdate=$candidate; break; fi
    done
fi
[ -n "$lupdate" ] || { echo "update-translations: lupdate not found (install qt6-l10n-tools)" >&2; exit 1; }

cd "$root"
"$lupdate" -locations relative -no-obsolete -source-language en app views -ts translations/onnxscope_ko.ts
"$lupdate" -locations relative -no-obsolete -source-language en -pluralonly app views -ts translations/onnxscope_en.ts
