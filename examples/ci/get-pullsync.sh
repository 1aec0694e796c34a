#!/bin/sh
# Puts pullsync.jar where the CI job can run it (java -jar FILE), from the first of:
#   PULLSYNC_JAR_URL  a URL where you publish the jar built by `mvn -B -DskipTests package`
#                     (agent/target/pullsync.jar), checked against PULLSYNC_JAR_SHA256 when set;
#   PULLSYNC_IMAGE    the pullsync container image (needs docker): the jar is copied out of it;
#   /app/pullsync.jar when the job already runs in (an image built from) the pullsync image.
# Usage: get-pullsync.sh DEST_JAR
set -eu

die() {
  echo "get-pullsync: $*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: get-pullsync.sh DEST_JAR"
dest=$1
if [ -n "${PULLSYNC_JAR_URL:-}" ]; then
  curl --silent --show-error --fail --location -o "$dest" "$PULLSYNC_JAR_URL" ||
    die "could not download the jar from PULLSYNC_JAR_URL"
  if [ -n "${PULLSYNC_JAR_SHA256:-}" ]; then
    echo "$PULLSYNC_JAR_SHA256  $dest" | sha256sum -c --status ||
      { rm -f "$dest"; die "$dest does not match PULLSYNC_JAR_SHA256"; }
  fi
elif [ -n "${PULLSYNC_IMAGE:-}" ]; then
  id=$(docker create "$PULLSYNC_IMAGE") || die "docker create $PULLSYNC_IMAGE failed"
  docker cp "$id:/app/pullsync.jar" "$dest" || { docker rm "$id" >/dev/null; die "no /app/pullsync.jar in $PULLSYNC_IMAGE"; }
  docker rm "$id" >/dev/null
elif [ -f /app/pullsync.jar ]; then
  cp /app/pullsync.jar "$dest"
else
  die "set PULLSYNC_JAR_URL or PULLSYNC_IMAGE (see examples/ci/README.md)"
fi
echo "get-pullsync: $dest ($(wc -c <"$dest") bytes)"
