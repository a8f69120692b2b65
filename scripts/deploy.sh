#!/usr/bin/env bash
# Deploys a built site (the dist/ of `npm run build`) beside the earlier ones and switches to it
# atomically; rolls back with one command. nginx serves $DEPLOY_ROOT/current (deploy/nginx.conf),
# a symbolic link to one folder under releases/.
#
#   scripts/deploy.sh deploy [dist]   check dist/ against its build manifest (and that its commit
#                                     is not older than the live one), assemble it as
#                                     releases/<UTC time>/ (unchanged files hard-linked to the
#                                     live release, hashed assets of recent releases carried
#                                     forward), then point current at it; then prepare the next
#                                     deploy's starting point (releases/.next)
#   scripts/deploy.sh rollback        point current at the release before the current one, set the
#                                     withdrawn one aside (releases/.rolled-back-<name>) and HOLD:
#                                     no deploy of the withdrawn commit until `release`
#   scripts/deploy.sh release         lift the hold a rollback left
#   scripts/deploy.sh held [commit]   exit 0 when a hold stops a deploy of that commit (pipelines)
#   scripts/deploy.sh list            the releases, newest last, the live one marked, and the hold
#
# DEPLOY_ROOT (default /srv/louyu) is the folder holding releases/ and current;
# DEPLOY_KEEP (default 5, a positive integer) how many releases to keep.
# One deploy at a time: every command that changes something holds an flock on $ROOT/.deploy.lock.
set -euo pipefail
export LC_ALL=C

ROOT="$(realpath -m -- "${DEPLOY_ROOT:-/srv/louyu}")"
KEEP="${DEPLOY_KEEP:-5}"
RELEASES="$ROOT/releases"
HOLD="$ROOT/hold"
MANIFEST=.build-manifest
# Hashed assets of the releases of the last CARRY_DAYS days, or of the last CARRY_RELEASES
# releases, whichever reach further back, stay in every new release: a page a reader loaded
# from an earlier release keeps finding the CSS, images and search chunks it names.
CARRY_DAYS=7
CARRY_RELEASES=3
# What is named by its content hash: Astro's bundles and images, Pagefind's chunks, fragments,
# filters and metadata (their entry files, pagefind-entry.json and shards.json, are not).
HASHED='^(_astro/|pagefind/(.*/)?(fragment|index|filter)/|pagefind/(.*/)?[^/]*\.pf_meta)'
# The only release names this script makes (and so the only folders it reads, switches to or deletes).
NAME_RE='^[0-9]{8}T[0-9]{6}(\.[0-9]{9})?Z$'
# The next deploy's starting point: a hard-linked copy of the live release (every file a link,
# so it costs directories only), made after each switch, with .next-of naming the release it
# copies. A deploy that finds it matching the live release starts from it and takes away what
# changed, instead of linking every file again (at 60,000 entries, 370,000 links: many seconds
# before the new release could go live).
NEXT="$RELEASES/.next"
STARTED="$EPOCHREALTIME"

die() { echo "deploy: $*" >&2; exit 1; }

[[ "$KEEP" =~ ^[1-9][0-9]{0,3}$ ]] || die "DEPLOY_KEEP must be a positive whole number (got \"$KEEP\")"

live() {
  local name
  [ -L "$ROOT/current" ] || return 0
  name="$(basename "$(readlink "$ROOT/current")")"
  [[ "$name" =~ $NAME_RE ]] && echo "$name" || true
}

# Every release this script made, oldest first (names are UTC times, so they sort by age).
releases() {
  [ -d "$RELEASES" ] || return 0
  local name
  find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | while IFS= read -r name; do
    if [[ "$name" =~ $NAME_RE ]]; then echo "$name"; fi
  done
  return 0
}

lock() {
  mkdir -p "$RELEASES"
  exec 9>"$ROOT/.deploy.lock"
  if ! flock -n 9; then
    echo "deploy: another deploy is running; waiting for it" >&2
    flock -w "${DEPLOY_LOCK_WAIT:-1800}" 9 || die "gave up waiting for the other deploy ($ROOT/.deploy.lock)"
  fi
}

# Points current at releases/$1 with one rename(2): every request sees the old tree or the new.
switch_to() {
  [[ "$1" =~ $NAME_RE ]] || die "refusing to switch to \"$1\": not a release name"
  [ -d "$RELEASES/$1" ] && [ -f "$RELEASES/$1/index.html" ] || die "refusing to switch to releases/$1: it does not exist or has no index.html"
  ln -sfn "releases/$1" "$ROOT/.current.new"
  mv -Tf "$ROOT/.current.new" "$ROOT/current"
  echo "deploy: live release is now $1"
}

# Manifest lines are `<sha256>\t<size>\t<path>`; the header lines start with `#`.
manifest_field() { sed -n "s/^# $2 //p" "$1" | head -n 1; }

# One walk of folder $1 against manifest $2: `missing\t<path>` for each path the folder lacks or
# holds with another size, `extra\t<path>` for each file the manifest does not name, except the
# manifest itself and, when a carried list $3 (`<release>\t<path>` lines) is given, .carried and
# the paths it names. (A walk of 360,000 files takes about a second: walk once.)
compare_tree() {
  find "$1" -type f -printf '%s\t%P\n' |
    awk -F '\t' -v m="$MANIFEST" -v release="${3:+1}" '
      FILENAME == ARGV[1] { if (!/^#/) want[$3] = $2; next }
      FILENAME == ARGV[2] { carried[$2] = 1; next }
      ($2 in want) { if (want[$2] == $1) delete want[$2]; next }
      $2 != m && !(release && ($2 == ".carried" || $2 in carried)) { print "extra\t" $2 }
      END { for (f in want) print "missing\t" f }' "$2" "${3:-/dev/null}" - |
    sort
}

# Paths of manifest $2 that folder $1 lacks or holds with another size, one a line.
missing_in() { compare_tree "$1" "$2" | sed -n 's/^missing\t//p'; }

# Refuses a folder that is not the whole build its manifest describes, naming what is missing.
verify_source() {
  local source="$1" compared missing extra total
  [ -f "$source/index.html" ] || die "$source/index.html is missing: build the site first (npm run build)"
  [ -f "$source/$MANIFEST" ] || die "$source/$MANIFEST is missing: not a whole build of npm run build (build again)"
  total="$(grep -vc '^#' "$source/$MANIFEST" || true)"
  [ "$(manifest_field "$source/$MANIFEST" files)" = "$total" ] || die "$source/$MANIFEST is cut short ($total of $(manifest_field "$source/$MANIFEST" files) lines): build again"
  compared="$(compare_tree "$source" "$source/$MANIFEST")"
  missing="$(sed -n 's/^missing\t//p' <<<"$compared")"
  if [ -n "$missing" ]; then
    die "$source is not the whole build $(manifest_field "$source/$MANIFEST" build): $(wc -l <<<"$missing") of $total files missing or changed ($(
      awk -F/ '{ n[NF > 1 ? $1 "/" : $1]++ } END { for (k in n) printf "%s%s %d", (i++ ? ", " : ""), k, n[k] }' <<<"$missing"
    )), e.g. $(head -n 3 <<<"$missing" | paste -sd ' ')"
  fi
  extra="$(sed -n 's/^extra\t//p' <<<"$compared")"
  [ -z "$extra" ] || die "$source holds $(wc -l <<<"$extra") files its build did not make, e.g. $(head -n 3 <<<"$extra" | paste -sd ' ')"
}

INCOMING=""
cleanup() { if [ -n "$INCOMING" ] && [ -e "$INCOMING" ]; then rm -rf -- "$INCOMING"; fi; }

deploy() {
  local source="${1:-dist}" name current commit since cutoff third release have compared
  verify_source "$source"
  lock
  commit="$(manifest_field "$source/$MANIFEST" commit)"
  if held "$commit"; then
    echo "deploy: not deployed: $(hold_reason). Run scripts/deploy.sh release to deploy it anyway." >&2
    return 0
  fi
  current="$(live)"
  if [ -n "$current" ] && [ -f "$RELEASES/$current/$MANIFEST" ] && older_than_live "$commit" "$(manifest_field "$RELEASES/$current/$MANIFEST" commit)"; then
    echo "deploy: not deployed: commit $commit is older than the live release's commit; a later pipeline has deployed already" >&2
    return 0
  fi
  # A deploy killed outright (kill -9, power loss) leaves its hidden folder; this lock holder owns them.
  find "$RELEASES" -mindepth 1 -maxdepth 1 \( -name '.incoming-*' -o -name '.next-incoming' \) -exec rm -rf {} +
  name="$(date -u +%Y%m%dT%H%M%S.%NZ)"
  while [ -e "$RELEASES/$name" ]; do name="$(date -u +%Y%m%dT%H%M%S.%NZ)"; done
  # Assembled under a hidden name, then renamed: a release folder is never seen half-written.
  trap cleanup EXIT
  trap 'exit 1' INT TERM HUP
  INCOMING="$RELEASES/.incoming-$name"
  current="$(live)"
  # Unchanged files (same path, same hash as in the live build) become hard links to the live
  # release; only what changed is copied, so a release costs what changed.
  if [ -n "$current" ] && [ -f "$RELEASES/$current/$MANIFEST" ] && [ -f "$NEXT/.next-of" ] && [ "$(cat "$NEXT/.next-of")" = "$current" ]; then
    # From the prepared copy: take away the files the new build changed or dropped, the carried
    # assets (carried again below), the manifest, .carried and the marker; then the folders that
    # left empty. Only links are removed: nothing is written into a file the live release shares.
    mv -T "$NEXT" "$INCOMING"
    {
      awk -F '\t' 'NR == FNR { if (!/^#/) new[$3] = $1 "\t" $2; next } !/^#/ && new[$3] != $1 "\t" $2 { print $3 }' \
        "$source/$MANIFEST" "$RELEASES/$current/$MANIFEST"
      if [ -f "$RELEASES/$current/.carried" ]; then cut -f 2 "$RELEASES/$current/.carried"; fi
    } >"$INCOMING/.next-of"
    (cd "$INCOMING" && tr '\n' '\0' <.next-of | xargs -0 -r rm -f -- &&
      sed 's|/[^/]*$||; t; d' .next-of | sort -u | tr '\n' '\0' | xargs -0 -r rmdir -p --ignore-fail-on-non-empty -- 2>/dev/null) || true
    rm -f -- "$INCOMING/.next-of" "$INCOMING/$MANIFEST" "$INCOMING/.carried"
  else
    # No prepared copy of the live release (the first deploy, or after a rollback): link file by file.
    if [ -e "$NEXT" ]; then mv -T "$NEXT" "$RELEASES/.next-stale-$name"; fi
    mkdir "$INCOMING"
    if [ -n "$current" ] && [ -f "$RELEASES/$current/$MANIFEST" ]; then
      awk -F '\t' 'NR == FNR { if (!/^#/) old[$3] = $1 "\t" $2; next } !/^#/ && old[$3] == $1 "\t" $2 { print $3 }' \
        "$RELEASES/$current/$MANIFEST" "$source/$MANIFEST" |
        (cd "$RELEASES/$current" && tr '\n' '\0' | xargs -0 -r cp -al --parents -t "$INCOMING" -- 2>/dev/null) || true
    fi
  fi
  # What is left to copy. --remove-destination unlinks whatever is at the path first, so a copy
  # never writes through a hard link into the live release (and no process is started per file).
  missing_in "$INCOMING" "$source/$MANIFEST" | tr '\n' '\0' |
    (cd "$source" && xargs -0 -r cp -a --remove-destination --parents -t "$INCOMING" --)
  cp -a --remove-destination "$source/$MANIFEST" "$INCOMING/$MANIFEST"
  # Carry forward the hashed assets the new build no longer has, from every release in the
  # window (its own files and what it carried, each by the release that built it).
  since="$(date -u -d "$CARRY_DAYS days ago" +%Y%m%dT%H%M%S)"
  third="$(releases | tail -n "$CARRY_RELEASES" | head -n 1)"
  cutoff="$since"
  if [ -n "$third" ] && [[ "$third" < "$cutoff" ]]; then cutoff="$third"; fi
  have="$INCOMING/.carried"
  rm -f -- "$have"
  : >"$have"
  releases | sort -r | while IFS= read -r release; do
    [ -f "$RELEASES/$release/$MANIFEST" ] || continue
    { awk -F '\t' -v r="$release" '!/^#/ { print r "\t" $3 }' "$RELEASES/$release/$MANIFEST"
      if [ -f "$RELEASES/$release/.carried" ]; then cat "$RELEASES/$release/.carried"; fi; } |
      awk -F '\t' -v cutoff="$cutoff" -v hashed="$HASHED" '
        FILENAME == ARGV[1] { if (!/^#/) skip[$3] = 1; next }
        FILENAME == ARGV[2] { skip[$2] = 1; next }
        $1 >= cutoff && $2 ~ hashed && !($2 in skip) { skip[$2] = 1; print }' "$source/$MANIFEST" "$have" - >"$INCOMING/.carry-batch"
    cut -f 2 "$INCOMING/.carry-batch" | (cd "$RELEASES/$release" && tr '\n' '\0' | xargs -0 -r cp -al --parents -t "$INCOMING" --)
    cat "$INCOMING/.carry-batch" >>"$have"
  done
  rm -f "$INCOMING/.carry-batch"
  compared="$(compare_tree "$INCOMING" "$source/$MANIFEST" "$have")"
  if grep -q '^missing' <<<"$compared"; then die "the assembled release does not match the build; nothing was switched"; fi
  if grep -q '^extra' <<<"$compared"; then die "the assembled release holds files the build did not make; nothing was switched"; fi
  sync -f "$INCOMING" 2>/dev/null || true
  mv -T "$INCOMING" "$RELEASES/$name"
  INCOMING=""
  echo "deploy: release $name: build $(manifest_field "$source/$MANIFEST" build), $(grep -vc '^#' "$source/$MANIFEST") files, $(wc -l <"$RELEASES/$name/.carried") hashed files carried forward"
  switch_to "$name"
  echo "deploy: live after $(elapsed) s"
  # A new commit deployed lifts the hold of a rollback.
  if [ -f "$HOLD" ]; then rm -f "$HOLD"; echo "deploy: the rollback hold is lifted (a new commit was deployed)"; fi
  prune
  # After the switch: readers already have the release; a failure here only makes the next deploy slower.
  prepare_next "$name" || echo "deploy: could not prepare releases/.next; the next deploy links file by file" >&2
}

# Seconds since this command started, to a tenth.
elapsed() { awk -v a="$STARTED" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# Makes releases/.next, the next deploy's starting point, from release $1 (see NEXT above).
prepare_next() {
  local tmp="$RELEASES/.next-incoming"
  if [ -e "$NEXT" ]; then mv -T "$NEXT" "$RELEASES/.next-stale-$1" || return 1; fi
  find "$RELEASES" -mindepth 1 -maxdepth 1 -name '.next-*' -exec rm -rf {} + &&
    cp -al "$RELEASES/$1" "$tmp" &&
    echo "$1" >"$tmp/.next-of" &&
    mv -T "$tmp" "$NEXT"
}

prune() {
  local current count name
  find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -name '.rolled-back-*' -exec rm -rf {} +
  current="$(live)"
  count="$(releases | wc -l)"
  while IFS= read -r name; do
    [ "$count" -le "$KEEP" ] && break
    if [ "$name" != "$current" ]; then
      rm -rf -- "${RELEASES:?}/$name"
      echo "deploy: removed old release $name"
    fi
    count=$((count - 1))
  done < <(releases)
}

# True when commit $1 is an ancestor of the live commit $2 (an older pipeline finishing last);
# false when either is unknown to the Git checkout this runs in.
older_than_live() {
  [ -n "$1" ] && [ -n "$2" ] && [ "$1" != "$2" ] || return 1
  command -v git >/dev/null 2>&1 || return 1
  git cat-file -e "$1^{commit}" 2>/dev/null && git cat-file -e "$2^{commit}" 2>/dev/null || return 1
  git merge-base --is-ancestor "$1" "$2"
}

hold_reason() {
  echo "rolled back from release $(manifest_field "$HOLD" release) (commit $(manifest_field "$HOLD" commit)) at $(manifest_field "$HOLD" since); automatic deploys of that commit are paused"
}

# True when a rollback's hold stops a deploy of commit $1 (unknown commits are held too).
held() {
  [ -f "$HOLD" ] || return 1
  local commit="${1:-}" bad
  bad="$(manifest_field "$HOLD" commit)"
  [ -z "$commit" ] || [ -z "$bad" ] || [ "$commit" = "$bad" ]
}

rollback() {
  local current previous="" name commit=""
  lock
  current="$(live)"
  [ -n "$current" ] || die "nothing is deployed under $ROOT"
  while IFS= read -r name; do
    [ "$name" = "$current" ] && break
    previous="$name"
  done < <(releases)
  [ -n "$previous" ] || die "no release older than $current to roll back to"
  switch_to "$previous"
  # Only after the switch: requests go through current, never to this folder by its name.
  mv -T "$RELEASES/$current" "$RELEASES/.rolled-back-$current"
  echo "deploy: withdrew $current (kept as releases/.rolled-back-$current until the next deploy)"
  [ -f "$RELEASES/.rolled-back-$current/$MANIFEST" ] && commit="$(manifest_field "$RELEASES/.rolled-back-$current/$MANIFEST" commit)"
  printf '# release %s\n# commit %s\n# since %s\n' "$current" "$commit" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$HOLD.new"
  mv -f "$HOLD.new" "$HOLD"
  echo "deploy: HOLD: no automatic deploy of commit ${commit:-(unknown)} until a new commit lands on main or someone runs scripts/deploy.sh release"
}

release_hold() {
  lock
  if [ -f "$HOLD" ]; then rm -f "$HOLD"; echo "deploy: hold lifted; the next pipeline run deploys again"; else echo "deploy: there is no hold"; fi
}

list() {
  local current name
  current="$(live)"
  while IFS= read -r name; do
    if [ "$name" = "$current" ]; then echo "$name (live)"; else echo "$name"; fi
  done < <(releases)
  if [ -f "$HOLD" ]; then echo "HOLD: $(hold_reason); lift it with scripts/deploy.sh release"; fi
}

case "${1:-}" in
  deploy) deploy "${2:-dist}" ;;
  rollback) rollback ;;
  release) release_hold ;;
  held) held "${2:-}" ;;
  list) list ;;
  *) die "usage: $0 deploy [dist] | rollback | release | held [commit] | list" ;;
esac
