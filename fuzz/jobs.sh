# Running commands in the background, at most $JOBS (default 2, the machine's
# cores) at a time (sourced by build.sh and run.sh). jobs_spawn CMD ARGS... starts
# one, first waiting for the oldest when the limit is reached; jobs_wait waits for
# the rest. jobs_status becomes 1 when any of them failed.
jobs_pids=
jobs_status=0

jobs_spawn() {
	"$@" &
	jobs_pids="$jobs_pids $!"
	# shellcheck disable=SC2086
	set -- $jobs_pids
	if [ $# -ge "${JOBS:-2}" ]; then
		wait "$1" || jobs_status=1
		shift
		jobs_pids="$*"
	fi
}

jobs_wait() {
	for p in $jobs_pids; do
		wait "$p" || jobs_status=1
	done
	jobs_pids=
}
