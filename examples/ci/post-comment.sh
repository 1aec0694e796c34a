#!/bin/sh
# Posts the pullsync plan on a GitHub pull request or a GitLab merge request, keeping ONE comment:
# the comment whose body starts with the body file's first line (its marker, an HTML comment such
# as <!-- pullsync-plan cluster=prod -->) is updated in place; when there is none, one is created.
# Comments without the marker (anyone else's) are never touched.
#
# Usage: post-comment.sh github|gitlab BODY_FILE
#   github: GITHUB_API_URL, GITHUB_REPOSITORY (owner/name), PR_NUMBER (or GITHUB_EVENT_PATH),
#           GITHUB_TOKEN (the workflow's token, with pull-requests: write)
#   gitlab: CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID,
#           GITLAB_TOKEN (a project access token with the api scope, Reporter role)
# The API base URL comes from the CI's own variables. Needs curl and jq. The token reaches curl on
# its standard input (never its command line, so `ps` cannot show it) and is never printed.
set +x # never trace: the token is in this shell's variables
set -eu

die() {
  echo "post-comment: $*" >&2
  exit 1
}

[ $# -eq 2 ] || die "usage: post-comment.sh github|gitlab BODY_FILE"
platform=$1
body_file=$2
[ -s "$body_file" ] || die "$body_file: no such file or empty (did the plan step run?)"
command -v curl >/dev/null || die "curl not found"
command -v jq >/dev/null || die "jq not found"
marker=$(head -n 1 "$body_file")
case $marker in
  '<!--'*'-->') ;;
  *) die "$body_file: the first line must be the comment's marker, an HTML comment (<!-- ... -->)" ;;
esac

case $platform in
  github)
    : "${GITHUB_API_URL:?}" "${GITHUB_REPOSITORY:?}" "${GITHUB_TOKEN:?GITHUB_TOKEN is not set}"
    pr=${PR_NUMBER:-}
    if [ -z "$pr" ] && [ -n "${GITHUB_EVENT_PATH:-}" ]; then
      pr=$(jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH")
    fi
    [ -n "$pr" ] || die "no pull request number (PR_NUMBER, or a pull_request event)"
    api=${GITHUB_API_URL%/}
    list_url="$api/repos/$GITHUB_REPOSITORY/issues/$pr/comments"
    update_method=PATCH
    update_url="$api/repos/$GITHUB_REPOSITORY/issues/comments"
    max_chars=65000 # GitHub refuses bodies over 65536 characters
    ;;
  gitlab)
    : "${CI_API_V4_URL:?}" "${CI_PROJECT_ID:?}" "${GITLAB_TOKEN:?GITLAB_TOKEN is not set}"
    : "${CI_MERGE_REQUEST_IID:?not a merge request pipeline (CI_MERGE_REQUEST_IID is not set)}"
    api=${CI_API_V4_URL%/}
    list_url="$api/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
    update_method=PUT
    update_url=$list_url
    max_chars=1000000
    ;;
  *) die "usage: post-comment.sh github|gitlab BODY_FILE" ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# curl settings with the credential, read by `curl --config -` from standard input.
credentials() {
  if [ "$platform" = github ]; then
    printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN"
    printf 'header = "Accept: application/vnd.github+json"\n'
    printf 'header = "X-GitHub-Api-Version: 2022-11-28"\n'
  else
    printf 'header = "PRIVATE-TOKEN: %s"\n' "$GITLAB_TOKEN"
  fi
}

# call METHOD URL [JSON_FILE]: the answer's body goes to $tmp/answer; fails on anything but 2xx.
call() {
  if [ $# -eq 3 ]; then
    status=$(credentials | curl --silent --show-error --config - -X "$1" -o "$tmp/answer" \
      -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$3" "$2") || status=000
  else
    status=$(credentials | curl --silent --show-error --config - -X "$1" -o "$tmp/answer" \
      -w '%{http_code}' "$2") || status=000
  fi
  case $status in
    2??) return 0 ;;
  esac
  hint=
  case $status in
    401 | 403 | 404) hint=" (does the token exist and may it comment? A GitHub pull request from a fork gets a read-only token)" ;;
  esac
  echo "post-comment: $1 $2: HTTP $status$hint: $(head -c 300 "$tmp/answer" 2>/dev/null)" >&2
  return 1
}

# The oldest comment that starts with the marker, page by page (100 a page).
found=
page=1
while :; do
  call GET "$list_url?per_page=100&page=$page" || die "could not list the comments"
  found=$(jq -r --arg m "$marker" \
    'first(.[] | select(.system != true and ((.body // "") | startswith($m))) | .id) // empty' \
    "$tmp/answer")
  count=$(jq 'length' "$tmp/answer")
  if [ -n "$found" ] || [ "$count" -lt 100 ]; then
    break
  fi
  page=$((page + 1))
done

jq -Rs --argjson max "$max_chars" \
  '{body: (if length > $max then .[:$max] + "\n\n*(cut: the plan is longer than a comment may be; the job log has all of it)*" else . end)}' \
  "$body_file" >"$tmp/request.json"

if [ -n "$found" ]; then
  call "$update_method" "$update_url/$found" "$tmp/request.json" || die "could not update comment $found"
  echo "post-comment: updated comment $found"
else
  call POST "$list_url" "$tmp/request.json" || die "could not create the comment"
  echo "post-comment: created comment $(jq -r '.id' "$tmp/answer")"
fi
