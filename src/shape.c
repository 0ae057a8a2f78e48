/* The CreateJob request shape (rules/shape.yaml) that the schema engine enforces. */
#include "shape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "awscli.h"
#include "checks.h"
#include "pattern.h"
#include "util.h"

static struct shape *find_shape(struct request_shape *rs, const char *name)
{
	return strmap_get(rs->shape_index, name);
}

/* Name -> first entry of that name, as a search from the front would find. */
static void index_first(struct strmap *index, const char *name, void *entry)
{
	if (!strmap_get(index, name))
		strmap_put(index, name, entry);
}

static const struct shape *resolve(struct request_shape *rs, const struct node *at,
				   const char *name)
{
	const struct shape *s = name ? find_shape(rs, name) : NULL;

	if (!s && name)
		yamldata_fail(&rs->file, at, "unknown shape %s", name);
	return s;
}

/* A list of strings in rules data, kept as an array of pointers into the file. */
static const char **string_list(struct yamldata *rf, const struct node *list, size_t *n)
{
	const char **out;
	size_t i;

	list = node_deref(list);
	if (!list || list->kind != NODE_SEQUENCE) {
		yamldata_fail(rf, list, "expected a list of strings");
		return NULL;
	}
	if (yamldata_visit(rf, list) < 0)
		return NULL;
	out = xcalloc(list->nitems, sizeof *out);
	for (i = 0; i < list->nitems; i++) {
		if (!node_is_string(list->items[i])) {
			yamldata_fail(rf, list->items[i], "expected a string");
			free(out);
			return NULL;
		}
		out[i] = node_deref(list->items[i])->text;
	}
	*n = list->nitems;
	return out;
}

static long read_bound(struct yamldata *rf, const struct node *def, const char *key)
{
	const struct node *v = node_deref(node_get(def, key));
	char *end;
	long n;

	if (!v)
		return -1;
	n = strtol(v->text ? v->text : "", &end, 10);
	if (v->kind != NODE_INT || *end || n < 0) {
		yamldata_fail(rf, v, "%s must be a non-negative integer", key);
		return -1;
	}
	return n;
}

static int read_flag(struct request_shape *rs, const struct node *def, const char *key, bool *out)
{
	const struct node *v = node_deref(node_get(def, key));

	*out = false;
	if (!v)
		return 0;
	if (v->kind != NODE_BOOL)
		return yamldata_fail(&rs->file, v, "%s must be true or false", key);
	*out = v->text[0] == 't' || v->text[0] == 'T';
	return 0;
}

static int read_check(struct request_shape *rs, struct shape *s, const struct node *def)
{
	s->check = yamldata_opt_string(&rs->file, def, "check");
	if (!s->check)
		return rs->file.error ? -1 : 0;
	if ((s->run_check = checks_find(s->check)) != NULL)
		return 0;
	return yamldata_fail(&rs->file, def, "unknown check %s", s->check);
}

static int read_string_shape(struct request_shape *rs, struct shape *s, const struct node *def)
{
	struct yamldata *rf = &rs->file;
	const struct node *list;
	char *why = NULL;

	s->pattern = yamldata_opt_string(rf, def, "pattern");
	s->pattern_text = yamldata_opt_string(rf, def, "pattern_text");
	if (s->pattern &&
	    !(rs->patterns[s - rs->shapes] = pattern_compile(s->pattern, &why))) {
		yamldata_fail(rf, def, "pattern of %s does not compile: %s", s->name, why);
		free(why);
		return -1;
	}
	if ((list = node_get(def, "enum")) && !(s->enums = string_list(rf, list, &s->nenums)))
		return -1;
	if ((list = node_get(def, "references")) &&
	    !(s->references = string_list(rf, list, &s->nreferences)))
		return -1;
	return rf->error ? -1 : 0;
}

/* Every member named in `required` is required; each name must be a member. */
static void mark_required(struct yamldata *rf, struct shape *s, struct shape_member *members,
			  const struct node *required, const char **req, size_t nreq)
{
	struct strmap wanted;
	size_t i;

	if (rf->error)
		return;
	strmap_init(&wanted);
	for (i = 0; i < nreq; i++) {
		strmap_put(&wanted, req[i], (void *)req[i]);
		if (!strmap_get(s->member_index, req[i]))
			yamldata_fail(rf, required, "required member %s is not a member", req[i]);
	}
	for (i = 0; i < s->nmembers; i++)
		members[i].required = strmap_get(&wanted, members[i].name) != NULL;
	strmap_free(&wanted);
}

/* The first AWS CLI v2 version that knows a member, checked here so that a
 * --rules file with a malformed one is refused at load, not ignored per file. */
static int read_aws_cli(struct yamldata *rf, const struct node *mdef, struct shape_member *m)
{
	struct awscli_version v;
	char *why = NULL;
	int rc = 0;

	m->aws_cli = yamldata_opt_string(rf, mdef, "aws_cli");
	if (m->aws_cli && awscli_version_parse(m->aws_cli, &v, &why) < 0)
		rc = yamldata_fail(rf, node_get(mdef, "aws_cli"), "aws_cli of %s: %s", m->name, why);
	free(why);
	return rc;
}

static int read_members(struct request_shape *rs, struct shape *s, const struct node *def)
{
	struct yamldata *rf = &rs->file;
	const struct node *members = node_deref(node_get(def, "members"));
	const struct node *required = node_get(def, "required");
	struct shape_member *read;
	const char **req = NULL;
	size_t nreq = 0, i;

	if (!members || members->kind != NODE_MAPPING)
		return yamldata_fail(rf, def, "structure %s needs members", s->name);
	if (yamldata_visit(rf, members) < 0)
		return -1;
	if (required && !(req = string_list(rf, required, &nreq)))
		return -1;
	s->members = read = xcalloc(members->nmembers, sizeof *read);
	s->nmembers = members->nmembers;
	s->member_index = xcalloc(1, sizeof *s->member_index);
	strmap_init(s->member_index);
	for (i = 0; i < members->nmembers; i++) {
		struct shape_member *m = &read[i];
		const struct node *mdef = node_deref(members->members[i].value);

		if (!(m->name = yamldata_key(rf, &members->members[i])) ||
		    yamldata_visit(rf, mdef) < 0)
			break;
		index_first(s->member_index, m->name, m);
		m->shape = resolve(rs, mdef, yamldata_string(rf, mdef, "shape"));
		m->since = yamldata_opt_string(rf, mdef, "since");
		m->doc = yamldata_opt_string(rf, mdef, "doc");
		if (read_aws_cli(rf, mdef, m) < 0)
			break;
	}
	mark_required(rf, s, read, required, req, nreq);
	free(req);
	return rf->error ? -1 : 0;
}

static int read_shape(struct request_shape *rs, struct shape *s, const struct node *def)
{
	struct yamldata *rf = &rs->file;
	const char *type;

	if (yamldata_visit(rf, def) < 0 || !(type = yamldata_string(rf, def, "type")))
		return -1;
	s->doc = yamldata_opt_string(rf, def, "doc");
	s->min = read_bound(rf, def, "min");
	s->max = read_bound(rf, def, "max");
	s->quota = read_bound(rf, def, "quota");
	if (read_flag(rs, def, "quota_confirmed", &s->quota_confirmed) < 0 ||
	    read_flag(rs, def, "secret", &s->secret) < 0 ||
	    read_flag(rs, def, "free_text", &s->free_text) < 0)
		return -1;
	if (read_check(rs, s, def) < 0)
		return -1;
	if (strcmp(type, "structure") == 0) {
		s->type = SHAPE_STRUCTURE;
		return read_members(rs, s, def);
	}
	if (strcmp(type, "list") == 0) {
		const struct node *unique = node_get(def, "unique");

		s->type = SHAPE_LIST;
		s->item = resolve(rs, def, yamldata_string(rf, def, "member"));
		if (unique && !(s->unique = string_list(rf, unique, &s->nunique)))
			return -1;
		return rf->error ? -1 : 0;
	}
	if (strcmp(type, "string") == 0) {
		s->type = SHAPE_STRING;
		return read_string_shape(rs, s, def);
	}
	return yamldata_fail(rf, def, "unknown shape type %s", type);
}

static int read_type_details(struct request_shape *rs, const struct node *root)
{
	const struct node *map = node_deref(node_get(root, "type_details"));
	size_t i;

	if (!map || map->kind != NODE_MAPPING)
		return yamldata_fail(&rs->file, root, "missing mapping type_details");
	if (yamldata_visit(&rs->file, map) < 0)
		return -1;
	rs->type_details = rs->owned_details = xcalloc(map->nmembers, sizeof *rs->owned_details);
	for (i = 0; i < map->nmembers; i++) {
		const struct node *k = node_deref(map->members[i].key);
		const struct node *v = node_deref(map->members[i].value);

		if (!node_is_string(k) || !node_is_string(v))
			return yamldata_fail(&rs->file, k, "type_details maps types to member names");
		rs->owned_details[i].type = k->text;
		rs->owned_details[i].member = v->text;
		rs->ntype_details++;
	}
	return 0;
}

static int read_all(struct request_shape *rs)
{
	const struct node *root = rs->file.doc->root;
	const struct node *shapes = node_deref(node_get(root, "shapes"));
	const struct node *model = node_get(root, "model");
	size_t i;

	if (!shapes || shapes->kind != NODE_MAPPING)
		return yamldata_fail(&rs->file, root, "missing mapping shapes");
	if (yamldata_visit(&rs->file, shapes) < 0)
		return -1;
	rs->model_source = model ? yamldata_string(&rs->file, model, "source") : NULL;
	/* Names first, so that shapes may refer to shapes defined further down. */
	rs->shapes = rs->owned = xcalloc(shapes->nmembers, sizeof *rs->owned);
	rs->patterns = xcalloc(shapes->nmembers, sizeof *rs->patterns);
	rs->nshapes = shapes->nmembers;
	for (i = 0; i < shapes->nmembers; i++) {
		if (!(rs->owned[i].name = yamldata_key(&rs->file, &shapes->members[i])))
			return -1;
		index_first(rs->shape_index, rs->owned[i].name, &rs->owned[i]);
	}
	for (i = 0; i < shapes->nmembers; i++)
		if (read_shape(rs, &rs->owned[i], node_deref(shapes->members[i].value)) < 0)
			return -1;
	rs->root = resolve(rs, root, yamldata_string(&rs->file, root, "root"));
	if (rs->file.error)
		return -1;
	return read_type_details(rs, root);
}

int shape_load(struct request_shape *rs, const char *path, const char *text, size_t len,
	       char **error)
{
	struct strmap shape_index;
	int rc;

	memset(rs, 0, sizeof *rs);
	strmap_init(&shape_index);
	rs->shape_index = &shape_index;
	rc = yamldata_open(&rs->file, path, text, len) < 0 || read_all(rs) < 0 ? -1 : 0;
	strmap_free(&shape_index);
	rs->shape_index = NULL;
	if (rc < 0) {
		*error = xstrdup(rs->file.error ? rs->file.error : "cannot load the request shape");
		shape_free(rs);
	}
	return rc;
}

int shape_load_file(struct request_shape *rs, const char *path, char **error)
{
	char *text;
	size_t len;
	int rc;

	if (yamldata_read(path, &text, &len, error) < 0)
		return -1;
	rc = shape_load(rs, path, text, len, error);
	free(text);
	return rc;
}

int shape_init_static(struct request_shape *rs, const struct shape *shapes, size_t n,
		      const struct shape *root, const struct type_detail *details,
		      size_t ndetails, const char *model_source, char **error)
{
	size_t i;

	memset(rs, 0, sizeof *rs);
	rs->shapes = shapes;
	rs->nshapes = n;
	rs->root = root;
	rs->type_details = details;
	rs->ntype_details = ndetails;
	rs->model_source = model_source;
	rs->is_static = true;
	rs->patterns = xcalloc(n, sizeof *rs->patterns);
	for (i = 0; i < n; i++) {
		char *why;

		if (shapes[i].pattern && !(rs->patterns[i] = pattern_compile(shapes[i].pattern, &why))) {
			*error = xasprintf("built-in shape %s: pattern does not compile: %s",
					   shapes[i].name, why);
			free(why);
			shape_free(rs);
			return -1;
		}
	}
	return 0;
}

static void free_patterns(struct request_shape *rs)
{
	size_t i;

	for (i = 0; rs->patterns && i < rs->nshapes; i++)
		pattern_free(rs->patterns[i]);
	free(rs->patterns);
	rs->patterns = NULL;
}

void shape_free(struct request_shape *rs)
{
	size_t i;

	free_patterns(rs);
	if (rs->is_static) {
		memset(rs, 0, sizeof *rs);
		return;
	}
	for (i = 0; i < rs->nshapes; i++) {
		struct shape *s = &rs->owned[i];

		/* The loader allocated these; they are const only to the walk. */
		if (s->member_index)
			strmap_free(s->member_index);
		free(s->member_index);
		free((void *)s->members);
		free((void *)s->enums);
		free((void *)s->references);
		free((void *)s->unique);
	}
	free(rs->owned);
	free(rs->owned_details);
	yamldata_close(&rs->file);
	memset(rs, 0, sizeof *rs);
}

const struct shape_member *shape_member(const struct shape *s, const char *name)
{
	size_t i;

	if (s->member_index)
		return strmap_get(s->member_index, name);
	for (i = 0; i < s->nmembers; i++)
		if (strcmp(s->members[i].name, name) == 0)
			return &s->members[i];
	return NULL;
}

bool shape_one_entry_per_job(const struct shape *s, size_t count)
{
	return s && s->type == SHAPE_LIST && s->quota == 1 && s->quota_confirmed && count > 1;
}

const char *shape_details_for_type(const struct request_shape *rs, const char *type)
{
	size_t i;

	for (i = 0; i < rs->ntype_details; i++)
		if (strcmp(rs->type_details[i].type, type) == 0)
			return rs->type_details[i].member;
	return NULL;
}

const char *shape_type_for_details(const struct request_shape *rs, const char *member)
{
	size_t i;

	for (i = 0; i < rs->ntype_details; i++)
		if (strcmp(rs->type_details[i].member, member) == 0)
			return rs->type_details[i].type;
	return NULL;
}

const struct pattern *shape_pattern(const struct request_shape *rs, const struct shape *s)
{
	return rs->patterns[s - rs->shapes];
}
