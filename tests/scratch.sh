# Shared by the scripts that run git, pre-commit or a build in a scratch folder
# (sourced after lib.sh): a private home and git identity, and a copy of the
# source tree.

# Nothing from the user's configuration, and everything git and pre-commit keep
# in $tmp.
scratch_home() {
	HOME=$tmp/home
	XDG_CONFIG_HOME=$tmp/home/.config
	XDG_CACHE_HOME=$tmp/home/.cache
	PRE_COMMIT_HOME=$tmp/pre-commit-home
	GIT_CONFIG_NOSYSTEM=1
	GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
	GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
	export HOME XDG_CONFIG_HOME XDG_CACHE_HOME PRE_COMMIT_HOME GIT_CONFIG_NOSYSTEM \
		GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE PRE_COMMIT_ALLOW_NO_CONFIG SKIP
	mkdir -p "$HOME"
	git config --global init.defaultBranch main
	git config --global advice.detachedHead false
}

# copy_source_tree DEST: the files of $SRCDIR as a clone would hold them (when
# $SRCDIR is the top of a git checkout, those git tracks or does not ignore, as
# they are now; otherwise, as in an unpacked release inside some other checkout
# during make distcheck, all but build folders), writable.
copy_source_tree() {
	mkdir -p "$1"
	if [ "$(git -C "$SRCDIR" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$SRCDIR" && pwd -P)" ]; then
		(cd "$SRCDIR" && git ls-files -z --cached --others --exclude-standard |
			xargs -0 tar cf - --no-recursion 2>/dev/null) | (cd "$1" && tar xf -)
	else
		(cd "$SRCDIR" && tar cf - --exclude='./build*' --exclude='./_build' --exclude='./.git' .) |
			(cd "$1" && tar xf -)
	fi
	chmod -R u+w "$1"
}
