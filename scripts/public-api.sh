#!/usr/bin/env bash
# Records a change of the public surface from the analyzers' own findings in a build: each new public symbol (RS0016)
# is added to the project's PublicAPI.Unshipped.txt; each one gone (RS0017) is deleted from it when it never shipped,
# or recorded there as a *REMOVED* line when it did. Review the diff before committing.
#   scripts/public-api.sh [src/Alpha.X ...]    (default: every project under src/)
# (`dotnet format analyzers` was used before; its RS0016 fix rewrote record members it did not need to.)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
for p in "${projects[@]}"; do
  dir=${p%/}
  findings=$(dotnet build "$dir" -c Release --no-restore 2>/dev/null | grep -o "error RS001[67]: Symbol '[^']*'" | sort -u || true)
  grep "RS0016" <<<"$findings" | sed -E "s/error RS0016: Symbol '(.*)'/\1/" >> "$dir/PublicAPI.Unshipped.txt" || true
  grep "RS0017" <<<"$findings" | sed -E "s/error RS0017: Symbol '(.*)'/\1/" \
    | while IFS= read -r symbol; do
        if grep -qxF -- "$symbol" "$dir/PublicAPI.Unshipped.txt"; then
          grep -vxF -- "$symbol" "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.Unshipped.txt.new" || true
          mv "$dir/PublicAPI.Unshipped.txt.new" "$dir/PublicAPI.Unshipped.txt"
        else
          echo "*REMOVED*$symbol" >> "$dir/PublicAPI.Unshipped.txt"
        fi
      done
done
