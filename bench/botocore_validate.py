#!/usr/bin/env python3
"""Validate CreateJob request files the way the AWS CLI does before it sends them.

Usage: botocore_validate.py FILE...

One process loads botocore's `dataexchange` service model once, then for each
file: json.load, check that the document is a mapping (the CLI's own check for
--cli-input-json), and run botocore's ParamValidator on it against the
CreateJob input shape. That is the client-side validation of
`aws dataexchange create-job --cli-input-json file://FILE`: required and
unknown members, types, string lengths and list bounds of the model in use
(it does not check enumerations or patterns).

Prints `FILE invalid` and the validator's report for each rejected file, a
summary on standard error, and exits 1 when a file was rejected (as ajv-cli
does), 0 otherwise.
"""

import json
import sys

import botocore
import botocore.session
import botocore.validate


def load_shape():
    session = botocore.session.get_session()
    model = session.get_service_model("dataexchange")
    return model.operation_model("CreateJob").input_shape


def problems(validator, shape, path):
    """The validator's report for one file, or None when it passes."""
    with open(path, "rb") as f:
        try:
            params = json.load(f)
        except ValueError as e:
            return "Invalid JSON received: %s" % e
    if not isinstance(params, dict):
        return "Invalid type: expecting map, received %s" % type(params)
    report = validator.validate(params, shape)
    return report.generate_report() if report.has_errors() else None


def main(paths):
    if not paths:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    shape = load_shape()
    validator = botocore.validate.ParamValidator()
    out = sys.stdout
    rejected = 0
    for path in paths:
        report = problems(validator, shape, path)
        if report:
            rejected += 1
            out.write("%s invalid\n%s\n" % (path, report))
    print("botocore %s: %d of %d files rejected" % (botocore.__version__, rejected, len(paths)),
          file=sys.stderr)
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
