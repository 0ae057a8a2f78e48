#!/bin/sh
# Builds the libFuzzer harnesses into fuzz/out/:
#   fuzz_json, fuzz_yaml                  small load limits (fast on deep inputs)
#   fuzz_json_defaults, fuzz_yaml_defaults  the command line's default limits
#   fuzz_config                           configuration files (fuzz_config.c)
#   fuzz_glob                             path globs against a reference (fuzz_glob.c)
# from every src/*.c except main.c and gen_rules.c, plus the generated
# src/rules_builtin.c, with clang-14, libFuzzer, ASan and UBSan.
#
# Objects are rebuilt when their source, any header under src/, this script or
# the flags changed, so running it again is cheap.
# Environment: CC (default clang-14), EXTRA_CFLAGS, CJL_SRC (build from another
# tree holding src/ and rules/, e.g. `git archive HEAD` unpacked in /tmp, so a
# long run is not disturbed by edits in progress; default: this checkout).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "${CJL_SRC:-$here/..}" && pwd)
out="$here/out"
obj="$out/obj"
CC=${CC:-clang-14}
EXTRA_CFLAGS=${EXTRA_CFLAGS:-}

command -v "$CC" >/dev/null 2>&1 || {
	echo "build.sh: $CC not found; apt-get install -y clang-14 libclang-rt-14-dev" >&2
	exit 1
}
for pc in json-c yaml-0.1 libpcre2-8; do
	pkg-config --exists "$pc" || {
		echo "build.sh: pkg-config cannot find $pc" \
			"(apt-get install -y libjson-c-dev libyaml-dev libpcre2-dev)" >&2
		exit 1
	}
done

mkdir -p "$obj"

# src/rules_builtin.c comes from the project's build (gen-rules over rules/*.yaml).
# RULES_C names one made by an out-of-tree build (make fuzz passes it).
rules_c=${RULES_C:-$top/src/rules_builtin.c}
if [ -n "${RULES_C:-}" ] && [ -f "$rules_c" ]; then
	: # given by the build; it keeps it current
elif [ ! -f "$rules_c" ] || [ "$top/rules/catalog.yaml" -nt "$rules_c" ] ||
	[ "$top/rules/shape.yaml" -nt "$rules_c" ]; then
	echo "build.sh: generating src/rules_builtin.c with the project's build" >&2
	if [ ! -f "$top/Makefile" ]; then
		(cd "$top" && ./bootstrap && ./configure) >&2
	fi
	if ! make -C "$top" src/rules_builtin.c >&2; then
		if [ -f "$rules_c" ]; then
			echo "build.sh: warning: could not regenerate src/rules_builtin.c;" \
				"using the one there" >&2
		else
			echo "build.sh: cannot generate src/rules_builtin.c (make failed)" >&2
			exit 1
		fi
	fi
fi


PKG_CFLAGS=$(pkg-config --cflags json-c yaml-0.1 libpcre2-8)
PKG_LIBS=$(pkg-config --libs json-c yaml-0.1 libpcre2-8)
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -I$top -I$top/src $PKG_CFLAGS $EXTRA_CFLAGS"
# The project's objects get the sanitizers and coverage, not libFuzzer's main.
LIB_SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"

# Rebuild everything when the headers, this script or the flags changed.
flags="$CC $CFLAGS $LIB_SAN"
stamp="$obj/.flags"
rebuild_all=no
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$flags" ] || [ "$0" -nt "$stamp" ]; then
	rebuild_all=yes
else
	for h in "$top"/src/*.h; do
		if [ "$h" -nt "$stamp" ]; then
			rebuild_all=yes
			break
		fi
	done
fi

sources=
for c in "$top"/src/*.c; do
	case "$(basename "$c")" in
	main.c | gen_rules.c) continue ;;
	esac
	sources="$sources $c"
done
case " $sources " in
*" $rules_c "*) ;;
*) sources="$sources $rules_c" ;;
esac

# Compile in parallel, $JOBS at a time.
. "$here/jobs.sh"
objects=
for c in $sources; do
	o="$obj/$(basename "$c" .c).o"
	objects="$objects $o"
	if [ "$rebuild_all" = no ] && [ -f "$o" ] && [ "$o" -nt "$c" ]; then
		continue
	fi
	# shellcheck disable=SC2086
	jobs_spawn $CC $CFLAGS $LIB_SAN -c "$c" -o "$o"
done
jobs_wait
[ "$jobs_status" = 0 ] || {
	echo "build.sh: compiling src/ failed" >&2
	exit 1
}
printf '%s' "$flags" >"$stamp"

# Objects of files that are gone from src/ must not be linked.
for o in "$obj"/*.o; do
	case " $objects " in
	*" $o "*) ;;
	*) rm -f "$o" ;;
	esac
done

build() { # name format [defines]; HARNESS names the source (default fuzz_lint.c)
	name=$1
	fmt=$2
	shift 2
	harness=$here/${HARNESS:-fuzz_lint.c}
	if [ -f "$out/$name" ] && [ "$out/$name" -nt "$harness" ] && [ "$out/$name" -nt "$stamp" ]; then
		newer=no
		for o in $objects; do
			if [ "$o" -nt "$out/$name" ]; then
				newer=yes
				break
			fi
		done
		[ "$newer" = yes ] || return 0
	fi
	# shellcheck disable=SC2086
	$CC $CFLAGS -Wall -Wextra $SAN -DFUZZ_FORMAT="$fmt" "$@" "$harness" $objects \
		$PKG_LIBS -lpthread -o "$out/$name"
	echo "build.sh: built fuzz/out/$name" >&2
}
{
	echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) from $top"
	if git -C "$top" rev-parse --show-toplevel 2>/dev/null | grep -qx "$top"; then
		echo "commit $(git -C "$top" rev-parse --short HEAD);" \
			"uncommitted changes in src/ rules/: $(git -C "$top" status --porcelain -- src rules | wc -l) files," \
			"diff sha1 $(git -C "$top" diff HEAD -- src rules | sha1sum | cut -c1-12)"
	fi
	[ -f "$top/SNAPSHOT" ] && cat "$top/SNAPSHOT"
} >"$out/BUILD_INFO"
build fuzz_json SOURCE_JSON &
p1=$!
build fuzz_yaml SOURCE_YAML &
p2=$!
wait $p1 && wait $p2
build fuzz_json_defaults SOURCE_JSON -DFUZZ_DEFAULT_LIMITS &
p1=$!
build fuzz_yaml_defaults SOURCE_YAML -DFUZZ_DEFAULT_LIMITS &
p2=$!
wait $p1 && wait $p2
HARNESS=fuzz_config.c build fuzz_config SOURCE_YAML &
p1=$!
HARNESS=fuzz_glob.c build fuzz_glob SOURCE_YAML &
p2=$!
wait $p1 && wait $p2
