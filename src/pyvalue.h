/* The values the AWS CLI's loaders (Python's json module, ruamel.yaml's safe
 * constructor) make of scalars, written as text: exact integers, Python's float
 * repr, and str() of dates, date-times and bytes. */
#ifndef CJL_PYVALUE_H
#define CJL_PYVALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Appends the decimal digits of the integer ruamel.yaml reads from s[0..len) (YAML
 * 1.1 rules when yaml11: a leading 0 is octal, colons are base 60). Returns 0, or
 * -1 when Python could not read it as an integer. */
int pyvalue_yaml_int(const char *s, size_t len, bool yaml11, struct strbuf *out);
/* The float ruamel.yaml reads from s[0..len). Returns 0, or -1 when Python could
 * not read it as a float. */
int pyvalue_yaml_float(const char *s, size_t len, bool yaml11, double *out);
/* The float Python's json module reads from a JSON number or NaN/Infinity token. */
double pyvalue_json_float(const char *s, size_t len);
/* The boolean ruamel.yaml reads from a scalar (true, yes, on, ... in any case).
 * Returns 0, or -1 when it is not one. */
int pyvalue_yaml_bool(const char *s, size_t len, bool *out);
/* Appends Python's repr of a finite float ("1000.0", "1e+16"), or its str() of a
 * non-finite one ("inf", "-inf", "nan"). */
void pyvalue_float_repr(double v, struct strbuf *out);
/* Appends str() of the date or date-time ruamel.yaml reads from a timestamp
 * ("2024-06-30", "2001-12-15 02:59:43.100000": a time zone is folded into the time,
 * as ruamel does). Returns 0, or -1 when Python could not build it. */
int pyvalue_yaml_timestamp(const char *s, size_t len, struct strbuf *out);
/* Appends str() of the bytes a YAML !!binary scalar decodes to (b'hello').
 * Returns 0, or -1 when the base64 text does not decode. */
int pyvalue_yaml_binary(const char *s, size_t len, struct strbuf *out);

#endif
