/* gen-rules: compiles rules/catalog.yaml and rules/shape.yaml into C tables, so the
 * program starts with its rules in place and reads no data file at run time. It
 * loads them with the same code --rules DIR uses, so both agree by construction.
 * Usage: gen-rules CATALOG.yaml SHAPE.yaml OUT.c
 *        gen-rules --ids CATALOG.yaml OUT.h OUT.c   (the enums of src/rule_ids.h) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "shape.h"

/* A C string literal; '?' is escaped against trigraphs. */
static void emit_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		switch (*s) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '?': fputs("\\?", out); break;
		default:
			if ((unsigned char)*s < 0x20)
				fprintf(out, "\\%03o", (unsigned char)*s);
			else
				fputc(*s, out);
		}
	}
	fputc('"', out);
}

static void emit_catalog(FILE *out, const struct catalog *cat)
{
	size_t i, j;

	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];

		fprintf(out, "static const struct rule_message messages_%zu[] = {\n", i);
		for (j = 0; j < r->nmessages; j++) {
			fputs("\t{ ", out);
			emit_string(out, r->messages[j].variant);
			fputs(", ", out);
			emit_string(out, r->messages[j].text);
			fputs(" },\n", out);
		}
		fputs("};\n\n", out);
		if (!r->nsources)
			continue;
		fprintf(out, "static const char *const sources_%zu[] = {\n", i);
		for (j = 0; j < r->nsources; j++) {
			fputc('\t', out);
			emit_string(out, r->sources[j]);
			fputs(",\n", out);
		}
		fputs("};\n\n", out);
	}
	fprintf(out, "static const struct rule rules[%zu] = {\n", cat->n);
	for (i = 0; i < cat->n; i++) {
		const struct rule *r = &cat->rules[i];
		static const char *const sev[] = { "SEV_OFF", "SEV_INFO", "SEV_WARNING", "SEV_ERROR" };
		static const char *const fix[] = { "RULE_FIX_NONE", "RULE_FIX_SAFE", "RULE_FIX_UNSAFE" };

		fprintf(out, "\t{ .index = %zu, .id = ", i);
		emit_string(out, r->id);
		fputs(", .name = ", out);
		emit_string(out, r->name);
		fprintf(out, ", .severity = %s, .fix = %s,\n\t  .summary = ", sev[r->severity],
			fix[r->fix]);
		emit_string(out, r->summary);
		fputs(",\n\t  .description = ", out);
		emit_string(out, r->description);
		fprintf(out, ",\n\t  .messages = messages_%zu, .nmessages = %zu,\n\t  .example_format = ",
			i, r->nmessages);
		emit_string(out, r->example_format);
		fputs(",\n\t  .example_bad = ", out);
		emit_string(out, r->example_bad);
		fputs(",\n\t  .example_good = ", out);
		emit_string(out, r->example_good);
		fputs(",\n\t  .example_also = ", out);
		emit_string(out, r->example_also);
		fputs(",\n\t  .example_instead = ", out);
		emit_string(out, r->example_instead);
		if (r->nsources)
			fprintf(out, ",\n\t  .sources = sources_%zu, .nsources = %zu", i, r->nsources);
		fputs(" },\n", out);
	}
	fputs("};\n\n", out);
	fprintf(out, "int catalog_load_builtin(struct catalog *cat, char **error)\n{\n"
		     "\treturn catalog_init_static(cat, rules, %zu, error);\n}\n\n",
		cat->n);
}

static size_t shape_index(const struct request_shape *rs, const struct shape *s)
{
	return (size_t)(s - rs->shapes);
}

static void emit_string_array(FILE *out, const char *name, size_t i, const char *const *items,
			      size_t n)
{
	size_t j;

	if (!n)
		return;
	fprintf(out, "static const char *const %s_%zu[] = { ", name, i);
	for (j = 0; j < n; j++) {
		emit_string(out, items[j]);
		fputs(", ", out);
	}
	fputs("};\n", out);
}

static void emit_shape_parts(FILE *out, const struct request_shape *rs, size_t i)
{
	const struct shape *s = &rs->shapes[i];
	size_t j;

	if (s->nmembers) {
		fprintf(out, "static const struct shape_member members_%zu[] = {\n", i);
		for (j = 0; j < s->nmembers; j++) {
			const struct shape_member *m = &s->members[j];

			fputs("\t{ ", out);
			emit_string(out, m->name);
			fprintf(out, ", &shapes[%zu], %s, ", shape_index(rs, m->shape),
				m->required ? "true" : "false");
			emit_string(out, m->since);
			fputs(", ", out);
			emit_string(out, m->doc);
			fputs(", ", out);
			emit_string(out, m->aws_cli);
			fputs(" },\n", out);
		}
		fputs("};\n", out);
	}
	emit_string_array(out, "enums", i, s->enums, s->nenums);
	emit_string_array(out, "references", i, s->references, s->nreferences);
	emit_string_array(out, "unique", i, s->unique, s->nunique);
}

/* The function of a check, by the convention of checks.c: "kms-key-arn" is
 * check_kms_key_arn. A name that breaks it makes generated code that does not
 * build, never a wrong check. */
static void emit_check_symbol(FILE *out, const char *check)
{
	fputs("check_", out);
	for (; *check; check++)
		fputc(*check == '-' ? '_' : *check, out);
}

static void emit_shape(FILE *out, const struct request_shape *rs, size_t i)
{
	const struct shape *s = &rs->shapes[i];
	static const char *const types[] = { "SHAPE_STRUCTURE", "SHAPE_LIST", "SHAPE_STRING" };

	fputs("\t{ .name = ", out);
	emit_string(out, s->name);
	fprintf(out, ", .type = %s, .min = %ld, .max = %ld", types[s->type], s->min, s->max);
	if (s->doc) {
		fputs(",\n\t  .doc = ", out);
		emit_string(out, s->doc);
	}
	if (s->nmembers)
		fprintf(out, ",\n\t  .members = members_%zu, .nmembers = %zu", i, s->nmembers);
	if (s->item)
		fprintf(out, ",\n\t  .item = &shapes[%zu]", shape_index(rs, s->item));
	if (s->nenums)
		fprintf(out, ",\n\t  .enums = enums_%zu, .nenums = %zu", i, s->nenums);
	if (s->nreferences)
		fprintf(out, ",\n\t  .references = references_%zu, .nreferences = %zu", i,
			s->nreferences);
	if (s->pattern) {
		fputs(",\n\t  .pattern = ", out);
		emit_string(out, s->pattern);
		fputs(", .pattern_text = ", out);
		emit_string(out, s->pattern_text);
	}
	if (s->check) {
		fputs(",\n\t  .check = ", out);
		emit_string(out, s->check);
		fputs(", .run_check = ", out);
		emit_check_symbol(out, s->check);
	}
	if (s->nunique)
		fprintf(out, ",\n\t  .unique = unique_%zu, .nunique = %zu", i, s->nunique);
	fprintf(out, ",\n\t  .secret = %s, .free_text = %s, .quota = %ld, .quota_confirmed = %s",
		s->secret ? "true" : "false", s->free_text ? "true" : "false", s->quota,
		s->quota_confirmed ? "true" : "false");
	fputs(" },\n", out);
}

static void emit_shapes(FILE *out, const struct request_shape *rs)
{
	size_t i;

	fprintf(out, "static const struct shape shapes[%zu];\n\n", rs->nshapes);
	for (i = 0; i < rs->nshapes; i++)
		emit_shape_parts(out, rs, i);
	fprintf(out, "\nstatic const struct shape shapes[%zu] = {\n", rs->nshapes);
	for (i = 0; i < rs->nshapes; i++)
		emit_shape(out, rs, i);
	fputs("};\n\n", out);
	fprintf(out, "static const struct type_detail type_details[%zu] = {\n", rs->ntype_details);
	for (i = 0; i < rs->ntype_details; i++) {
		fputs("\t{ ", out);
		emit_string(out, rs->type_details[i].type);
		fputs(", ", out);
		emit_string(out, rs->type_details[i].member);
		fputs(" },\n", out);
	}
	fputs("};\n\n", out);
	fputs("int shape_load_builtin(struct request_shape *rs, char **error)\n{\n"
	      "\treturn shape_init_static(rs, shapes, ", out);
	fprintf(out, "%zu, &shapes[%zu], type_details, %zu, ", rs->nshapes,
		shape_index(rs, rs->root), rs->ntype_details);
	emit_string(out, rs->model_source);
	fputs(", error);\n}\n", out);
}

/* CJ001 + json-unexpected -> CJ001_JSON_UNEXPECTED; -1 when the variant cannot
 * be part of a C identifier. */
static int emit_msg_name(FILE *out, const char *id, const char *variant)
{
	const char *p;

	for (p = variant; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '-')
			return -1;
	fprintf(out, "%s_", id);
	for (p = variant; *p; p++)
		fputc(*p == '-' ? '_' : toupper((unsigned char)*p), out);
	return 0;
}

static int emit_ids_header(FILE *out, const struct catalog *cat)
{
	size_t i, j;

	fputs("/* Generated by gen-rules --ids from rules/catalog.yaml; do not edit (make rule-ids).\n"
	      " * Every rule and every message variant of a rule as an enum constant, so that a\n"
	      " * check names what it reports at compile time and a misspelt name does not build. */\n"
	      "#ifndef CJL_RULE_IDS_H\n#define CJL_RULE_IDS_H\n\nenum rule_id {\n", out);
	for (i = 0; i < cat->n; i++)
		fprintf(out, "\tRULE_%s,\n", cat->rules[i].id);
	fputs("\tRULE_COUNT\n};\n\n/* Message variants, named RULE-ID_VARIANT; each belongs to one rule. */\n"
	      "enum rule_msg {\n", out);
	for (i = 0; i < cat->n; i++) {
		for (j = 0; j < cat->rules[i].nmessages; j++) {
			fputc('\t', out);
			if (emit_msg_name(out, cat->rules[i].id, cat->rules[i].messages[j].variant) < 0) {
				fprintf(stderr, "gen-rules: rule %s: variant '%s' must be lower-case letters, "
					"digits and '-'\n", cat->rules[i].id, cat->rules[i].messages[j].variant);
				return -1;
			}
			fputs(",\n", out);
		}
	}
	fputs("\tRULE_MSG_COUNT\n};\n\nstruct rule_msg_info {\n\tenum rule_id rule;\n"
	      "\tconst char *variant;      /* its name in the catalog: \"json-unexpected\" */\n};\n\n"
	      "/* \"CJ001\", indexed by enum rule_id. */\n"
	      "extern const char *const rule_id_names[RULE_COUNT];\n"
	      "extern const struct rule_msg_info rule_msgs[RULE_MSG_COUNT];\n\n#endif\n", out);
	return 0;
}

static void emit_ids_table(FILE *out, const struct catalog *cat)
{
	size_t i, j;

	fputs("/* Generated by gen-rules --ids from rules/catalog.yaml; do not edit (make rule-ids).\n"
	      " * The names behind the enums of rule_ids.h, for the edges that print or parse them. */\n"
	      "#include \"rule_ids.h\"\n\nconst char *const rule_id_names[RULE_COUNT] = {\n", out);
	for (i = 0; i < cat->n; i++)
		fprintf(out, "\t\"%s\",\n", cat->rules[i].id);
	fputs("};\n\nconst struct rule_msg_info rule_msgs[RULE_MSG_COUNT] = {\n", out);
	for (i = 0; i < cat->n; i++)
		for (j = 0; j < cat->rules[i].nmessages; j++)
			fprintf(out, "\t{ RULE_%s, \"%s\" },\n", cat->rules[i].id,
				cat->rules[i].messages[j].variant);
	fputs("};\n", out);
}

static int close_output(FILE *out, const char *path)
{
	if (fclose(out) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

/* gen-rules --ids CATALOG.yaml OUT.h OUT.c */
static int generate_ids(const char *catalog_path, const char *h_path, const char *c_path)
{
	struct catalog cat;
	char *error;
	FILE *h, *c;
	int rc = 0;

	if (catalog_parse_file(&cat, catalog_path, &error) < 0) {
		fprintf(stderr, "gen-rules: %s\n", error);
		free(error);
		return 1;
	}
	h = fopen(h_path, "w");
	c = h ? fopen(c_path, "w") : NULL;
	if (!h || !c) {
		perror(h ? c_path : h_path);
		if (h)
			fclose(h);
		catalog_free(&cat);
		return 1;
	}
	if (emit_ids_header(h, &cat) < 0)
		rc = 1;
	emit_ids_table(c, &cat);
	if (close_output(h, h_path) < 0)
		rc = 1;
	if (close_output(c, c_path) < 0)
		rc = 1;
	catalog_free(&cat);
	return rc;
}

int main(int argc, char **argv)
{
	struct catalog cat;
	struct request_shape rs;
	char *error;
	FILE *out;

	if (argc == 5 && strcmp(argv[1], "--ids") == 0)
		return generate_ids(argv[2], argv[3], argv[4]);
	if (argc != 4) {
		fputs("usage: gen-rules CATALOG.yaml SHAPE.yaml OUT.c\n"
		      "       gen-rules --ids CATALOG.yaml OUT.h OUT.c\n", stderr);
		return 2;
	}
	if (catalog_parse_file(&cat, argv[1], &error) < 0 || shape_load_file(&rs, argv[2], &error) < 0) {
		fprintf(stderr, "gen-rules: %s\n", error);
		free(error);
		return 1;
	}
	out = fopen(argv[3], "w");
	if (!out) {
		perror(argv[3]);
		return 1;
	}
	fputs("/* Generated by gen-rules from rules/catalog.yaml and rules/shape.yaml; "
	      "do not edit. */\n#include <stdbool.h>\n#include <stddef.h>\n\n"
	      "#include \"catalog.h\"\n#include \"checks_impl.h\"\n#include \"shape.h\"\n\n",
	      out);
	emit_catalog(out, &cat);
	emit_shapes(out, &rs);
	catalog_free(&cat);
	shape_free(&rs);
	return close_output(out, argv[3]) < 0 ? 1 : 0;
}
