#!/usr/bin/env python3
"""Write a deterministic corpus of `aws dataexchange create-job` request files.

The corpus imitates a repository where several teams keep their job requests:
about 70 % are correct requests of all nine job types, about 30 % carry the
mistakes people make (misspelt members, wrong enumeration values, hex MD5
digests, a Details member that does not match Type, malformed ids, missing
members, wrong JSON types, KMS and KeyPattern slips).  Every file is
syntactically valid JSON (or YAML), so every tool has to read and check every
file.  Most files are JSON; a share (--yaml-percent) is the same kind of
request written as YAML, which only createjob-lint reads.

Besides the request files the corpus root holds MANIFEST.tsv: one line per
file with its path, whether it is valid and, for an invalid file, which
mistakes it carries.  The same seed always gives byte-identical files.

Only the standard library is used, so any Python 3.8+ runs it.
"""

import argparse
import base64
import json
import os
import random
import re
import sys

TYPES = {
    # Type: (Details member, weight in the corpus)
    "IMPORT_ASSETS_FROM_S3": ("ImportAssetsFromS3", 22),
    "EXPORT_REVISIONS_TO_S3": ("ExportRevisionsToS3", 18),
    "EXPORT_ASSETS_TO_S3": ("ExportAssetsToS3", 16),
    "IMPORT_ASSET_FROM_SIGNED_URL": ("ImportAssetFromSignedUrl", 9),
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET": ("CreateS3DataAccessFromS3Bucket", 10),
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES": ("ImportAssetsFromRedshiftDataShares", 7),
    "IMPORT_ASSET_FROM_API_GATEWAY_API": ("ImportAssetFromApiGatewayApi", 7),
    "EXPORT_ASSET_TO_SIGNED_URL": ("ExportAssetToSignedUrl", 5),
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY": ("ImportAssetsFromLakeFormationTagPolicy", 6),
}

# Three or four scalar members: these requests cannot reach 0.5 KB.
SMALL_TYPES = {"EXPORT_ASSET_TO_SIGNED_URL", "IMPORT_ASSET_FROM_SIGNED_URL"}

MIN_SIZE, MAX_SIZE = 500, 2048

# Which folder a job type is kept in: providers import and publish, subscribers export.
PROVIDER_TEAMS = ["weather-provider", "markets-provider", "geo-provider"]
SUBSCRIBER_TEAMS = ["analytics-subscriber", "risk-subscriber"]
FOLDER_KIND = {
    "IMPORT_ASSETS_FROM_S3": "imports",
    "IMPORT_ASSET_FROM_SIGNED_URL": "imports",
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES": "products",
    "IMPORT_ASSET_FROM_API_GATEWAY_API": "products",
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET": "products",
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY": "products",
    "EXPORT_ASSETS_TO_S3": "exports",
    "EXPORT_ASSET_TO_SIGNED_URL": "exports",
    "EXPORT_REVISIONS_TO_S3": "exports",
}

REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-central-1", "eu-west-1",
           "eu-west-2", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2"]
TOPICS = ["weather", "equities", "retail-footfall", "shipping-ais", "satellite-ndvi", "census",
          "energy-prices", "air-quality", "credit-ratings", "fx-rates", "mobility", "crop-yields"]
ORGS = ["acme", "globex", "initech", "contoso", "northwind", "umbrella", "tyrell", "wayne-data"]
BUCKET_ROLES = ["adx-staging", "data-lake", "exports", "landing-zone", "shared-data", "raw",
                "curated", "adx-deliveries"]
FILE_STEMS = ["daily-summary", "hourly-observations", "part-00000", "part-00001", "snapshot",
              "delta", "reference", "stations", "prices_eod", "manifest", "constituents"]
EXTENSIONS = ["csv", "csv.gz", "parquet", "json", "jsonl.gz", "zip", "txt"]
UNICODE_NAMES = ["Données météo – juin", "日本語データ", "Präzipitation Österreich",
                 "Índice de precios – España", "Статистика продаж", "Qualité de l’air"]
# No ${DataSet.Name}: it draws a note (the caller needs dataexchange:GetDataSet).
KEY_PATTERNS = [
    "${Asset.Name}",
    "${Revision.CreatedAt}/${Asset.Name}",
    "${DataSet.Id}/${Revision.Id}/${Asset.Name}",
    "${Revision.CreatedAt.Year}/${Revision.CreatedAt.Month}/${Revision.CreatedAt.Day}/${Asset.Id}",
    "adx/${DataSet.Id}/${Revision.Id}/${Asset.Id}-${Asset.Name}",
    "landing/${Asset.Id}",
]
LF_TAG_KEYS = ["domain", "classification", "department", "region", "sensitivity", "product"]
LF_TAG_VALUES = ["weather", "climate", "public", "internal", "sales", "marketing", "emea",
                 "apac", "low", "gold", "silver", "finance"]
YAML_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


class Gen:
    """Random values that look like the real thing, all drawn from one seeded generator."""

    def __init__(self, rng):
        self.rng = rng
        self.account = self.digits(12)
        self.region = rng.choice(REGIONS)
        self.topic = rng.choice(TOPICS)

    def choice(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def count(self, lo, hi):
        return self.rng.randint(lo, hi)

    def digits(self, n):
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def hex(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def id(self):
        return self.hex(32)

    def uuid(self):
        h = self.hex(32)
        return "-".join((h[:8], h[8:12], h[12:16], h[16:20], h[20:]))

    def md5_base64(self):
        return base64.b64encode(self.rng.getrandbits(128).to_bytes(16, "big")).decode()

    def bucket(self):
        return "%s-%s-%s" % (self.choice(ORGS), self.choice(BUCKET_ROLES),
                             self.choice([self.region, "prod", "dev", self.digits(3)]))

    def key(self):
        return "%s/%d/%02d/%s.%s" % (self.topic, self.count(2019, 2025), self.count(1, 12),
                                    self.choice(FILE_STEMS), self.choice(EXTENSIONS))

    def asset_name(self):
        if self.chance(0.15):
            return "%s %d-%02d.%s" % (self.choice(UNICODE_NAMES), self.count(2019, 2025),
                                      self.count(1, 12), self.choice(EXTENSIONS))
        return self.key().rsplit("/", 1)[1]

    def kms_key_arn(self):
        key = self.uuid() if self.chance(0.8) else "mrk-" + self.hex(32)
        return "arn:aws:kms:%s:%s:key/%s" % (self.region, self.account, key)

    def encryption(self):
        if self.chance(0.5):
            return {"Type": "AES256"}
        if self.chance(0.5):
            return {"Type": "aws:kms", "KmsKeyArn": self.kms_key_arn()}
        return {"KmsKeyArn": self.kms_key_arn(), "Type": "aws:kms"}

    def lf_expression(self):
        keys = self.rng.sample(LF_TAG_KEYS, self.count(1, 3))
        return [{"TagKey": k, "TagValues": self.rng.sample(LF_TAG_VALUES, self.count(1, 4))}
                for k in keys]


# --- One builder per job type: the Details member of a valid request. ---------------

def details_import_s3(g):
    bucket = g.bucket()
    sources = []
    for _ in range(g.count(1, 14)):
        entry = {"Bucket": bucket if g.chance(0.8) else g.bucket(), "Key": g.key()}
        if entry in sources:
            continue   # the same object twice is an error (CJ213)
        if g.chance(0.2):
            entry = {"Key": entry["Key"], "Bucket": entry["Bucket"]}
        sources.append(entry)
    return {"DataSetId": g.id(), "RevisionId": g.id(), "AssetSources": sources}


def details_import_signed_url(g):
    return {"AssetName": g.asset_name(), "DataSetId": g.id(), "Md5Hash": g.md5_base64(),
            "RevisionId": g.id()}


def details_export_assets_s3(g):
    bucket = g.bucket()
    destinations = []
    for _ in range(g.count(1, 10)):
        entry = {"AssetId": g.id(), "Bucket": bucket}
        if g.chance(0.7):
            entry["Key"] = g.key()
        destinations.append(entry)
    d = {"DataSetId": g.id(), "RevisionId": g.id(), "AssetDestinations": destinations}
    if g.chance(0.6):
        d["Encryption"] = g.encryption()
    return d


def details_export_asset_signed_url(g):
    return {"DataSetId": g.id(), "RevisionId": g.id(), "AssetId": g.id()}


def details_export_revisions_s3(g):
    # One job exports one revision (a service quota, CJ214).
    entry = {"Bucket": g.bucket()}
    if g.chance(0.8):
        entry["KeyPattern"] = g.choice(KEY_PATTERNS)
    entry["RevisionId"] = g.id()
    d = {"DataSetId": g.id(), "RevisionDestinations": [entry]}
    if g.chance(0.6):
        d["Encryption"] = g.encryption()
    return d


def details_redshift(g):
    sources = [{"DataShareArn": "arn:aws:redshift:%s:%s:datashare:%s/%s_share"
                % (g.region, g.account, g.uuid(), g.choice(TOPICS).replace("-", "_"))}
               for _ in range(g.count(1, 8))]
    return {"AssetSources": sources, "DataSetId": g.id(), "RevisionId": g.id()}


def details_api_gateway(g):
    name = g.choice(UNICODE_NAMES) if g.chance(0.2) else "%s API" % g.topic.replace("-", " ").title()
    d = {}
    if g.chance(0.85):
        lines = ["## %s" % name, "", "Endpoints:"]
        for _ in range(g.count(2, 8)):
            lines.append("* `/%s/%s` – %s" % (g.topic, g.choice(FILE_STEMS),
                                               g.choice(["hourly updates", "daily snapshot",
                                                         "paginated, 1000 rows per page",
                                                         "JSON responses"])))
        d["ApiDescription"] = "\n".join(lines)
    d.update({"ApiId": "".join(g.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)),
              "ApiName": name, "ApiSpecificationMd5Hash": g.md5_base64(), "DataSetId": g.id(),
              "ProtocolType": "REST", "RevisionId": g.id(),
              "Stage": g.choice(["prod", "v1", "v2_beta-1", "live", "production"])})
    return d


def unique(values):
    return list(dict.fromkeys(values))


def details_s3_data_access(g):
    # At most 5 keys and prefixes in all, as in AWS's examples (more draws a warning, CJ215).
    source = {"Bucket": g.bucket()}
    budget = g.count(1, 5)
    if g.chance(0.7):
        source["KeyPrefixes"] = unique("%s/%s/" % (g.choice(["curated", "raw", "published"]), g.choice(TOPICS))
                                       for _ in range(g.count(1, budget)))
        budget -= len(source["KeyPrefixes"])
    if budget > 0 and (g.chance(0.6) or "KeyPrefixes" not in source):
        source["Keys"] = unique(g.key() for _ in range(g.count(1, budget)))
    return {"AssetSource": source, "DataSetId": g.id(), "RevisionId": g.id()}


def details_lake_formation(g):
    d = {"CatalogId": g.account,
         "RoleArn": "arn:aws:iam::%s:role/%s" % (g.account, g.choice(
             ["service-role/AWSDataExchangeLakeFormationRole", "adx-lf-grants",
              "data-platform/adx-publisher"])),
         "DataSetId": g.id(), "RevisionId": g.id()}
    which = g.choice(["Database", "Table", "both"])
    if which in ("Database", "both"):
        d["Database"] = {"Expression": g.lf_expression(), "Permissions": ["DESCRIBE"]}
    if which in ("Table", "both"):
        d["Table"] = {"Expression": g.lf_expression(),
                      "Permissions": g.choice([["SELECT"], ["DESCRIBE"], ["DESCRIBE", "SELECT"]])}
    return d


BUILDERS = {
    "IMPORT_ASSETS_FROM_S3": details_import_s3,
    "IMPORT_ASSET_FROM_SIGNED_URL": details_import_signed_url,
    "EXPORT_ASSETS_TO_S3": details_export_assets_s3,
    "EXPORT_ASSET_TO_SIGNED_URL": details_export_asset_signed_url,
    "EXPORT_REVISIONS_TO_S3": details_export_revisions_s3,
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES": details_redshift,
    "IMPORT_ASSET_FROM_API_GATEWAY_API": details_api_gateway,
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET": details_s3_data_access,
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY": details_lake_formation,
}


def valid_request(g, job_type):
    details = {TYPES[job_type][0]: BUILDERS[job_type](g)}
    if g.chance(0.75):
        return {"Type": job_type, "Details": details}
    return {"Details": details, "Type": job_type}


# --- Mistakes. Each takes the request and returns a label, or None when it does not apply. ---

TYPOS = {
    "DataSetId": ["DataSetID", "DatasetId", "DataSetid", "DataSetArn"],
    "RevisionId": ["RevisionID", "RevisonId", "Revision"],
    "AssetId": ["AssetID", "AssetsId"],
    "AssetSources": ["AssetSource", "Assets", "AssetsSources"],
    "AssetSource": ["AssetSources"],
    "AssetDestinations": ["AssetDestination", "Destinations"],
    "RevisionDestinations": ["RevisionDestination", "Destinations"],
    "Bucket": ["BucketName", "bucket", "S3Bucket"],
    "Key": ["ObjectKey", "key", "S3Key"],
    "Keys": ["KeyList", "ObjectKeys"],
    "KeyPrefixes": ["KeyPrefix", "Prefixes"],
    "KeyPattern": ["KeyPatern", "Pattern", "KeyPrefix"],
    "Md5Hash": ["MD5Hash", "Md5", "ContentMd5"],
    "AssetName": ["Name", "AssetNames"],
    "KmsKeyArn": ["KMSKeyArn", "KmsKeyId", "KmsKeyARN"],
    "DataShareArn": ["DatashareArn", "DataShareARN"],
    "ApiSpecificationMd5Hash": ["ApiSpecMd5Hash", "ApiSpecificationMD5Hash"],
    "ApiId": ["ApiID", "RestApiId"],
    "Stage": ["StageName"],
    "ProtocolType": ["Protocol"],
    "CatalogId": ["CatalogID", "AccountId"],
    "RoleArn": ["RoleARN", "Role"],
    "TagValues": ["Values", "TagValue"],
    "Permissions": ["Permission"],
    "ExportAssetsToS3": ["ExportAssetToS3"],
    "ImportAssetsFromS3": ["ImportAssetFromS3"],
    "ImportAssetFromSignedUrl": ["ImportAssetsFromSignedUrl"],
    "ExportRevisionsToS3": ["ExportRevisionToS3"],
    "Details": ["details", "Detail"],
}

TYPE_SLIPS = {
    "IMPORT_ASSETS_FROM_S3": ["IMPORT_ASSET_FROM_S3", "import_assets_from_s3"],
    "IMPORT_ASSET_FROM_SIGNED_URL": ["IMPORT_ASSETS_FROM_SIGNED_URL"],
    "EXPORT_ASSETS_TO_S3": ["EXPORT_ASSET_TO_S3", "export-assets-to-s3"],
    "EXPORT_ASSET_TO_SIGNED_URL": ["EXPORT_ASSETS_TO_SIGNED_URL"],
    "EXPORT_REVISIONS_TO_S3": ["EXPORT_REVISION_TO_S3", "ExportRevisionsToS3"],
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES": ["IMPORT_ASSETS_FROM_REDSHIFT_DATASHARES"],
    "IMPORT_ASSET_FROM_API_GATEWAY_API": ["IMPORT_ASSETS_FROM_API_GATEWAY_API"],
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET": ["CREATE_S3_DATA_ACCESS_FROM_S3"],
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY": ["IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICIES"],
}

# The type someone most likely copied a request from.
SIBLING_TYPE = {
    "IMPORT_ASSETS_FROM_S3": "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET",
    "CREATE_S3_DATA_ACCESS_FROM_S3_BUCKET": "IMPORT_ASSETS_FROM_S3",
    "IMPORT_ASSET_FROM_SIGNED_URL": "IMPORT_ASSETS_FROM_S3",
    "EXPORT_ASSETS_TO_S3": "EXPORT_REVISIONS_TO_S3",
    "EXPORT_REVISIONS_TO_S3": "EXPORT_ASSETS_TO_S3",
    "EXPORT_ASSET_TO_SIGNED_URL": "EXPORT_ASSETS_TO_S3",
    "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES": "IMPORT_ASSETS_FROM_S3",
    "IMPORT_ASSET_FROM_API_GATEWAY_API": "IMPORT_ASSET_FROM_SIGNED_URL",
    "IMPORT_ASSETS_FROM_LAKE_FORMATION_TAG_POLICY": "IMPORT_ASSETS_FROM_REDSHIFT_DATA_SHARES",
}

REQUIRED = {
    "ImportAssetsFromS3": ["AssetSources", "DataSetId", "RevisionId"],
    "ImportAssetFromSignedUrl": ["AssetName", "DataSetId", "Md5Hash", "RevisionId"],
    "ExportAssetsToS3": ["AssetDestinations", "DataSetId", "RevisionId"],
    "ExportAssetToSignedUrl": ["AssetId", "DataSetId", "RevisionId"],
    "ExportRevisionsToS3": ["DataSetId", "RevisionDestinations"],
    "ImportAssetsFromRedshiftDataShares": ["AssetSources", "DataSetId", "RevisionId"],
    "ImportAssetFromApiGatewayApi": ["ApiId", "ApiName", "ApiSpecificationMd5Hash", "DataSetId",
                                     "ProtocolType", "RevisionId", "Stage"],
    "CreateS3DataAccessFromS3Bucket": ["AssetSource", "DataSetId", "RevisionId"],
    "ImportAssetsFromLakeFormationTagPolicy": ["CatalogId", "DataSetId", "RevisionId", "RoleArn"],
}


def details_of(doc):
    """The (member name, member body) under Details, or (None, None)."""
    details = doc.get("Details")
    if isinstance(details, dict) and len(details) == 1:
        name = next(iter(details))
        if isinstance(details[name], dict):
            return name, details[name]
    return None, None


def walk(node):
    """Every mapping in the request, outermost first."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def rename_key(d, old, new):
    items = [(new if k == old else k, v) for k, v in d.items()]
    d.clear()
    d.update(items)


def mistake_misspelt_member(g, doc):
    spots = [(d, k) for d in walk(doc) for k in d if k in TYPOS]
    if not spots:
        return None
    d, k = g.choice(spots)
    new = g.choice(TYPOS[k])
    rename_key(d, k, new)
    return "misspelt-member:%s->%s" % (k, new)


def mistake_wrong_enum(g, doc):
    spots = [("Type", doc)] if doc.get("Type") in TYPE_SLIPS else []
    for d in walk(doc):
        if isinstance(d.get("Encryption"), dict):
            spots.append(("Encryption", d["Encryption"]))
        if "ProtocolType" in d:
            spots.append(("ProtocolType", d))
        if isinstance(d.get("Database"), dict) and "Permissions" in d["Database"]:
            spots.append(("Database", d["Database"]))
        if isinstance(d.get("Table"), dict) and "Permissions" in d["Table"]:
            spots.append(("Table", d["Table"]))
    if not spots:
        return None
    what, d = g.choice(spots)
    if what == "Type":
        d["Type"] = g.choice(TYPE_SLIPS[d["Type"]])
    elif what == "Encryption":
        d["Type"] = g.choice(["aes256", "SSE-S3", "SSE-KMS", "aws:kms:dsse", "KMS"])
    elif what == "ProtocolType":
        d["ProtocolType"] = g.choice(["HTTP", "rest", "HTTPS"])
    elif what == "Database" and g.chance(0.5):
        d["Permissions"] = ["SELECT"]   # SELECT is a table permission; databases only have DESCRIBE
        return "wrong-enum:Database.Permissions-SELECT"
    else:
        d["Permissions"] = d["Permissions"] + [g.choice(["ALL", "select", "INSERT"])]
        what += ".Permissions"
    return "wrong-enum:%s" % what


def mistake_hex_md5(g, doc):
    _, body = details_of(doc)
    if body is None:
        return None
    field = "Md5Hash" if "Md5Hash" in body else "ApiSpecificationMd5Hash" if "ApiSpecificationMd5Hash" in body else None
    if field is None:
        return None
    hexdigest = g.hex(32)
    style = g.choice(["hex"] * 6 + ["HEX", "base64-of-hex", "truncated-hex", "url-safe"])
    if style == "hex":
        body[field] = hexdigest
    elif style == "HEX":
        body[field] = hexdigest.upper()
    elif style == "base64-of-hex":
        body[field] = base64.b64encode((hexdigest + "\n").encode()).decode()
    elif style == "truncated-hex":
        body[field] = hexdigest[:24]
    else:
        value = body[field]
        while "+" not in value and "/" not in value:
            value = g.md5_base64()
        body[field] = value.replace("+", "-").replace("/", "_")
    return "md5:%s" % style


def mistake_type_details_mismatch(g, doc):
    name, body = details_of(doc)
    if name is None or doc.get("Type") not in SIBLING_TYPE:
        return None
    if g.chance(0.7):
        doc["Type"] = SIBLING_TYPE[doc["Type"]]
        return "type-details:type-changed"
    # Untrimmed --generate-cli-skeleton output: a second, empty member.
    other = TYPES[SIBLING_TYPE[doc["Type"]]][0]
    doc["Details"][other] = {}
    return "type-details:extra-member"


def mistake_bad_id(g, doc):
    spots = [(d, k) for d in walk(doc) for k in d
             if k in ("DataSetId", "RevisionId", "AssetId") and isinstance(d[k], str)]
    if not spots:
        return None
    d, k = g.choice(spots)
    style = g.choice(["uuid", "arn", "short", "long", "space", "prefix"])
    if style == "uuid":
        d[k] = g.uuid()
    elif style == "arn":
        d[k] = "arn:aws:dataexchange:%s:%s:data-sets/%s" % (g.region, g.account, d[k])
    elif style == "short":
        d[k] = d[k][:g.count(8, 29)]
    elif style == "long":
        d[k] = d[k] + g.hex(g.count(9, 16))
    elif style == "space":
        d[k] = d[k] + " "
    else:
        d[k] = g.choice(["ds-", "rev-", "asset-"]) + d[k]
    return "bad-id:%s:%s" % (k, style)


def mistake_missing_member(g, doc):
    name, body = details_of(doc)
    if "Type" in doc and (name not in REQUIRED or g.chance(0.08)):
        del doc["Type"]
        return "missing:Type"
    if name not in REQUIRED:
        return None
    present = [k for k in REQUIRED[name] if k in body]
    if not present:
        return None
    k = g.choice(present)
    del body[k]
    return "missing:%s" % k


def mistake_wrong_type(g, doc):
    spots = []
    for d in walk(doc):
        for k, v in d.items():
            if k == "CatalogId":
                spots.append((d, k, int(v)))
            elif k in ("Keys", "KeyPrefixes", "TagValues") and v:
                spots.append((d, k, v[0]))
            elif k in ("DataSetId", "RevisionId", "Key", "KeyPattern", "Stage"):
                spots.append((d, k, None))
            elif k == "AssetSources" and len(v) == 1:
                spots.append((d, k, v[0]))
    if not spots:
        return None
    d, k, new = g.choice(spots)
    d[k] = new
    return "wrong-type:%s" % k


def mistake_kms(g, doc):
    spots = [d["Encryption"] for d in walk(doc) if isinstance(d.get("Encryption"), dict)]
    if not spots:
        return None
    enc = g.choice(spots)
    enc.clear()
    style = g.choice(["no-arn", "alias", "bare-key-id", "key-id-in-arn-of-s3"])
    enc["Type"] = "aws:kms"
    if style == "alias":
        enc["KmsKeyArn"] = "arn:aws:kms:%s:%s:alias/adx-exports" % (g.region, g.account)
    elif style == "bare-key-id":
        enc["KmsKeyArn"] = g.uuid()
    elif style == "key-id-in-arn-of-s3":
        enc["KmsKeyArn"] = "arn:aws:s3:::%s" % g.bucket()
    return "kms:%s" % style


def mistake_key_pattern(g, doc):
    spots = [d for d in walk(doc) if "KeyPattern" in d]
    if not spots:
        return None
    d = g.choice(spots)
    style = g.choice(["unknown", "case", "no-asset", "unterminated"])
    d["KeyPattern"] = {
        "unknown": "${Revision.Id}/${Asset.FileName}",
        "case": "${revision.createdAt}/${asset.name}",
        "no-asset": "exports/${Revision.Id}/data.csv",
        "unterminated": "${Revision.Id}/${Asset.Name",
    }[style]
    return "key-pattern:%s" % style


def mistake_quota(g, doc):
    """Several revisions in one export job: the service takes one (CJ214)."""
    _, body = details_of(doc)
    if body is None or not isinstance(body.get("RevisionDestinations"), list) or not body["RevisionDestinations"]:
        return None
    first = body["RevisionDestinations"][0]
    for _ in range(g.count(1, 3)):
        extra = dict(first)
        extra["RevisionId"] = g.id()
        body["RevisionDestinations"].append(extra)
    return "quota:RevisionDestinations"


def mistake_duplicate(g, doc):
    """A copy-pasted list entry (CJ213)."""
    spots = [v for d in walk(doc) for k, v in d.items()
             if k in ("AssetSources", "AssetDestinations", "Keys", "KeyPrefixes") and isinstance(v, list) and v]
    if not spots:
        return None
    entries = g.choice(spots)
    entries.insert(g.count(0, len(entries)), entries[g.count(0, len(entries) - 1)])
    return "duplicate-entry"


def mistake_bucket(g, doc):
    """A bucket written as a URI, an ARN or with a key (CJ205)."""
    spots = [d for d in walk(doc) if isinstance(d.get("Bucket"), str)]
    if not spots:
        return None
    d = g.choice(spots)
    style = g.choice(["uri", "arn", "path", "uppercase-underscore"])
    if style == "uri":
        d["Bucket"] = "s3://" + d["Bucket"]
    elif style == "arn":
        d["Bucket"] = "arn:aws:s3:::" + d["Bucket"]
    elif style == "path":
        d["Bucket"] = "%s/%s" % (d["Bucket"], g.topic)
    else:
        d["Bucket"] = "-%s_" % d["Bucket"]
        style = "bad-ends"
    return "bucket:%s" % style


def mistake_role_arn(g, doc):
    _, body = details_of(doc)
    if body is None or "RoleArn" not in body:
        return None
    body["RoleArn"] = g.choice(["arn:aws:iam::%s:user/adx-publisher" % g.account,
                                "adx-lf-grants",
                                "arn:aws:iam::%s:role/adx-lf-grants" % g.account[:11]])
    return "role-arn"


MISTAKES = [
    (mistake_misspelt_member, 20),
    (mistake_wrong_enum, 14),
    (mistake_hex_md5, 40),
    (mistake_type_details_mismatch, 14),
    (mistake_bad_id, 14),
    (mistake_missing_member, 14),
    (mistake_wrong_type, 6),
    (mistake_kms, 4),
    (mistake_key_pattern, 3),
    (mistake_role_arn, 1),
    (mistake_quota, 8),
    (mistake_duplicate, 4),
    (mistake_bucket, 5),
]


def add_mistake(g, doc, used):
    """Make one more mistake of a kind not in `used` (a list it extends); returns its label."""
    funcs = [f for f, _ in MISTAKES]
    weights = [0 if f in used else w for f, w in MISTAKES]
    while True:
        func = g.rng.choices(funcs, weights)[0]
        label = func(g, doc)
        if label:
            used.append(func)
            return label


# --- Output. ----------------------------------------------------------------------------

def to_json(g, doc):
    style = g.rng.choices(["indent2", "indent4", "compact", "tab"], [60, 25, 10, 5])[0]
    ascii_only = g.chance(0.1)
    if style == "compact":
        text = json.dumps(doc, ensure_ascii=ascii_only, separators=(",", ":"))
    else:
        indent = {"indent2": 2, "indent4": 4, "tab": "\t"}[style]
        text = json.dumps(doc, ensure_ascii=ascii_only, indent=indent)
    return text + "\n"


PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_./@+=,:-]*$")


def yaml_scalar(g, v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if PLAIN.match(v) and v.lower() not in YAML_RESERVED and not v.endswith(":"):
        if re.fullmatch(r"[0-9a-f]{32}", v) and g.chance(0.3):
            return "'%s'" % v
        return v
    return json.dumps(v, ensure_ascii=False)


def yaml_lines(g, node, indent):
    pad = "  " * indent
    out = []
    for k, v in node.items():
        if isinstance(v, dict):
            if not v:
                out.append("%s%s: {}" % (pad, k))
                continue
            out.append("%s%s:" % (pad, k))
            out.extend(yaml_lines(g, v, indent + 1))
        elif isinstance(v, list):
            if not v:
                out.append("%s%s: []" % (pad, k))
            elif all(not isinstance(x, (dict, list)) for x in v) and g.chance(0.5):
                out.append("%s%s: [%s]" % (pad, k, ", ".join(yaml_scalar(g, x) for x in v)))
            else:
                out.append("%s%s:" % (pad, k))
                for item in v:
                    if isinstance(item, dict) and item:
                        sub = yaml_lines(g, item, indent + 2)
                        out.append("%s  - %s" % (pad, sub[0].lstrip()))
                        out.extend(sub[1:])
                    else:
                        out.append("%s  - %s" % (pad, yaml_scalar(g, item)))
        else:
            out.append("%s%s: %s" % (pad, k, yaml_scalar(g, v)))
    return out


def to_yaml(g, doc, job_type):
    lines = []
    if g.chance(0.5):
        lines.append("# %s job for the %s data set, kept in git and run by the pipeline."
                     % (job_type.lower().replace("_", "-"), g.topic))
    lines.extend(yaml_lines(g, doc, 0))
    return "\n".join(lines) + "\n"


def one_file(g, job_type, invalid, as_yaml):
    """Draw requests until one serialises to a realistic size; returns (text, labels)."""
    for _ in range(200):
        doc = valid_request(g, job_type)
        labels, used = [], []
        if invalid:
            labels.append(add_mistake(g, doc, used))
            if g.chance(0.1):
                labels.append(add_mistake(g, doc, used))
        if "Type" not in doc and "Details" not in doc:
            continue   # createjob-lint skips such files in folders as "not job requests"
        text = to_yaml(g, doc, job_type) if as_yaml else to_json(g, doc)
        size = len(text.encode())
        if size <= MAX_SIZE and (size >= MIN_SIZE or job_type in SMALL_TYPES):
            return text, labels
    raise RuntimeError("no request of type %s fits %d..%d bytes" % (job_type, MIN_SIZE, MAX_SIZE))


def folder_for(rng, job_type):
    kind = FOLDER_KIND[job_type]
    teams = SUBSCRIBER_TEAMS if kind == "exports" else PROVIDER_TEAMS
    return os.path.join(rng.choice(teams), kind)


def generate(out, count, seed, invalid_percent, yaml_percent):
    rng = random.Random(seed)
    type_names = list(TYPES)
    weights = [TYPES[t][1] for t in type_names]
    manifest = []
    sizes = []
    for i in range(count):
        g = Gen(random.Random(rng.getrandbits(64)))
        job_type = rng.choices(type_names, weights)[0]
        invalid = rng.random() * 100 < invalid_percent
        as_yaml = rng.random() * 100 < yaml_percent
        text, labels = one_file(g, job_type, invalid, as_yaml)
        name = "%s-%s-%05d.%s" % (g.topic, job_type.lower().replace("_", "-"), i,
                                  "yaml" if as_yaml else "json")
        rel = os.path.join(folder_for(rng, job_type), name)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode()
        with open(path, "wb") as f:
            f.write(data)
        sizes.append(len(data))
        manifest.append("%s\t%s\t%s\t%s\n" % (rel, "invalid" if invalid else "valid", job_type,
                                              ",".join(labels) or "-"))
    with open(os.path.join(out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("path\texpect\ttype\tmistakes\n")
        f.writelines(manifest)
    return manifest, sizes


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder to write into (created; must be empty or absent)")
    ap.add_argument("--count", type=int, default=10000, help="number of files (default 10000)")
    ap.add_argument("--seed", type=int, default=20240613, help="random seed (default 20240613)")
    ap.add_argument("--invalid-percent", type=float, default=30, help="share of invalid files (default 30)")
    ap.add_argument("--yaml-percent", type=float, default=10, help="share of YAML files (default 10)")
    args = ap.parse_args(argv)
    if os.path.isdir(args.out) and os.listdir(args.out):
        ap.error("%s is not empty" % args.out)
    os.makedirs(args.out, exist_ok=True)
    manifest, sizes = generate(args.out, args.count, args.seed, args.invalid_percent, args.yaml_percent)
    invalid = sum(1 for line in manifest if "\tinvalid\t" in line)
    yaml_files = sum(1 for line in manifest if line.split("\t", 1)[0].endswith(".yaml"))
    sizes.sort()
    print("%d files (%d JSON, %d YAML), %d invalid (%.1f %%), %.1f MB; sizes: min %d, median %d, max %d bytes"
          % (len(sizes), len(sizes) - yaml_files, yaml_files, invalid, 100.0 * invalid / max(1, len(sizes)),
             sum(sizes) / 1e6, sizes[0], sizes[len(sizes) // 2], sizes[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
