#!/usr/bin/env python3
"""Differential test: createjob-lint against the AWS CLI's own loading and validation.

A deterministic generator mutates the valid requests of testdata/valid (all nine job
types, JSON and YAML): it drops required members, misspells member names, changes
types, writes YAML scalars that load as numbers, booleans, nulls or dates, breaks
enumerations and patterns, adds unknown members, duplicates keys, adds a second YAML
document, and so on. It also writes "neutral" variants that change only the
presentation (key order, quoting, flow or block style, comments, anchors, CRLF, ...)
and "model-valid" variants (an optional member dropped, a YAML 1.2 look-alike such as
`yes` in a free-text member).

Each file is then judged the way `aws dataexchange create-job --cli-input-json
file://F` (or --cli-input-yaml) of the AWS CLI v2 judges it before sending anything,
with the CLI's own modules, in this one process:
  - awscli.paramfile.get_file reads file:// text (AWS_CLI_FILE_ENCODING=UTF-8);
  - CliInputJSONArgument/CliInputYAMLArgument._load_parameters parse it (json.loads;
    ruamel.yaml YAML(typ='safe', pure=True)); a parse failure is a rejection;
  - a top level that is not a mapping is rejected ("expecting map");
  - the keys are merged into the call parameters as the CLI does, then the client
    call would fail on a non-string top-level key ("keywords must be strings");
  - awscli.botocore.validate.ParamValidator checks the merged parameters against
    the CreateJob input shape of the CLI's own bundled dataexchange model; any
    report is a rejection.

createjob-lint runs once over all files (--format json --all-files DIR). Expectations:
  (a) the CLI rejects the file            -> at least one error-level finding;
  (b) neutral variants and the originals  -> no error-level finding (the loaded data
      is verified to be identical to the original's), and likewise model-valid
      variants (CLI accepts; the mutation is known to keep the current model valid);
  (c) the CLI accepts a mutation built to break the current model (an enumeration,
      an Id or account pattern taken as a full match, a maximum length) -> an error;
  (d) the CLI and the model accept it but a documented linter rule makes it an
      error (JSON duplicate key CJ005, Type/Details mismatch CJ201, aws:kms without
      a key CJ202, hex-looking MD5 CJ203, empty Bucket CJ205, empty S3 key CJ207,
      empty DataShareArn CJ210, Stage pattern CJ105, block-scalar newline CJ009)
      -> an error;
  documented exception: AssetConfiguration and KmsKeysToGrant are unknown to the
  CLI's older model. When that is the CLI's only complaint and the member is
  otherwise valid, the linter must report CJ222 (info) and no error; when the member
  is also malformed under the current model, an error.
Mutations whose outcome is neither (unexpected CLI acceptances) are listed, not
asserted.
One mutant in PRINT_REQUEST_SAMPLE is also given to --print-request, which must
print what the CLI's loader makes of it (check_print_request).
When createjob-lint has --fix: each mutant whose findings all carry a fix is fixed
with --fix --unsafe-fixes, and the fixed file must pass the CLI's loader and
validator, and --print-request of it must equal what the CLI's loader makes of it
(check_print_request: exactly with --show-secrets, ApiKey aside without).

Usage: differential.py --cjl BINARY --testdata DIR [--seed N] [--keep DIR] [-v]
Last line: "differential: N passed, M failed". Exit 0 only when M == 0; 77 when the
AWS CLI v2 modules cannot be imported.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
PRINT_REQUEST_SAMPLE = 16
DEFAULT_SEED = 20240617

# --------------------------------------------------------------------------------------
# The AWS CLI (v2, Debian's awscli package: botocore is vendored as awscli.botocore).


class CLI:
    """The AWS CLI's own loading and validation code, used in-process."""

    def __init__(self, home):
        # What the CLI reads besides the file: its data path (AWS_DATA_PATH, set at
        # import), ~/.aws/models and the file encoding. Make all three fixed.
        os.environ.pop('AWS_DATA_PATH', None)
        os.environ['AWS_CLI_FILE_ENCODING'] = 'UTF-8'
        os.environ['HOME'] = home
        for var in ('AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE',
                    'AWS_DEFAULT_PROFILE'):
            os.environ.pop(var, None)
        import awscli
        if not awscli.__version__.startswith('2.'):
            raise ModuleNotFoundError('awscli %s at %s is not the AWS CLI v2'
                                      % (awscli.__version__, awscli.__file__))
        import awscli.botocore.validate  # noqa: F401 (vendored botocore: CLI v2 only)
        from awscli.clidriver import create_clidriver
        from awscli.customizations.cliinput import (CliInputJSONArgument,
                                                    CliInputYAMLArgument)
        from awscli.argprocess import ParamError
        from awscli.paramfile import get_file, ResourceLoadingError
        from awscli.botocore.validate import ParamValidator
        import ruamel.yaml

        self.awscli = awscli
        session = create_clidriver().session
        loader = session.get_component('data_loader')
        _, self.model_path = loader.load_data_with_path(
            'dataexchange/2017-07-25/service-2')
        pkg = os.path.dirname(os.path.abspath(awscli.__file__))
        if not os.path.abspath(self.model_path).startswith(pkg + os.sep):
            raise RuntimeError('the dataexchange model comes from %s, not from the '
                               'awscli package' % self.model_path)
        model = session.get_service_model('dataexchange')
        self.shape = model.operation_model('CreateJob').input_shape
        self.json_arg = CliInputJSONArgument(session)
        self.yaml_arg = CliInputYAMLArgument(session)
        self.ParamError = ParamError
        self.ResourceLoadingError = ResourceLoadingError
        self.get_file = get_file
        self.validator = ParamValidator()
        self.ruamel_version = ruamel.yaml.__version__

    def describe(self):
        return ('AWS CLI %s (%s), ruamel.yaml %s, model %s'
                % (self.awscli.__version__, os.path.dirname(self.awscli.__file__),
                   self.ruamel_version, self.model_path))

    def load(self, path):
        """What the CLI makes of the file: (params, None) or (None, message)."""
        try:
            text = self.get_file('file://', 'file://' + path, 'r')
        except self.ResourceLoadingError as e:
            return None, str(e)
        arg = self.yaml_arg if path.endswith(('.yaml', '.yml')) else self.json_arg
        try:
            loaded = arg._load_parameters(text)
        except self.ParamError as e:
            return None, str(e)
        except Exception as e:  # the CLI would stop with a traceback: not sent either
            return None, 'CLI crash: %s: %s' % (type(e).__name__, e)
        if not isinstance(loaded, dict):
            return None, ("Error parsing parameter '%s': Invalid type: expecting map, "
                          'received %s' % (arg.cli_name, type(loaded)))
        call = {}
        arg._update_call_parameters(call, loaded)
        return call, None

    def judge(self, path):
        """(accepted, message, params, errors) for one file."""
        params, msg = self.load(path)
        if params is None:
            return False, msg, None, []
        bad = [k for k in params if not isinstance(k, str)]
        if bad:
            return False, 'CLI crash: TypeError: keywords must be strings', None, []
        report = self.validator.validate(params, self.shape)
        if report.has_errors():
            errors = list(report._errors)
            return False, ('Parameter validation failed:\n'
                           + report.generate_report()), params, errors
        return True, 'accepted', params, []


# --------------------------------------------------------------------------------------
# Document trees: mappings keep their pairs (duplicates, order, non-string keys).


class M:
    def __init__(self, pairs=()):
        self.pairs = [list(p) for p in pairs]

    def __len__(self):
        return len(self.pairs)

    def keys(self):
        return [k for k, _ in self.pairs]

    def index(self, key):
        for i, (k, _) in enumerate(self.pairs):
            if k == key and type(k) is type(key):
                return i
        raise KeyError(key)

    def get(self, key):
        return self.pairs[self.index(key)][1]

    def has(self, key):
        try:
            self.index(key)
            return True
        except KeyError:
            return False

    def set(self, key, value):
        try:
            self.pairs[self.index(key)][1] = value
        except KeyError:
            self.pairs.append([key, value])


class Raw:
    """A scalar written verbatim. value: what the CLI is meant to read (or UNKNOWN)."""

    def __init__(self, text, value=None, known=True):
        self.text = text
        self.value = value
        self.known = known


UNKNOWN = object()


def clone(node):
    if isinstance(node, M):
        return M([(k, clone(v)) for k, v in node.pairs])
    if isinstance(node, list):
        return [clone(x) for x in node]
    return node


def from_data(data):
    if isinstance(data, dict):
        return M([(k, from_data(v)) for k, v in data.items()])
    if isinstance(data, list):
        return [from_data(x) for x in data]
    return data


def to_data(node):
    """The data the CLI should load from a tree (JSON rules: last duplicate wins)."""
    if isinstance(node, M):
        out = {}
        for k, v in node.pairs:
            out[k] = to_data(v)
        return out
    if isinstance(node, list):
        return [to_data(x) for x in node]
    if isinstance(node, Raw):
        return node.value if node.known else UNKNOWN
    return node


def strict_eq(a, b):
    if a is UNKNOWN or b is UNKNOWN:
        return False
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (len(a) == len(b) and all(type(k) is str for k in a)
                and all(k in b and strict_eq(a[k], b[k]) for k in a))
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_eq(x, y) for x, y in zip(a, b))
    return a == b


def get_at(node, path):
    for p in path:
        node = node.get(p) if isinstance(node, M) else node[p]
    return node


def set_at(tree, path, value):
    parent = get_at(tree, path[:-1])
    if isinstance(parent, M):
        parent.set(path[-1], value)
    else:
        parent[path[-1]] = value


def del_at(tree, path):
    parent = get_at(tree, path[:-1])
    if isinstance(parent, M):
        del parent.pairs[parent.index(path[-1])]
    else:
        del parent[path[-1]]


def rename_at(tree, path, new):
    parent = get_at(tree, path[:-1])
    parent.pairs[parent.index(path[-1])][0] = new


def path_str(path):
    s = ''
    for p in path:
        s += '[%d]' % p if isinstance(p, int) else ('.' if s else '') + str(p)
    return s or '(top)'


# --------------------------------------------------------------------------------------
# Serializers.


def json_scalar(v, ascii_only=False, escape_slash=False):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, str):
        s = json.dumps(v, ensure_ascii=ascii_only)
        return s.replace('/', '\\/') if escape_slash else s
    if v is None or isinstance(v, (bool, int)):
        return json.dumps(v)
    if isinstance(v, float):
        return repr(v)
    raise TypeError(type(v))


def dump_json(node, indent=2, ascii_only=False, escape_slash=False, sep=': '):
    """JSON text of a tree; indent None = one line, else a string or a width."""
    unit = (' ' * indent) if isinstance(indent, int) else indent

    def emit(n, depth):
        if isinstance(n, (M, list)):
            items = n.pairs if isinstance(n, M) else n
            if not items:
                return '{}' if isinstance(n, M) else '[]'
            parts = []
            for it in items:
                if isinstance(n, M):
                    k, v = it
                    key = json_scalar(k if isinstance(k, (str, Raw)) else str(k),
                                      ascii_only, escape_slash)
                    parts.append(key + sep + emit(v, depth + 1))
                else:
                    parts.append(emit(it, depth + 1))
            o, c = ('{', '}') if isinstance(n, M) else ('[', ']')
            if unit is None:
                return o + ', '.join(parts) + c
            pad = unit * (depth + 1)
            return (o + '\n' + ',\n'.join(pad + p for p in parts) + '\n'
                    + unit * depth + c)
        return json_scalar(n, ascii_only, escape_slash)

    if indent is None:
        unit = None
    return emit(node, 0) + '\n'


_YAML = None


def yaml_load(text):
    global _YAML
    if _YAML is None:
        from ruamel.yaml import YAML
        _YAML = YAML(typ='safe', pure=True)
    return _YAML.load(text)


_plain_cache = {}


def plain_ok(s, flow):
    """Whether s written unquoted reads back as the same string (block or flow)."""
    key = (s, flow)
    if key not in _plain_cache:
        ok = (isinstance(s, str) and s != '' and s == s.strip()
              and not any(c in s for c in '\n\r\t\ufeff\u2028\u2029\x85'))
        if ok:
            doc = ('{k: %s}\n' if flow else 'k: %s\n') % s
            try:
                d = yaml_load(doc)
                ok = isinstance(d, dict) and type(d.get('k')) is str and d['k'] == s
            except Exception:
                ok = False
        _plain_cache[key] = ok
    return _plain_cache[key]


class YStyle:
    def __init__(self, quote='double', layout='block', indent=2, seq_indent=True,
                 comments=False, anchors=False, merge=False, literal=False,
                 str_tag=False, keys_quoted=False):
        self.quote = quote          # double | single | plain (when it reads back the same)
        self.layout = layout        # block | flow | mixed
        self.indent = indent
        self.seq_indent = seq_indent
        self.comments = comments
        self.anchors = anchors      # repeated strings get &anchor / *alias
        self.merge = merge          # list entries reuse the first one with <<: *alias
        self.literal = literal      # multi-word strings as |- or >- block scalars
        self.str_tag = str_tag      # every string scalar with an explicit !!str
        self.keys_quoted = keys_quoted


def yaml_dq(s):
    return json.dumps(s, ensure_ascii=False)


def yaml_scalar(v, st, flow):
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, str):
        tag = '!!str ' if st.str_tag else ''
        if st.quote == 'plain' and plain_ok(v, flow):
            return tag + v
        if st.quote == 'single' and '\n' not in v and '\r' not in v and v.isprintable():
            return tag + "'" + v.replace("'", "''") + "'"
        return tag + yaml_dq(v)
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v:
            return '.nan'
        if v in (float('inf'), float('-inf')):
            return '.inf' if v > 0 else '-.inf'
        return repr(v)
    raise TypeError(type(v))


def yaml_key(k, st, flow):
    if isinstance(k, Raw):
        return k.text
    if isinstance(k, str):
        if not st.keys_quoted and plain_ok(k, flow):
            return k
        return yaml_dq(k)
    return yaml_scalar(k, YStyle(), flow)


def yaml_flow(n, st):
    if isinstance(n, M):
        return '{' + ', '.join('%s: %s' % (yaml_key(k, st, True), yaml_flow(v, st))
                               for k, v in n.pairs) + '}'
    if isinstance(n, list):
        return '[' + ', '.join(yaml_flow(x, st) for x in n) + ']'
    return yaml_scalar(n, st, True)


def is_leafy(n):
    """A mapping or list whose values are all scalars (mixed layout writes it in flow)."""
    items = [v for _, v in n.pairs] if isinstance(n, M) else n
    return bool(items) and not any(isinstance(x, (M, list)) for x in items)


def dump_yaml(tree, st=None):
    st = st or YStyle()
    if st.layout == 'flow' or (isinstance(tree, (M, list)) and not
                               (tree.pairs if isinstance(tree, M) else tree)):
        return yaml_flow(tree, st) + '\n'
    counts = {}

    def count(n):
        if isinstance(n, M):
            for _, v in n.pairs:
                count(v)
        elif isinstance(n, list):
            for v in n:
                count(v)
        elif isinstance(n, str) and len(n) >= 3:
            counts[n] = counts.get(n, 0) + 1

    count(tree)
    anchors = {}
    lines = []
    lit_count = [0]

    def scalar(v):
        if st.anchors and isinstance(v, str) and counts.get(v, 0) >= 2:
            if v in anchors:
                return '*' + anchors[v]
            anchors[v] = 'a%d' % (len(anchors) + 1)
            return '&%s %s' % (anchors[v], yaml_scalar(v, st, False))
        if st.literal and isinstance(v, str) and v and '\n' not in v:
            lit_count[0] += 1
            for style in (('|-', '>-') if lit_count[0] % 2 else ('>-', '|-')):
                doc = 'k: %s\n  %s\n' % (style, v)
                try:
                    if yaml_load(doc) == {'k': v}:
                        return (style, v)
                except Exception:
                    pass
        return yaml_scalar(v, st, False)

    def put(pad, head, v, ind):
        s = scalar(v)
        if isinstance(s, tuple):
            lines.append('%s%s %s' % (pad, head, s[0]))
            lines.append(' ' * (ind + st.indent) + s[1])
        else:
            note = '  # note' if st.comments and not isinstance(v, Raw) else ''
            lines.append('%s%s %s%s' % (pad, head, s, note))

    def mapping(n, ind, first_prefix=None, skip=()):
        pad = ' ' * ind
        first = True
        for k, v in n.pairs:
            if k in skip:
                continue
            p = first_prefix if (first and first_prefix is not None) else pad
            first = False
            if st.comments and p == pad:
                lines.append('%s# %s' % (pad, 'member below'))
            kt = yaml_key(k, st, False) + ':'
            if isinstance(v, (M, list)) and (not v or (st.layout == 'mixed' and is_leafy(v))):
                lines.append('%s%s %s' % (p, kt, yaml_flow(v, st)))
            elif isinstance(v, M):
                lines.append(p + kt)
                mapping(v, ind + st.indent)
            elif isinstance(v, list):
                lines.append(p + kt)
                sequence(v, ind + (st.indent if st.seq_indent else 0))
            else:
                put(p, kt, v, ind)

    def sequence(n, ind):
        pad = ' ' * ind
        base = None
        for i, v in enumerate(n):
            if isinstance(v, M) and v.pairs and not (st.layout == 'mixed' and is_leafy(v)):
                if st.merge and base is not None and set(base.keys()) <= set(v.keys()):
                    lines.append(pad + '- <<: *m%d' % id_of[0])
                    same = [k for k in base.keys() if strict_eq(to_data(base.get(k)),
                                                                to_data(v.get(k)))]
                    rest = M([(k, x) for k, x in v.pairs if k not in same])
                    if rest.pairs:
                        mapping(rest, ind + 2)
                    continue
                if st.merge and i == 0 and len(n) > 1:
                    id_of[0] += 1
                    lines.append(pad + '- &m%d' % id_of[0])
                    mapping(v, ind + 2)
                    base = v
                    continue
                mapping(v, ind + 2, first_prefix=pad + '- ')
            elif isinstance(v, (M, list)) and v:
                if st.layout == 'mixed' and is_leafy(v):
                    lines.append(pad + '- ' + yaml_flow(v, st))
                elif isinstance(v, list):
                    lines.append(pad + '-')
                    sequence(v, ind + 2)
                else:
                    lines.append(pad + '-')
                    mapping(v, ind + 2)
            elif isinstance(v, (M, list)):
                lines.append(pad + '- ' + yaml_flow(v, st))
            else:
                put(pad, '-', v, ind)

    id_of = [0]
    if isinstance(tree, M):
        mapping(tree, 0)
    elif isinstance(tree, list):
        sequence(tree, 0)
    else:
        lines.append(yaml_scalar(tree, st, False))
    return '\n'.join(lines) + '\n'


# --------------------------------------------------------------------------------------
# Walking a tree along the CLI's CreateJob shape.


def walk(node, shape, path=()):
    """Yields (path, node, shape, required) for every member and list entry."""
    if shape is None:
        return
    if shape.type_name == 'structure' and isinstance(node, M):
        req = set(shape.required_members)
        for k, v in node.pairs:
            sub = shape.members.get(k) if isinstance(k, str) else None
            yield path + (k,), v, sub, k in req
            yield from walk(v, sub, path + (k,))
    elif shape.type_name == 'list' and isinstance(node, list):
        for i, v in enumerate(node):
            yield path + (i,), v, shape.member, False
            yield from walk(v, shape.member, path + (i,))


def first_entries_only(path):
    return all(p == 0 for p in path if isinstance(p, int))


# --------------------------------------------------------------------------------------
# The mutants.

TYPE_TO_DETAILS = {
    'IMPORT_ASSETS_FROM_S3': 'ImportAssetsFromS3',
    'IMPORT_ASSET_FROM_SIGNED_URL': 'ImportAssetFromSignedUrl',
    'EXPORT_ASSETS_TO_S3': 'ExportAssetsToS3',
    'EXPORT_ASSET_TO_SIGNED_URL': 'ExportAssetToSignedUrl',
    'EXPORT_REVISIONS_TO_S3': 'ExportRevisionsToS3',
    'IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES': 'ImportAssetsFromRedshiftDataShares',
    'IMPORT_ASSET_FROM_API_GATEWAY_API': 'ImportAssetFromApiGatewayApi',
    'CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET': 'CreateS3DataAccessFromS3Bucket',
    'IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY': 'ImportAssetsFromLakeFormationTagPolicy',
}

# Unquoted YAML scalars that the CLI's loader does not read as strings.
YAML_TYPED = [
    ('012345', 12345), ('1e3', 1000.0), ('true', True), ('2024-01-01', datetime.date(2024, 1, 1)),
    ('null', None), ('~', None), ('0x1F', 31), ('.inf', float('inf')), ('False', False),
    ('2024-01-01T10:00:00Z', UNKNOWN), ('1_000', 1000), ('0o17', 15), ('-.5', -0.5),
    ('+12', 12), ('20230101', 20230101), ('.NaN', UNKNOWN), ('TRUE', True), ('NULL', None),
]
# Unquoted YAML 1.2 scalars that stay strings (YAML 1.1 would type some of them).
YAML_LOOKALIKES = ['yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf', '12:30', '12:30:45',
                   '2023-1-1', '0x', 'aws:kms', 'a:b', 'Yes', 'OFF', '1,000', '0b2', '1e', '--']
# Plain scalars for the sweep: ruamel's YAML 1.2 resolver (plus timestamps) decides
# which of them stay strings. The list is only input; the expectations come from the CLI.
YAML_SWEEP = [
    '0', '-0', '+0', '00', '007', '08', '09', '0.', '-0.', '+0.', '.0', '-.5', '+.5', '.5',
    '5.', '-5.', '1.5', '-1.5', '+1.5', '1e3', '1E3', '1e+3', '1e-3', '-1e3', '+1e3', '1.e3',
    '.1e3', '-.1e3', '1e', 'e3', '.e3', '1.2.3', '..5', '+.', '-.', '.', '1_000', '+1_000',
    '-1_000', '1__0', '_1', '1_', '1_0.5', '0x1F', '-0x1F', '0x_1F', '0x', '0xG', '0o17',
    '-0o17', '0o8', '0o', '0b101', '-0b101', '0b2', '0b', '.inf', '-.inf', '+.inf', '.Inf',
    '.INF', '.iNf', 'inf', '-inf', '.nan', '.NaN', '.NAN', '.nAn', 'nan', 'true', 'True',
    'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', 'nULL', '~', 'yes',
    'Yes', 'no', 'on', 'off', 'y', 'n', '1:20', '190:20:30', '-1:20', '12:30:45.5',
    '2002-12-14', '2002-1-1', '2002-01-1', '20021214', '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5', '2001-12-14T21:59:43Z', '2001-12-14T21:59:43',
    '2001-12-14 21:59:43', '2001-12-14T21:59', '2001-12-14T21:59:43+01', '1,000', '1 000',
    '12345678901234567890', '0123456789012', '9' * 40, '1e400', '-1e400', '0.1e-400',
    '\u0661\u0662\u0663', '\uff11\uff12\uff13', '=', '<<', '._', '-._', '-.1e+3', '+.5e-1', '.5e+1',
    '1:2', '-0x', '+0b1', '0b1_0', '0o_7', '1e+_3',
]

# Free-text members: the current model has no constraint on them, the linter no check.
FREE_TEXT = {'AssetName', 'ApiName', 'ApiDescription'}
LF_TEXT = {'TagKey'}   # Lake Formation tag keys/values: only characters LF allows
LF_SAFE_LOOKALIKES = ['yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf', '12:30', '2023-1-1',
                      'aws:kms', '0x']

EXTRA_MEMBERS = ['Comment', 'Description', 'Name', 'Region', 'Tags', 'ClientToken']

# MD5 mistakes: a hex digest, its first 24 digits, URL-safe base64 of a digest.
MD5_HEX32 = 'b1946ac92492d2347c6235b4d2611184'
MD5_HEX24 = 'b1946ac92492d2347c6235b4'
MD5_URLSAFE = 'z80ghJXVZe9m59_5-Ydk2g=='


class Mutant:
    def __init__(self, src, kind, detail, fmt, intent, content, expected=UNKNOWN,
                 why=''):
        self.src = src            # original file name
        self.kind = kind
        self.detail = detail
        self.fmt = fmt            # 'json' | 'yaml' | 'yml'
        self.intent = intent      # what the mutation is built to be: reject | neutral |
        #   model-valid | model-invalid | stricter | newer-model | newer-model-invalid |
        #   cli-decides (valid when the CLI loads `expected`) | unasserted
        self.content = content    # bytes
        self.expected = expected  # data the CLI must load (neutral, model-valid, cli-decides)
        self.why = why            # for stricter: the documented rule
        self.name = None


def misspellings(name, rng):
    """(kind, misspelled) pairs for a member name."""
    out = []
    if name[:1].isupper():
        out.append(('case', name[0].lower() + name[1:]))
    inner = [i for i in range(1, len(name)) if name[i].isupper()]
    if inner:
        i = inner[rng.randrange(len(inner))]
        out.append(('case', name[:i] + name[i].lower() + name[i + 1:]))
    out.append(('case', name.upper() if name != name.upper() else name.lower()))
    if len(name) > 3:
        i = rng.randrange(1, len(name) - 1)
        swapped = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        if swapped != name:
            out.append(('typo', swapped))
        j = rng.randrange(1, len(name))
        out.append(('typo', name[:j] + name[j + 1:]))
        out.append(('typo', name[:j] + name[j] + name[j:]))
    snake = re.sub(r'(?<=[a-z0-9])(?=[A-Z])', '_', name).lower()
    if snake != name:
        out.append(('snake', snake))
    if 'Assets' in name:
        out.append(('plural', name.replace('Assets', 'Asset', 1)))
    elif 'Asset' in name:
        out.append(('plural', name.replace('Asset', 'Assets', 1)))
    elif name.endswith('s') and len(name) > 4:
        out.append(('plural', name[:-1]))
    out.append(('space', name + ' '))
    return [(k, m) for k, m in out if m != name]


def broken_id(v, how):
    if how == 'dashes':
        s = (v * 2)[:32]
        return '%s-%s-%s-%s-%s' % (s[:8], s[8:12], s[12:16], s[16:20], s[20:32])
    if how == 'short':
        return v[:29] if len(v) >= 30 else v[:10]
    if how == 'long':
        return (v * 2)[:41]
    if how == 'padded':
        return 'x-' + v + '-y'
    if how == 'space':
        return v + ' '
    if how == 'arn':
        return 'arn:aws:dataexchange:us-east-1::data-sets/' + v
    if how == 'underscore':
        return v[:16] + '_' + v[16:]
    raise ValueError(how)


class Generator:
    def __init__(self, cli, testdata, seed):
        self.cli = cli
        self.shape = cli.shape
        self.testdata = testdata
        self.rng = random.Random(seed)
        self.mutants = []
        self.originals = {}

    def add(self, m):
        self.mutants.append(m)

    # ---- helpers ---------------------------------------------------------------
    def emit(self, tree, fmt, style=None):
        if fmt == 'json':
            return dump_json(tree).encode('utf-8')
        return dump_yaml(tree, style or self.yaml_style()).encode('utf-8')

    def yaml_style(self):
        """A presentation for YAML mutants, varied deterministically."""
        r = self.rng.randrange(6)
        return [YStyle(), YStyle(quote='plain'), YStyle(quote='single'),
                YStyle(quote='plain', layout='mixed'), YStyle(quote='plain', indent=4,
                                                               seq_indent=False),
                YStyle(quote='double', layout='flow')][r]

    def tree_mutant(self, src, tree, fmt, kind, detail, intent, expected=UNKNOWN, why='',
                    style=None):
        self.add(Mutant(src, kind, detail, fmt, intent, self.emit(tree, fmt, style),
                        expected, why))

    def string_leaves(self, tree):
        return [(p, v, sh) for p, v, sh, _ in walk(tree, self.shape)
                if isinstance(v, str) and sh is not None and sh.type_name == 'string']

    # ---- generation ------------------------------------------------------------
    def run(self):
        names = sorted(f for f in os.listdir(self.testdata)
                       if f.endswith(('.json', '.yaml', '.yml')))
        if len(names) < 18:
            raise RuntimeError('expected 18 valid requests in %s, found %d'
                               % (self.testdata, len(names)))
        for name in names:
            path = os.path.join(self.testdata, name)
            with open(path, 'rb') as f:
                raw = f.read()
            fmt = 'json' if name.endswith('.json') else 'yaml'
            ok, msg, params, _ = self.cli.judge(path)
            if not ok:
                raise RuntimeError('the AWS CLI rejects the valid request %s: %s'
                                   % (name, msg))
            self.originals[name] = params
            if fmt == 'json':
                tree = json.loads(raw.decode('utf-8'), object_pairs_hook=M)
            else:
                tree = from_data(params)
            self.add(Mutant(name, 'original', '', fmt, 'neutral', raw, params))
            self.neutral(name, raw, tree, fmt, params)
            self.model_valid(name, tree, fmt)
            self.structural(name, tree, fmt)
            self.values(name, tree, fmt)
            self.documents(name, raw, tree, fmt)
            if fmt == 'yaml':
                self.yaml_text(name, raw)
                self.yaml_typed(name, tree)
                self.yaml_sweep(name, tree)
                self.yaml_whitespace(name, raw)
            else:
                self.json_specific(name, raw, tree)
        for i, m in enumerate(self.mutants):
            stem = os.path.splitext(m.src)[0]
            detail = re.sub(r'^Details\.[A-Za-z0-9]+\.', '', m.detail)
            detail = re.sub(r'[^A-Za-z0-9._=-]+', '_', detail)[:60].strip('_')
            m.name = '%04d-%s-%s%s.%s' % (i, stem, m.kind, '-' + detail if detail else '',
                                          m.fmt)
        return self.mutants

    def neutral(self, src, raw, tree, fmt, data):
        """Same data, other presentation."""
        def add(kind, content, out_fmt=fmt, detail=''):
            self.add(Mutant(src, 'neutral-' + kind, detail, out_fmt, 'neutral',
                            content, data))

        text = raw.decode('utf-8')
        if '\r\n' in text:
            add('lf', text.replace('\r\n', '\n').encode('utf-8'))
        else:
            add('crlf', text.replace('\n', '\r\n').encode('utf-8'))
        rev = clone(tree)

        def reverse(n):
            if isinstance(n, M):
                n.pairs.reverse()
                for _, v in n.pairs:
                    reverse(v)
            elif isinstance(n, list):
                for v in n:
                    reverse(v)
        reverse(rev)
        if fmt == 'json':
            add('reordered', dump_json(rev).encode('utf-8'))
            add('one-line', dump_json(tree, indent=None).encode('utf-8'))
            add('tabs', dump_json(tree, indent='\t').encode('utf-8'))
            add('indent4-crlf', dump_json(tree, indent=4).replace('\n', '\r\n').encode('utf-8'))
            add('ascii-escapes', dump_json(tree, ascii_only=True).encode('utf-8'))
            add('escaped-slash', dump_json(tree, escape_slash=True, sep=' : ').encode('utf-8'))
            add('json-as-yaml', raw, 'yaml')
            add('json-as-yml', dump_json(tree, indent=None).encode('utf-8'), 'yml')
        else:
            styles = [
                ('block-double', YStyle()),
                ('block-single', YStyle(quote='single')),
                ('block-plain', YStyle(quote='plain')),
                ('flow', YStyle(layout='flow', quote='plain')),
                ('flow-double', YStyle(layout='flow')),
                ('mixed', YStyle(layout='mixed', quote='plain')),
                ('indent4-noseqindent', YStyle(quote='plain', indent=4, seq_indent=False)),
                ('comments', YStyle(quote='plain', comments=True)),
                ('anchors', YStyle(quote='plain', anchors=True)),
                ('merge-keys', YStyle(quote='plain', merge=True)),
                ('block-scalars', YStyle(quote='plain', literal=True)),
                ('str-tags', YStyle(quote='single', str_tag=True)),
                ('quoted-keys', YStyle(quote='plain', keys_quoted=True)),
            ]
            for kind, st in styles:
                add(kind, dump_yaml(tree, st).encode('utf-8'))
            add('reordered', dump_yaml(rev, YStyle(quote='plain')).encode('utf-8'))
            add('as-json', dump_json(tree).encode('utf-8'), 'yaml')
            add('yml-extension', raw, 'yml')
            add('bom', b'\xef\xbb\xbf' + raw)
            body = raw if not raw.startswith(b'---') else raw[3:].lstrip(b'\r\n')
            core = body.rstrip()
            if core.endswith(b'\n...'):
                core = core[:-4].rstrip()
            add('doc-markers', b'%YAML 1.2\n---\n' + core + b'\n...\n')
            add('trailing-comment', raw.rstrip(b'\r\n') + b'\n# end of request\n')
            # YAML 1.1 changes the typing of some plain scalars: neutral only when the
            # data stays the same (checked), the linter may warn (CJ008) but not err.
            add('yaml11-directive', b'%YAML 1.1\n---\n' + body)

    def model_valid(self, src, tree, fmt):
        """CLI accepts, the current model still holds: the linter must not err."""
        for path, v, sh, req in walk(tree, self.shape):
            if req or sh is None or not first_entries_only(path):
                continue
            name = path[-1] if not isinstance(path[-1], int) else None
            if name is None:
                continue
            t = clone(tree)
            del_at(t, path)
            intent, why = 'model-valid', ''
            if path == ('Details', TYPE_TO_DETAILS.get(to_data(tree.get('Type')))):
                intent, why = 'stricter', 'CJ201: Details lacks the member Type names'
            elif name == 'KmsKeyArn' and to_data(get_at(tree, path[:-1] + ('Type',))) == 'aws:kms':
                intent, why = 'stricter', 'CJ202: aws:kms without KmsKeyArn'
            elif name in ('Database', 'Table'):
                other = 'Table' if name == 'Database' else 'Database'
                if not get_at(tree, path[:-1]).has(other):
                    continue
            self.tree_mutant(src, t, fmt, 'drop-optional', path_str(path), intent,
                             to_data(t), why)
        # YAML 1.2 look-alikes (yes, on, 12:30, ...) stay strings: free text only.
        if fmt != 'yaml':
            return
        i = 0
        for path, v, sh in self.string_leaves(tree):
            name = path[-1] if not isinstance(path[-1], int) else path[-2]
            if name in FREE_TEXT:
                pool = YAML_LOOKALIKES
            elif name in LF_TEXT or (name == 'TagValues' and isinstance(path[-1], int)):
                pool = LF_SAFE_LOOKALIKES
            else:
                continue
            for _ in range(3):
                text = pool[i % len(pool)]
                i += 1
                t = clone(tree)
                set_at(t, path, Raw(text, text))
                self.tree_mutant(src, t, 'yaml', 'yaml-lookalike', '%s=%s' % (
                    path_str(path), text), 'model-valid', to_data(t),
                    style=YStyle(quote='plain'))

    def structural(self, src, tree, fmt):
        rng = self.rng
        members = [(p, v, sh, req) for p, v, sh, req in walk(tree, self.shape)
                   if not isinstance(p[-1], int) and first_entries_only(p)]
        # Drop each required member.
        for p, v, sh, req in members:
            if req:
                t = clone(tree)
                del_at(t, p)
                self.tree_mutant(src, t, fmt, 'drop-required', path_str(p), 'reject')
        # Misspell member names: a few kinds per member, chosen deterministically.
        for p, v, sh, req in members:
            cands = misspellings(p[-1], rng)
            rng.shuffle(cands)
            seen = set()
            for kind, new in cands:
                if kind in seen:
                    continue
                seen.add(kind)
                if len(seen) > (3 if p[-1] in ('Type', 'Details', 'DataSetId') or
                                len(p) <= 2 else 1):
                    break
                t = clone(tree)
                rename_at(t, p, new)
                self.tree_mutant(src, t, fmt, 'misspell-' + kind,
                                 '%s=%s' % (path_str(p), new), 'reject')
        # Type changes of scalars and containers.
        scalar_swaps = [('number', 42), ('float', 1.5), ('bool', True), ('null', None),
                        ('list', None), ('map', None)]
        for p, v, sh, req in walk(tree, self.shape):
            if sh is None or not first_entries_only(p):
                continue
            t = clone(tree)
            if isinstance(v, str):
                picks = rng.sample(scalar_swaps, 2 if len(p) > 1 else 6)
                for kind, new in picks:
                    t = clone(tree)
                    if kind == 'list':
                        new = [v]
                    elif kind == 'map':
                        new = M([('Value', v)])
                    set_at(t, p, new)
                    self.tree_mutant(src, t, fmt, 'type-' + kind, path_str(p), 'reject')
            elif isinstance(v, list):
                new = v[0] if v else 'x'
                set_at(t, p, new)
                self.tree_mutant(src, t, fmt, 'type-unwrapped-list', path_str(p), 'reject')
                if v and isinstance(v[0], str):
                    t = clone(tree)
                    set_at(t, p, ','.join(v))
                    self.tree_mutant(src, t, fmt, 'type-joined-string', path_str(p), 'reject')
            elif isinstance(v, M):
                set_at(t, p, [v])
                self.tree_mutant(src, t, fmt, 'type-wrapped-in-list', path_str(p), 'reject')
                if len(p) <= 2:
                    t = clone(tree)
                    set_at(t, p, 'x')
                    self.tree_mutant(src, t, fmt, 'type-string', path_str(p), 'reject')
        # Unknown members at every depth (one per structure).
        structs = [(()), ] + [p for p, v, sh, _ in walk(tree, self.shape)
                              if isinstance(v, M) and first_entries_only(p)]
        for i, p in enumerate(structs):
            t = clone(tree)
            name = EXTRA_MEMBERS[(i + len(src)) % len(EXTRA_MEMBERS)]
            get_at(t, p).pairs.append([name, 'x'])
            self.tree_mutant(src, t, fmt, 'extra-member', '%s.%s' % (path_str(p), name),
                             'reject')
        # A member put one level too deep or too high.
        dm = TYPE_TO_DETAILS[tree.get('Type')]
        t = clone(tree)
        t.get('Details').get(dm).pairs.append(['Type', tree.get('Type')])
        self.tree_mutant(src, t, fmt, 'extra-member', 'Type-inside-details', 'reject')
        t = clone(tree)
        inner = t.get('Details').get(dm)
        t.pairs.append(['DataSetId', inner.get('DataSetId')])
        del inner.pairs[inner.index('DataSetId')]
        self.tree_mutant(src, t, fmt, 'misplaced-member', 'DataSetId-at-top', 'reject')
        t = clone(tree)
        t.set('Details', t.get('Details').get(dm))
        self.tree_mutant(src, t, fmt, 'misplaced-member', 'Details-without-type-level',
                         'reject')
        # Type/Details pairing: the CLI and the model do not check it, the linter does.
        other = sorted(TYPE_TO_DETAILS)[(len(src) * 7) % 9]
        if other == tree.get('Type'):
            other = sorted(TYPE_TO_DETAILS)[(len(src) * 7 + 1) % 9]
        t = clone(tree)
        t.set('Type', other)
        self.tree_mutant(src, t, fmt, 'type-details-mismatch', other, 'stricter',
                         to_data(t), 'CJ201: Type names another Details member')
        # Newer-model members (documented exception) and malformed ones.
        tags = [M([('Key', 'team'), ('Value', 'data-platform')]),
                M([('Key', 'env'), ('Value', 'prod')])]
        t = clone(tree)
        t.pairs.append(['AssetConfiguration', M([('Tags', tags)])])
        self.tree_mutant(src, t, fmt, 'newer-model', 'AssetConfiguration', 'newer-model')
        for detail, ac in [('Tags-as-map', M([('Tags', M([('team', 'x')]))])),
                           ('Tag-without-Value', M([('Tags', [M([('Key', 'team')])])])),
                           ('Tags-misspelled', M([('Tag', tags)]))]:
            t = clone(tree)
            t.pairs.append(['AssetConfiguration', ac])
            self.tree_mutant(src, t, fmt, 'newer-model-invalid', detail,
                             'newer-model-invalid')
        if dm == 'CreateS3DataAccessFromS3Bucket':
            key = ('arn:aws:kms:us-east-1:123456789012:key/'
                   '1234abcd-12ab-34cd-56ef-1234567890ab')
            for detail, val, intent in [
                    ('KmsKeysToGrant', [M([('KmsKeyArn', key)])], 'newer-model'),
                    ('KmsKeysToGrant-empty', [], 'newer-model-invalid'),
                    ('KmsKeysToGrant-strings', [key], 'newer-model-invalid'),
                    ('KmsKeysToGrant-empty-arn', [M([('KmsKeyArn', '')])],
                     'newer-model-invalid')]:
                t = clone(tree)
                t.get('Details').get(dm).get('AssetSource').pairs.append(
                    ['KmsKeysToGrant', val])
                self.tree_mutant(src, t, fmt, intent, detail, intent)
        # A second Details member next to the right one (untrimmed skeleton style).
        donor = {'ExportAssetToSignedUrl': M([('AssetId', 'a' * 32), ('DataSetId', 'b' * 32),
                                              ('RevisionId', 'c' * 32)]),
                 'ImportAssetsFromS3': M([('AssetSources', [M([('Bucket', 'some-bucket'),
                                                               ('Key', 'k.csv')])]),
                                          ('DataSetId', 'b' * 32), ('RevisionId', 'c' * 32)])}
        name = 'ExportAssetToSignedUrl' if dm != 'ExportAssetToSignedUrl' else 'ImportAssetsFromS3'
        t = clone(tree)
        t.get('Details').pairs.append([name, donor[name]])
        self.tree_mutant(src, t, fmt, 'second-details-member', name, 'stricter', to_data(t),
                         'CJ201: Details carries two job types')
        # Top level that is not a mapping, or a request wrapped one level too deep.
        for detail, top in [('list', [tree]), ('string', 'request'), ('number', 1),
                            ('null', None), ('empty-list', [])]:
            self.tree_mutant(src, top, fmt, 'top-level', detail, 'reject',
                             style=YStyle())
        self.tree_mutant(src, M([('CreateJob', tree)]), fmt, 'top-level', 'wrapped',
                         'reject')
        self.tree_mutant(src, M(), fmt, 'top-level', 'empty-mapping', 'reject')

    def values(self, src, tree, fmt):
        """Enumerations, patterns, lengths and empty strings."""
        leaves = self.string_leaves(tree)
        id_breaks = ['dashes', 'short', 'long', 'padded', 'space', 'arn', 'underscore']
        k = len(src)
        for path, v, sh in leaves:
            name = path[-1] if not isinstance(path[-1], int) else path[-2]
            muts = []   # (kind, detail, new value, intent, why)
            if sh.enum:
                for bad in self.bad_enums(v, sh.enum, name):
                    muts.append(('enum-break', bad, bad, 'model-invalid', ''))
            if sh.name == 'Id':
                hows = [id_breaks[k % 7], id_breaks[(k + 3) % 7]]
                if path[-1] == 'DataSetId':
                    hows += id_breaks
                for how in dict.fromkeys(hows):
                    muts.append(('pattern-break', how, broken_id(v, how), 'model-invalid', ''))
            if sh.name.startswith('__stringMin24Max24'):
                muts += [('md5-short', '23', v[:23], 'reject', ''),
                         ('md5-short', 'raw-16', v[:16], 'reject', ''),
                         ('md5-hex32', '', MD5_HEX32, 'model-invalid', ''),
                         ('md5-long', '25', v + 'A', 'model-invalid', ''),
                         ('md5-urlsafe', '', MD5_URLSAFE, 'model-invalid', ''),
                         ('md5-bad-char', '', v[:10] + '.' + v[11:], 'model-invalid', ''),
                         ('md5-hex24', '', MD5_HEX24, 'stricter',
                          'CJ203: 24 hex digits are no base64 MD5')]
            if sh.name == 'AwsAccountId':
                muts += [('account-short', '11', v[:11], 'reject', ''),
                         ('account-long', '13', v + '0', 'model-invalid', ''),
                         ('account-letters', '', 'abcdefghijkl', 'model-invalid', ''),
                         ('account-dashes', '', '1234-5678-90', 'model-invalid', ''),
                         ('account-dashed12', '', '12345-678901', 'model-invalid', '')]
            if sh.name == 'RoleArn':
                muts += [('pattern-break', 'account11',
                          'arn:aws:iam::12345678901:role/x', 'model-invalid', ''),
                         ('pattern-break', 'partition',
                          v.replace('arn:aws:', 'arn:aws-cn:'), 'model-invalid', ''),
                         ('pattern-break', 'user', v.replace(':role/', ':user/'),
                          'model-invalid', ''),
                         ('pattern-break', 'no-name', v.split(':role/')[0] + ':role/',
                          'model-invalid', '')]
            # Empty strings.
            intent, why = self.empty_expectation(name, sh, path)
            muts.append(('empty-string', '', '', intent, why))
            for kind, detail, new, intent, why in muts:
                t = clone(tree)
                set_at(t, path, new)
                self.tree_mutant(src, t, fmt, kind, '%s%s' % (
                    path_str(path), '=' + detail if detail else ''), intent,
                    to_data(t), why)

    def bad_enums(self, v, enum, name):
        out = [v.lower(), v + ' ', v.replace('_', '-') if '_' in v else v + 'X']
        if name == 'Type' and v in TYPE_TO_DETAILS:
            out += [TYPE_TO_DETAILS[v], v.replace('ASSETS', 'ASSET') if 'ASSETS' in v
                    else v.replace('ASSET', 'ASSETS')]
        if v == 'aws:kms':
            out += ['SSE-KMS', 'aws:kms:dsse', 'kms']
        if v == 'AES256':
            out += ['AES-256', 'SSE-S3']
        if v == 'REST':
            out += ['HTTP', 'Rest']
        if v in ('DESCRIBE', 'SELECT'):
            out += ['ALTER', 'ALL'] + (['SELECT'] if 'SELECT' not in enum else [])
        return [b for b in dict.fromkeys(out) if b not in enum]

    def empty_expectation(self, name, sh, path):
        if sh.name == 'Id' or sh.enum or sh.name == 'RoleArn':
            return 'model-invalid', ''
        if sh.metadata.get('min'):
            return 'reject', ''
        documented = {
            'Bucket': 'CJ205: empty bucket name',
            'Key': 'CJ207: empty S3 key',
            'Keys': 'CJ207: empty S3 key',
            'DataShareArn': 'CJ210: empty datashare ARN',
            'KmsKeyArn': 'CJ202: empty KMS key ARN',
            'Stage': 'CJ105: Stage pattern [A-Za-z0-9_-]{1,128}',
        }
        key = path[-2] if isinstance(path[-1], int) else name
        if key in documented:
            return 'stricter', documented[key]
        return 'unasserted', ''

    def yaml_typed(self, src, tree):
        """Unquoted YAML scalars that load as numbers, booleans, nulls or dates."""
        i = len(src)
        for path, v, sh in self.string_leaves(tree):
            if not first_entries_only(path):
                continue
            for _ in range(2):
                text, value = YAML_TYPED[i % len(YAML_TYPED)]
                i += 1
                t = clone(tree)
                set_at(t, path, Raw(text, value, value is not UNKNOWN))
                self.tree_mutant(src, t, 'yaml', 'yaml-typed', '%s=%s' % (path_str(path), text),
                                 'reject')
            if sh.name == 'Id':
                t = clone(tree)
                set_at(t, path, Raw('1234567890' * 3 + '12'))
                self.tree_mutant(src, t, 'yaml', 'yaml-typed', '%s=all-digit-id' % path_str(path),
                                 'reject')
            if sh.name == 'AwsAccountId':
                for text in ('123456789012', '012345678901'):
                    t = clone(tree)
                    set_at(t, path, Raw(text))
                    self.tree_mutant(src, t, 'yaml', 'yaml-typed', 'CatalogId=' + text, 'reject')
        # Explicit tags, block scalars with a trailing newline, non-string keys.
        dm = TYPE_TO_DETAILS[tree.get('Type')]
        ds = ('Details', dm, 'DataSetId')
        v = get_at(tree, ds)
        for detail, raw, intent, why in [
                ('int-tag', '!!int 5', 'reject', ''),
                ('binary-tag', '!!binary aGVsbG8=', 'reject', ''),
                ('float-tag', '!!float 1', 'reject', ''),
                ('custom-tag', '!Ref DataSet', 'reject', ''),
                ('str-tag-digits', '!!str 012345', 'model-invalid', ''),
                ('block-keep-newline', '|\n      ' + v, 'model-invalid', ''),
                ('folded-keep-newline', '>\n      ' + v, 'model-invalid', ''),
                ('undefined-alias', '*nowhere', 'reject', ''),
                ('flow-braces', '{%s}' % v, 'reject', '')]:
            t = clone(tree)
            set_at(t, ds, Raw(raw, UNKNOWN, False))
            self.tree_mutant(src, t, 'yaml', 'yaml-value', 'DataSetId=' + detail, intent,
                             style=YStyle())
        for path, v, sh in self.string_leaves(tree):
            name = path[-1]
            if name in ('AssetName', 'ApiName'):
                t = clone(tree)
                set_at(t, path, Raw('|\n      ' + v, v + '\n'))
                self.tree_mutant(src, t, 'yaml', 'yaml-value', name + '=block-keep-newline',
                                 'stricter', to_data(t),
                                 'CJ009: block scalar leaves a trailing newline',
                                 style=YStyle())
        for key in (Raw('1'), Raw('true'), Raw('null')):
            t = clone(tree)
            t.get('Details').get(dm).pairs.append([key, 'x'])
            self.tree_mutant(src, t, 'yaml', 'yaml-nonstring-key', 'Details.%s=%s' % (dm, key.text),
                             'reject', style=YStyle())
        t = clone(tree)
        t.pairs.append([Raw('1'), 'x'])
        self.tree_mutant(src, t, 'yaml', 'yaml-nonstring-key', 'top=1', 'reject', style=YStyle())

    def yaml_sweep(self, src, tree):
        """Plain scalars in a free-text member: the CLI's loader decides their type."""
        for path, v, sh in self.string_leaves(tree):
            if path[-1] != 'AssetName':
                continue
            for text in YAML_SWEEP:
                t = clone(tree)
                set_at(t, path, Raw(text, text))
                self.tree_mutant(src, t, 'yaml', 'yaml-scalar-sweep', '%s=%s' % (path[-1], text),
                                 'cli-decides', to_data(t), style=YStyle(quote='plain'))

    def yaml_whitespace(self, src, raw):
        """Tabs and other blanks between tokens, in the original text: the CLI decides
        (accepted files must load the same data as the original)."""
        text = raw.decode('utf-8')
        nl = '\r\n' if '\r\n' in text else '\n'
        lines = text.split(nl)
        keyed = [i for i, l in enumerate(lines) if re.match(r' *(- )?[A-Za-z]+: \S', l)
                 and ' #' not in l]
        commented = [i for i, l in enumerate(lines) if re.search(r'\S +#', l)]
        variants = []
        if keyed:
            i = keyed[0]
            variants += [
                ('tab-after-colon', i, lambda l: l.replace(': ', ':\t', 1)),
                ('space-tab-after-colon', i, lambda l: l.replace(': ', ': \t', 1)),
                ('trailing-tab', i, lambda l: l + '\t'),
                ('trailing-spaces', i, lambda l: l + '   '),
                ('tab-before-colon', i, lambda l: l.replace(': ', '\t: ', 1)),
                ('tab-before-comment', i, lambda l: l + '\t# note'),
                ('spaces-before-comment', i, lambda l: l + '  # note')]
        if commented:
            i = commented[0]
            variants.append(('tab-in-comment-gap', i, lambda l: re.sub(r' +#', '\t#', l, 1)))
        variants += [('tab-only-line', len(lines) - 1, lambda l: '\t' + nl + l),
                     ('tab-in-comment-text', 0, lambda l: '#\tnote' + nl + l)]
        if '{' in text:
            i = [j for j, l in enumerate(lines) if ', ' in l and ':' in l]
            if i:
                variants.append(('tab-after-comma', i[0], lambda l: l.replace(', ', ',\t', 1)))
        for detail, i, f in variants:
            ls = list(lines)
            ls[i] = f(ls[i])
            self.add(Mutant(src, 'whitespace', detail, 'yaml', 'cli-decides',
                            nl.join(ls).encode('utf-8'), self.originals[src]))

    def documents(self, src, raw, tree, fmt):
        """Duplicate keys, extra documents, syntax and encoding."""
        dm = TYPE_TO_DETAILS[tree.get('Type')]
        inner_path = ('Details', dm)
        # Duplicate keys.
        for where, path, key in [('top', (), 'Type'), ('details', inner_path, 'DataSetId')]:
            good = get_at(tree, path).get(key)
            for detail, first, last in [('same', good, good), ('first-bad', 12345, good),
                                        ('last-bad', good, 12345)]:
                t = clone(tree)
                m = get_at(t, path)
                i = m.index(key)
                m.pairs[i][1] = first
                m.pairs.insert(i + 1, [key, last])
                if fmt == 'json':
                    intent = 'reject' if detail == 'last-bad' else 'stricter'
                    self.tree_mutant(src, t, fmt, 'duplicate-key', '%s.%s-%s' % (
                        where, key, detail), intent, to_data(t),
                        'CJ005: JSON duplicate key (the CLI keeps the last)')
                else:
                    self.tree_mutant(src, t, fmt, 'duplicate-key', '%s.%s-%s' % (
                        where, key, detail), 'reject')
        text = raw.decode('utf-8')
        if fmt == 'yaml':
            nl = '\r\n' if '\r\n' in text else '\n'
            body = text if text.endswith(nl) else text + nl
            if body.rstrip().endswith('...'):
                body = body.rstrip()[:-3]
            self.add(Mutant(src, 'second-document', 'copy', fmt, 'reject',
                            (body + '---' + nl + body).encode('utf-8')))
            self.add(Mutant(src, 'second-document', 'trailing-marker', fmt, 'reject',
                            (body + '---' + nl).encode('utf-8')))
            self.add(Mutant(src, 'second-document', 'comment-only', fmt, 'reject',
                            (body + '---' + nl + '# nothing' + nl).encode('utf-8')))
            # Document end markers: the CLI decides; accepted ones must load the same.
            for detail, tail in [('end-marker', '...' + nl),
                                 ('end-marker-twice', '...' + nl + '...' + nl),
                                 ('end-marker-comment', '...' + nl + '# done' + nl),
                                 ('start-and-end-marker', None)]:
                content = ('---' + nl + body + '...' + nl) if tail is None else body + tail
                self.add(Mutant(src, 'document-markers', detail, fmt, 'cli-decides',
                                content.encode('utf-8'), self.originals[src]))
            lines = body.split(nl)
            idx = [i for i, l in enumerate(lines) if l.startswith('    ') and ':' in l]
            if idx:
                ls = list(lines)
                ls[idx[0]] = '\t' + ls[idx[0]][4:]
                self.add(Mutant(src, 'syntax', 'tab-indent', fmt, 'reject',
                                nl.join(ls).encode('utf-8')))

            def indent(line):
                return len(line) - len(line.lstrip(' '))
            same = [i for i in range(len(lines) - 1) if indent(lines[i]) >= 2
                    and indent(lines[i]) == indent(lines[i + 1])
                    and re.match(r' *[A-Za-z]+: ', lines[i])
                    and re.match(r' *[A-Za-z]+: ', lines[i + 1])]
            flow_doc = [l for l in lines if l.strip() and not l.lstrip().startswith('#')
                        and l.strip() != '---'][0].startswith('{')
            if same and not flow_doc:
                ls = list(lines)
                ls[same[0]] = ' ' + ls[same[0]]
                self.add(Mutant(src, 'syntax', 'bad-indent', fmt, 'reject',
                                nl.join(ls).encode('utf-8')))
            dq = dump_yaml(tree)
            close = dq.index('"', dq.index('"') + 1)
            self.add(Mutant(src, 'syntax', 'unclosed-quote', fmt, 'reject',
                            (dq[:close] + dq[close + 1:]).encode('utf-8')))
            self.add(Mutant(src, 'top-level', 'comment-only', fmt, 'reject',
                            b'# nothing here\n'))
        else:
            whole = text.rstrip()
            head = whole[:-1].rstrip()
            self.add(Mutant(src, 'syntax', 'trailing-comma', fmt, 'reject',
                            (head + ',' + whole[len(head):] + '\n').encode('utf-8')))
            self.add(Mutant(src, 'syntax', 'single-quotes', fmt, 'reject',
                            text.replace('"Type"', "'Type'").encode('utf-8')))
            self.add(Mutant(src, 'syntax', 'comment', fmt, 'reject',
                            ('// request\n' + text).encode('utf-8')))
            self.add(Mutant(src, 'syntax', 'missing-comma', fmt, 'reject',
                            re.sub(r'",(\s*)"', r'"\1"', text, count=1).encode('utf-8')))
            self.add(Mutant(src, 'encoding', 'bom', fmt, 'reject', b'\xef\xbb\xbf' + raw))
            self.add(Mutant(src, 'top-level', 'whitespace', fmt, 'reject', b' \n\n'))
        self.add(Mutant(src, 'syntax', 'truncated', fmt, 'reject',
                        raw[:len(raw) * 3 // 5]))
        self.add(Mutant(src, 'top-level', 'empty-file', fmt, 'reject', b''))
        # Encoding: a Latin-1 byte inside a value; UTF-16.
        leaves = self.string_leaves(tree)
        target = [v for _, v, sh in leaves if sh.name not in ('Id',)][0]
        i = raw.find(target.encode('utf-8')[:6])
        if i > 0:
            self.add(Mutant(src, 'encoding', 'latin1-byte', fmt, 'reject',
                            raw[:i] + b'\xe9' + raw[i:]))
        self.add(Mutant(src, 'encoding', 'utf-16', fmt, 'reject', text.encode('utf-16')))

    def json_specific(self, src, raw, tree):
        dm = TYPE_TO_DETAILS[tree.get('Type')]
        for tok in ('NaN', 'Infinity', '-Infinity', '1e400', '123456789012345678901234567890',
                    '0', '-0.0'):
            t = clone(tree)
            t.get('Details').get(dm).set('RevisionId', Raw(tok, UNKNOWN, False))
            self.tree_mutant(src, t, 'json', 'json-number', 'RevisionId=' + tok, 'reject')
        t = clone(tree)
        t.get('Details').get(dm).set('RevisionId', Raw('012'))
        self.tree_mutant(src, t, 'json', 'syntax', 'leading-zero', 'reject')
        # Escapes that decode to the same value are neutral; control characters are not.
        t = clone(tree)
        v = t.get('Details').get(dm).get('DataSetId')
        t.get('Details').get(dm).set('DataSetId', Raw(
            '"' + ''.join('\\u%04x' % ord(c) for c in v) + '"', v))
        self.tree_mutant(src, t, 'json', 'neutral-unicode-escapes', 'DataSetId', 'neutral',
                         to_data(tree))
        t = clone(tree)
        t.get('Details').get(dm).set('DataSetId', Raw('"' + v + '\\u0000"', v + '\x00'))
        self.tree_mutant(src, t, 'json', 'pattern-break', 'DataSetId=nul-escape',
                         'model-invalid', to_data(t))

    def yaml_text(self, src, raw):
        """Mutations of the original text, keeping its style (anchors, flow, CRLF)."""
        text = raw.decode('utf-8')
        key_re = re.compile(r'(?m)(^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)([A-Za-z][A-Za-z0-9]*)'
                            r'([ \t]*:)(?=[ \t\r\n])')
        occ = [m for m in key_re.finditer(text)]
        rng = random.Random(len(src))
        for j, m in enumerate(occ):
            name = m.group(2)
            cands = misspellings(name, rng)
            kind, new = cands[j % len(cands)]
            if kind == 'space':
                kind, new = cands[0]
            out = text[:m.start(2)] + new + text[m.end(2):]
            self.add(Mutant(src, 'text-misspell-' + kind, '%s=%s@%d' % (name, new, j),
                            'yaml', 'reject', out.encode('utf-8')))
        val_re = re.compile(r'(?m)(\b(DataSetId|RevisionId|AssetId|Bucket|Key|CatalogId|'
                            r'Md5Hash|ApiId|Stage|TagKey|AssetName)[ \t]*:[ \t]+)'
                            r"('[^'\r\n]*'|\"[^\"\r\n]*\"|[^\s,#}\]&*!|>](?:[^,#}\]\r\n]*[^\s,#}\]])?)")
        for j, m in enumerate(val_re.finditer(text)):
            typed, _ = YAML_TYPED[(j * 5 + len(src)) % len(YAML_TYPED)]
            out = text[:m.start(3)] + typed + text[m.end(3):]
            self.add(Mutant(src, 'text-yaml-typed', '%s=%s@%d' % (m.group(2), typed, j),
                            'yaml', 'reject', out.encode('utf-8')))
            # Requoting the same value the other way is neutral.
            val = m.group(3)
            if val[0] in '\'"':
                plain = val[1:-1]
                if val[0] == "'" and "''" in plain:
                    continue
                new = plain if plain_ok(plain, '{' in text[:m.start()]) else None
                if new is None:
                    new = ("'%s'" % plain) if val[0] == '"' and '\\' not in plain else None
            else:
                new = '"%s"' % val if '\\' not in val and '"' not in val else None
            if new is not None:
                out = text[:m.start(3)] + new + text[m.end(3):]
                self.add(Mutant(src, 'neutral-requoted', '%s@%d' % (m.group(2), j), 'yaml',
                                'neutral', out.encode('utf-8'), self.originals[src]))


# --------------------------------------------------------------------------------------
# --print-request against the CLI's loader.


class Unshowable(Exception):
    """A loaded value --print-request documents it does not show (sets, pairs, list keys)."""


MASK = '********'


def shown_key(k):
    """A key as --print-request writes it (JSON keys are strings, as in json.dumps)."""
    if isinstance(k, str):
        return k
    if isinstance(k, bool):
        return 'true' if k else 'false'
    if k is None:
        return 'null'
    if isinstance(k, float):
        return repr(k) if k == k and k not in (float('inf'), float('-inf')) else str(k)
    if isinstance(k, (int, bytes, datetime.date)):
        return str(k)
    raise Unshowable('a %s as a key' % type(k).__name__)


def shown_data(v):
    """The data --print-request should print for what the CLI's loader made: values
    JSON has no type for (dates, non-finite floats, bytes) as Python's str()."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if v == v and v not in (float('inf'), float('-inf')) else str(v)
    if isinstance(v, (bytes, datetime.date)):
        return str(v)
    if isinstance(v, dict) and type(v) is dict:
        return {shown_key(k): shown_data(x) for k, x in v.items()}
    if isinstance(v, list):
        return [shown_data(x) for x in v]
    raise Unshowable('a %s' % type(v).__name__)


def without_masked(masked, data):
    """data without the members that --print-request masked (ApiKey aside)."""
    if isinstance(masked, dict) and isinstance(data, dict):
        return {k: without_masked(masked[k], v) for k, v in data.items()
                if k in masked and masked[k] != MASK}
    if isinstance(masked, list) and isinstance(data, list) and len(masked) == len(data):
        return [without_masked(m, v) for m, v in zip(masked, data)]
    return data


def print_request(cjl, path, *extra):
    """(exit status, parsed output or None, stderr) of --print-request."""
    proc = subprocess.run([cjl, '--print-request', path] + list(extra),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = proc.stderr.decode('utf-8', 'replace')
    try:
        out = json.loads(proc.stdout.decode('utf-8')) if proc.stdout else None
    except ValueError:
        out = 'invalid JSON: %r' % proc.stdout[:200]
    return proc.returncode, out, err


def check_print_request(cli, cjl, path):
    """None when --print-request of path agrees with the CLI's loader, else why not:
    the same data (exactly with --show-secrets; masked members aside without it)
    when the CLI loads the file, exit status 2 and no output when it does not."""
    params, msg = cli.load(path)
    if params is not None and any(not isinstance(k, str) for k in params):
        params, msg = None, 'keywords must be strings'
    rc, shown, err = print_request(cjl, path, '--show-secrets')
    if params is None:
        if rc != 2 or shown is not None:
            return ('the CLI cannot load it (%s) but --print-request exited %d with %r'
                    % (msg.strip()[:200], rc, shown))
        return None
    try:
        want = shown_data(params)
    except Unshowable as e:
        if rc == 2 and 'print-request' in err:
            return None  # documented: --print-request shows no such value
        return 'loaded %s, which --print-request cannot show, but it exited %d' % (e, rc)
    if rc == 2 and '(see --max-nodes)' in err:
        return None  # documented: aliases expanded beyond the limit (an alias bomb)
    if rc != 0:
        return 'the CLI loads it but --print-request exited %d: %s' % (rc, err.strip()[:300])
    if not strict_eq(shown, want):
        return ('--print-request --show-secrets printed %r\n  the CLI loaded %r'
                % (shown, want))[:1200]
    rc, masked, err = print_request(cjl, path)
    if rc != 0 or not strict_eq(without_masked(masked, masked),
                                without_masked(masked, want)):
        return ('--print-request (masked) exited %d, printed %r\n  the CLI loaded %r'
                % (rc, masked, want))[:1200]
    text = json.dumps(masked, ensure_ascii=False)
    for secret in secret_values(want):
        if len(secret) >= 4 and secret in text:
            return '--print-request without --show-secrets shows the ApiKey %r' % secret
    return None


def secret_values(data):
    """The ApiKey strings anywhere in loaded data."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == 'ApiKey' and isinstance(v, str):
                yield v
            else:
                yield from secret_values(v)
    elif isinstance(data, list):
        for v in data:
            yield from secret_values(v)


# --------------------------------------------------------------------------------------
# Judging.


def has_fix_option(cjl):
    """Whether this createjob-lint has --fix (and --unsafe-fixes)."""
    proc = subprocess.run([cjl, '--help'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    text = proc.stdout.decode('utf-8', 'replace')
    return '--fix' in text and '--unsafe-fixes' in text


def all_fixable(diags):
    """At least one finding, and a fix for every one."""
    return bool(diags) and all(d.get('fix') for d in diags)


def check_fixed_mutants(cli, cjl, cfg, mutants, by_name, folder):
    """Each mutant whose findings all have fixes, fixed with --fix --unsafe-fixes: the
    CLI's loader and validator accept the fixed file, and --print-request of it equals
    what the CLI's loader makes of it. Returns (files, failures as (name, why))."""
    chosen = [m for m in mutants if all_fixable(by_name.get(m.name))]
    os.makedirs(folder)
    for m in chosen:
        with open(os.path.join(folder, m.name), 'wb') as f:
            f.write(m.content)
    if chosen:
        subprocess.run([cjl, '--config', cfg, '--fix', '--unsafe-fixes', '--all-files',
                        '--format', 'json', folder], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    failures = []
    for m in chosen:
        path = os.path.join(folder, m.name)
        ok, msg, _, _ = cli.judge(path)
        why = None if ok else 'the CLI rejects the fixed file: %s' % msg.strip()[:400]
        why = why or check_print_request(cli, cjl, path)
        if why:
            fixes = '; '.join('%s %s' % (d['rule'], d['fix'].get('description', ''))
                              for d in by_name[m.name])
            failures.append((m, '%s\n  fixes: %s' % (why, fixes[:400])))
    return chosen, failures


def newer_model_only(errors):
    """The CLI's only complaints are the members its older model lacks."""
    if not errors:
        return False
    for reason, name, kw in errors:
        if reason != 'unknown field':
            return False
        if (name, kw.get('unknown_param')) not in (
                ('', 'AssetConfiguration'),
                ('.Details.CreateS3DataAccessFromS3Bucket.AssetSource', 'KmsKeysToGrant')):
            return False
    return True


def brief(diags, sev=None, limit=4):
    ds = [d for d in diags if sev is None or d['severity'] == sev]
    out = ['%s %s %s:%s %s' % (d['severity'], d['rule'], d.get('line'), d.get('column'),
                               d['message']) for d in ds[:limit]]
    if len(ds) > limit:
        out.append('... %d more' % (len(ds) - limit))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cjl', default=os.environ.get('CJL'))
    ap.add_argument('--testdata', default=os.environ.get('TESTDATA'))
    ap.add_argument('--seed', type=int, default=int(os.environ.get('DIFFERENTIAL_SEED',
                                                                   DEFAULT_SEED)))
    ap.add_argument('--keep', help='write the mutants to this folder and keep them')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()
    # CLI messages quote values (Unicode names, control characters): never fail on them.
    sys.stdout.reconfigure(errors='backslashreplace')
    if not args.cjl or not args.testdata:
        ap.error('--cjl and --testdata (or CJL and TESTDATA) are required')
    valid = os.path.join(args.testdata, 'valid')
    if not os.path.isdir(valid):
        valid = args.testdata

    tmp = tempfile.mkdtemp(prefix='differential.')
    try:
        try:
            cli = CLI(os.path.join(tmp, 'home'))
        except ModuleNotFoundError as e:
            print('SKIP: the AWS CLI v2 Python modules are missing (%s); '
                  'apt-get install awscli' % e)
            return SKIP
        print('differential: %s' % cli.describe())
        print('differential: seed %d, %s' % (args.seed, args.cjl))
        gen = Generator(cli, valid, args.seed)
        mutants = gen.run()
        out = args.keep or os.path.join(tmp, 'mutants')
        if args.keep and os.path.isdir(out):
            shutil.rmtree(out)
        os.makedirs(out)
        for m in mutants:
            with open(os.path.join(out, m.name), 'wb') as f:
                f.write(m.content)
        cfg = os.path.join(tmp, 'config.yaml')
        with open(cfg, 'w') as f:
            f.write('fail-on: error\n')
        proc = subprocess.run([args.cjl, '--config', cfg, '--format', 'json',
                               '--all-files', out], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        try:
            report = json.loads(proc.stdout.decode('utf-8'))
        except ValueError:
            print('FAIL: createjob-lint (exit %d) wrote no JSON report; stderr:\n%s'
                  % (proc.returncode, proc.stderr.decode('utf-8', 'replace')[:2000]))
            print('differential: 0 passed, %d failed' % len(mutants))
            return 1
        if proc.returncode not in (0, 1):
            print('note: createjob-lint exited %d: %s' % (
                proc.returncode, proc.stderr.decode('utf-8', 'replace').strip()[:500]))
        by_name = {os.path.basename(f['path']): f.get('diagnostics', [])
                   for f in report.get('files', [])}

        passed = failed = 0
        stats = {}
        classes = {}
        failures = []
        unasserted = []
        for m in mutants:
            path = os.path.join(out, m.name)
            ok, msg, params, errors = cli.judge(path)
            diags = by_name.get(m.name)
            st = stats.setdefault(m.kind, {'n': 0, 'rej': 0, 'pass': 0, 'fail': 0, 'na': 0})
            st['n'] += 1
            st['rej'] += not ok
            problem = None
            if diags is None:
                problem = 'the linter did not report this file'
                expect = 'a report'
            elif not ok:
                if m.intent == 'newer-model' and newer_model_only(errors):
                    expect = 'CJ222 (info) and no error (documented exception: newer model)'
                    if any(d['severity'] == 'error' for d in diags):
                        problem = 'error reported for a member only newer CLIs know'
                    elif not any(d['rule'] == 'CJ222' for d in diags):
                        problem = 'no CJ222 note'
                else:
                    expect = 'an error (the CLI rejects it)'
                    if not any(d['severity'] == 'error' for d in diags):
                        problem = 'no error'
            else:
                if m.intent == 'cli-decides':
                    # Presentation edge cases and scalar sweeps: when the CLI loads the
                    # intended data, the file is as valid as the original.
                    m.intent = 'model-valid' if strict_eq(params, m.expected) else 'unasserted'
                if m.intent in ('neutral', 'model-valid') and not strict_eq(params, m.expected):
                    expect = 'the CLI to load the intended data'
                    problem = ('generator: the CLI loaded other data than intended: %r'
                               % (params,))[:400]
                elif m.intent in ('neutral', 'model-valid'):
                    expect = 'no error (CLI and model accept it)'
                    if any(d['severity'] == 'error' for d in diags):
                        problem = 'error reported'
                elif m.intent in ('model-invalid', 'stricter', 'newer-model-invalid'):
                    expect = ('an error (%s)' % m.why if m.why else
                              'an error (breaks the current model)')
                    if not any(d['severity'] == 'error' for d in diags):
                        problem = 'no error'
                else:
                    st['na'] += 1
                    unasserted.append((m, diags))
                    continue
            cls = classes.setdefault(expect, [0, 0])
            cls[0] += 1
            cls[1] += bool(problem)
            if problem:
                failed += 1
                st['fail'] += 1
                failures.append((m, msg, expect, problem, diags))
            else:
                passed += 1
                st['pass'] += 1

        for m, msg, expect, problem, diags in failures:
            print('FAIL: %s [%s: %s %s]' % (m.name, m.intent, m.kind, m.detail))
            print('  CLI: %s' % ('\n       '.join(msg.split('\n'))))
            print('  expected: %s' % expect)
            print('  linter: %s%s' % (problem, '' if diags else ' (no finding at all)'))
            for line in brief(diags or [], limit=6):
                print('    ' + line)
            if args.verbose:
                txt = m.content.decode('utf-8', 'replace').split('\n')
                print('  file:')
                for line in txt[:40]:
                    print('    | ' + line)
        if unasserted:
            print('differential: %d files not asserted (the CLI accepts them, but the '
                  'mutation neither keeps nor breaks the model for sure):' % len(unasserted))
            for m, diags in unasserted:
                print('  %s: linter %s' % (m.name, '; '.join(brief(diags, limit=2)) or
                                           'no finding'))
        # --print-request agrees with the CLI's loader on a fixed sample of the mutants
        # (all of them take minutes: tests/printrequest.py over a --keep folder).
        sample = mutants[::PRINT_REQUEST_SAMPLE]
        expect = '--print-request equals what the CLI loads (1 mutant in %d)' % PRINT_REQUEST_SAMPLE
        classes[expect] = [len(sample), 0]
        for m in sample:
            why = check_print_request(cli, args.cjl, os.path.join(out, m.name))
            if why:
                classes[expect][1] += 1
                failed += 1
                print('FAIL: %s --print-request [%s: %s %s]\n  %s'
                      % (m.name, m.intent, m.kind, m.detail, why))
            else:
                passed += 1
        if has_fix_option(args.cjl):
            fixed, fix_failures = check_fixed_mutants(cli, args.cjl, cfg, mutants, by_name,
                                                      os.path.join(tmp, 'fixed'))
            expect = 'all findings fixable: the fixed file passes the CLI, --print-request equal'
            classes[expect] = [len(fixed), len(fix_failures)]
            failed += len(fix_failures)
            passed += len(fixed) - len(fix_failures)
            for m, why in fix_failures:
                print('FAIL: %s fixed [%s: %s %s]' % (m.name, m.intent, m.kind, m.detail))
                print('  ' + why)
        else:
            print('differential: this createjob-lint has no --fix; fixed mutants not checked')
        print('differential: per kind (files, CLI-rejected, passed, failed, not asserted):')
        for kind in sorted(stats):
            s = stats[kind]
            print('  %-28s %5d %5d %5d %5d %5d' % (kind, s['n'], s['rej'], s['pass'],
                                                  s['fail'], s['na']))
        print('differential: per expectation (files, failed):')
        for expect in sorted(classes):
            print('  %5d %5d  %s' % (classes[expect][0], classes[expect][1], expect))
        print('differential: %d files, %d rejected by the CLI, %d not asserted'
              % (len(mutants), sum(s['rej'] for s in stats.values()), len(unasserted)))
        print('differential: %d passed, %d failed' % (passed, failed))
        return 0 if failed == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
