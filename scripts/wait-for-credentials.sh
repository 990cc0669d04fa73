#!/bin/sh
# Gate for the trading bot: run it first in the bot's start command, e.g.
#   sh scripts/wait-for-credentials.sh kraken-master kraken-user-tania && exec <bot command>
# It asks credential-health, over the platform's private network, whether the accounts the bot
# needs are ready, and waits a bounded time while credential-health starts. When an account is
# not usable it exits non-zero with a one-line reason, the bot never starts, the bot's deploy
# fails its own healthcheck and the previous deployment keeps trading.
#
# Usage: wait-for-credentials.sh [ACCOUNT[,ACCOUNT...] ...]
#   ACCOUNT ids as in /actuator/health/credentials/{account}; none = the whole readiness group.
# Environment:
#   CREDENTIAL_HEALTH_URL      base URL, default http://credential-health.railway.internal:8080
#   CREDENTIAL_ACCOUNTS        comma-separated account ids, used when no argument is given
#   CREDENTIAL_WAIT_SECONDS    how long to wait for an answer, default 120
#   CREDENTIAL_WAIT_INTERVAL   seconds between attempts, default 2
#   CREDENTIAL_HEALTH_TOKEN    the service's CREDENTIALS_ACCESS_TOKEN, if it has one: without it the
#                              verdict still holds, but the reasons (health details) are hidden
# Exit status:
#   0  every account is UP or WARNING (or readiness is UP)
#   1  an account is DOWN (not configured, invalid, rejected...), or still not checked at the end
#   2  usage or configuration error (bad argument, unknown account, endpoint not exposed)
#   3  credential-health stayed unreachable (or gave no usable answer) for the whole wait
# Needs only POSIX sh, awk and curl. It prints the account state and problems reported by the
# service, never the response body, so nothing else from the health details reaches the logs.
set -u

prog=credential-health

usage() {
	sed -n '2,26s/^# \{0,1\}//p' "$0"
}

fail() { # exit-code message
	echo "$prog: $2" >&2
	exit "$1"
}

is_number() {
	case $1 in
	'' | *[!0-9]*) return 1 ;;
	esac
	return 0
}

base_url=${CREDENTIAL_HEALTH_URL:-http://credential-health.railway.internal:8080}
wait_seconds=${CREDENTIAL_WAIT_SECONDS:-120}
interval=${CREDENTIAL_WAIT_INTERVAL:-2}

accounts=""
for arg in "$@"; do
	case $arg in
	-h | --help)
		usage
		exit 0
		;;
	-*) fail 2 "unknown option '$arg' (see --help)" ;;
	esac
	accounts="$accounts,$arg"
done
[ -n "$accounts" ] || accounts=${CREDENTIAL_ACCOUNTS:-}

is_number "$wait_seconds" || fail 2 "CREDENTIAL_WAIT_SECONDS must be a whole number of seconds, got '$wait_seconds'"
if ! is_number "$interval" || [ "$interval" -lt 1 ]; then
	fail 2 "CREDENTIAL_WAIT_INTERVAL must be a whole number of seconds >= 1, got '$interval'"
fi
case $base_url in
http://?* | https://?*) ;;
*) fail 2 "CREDENTIAL_HEALTH_URL must start with http:// or https://, got '$base_url'" ;;
esac
while [ "${base_url%/}" != "$base_url" ]; do base_url=${base_url%/}; done
command -v curl >/dev/null 2>&1 || fail 2 "curl is required but not installed"

# Normalise the account list: split on commas and blanks, drop empties and duplicates.
pending=""
old_ifs=$IFS
IFS=', 	'
for account in $accounts; do
	case $account in
	'') continue ;;
	*[!A-Za-z0-9._-]*) IFS=$old_ifs fail 2 "invalid account id '$account' (letters, digits, '.', '_' and '-' only)" ;;
	esac
	case " $pending " in
	*" $account "*) ;;
	*) pending="${pending:+$pending }$account" ;;
	esac
done
IFS=$old_ifs
all_accounts=$pending

work=$(mktemp -d) || fail 2 "cannot create a temporary directory"
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
(
	umask 077
	if [ -n "${CREDENTIAL_HEALTH_TOKEN:-}" ]; then
		printf 'Authorization: Bearer %s\n' "$CREDENTIAL_HEALTH_TOKEN" >"$work/headers"
	else
		: >"$work/headers"
	fi
) || fail 2 "cannot write to $work"

# Flattens a JSON document into lines "path<TAB>value", one per scalar, e.g.
#   status	DOWN
#   details.problems[0]	KRAKEN_USER_TANIA_API_KEY is not set
#   components.credentials.components.kraken-master.status	UP
# Spring writes keys in any order ("details" before "status"), so values are read by path.
flatten_json() {
	awk '
	function path(   p, d) {
		p = ""
		for (d = 1; d <= depth; d++) {
			if (kind[d] == "a") p = p "[" idx[d] "]"
			else p = (p == "" ? key[d] : p "." key[d])
		}
		return p
	}
	{ text = text $0 "\n" }
	END {
		n = length(text); i = 1; depth = 0; expect_key = 0
		while (i <= n) {
			c = substr(text, i, 1)
			if (c == "{") { depth++; kind[depth] = "o"; key[depth] = ""; expect_key = 1; i++; continue }
			if (c == "[") { depth++; kind[depth] = "a"; idx[depth] = 0; expect_key = 0; i++; continue }
			if (c == "}" || c == "]") { if (depth > 0) depth--; expect_key = 0; i++; continue }
			if (c == ",") { if (kind[depth] == "o") expect_key = 1; else idx[depth]++; i++; continue }
			if (c == ":" || c == " " || c == "\t" || c == "\r" || c == "\n") { i++; continue }
			if (c == "\"") {
				value = ""; j = i + 1
				while (j <= n) {
					ch = substr(text, j, 1)
					if (ch == "\\") {
						nx = substr(text, j + 1, 1)
						if (nx == "n" || nx == "t" || nx == "r") value = value " "
						else if (nx == "u") value = value "\\u"
						else value = value nx
						j += 2; continue
					}
					if (ch == "\"") break
					value = value ch; j++
				}
				i = j + 1
				if (kind[depth] == "o" && expect_key) { key[depth] = value; expect_key = 0 }
				else print path() "\t" value
				continue
			}
			j = i
			while (j <= n && index(",]} \t\r\n", substr(text, j, 1)) == 0) j++
			print path() "\t" substr(text, i, j - i)
			i = j
		}
	}'
}

# Value at an exact path in a flattened document.
json_get() { # file path
	awk -F '\t' -v p="$2" '$1 == p { print substr($0, length(p) + 2); exit }' "$1"
}

# Problems of one health node, joined with "; ".
json_problems() { # file prefix ("" for the top level)
	awk -F '\t' -v p="$2" '
		index($1, p "problems[") == 1 { out = (out == "" ? "" : out "; ") substr($0, length($1) + 2) }
		END { print out }' "$1"
}

# "account X is DOWN (STATE): problem; problem" from a flattened health node.
describe_account() { # file account prefix
	status=$(json_get "$1" "${3}status")
	state=$(json_get "$1" "${3}details.state")
	problems=$(json_problems "$1" "${3}details.")
	line="account $2 is ${status:-DOWN}"
	[ -n "$state" ] && line="$line ($state)"
	[ -n "$problems" ] && line="$line: $problems"
	printf '%s\n' "$line"
}

# Sets outcome (ready, pending, down, config, unreachable) and reason for one endpoint.
check() { # url account ("" = readiness group)
	now=$(date +%s)
	max_time=$((deadline - now))
	[ "$max_time" -gt 5 ] && max_time=5
	[ "$max_time" -lt 1 ] && max_time=1
	rm -f -- "$work/body" "$work/flat"
	# The token goes through a header file so it never shows in the process list.
	if code=$(curl -sS --connect-timeout 3 --max-time "$max_time" -H 'Accept: application/json' \
		-H "@$work/headers" -o "$work/body" -w '%{http_code}' -- "$1" 2>"$work/err"); then
		:
	else
		outcome=unreachable
		reason="$base_url is unreachable ($(sed -n '1s/^curl: ([0-9]*) //p' "$work/err"))"
		return
	fi
	case $code in
	200 | 503) ;;
	404)
		outcome=config
		if [ -n "$2" ]; then
			reason="no account '$2' at $base_url (HTTP 404): check the account id and that the health endpoint is exposed"
		else
			reason="no readiness group at $1 (HTTP 404): check CREDENTIAL_HEALTH_URL"
		fi
		return
		;;
	401 | 403)
		outcome=config
		reason="$1 answered HTTP $code: the health endpoint must be readable without credentials on the private network"
		return
		;;
	*)
		outcome=unreachable
		reason="$base_url answered HTTP $code"
		return
		;;
	esac
	flatten_json <"$work/body" >"$work/flat" 2>/dev/null
	status=$(json_get "$work/flat" status)
	case $status in
	UP | WARNING)
		outcome=ready
		reason=""
		;;
	DOWN)
		outcome=down
		if [ -n "$2" ]; then
			reason=$(describe_account "$work/flat" "$2" "")
		else
			reason="readiness is DOWN$(readiness_cause "$work/flat")"
		fi
		;;
	OUT_OF_SERVICE | UNKNOWN)
		outcome=pending
		if [ -n "$2" ]; then reason="account $2 is $status (not checked yet)"; else reason="readiness is $status (still starting)"; fi
		;;
	'')
		outcome=unreachable
		reason="$base_url answered HTTP $code without a health status"
		;;
	*)
		outcome=pending
		reason="${2:-readiness} is $status"
		;;
	esac
}

# ": account X is DOWN (STATE): problems" for the first DOWN account in a readiness answer.
readiness_cause() { # flattened file
	node=$(awk -F '\t' '
		$2 == "DOWN" && $1 ~ /\.status$/ { prefix = substr($1, 1, length($1) - 7); down[prefix] = 1; order[++n] = prefix }
		$1 ~ /\.details\.state$/ { has_state[substr($1, 1, length($1) - 14)] = 1 }
		END {
			for (k = 1; k <= n; k++) if (has_state[order[k]]) { print order[k]; exit }
			if (n > 0) print order[n]
		}' "$1")
	[ -n "$node" ] || return 0
	name=${node##*.}
	if [ -n "$(json_get "$1" "$node.details.state")" ]; then
		printf ': %s\n' "$(describe_account "$1" "$name" "$node.")"
	else
		printf ': %s is DOWN\n' "$name"
	fi
}

deadline=$(($(date +%s) + wait_seconds))
last_printed=""
while :; do
	last_outcome=ready
	if [ -z "$all_accounts" ]; then
		check "$base_url/actuator/health/readiness" ""
		last_outcome=$outcome
		wait_reason=$reason
	else
		# Ready accounts leave the list; after an unreachable answer the rest wait for the next round.
		next=""
		for account in $pending; do
			if [ "$last_outcome" = unreachable ]; then
				next="$next $account"
				continue
			fi
			check "$base_url/actuator/health/credentials/$account" "$account"
			case $outcome in
			ready) ;;
			down | config) last_outcome=$outcome && break ;;
			*)
				next="$next $account"
				last_outcome=$outcome
				wait_reason=$reason
				;;
			esac
		done
		pending=${next# }
	fi
	case $last_outcome in
	ready)
		if [ -z "$all_accounts" ]; then
			echo "$prog: readiness is UP at $base_url"
		else
			echo "$prog: accounts ready: $(echo "$all_accounts" | sed 's/ /, /g')"
		fi
		exit 0
		;;
	down) fail 1 "$reason" ;;
	config) fail 2 "$reason" ;;
	esac
	now=$(date +%s)
	if [ "$now" -ge "$deadline" ]; then
		[ "$last_outcome" = unreachable ] && fail 3 "no answer after $wait_seconds s: $wait_reason"
		fail 1 "not ready after $wait_seconds s: $wait_reason"
	fi
	if [ "$wait_reason" != "$last_printed" ]; then
		echo "$prog: waiting (up to $((deadline - now)) s more): $wait_reason" >&2
		last_printed=$wait_reason
	fi
	sleep "$interval"
done
