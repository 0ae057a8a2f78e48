#!/usr/bin/env python3
"""--print-request against the AWS CLI's own loader.

For every JSON and YAML file in the folders given (testdata/valid and testdata/cases),
createjob-lint --print-request must print the data the AWS CLI v2's loader makes of
it (tests/differential.py: CLI.load), exactly with --show-secrets and with masked
members aside without it, and must exit 2 with no output when the CLI cannot load
the file. Last line: "printrequest-cli: N passed, M failed"; exit 77 when the AWS
CLI v2 modules cannot be imported.

Usage: printrequest.py --cjl BINARY DIR...
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import differential  # noqa: E402


def inputs(dirs):
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(('.json', '.yaml', '.yml')):
                yield os.path.join(d, name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cjl', required=True)
    ap.add_argument('dirs', nargs='+')
    args = ap.parse_args()
    sys.stdout.reconfigure(errors='backslashreplace')
    tmp = tempfile.mkdtemp(prefix='printrequest.')
    try:
        try:
            cli = differential.CLI(os.path.join(tmp, 'home'))
        except ModuleNotFoundError as e:
            print('SKIP: the AWS CLI v2 Python modules are missing (%s)' % e)
            return differential.SKIP
        passed = failed = 0
        for path in inputs(args.dirs):
            problem = differential.check_print_request(cli, args.cjl, path)
            if problem:
                failed += 1
                print('FAIL: %s: %s' % (path, problem))
            else:
                passed += 1
        print('printrequest-cli: %d passed, %d failed' % (passed, failed))
        return 0 if failed == 0 and passed > 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
