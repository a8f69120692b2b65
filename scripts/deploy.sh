#!/usr/bin/env bash
# Deploys a built site (the dist/ of `npm run build`) beside the earlier ones and switches to it
# atomically; keeps the last five releases; rolls back with one command. nginx serves
# $DEPLOY_ROOT/current (deploy/nginx.conf), a symbolic link to one folder under releases/.
#
#   scripts/deploy.sh deploy [dist]   copy dist/ to releases/<UTC time>/, then point current at it
#   scripts/deploy.sh rollback        point current at the release before the current one, and
#                                     set the withdrawn one aside (releases/.rolled-back-<time>),
#                                     so a second rollback goes one further back
#   scripts/deploy.sh list            the releases, newest last, the live one marked
#
# DEPLOY_ROOT (default /srv/louyu) is the folder holding releases/ and current;
# DEPLOY_KEEP (default 5) how many releases to keep.
set -euo pipefail

ROOT="${DEPLOY_ROOT:-/srv/louyu}"
KEEP="${DEPLOY_KEEP:-5}"
RELEASES="$ROOT/releases"

die() { echo "deploy: $*" >&2; exit 1; }

live() { [ -L "$ROOT/current" ] && basename "$(readlink "$ROOT/current")" || true; }

# Every release, oldest first (names are UTC times, so they sort by age).
releases() { [ -d "$RELEASES" ] && find "$RELEASES" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort || true; }

# Points current at releases/$1 with one rename(2): every request sees the old tree or the new.
switch_to() {
  ln -sfn "releases/$1" "$ROOT/.current.new"
  mv -Tf "$ROOT/.current.new" "$ROOT/current"
  echo "deploy: live release is now $1"
}

prune() {
  local current count name
  find "$RELEASES" -mindepth 1 -maxdepth 1 -type d -name '.rolled-back-*' -exec rm -rf {} +
  current="$(live)"
  count="$(releases | wc -l)"
  for name in $(releases); do
    [ "$count" -le "$KEEP" ] && break
    if [ "$name" != "$current" ]; then
      rm -rf "${RELEASES:?}/$name"
      echo "deploy: removed old release $name"
    fi
    count=$((count - 1))
  done
}

deploy() {
  local source="${1:-dist}" name
  [ -f "$source/index.html" ] || die "$source/index.html is missing: build the site first (npm run build)"
  mkdir -p "$RELEASES"
  name="$(date -u +%Y%m%dT%H%M%SZ)"
  while [ -e "$RELEASES/$name" ]; do sleep 1; name="$(date -u +%Y%m%dT%H%M%SZ)"; done
  # Copied under a hidden name, then renamed: a release folder is never seen half-written.
  rm -rf "${RELEASES:?}/.incoming-$name"
  cp -a "$source/." "$RELEASES/.incoming-$name/"
  mv -T "$RELEASES/.incoming-$name" "$RELEASES/$name"
  switch_to "$name"
  prune
}

rollback() {
  local current previous="" name
  current="$(live)"
  [ -n "$current" ] || die "nothing is deployed under $ROOT"
  for name in $(releases); do
    [ "$name" = "$current" ] && break
    previous="$name"
  done
  [ -n "$previous" ] || die "no release older than $current to roll back to"
  switch_to "$previous"
  # Only after the switch: requests go through current, never to this folder by its name.
  mv -T "$RELEASES/$current" "$RELEASES/.rolled-back-$current"
  echo "deploy: withdrew $current (kept as releases/.rolled-back-$current until the next deploy)"
}

list() {
  local current name
  current="$(live)"
  for name in $(releases); do
    if [ "$name" = "$current" ]; then echo "$name (live)"; else echo "$name"; fi
  done
}

case "${1:-}" in
  deploy) deploy "${2:-dist}" ;;
  rollback) rollback ;;
  list) list ;;
  *) die "usage: $0 deploy [dist] | rollback | list" ;;
esac
