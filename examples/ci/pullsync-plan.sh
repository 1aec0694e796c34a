#!/bin/sh
# Runs `pullsync validate` and the offline plan in a pull/merge request checkout (run it from the
# repository root) and writes the comment body for post-comment.sh. Needs no cluster and no key:
# the plan reads the inventory the agent publishes on the report branch, fetched here.
#
# Environment:
#   SPEC_PATH      the spec directory in the repository (as in the agent's git.path)
#   CLUSTER        the cluster to plan for (its name in status/<cluster>.inventory.yaml)
#   REPORT_BRANCH  the agent's report branch (default pullsync-status, as report.branch)
#   PULLSYNC       how to run pullsync (default pullsync; e.g. "java -jar /tmp/pullsync.jar")
#   PLAN_OUT       the comment body to write (default pullsync-plan.md); its first line is the
#                  marker post-comment.sh finds the comment by
#   PLAN_EXIT      where pullsync's exit code is written (default pullsync-plan.exit)
#
# Exit: 0 when the plan ran (pullsync 0: no changes; 3: changes pending, which is what a pull
# request is for); otherwise pullsync's code (2: invalid spec or input; 1: failed). The body is
# written in every case, so post the comment even when this step fails.
set -u

: "${SPEC_PATH:?SPEC_PATH (the spec directory) is not set}"
: "${CLUSTER:?CLUSTER (the cluster to plan for) is not set}"
report_branch=${REPORT_BRANCH:-pullsync-status}
out=${PLAN_OUT:-pullsync-plan.md}
exit_file=${PLAN_EXIT:-pullsync-plan.exit}
# PULLSYNC may be several words ("java -jar FILE"): split on purpose.
pullsync=${PULLSYNC:-pullsync}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# finish CODE: writes the exit code, echoes the body to the job log, exits with the CI verdict.
finish() {
  echo "$1" >"$exit_file"
  cat "$out"
  case $1 in
    0 | 3) exit 0 ;;
    *) exit "$1" ;;
  esac
}

# fenced FILE...: the files' text as one Markdown code block.
fenced() {
  printf '\n````text\n'
  cat "$@"
  printf '````\n'
}

{
  echo "<!-- pullsync-plan cluster=$CLUSTER -->"
  echo "**pullsync** for cluster \`$CLUSTER\`, spec \`$SPEC_PATH\` (this comment follows every push)"
  echo
} >"$out"

# The inventory lives on the report branch, which a pull-request checkout does not have.
depth=
if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
  depth=--depth=1
fi
# shellcheck disable=SC2086 # $depth is empty or one word
if ! git fetch --quiet --no-tags $depth origin \
  "+refs/heads/$report_branch:refs/remotes/origin/$report_branch" >"$tmp/fetch" 2>&1; then
  {
    echo "Could not fetch the report branch \`$report_branch\` (has the agent published a report yet?):"
    fenced "$tmp/fetch"
  } >>"$out"
  finish 1
fi

# shellcheck disable=SC2086 # $pullsync is a command with its arguments
$pullsync validate "$SPEC_PATH" >"$tmp/validate.out" 2>"$tmp/validate.err"
code=$?
if [ "$code" -ne 0 ]; then
  {
    echo "\`pullsync validate\` failed (exit $code); nothing was planned:"
    fenced "$tmp/validate.out" "$tmp/validate.err"
  } >>"$out"
  finish "$code"
fi
{
  echo "\`pullsync validate\`: $(cat "$tmp/validate.out")"
  echo
} >>"$out"

# shellcheck disable=SC2086
$pullsync plan --repo . --path "$SPEC_PATH" --offline-from "origin/$report_branch" \
  --cluster "$CLUSTER" --format markdown >"$tmp/plan.out" 2>"$tmp/plan.err"
code=$?
case $code in
  0 | 3) cat "$tmp/plan.out" >>"$out" ;;
  2)
    {
      echo "\`pullsync plan\` refused the input (exit 2):"
      fenced "$tmp/plan.out" "$tmp/plan.err"
    } >>"$out"
    ;;
  *)
    {
      echo "\`pullsync plan\` failed (exit $code):"
      fenced "$tmp/plan.out" "$tmp/plan.err"
    } >>"$out"
    ;;
esac
finish "$code"
