/* Scalars as the AWS CLI's Python loaders construct them, written as Python shows
 * them, so that --print-request says what the CLI holds, not what was typed. */
#include "pyvalue.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An unsigned integer of any size: base 10^9 limbs, least significant first. Python
 * integers have no size limit, so neither may the digits we print. */
struct bignum {
	uint32_t *limb;
	size_t n, cap;
};

#define LIMB_BASE 1000000000u

static void big_mul_add(struct bignum *b, unsigned mult, unsigned add)
{
	uint64_t carry = add;
	size_t i;

	for (i = 0; i < b->n; i++) {
		uint64_t v = (uint64_t)b->limb[i] * mult + carry;

		b->limb[i] = (uint32_t)(v % LIMB_BASE);
		carry = v / LIMB_BASE;
	}
	while (carry) {
		b->limb = grow_array(b->limb, &b->cap, b->n + 1, sizeof *b->limb);
		b->limb[b->n++] = (uint32_t)(carry % LIMB_BASE);
		carry /= LIMB_BASE;
	}
}

static void big_append_decimal(const struct bignum *b, bool negative, struct strbuf *out)
{
	size_t i = b->n;

	while (i > 0 && b->limb[i - 1] == 0)
		i--;
	if (i == 0) {
		sb_addc(out, '0'); /* Python has no negative zero integer */
		return;
	}
	if (negative)
		sb_addc(out, '-');
	sb_addf(out, "%u", (unsigned)b->limb[i - 1]);
	while (--i > 0)
		sb_addf(out, "%09u", (unsigned)b->limb[i - 1]);
}


/* Adds the digits s[0..n) in `base` to b (b = b * base^n + value). */
static int big_add_digits(struct bignum *b, const char *s, size_t n, unsigned base)
{
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		int d = hex_digit_value(s[i]);

		if (d < 0 || d >= (int)base)
			return -1;
		big_mul_add(b, base, (unsigned)d);
	}
	return 0;
}

/* YAML 1.1 base 60: "1:20" is 80; every part but the first is below 60. */
static int big_add_sexagesimal(struct bignum *b, const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	size_t first = colon ? (size_t)(colon - s) : n;

	if (big_add_digits(b, s, first, 10) < 0)
		return -1;
	while (colon) {
		const char *part = colon + 1;
		size_t left = n - (size_t)(part - s), len;
		unsigned v = 0;

		colon = memchr(part, ':', left);
		len = colon ? (size_t)(colon - part) : left;
		if (len == 0 || len > 2)
			return -1;
		for (; len > 0; len--, part++) {
			if (*part < '0' || *part > '9')
				return -1;
			v = v * 10 + (unsigned)(*part - '0');
		}
		big_mul_add(b, 60, v);
	}
	return 0;
}

/* s without its underscores, as ruamel removes them before reading a number. */
static char *without_underscores(const char *s, size_t len)
{
	char *t = xmalloc(len + 1);
	size_t i, j = 0;

	for (i = 0; i < len; i++)
		if (s[i] != '_')
			t[j++] = s[i];
	t[j] = '\0';
	return t;
}

int pyvalue_yaml_int(const char *s, size_t len, bool yaml11, struct strbuf *out)
{
	char *t = without_underscores(s, len);
	const char *v = t;
	bool negative = false;
	struct bignum b = { 0 };
	size_t n;
	int rc;

	if (*v == '-' || *v == '+')
		negative = *v++ == '-';
	n = strlen(v);
	if (n >= 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'x' || v[1] == 'o'))
		rc = big_add_digits(&b, v + 2, n - 2, v[1] == 'b' ? 2 : v[1] == 'x' ? 16 : 8);
	else if (yaml11 && n > 1 && v[0] == '0')
		rc = big_add_digits(&b, v, n, 8);
	else if (yaml11 && memchr(v, ':', n))
		rc = big_add_sexagesimal(&b, v, n);
	else
		rc = big_add_digits(&b, v, n, 10);
	if (rc == 0)
		big_append_decimal(&b, negative, out);
	free(b.limb);
	free(t);
	return rc;
}

/* Python's float() of plain decimal text: no hexadecimal, the whole text read. */
static int python_float(const char *s, double *out)
{
	char *end;

	if (!*s || strchr(s, 'x') || strchr(s, 'X') || strchr(s, ' '))
		return -1;
	*out = strtod(s, &end);
	return *end ? -1 : 0;
}

/* YAML 1.1 base 60 floats ("1:20.5"), summed from the last part as ruamel does. */
static int sexagesimal_float(char *v, double *out)
{
	double value = 0.0, base = 1.0, part;
	char *colon;

	for (;;) {
		colon = strrchr(v, ':');
		if (python_float(colon ? colon + 1 : v, &part) < 0)
			return -1;
		value += part * base;
		base *= 60;
		if (!colon)
			break;
		*colon = '\0';
	}
	*out = value;
	return 0;
}

int pyvalue_yaml_float(const char *s, size_t len, bool yaml11, double *out)
{
	char *t = without_underscores(s, len), *v = t, *p;
	double sign = 1.0;
	int rc = 0;

	for (p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (*v == '-' || *v == '+')
		sign = *v++ == '-' ? -1.0 : 1.0;
	if (strcmp(v, ".inf") == 0)
		*out = INFINITY;
	else if (strcmp(v, ".nan") == 0)
		*out = NAN;
	else if (yaml11 && strchr(v, ':'))
		rc = sexagesimal_float(v, out);
	else
		rc = python_float(v, out);
	if (rc == 0 && strcmp(v, ".nan") != 0)
		*out *= sign;
	free(t);
	return rc;
}

double pyvalue_json_float(const char *s, size_t len)
{
	char *t = xstrndup(s, len);
	double v;

	if (strcmp(t, "NaN") == 0)
		v = NAN;
	else if (strcmp(t, "Infinity") == 0)
		v = INFINITY;
	else if (strcmp(t, "-Infinity") == 0)
		v = -INFINITY;
	else
		v = strtod(t, NULL);
	free(t);
	return v;
}

int pyvalue_yaml_bool(const char *s, size_t len, bool *out)
{
	static const struct {
		const char *word;
		bool value;
	} words[] = {
		{ "yes", true }, { "no", false }, { "y", true }, { "n", false },
		{ "true", true }, { "false", false }, { "on", true }, { "off", false },
	};
	char lower[8];
	size_t i;

	if (len >= sizeof lower)
		return -1;
	for (i = 0; i < len; i++)
		lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	lower[len] = '\0';
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(lower, words[i].word) == 0) {
			*out = words[i].value;
			return 0;
		}
	return -1;
}

/* Python's repr: the shortest digits that read back as v; positional notation for
 * decimal exponents from -4 to 15, else d.ddde+XX. */
static void finite_repr(double v, struct strbuf *out)
{
	char buf[40], digits[20];
	int p, exp, nd = 0, i;
	char *e;

	for (p = 1; p <= 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	e = strchr(buf, 'e');
	exp = atoi(e + 1);
	for (i = 0; buf + i < e; i++)
		if (buf[i] >= '0' && buf[i] <= '9')
			digits[nd++] = buf[i];
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (signbit(v))
		sb_addc(out, '-');
	if (exp < -4 || exp >= 16) {
		sb_addc(out, digits[0]);
		if (nd > 1) {
			sb_addc(out, '.');
			sb_addn(out, digits + 1, (size_t)nd - 1);
		}
		sb_addf(out, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
	} else if (exp < 0) {
		sb_adds(out, "0.");
		for (i = -1; i > exp; i--)
			sb_addc(out, '0');
		sb_addn(out, digits, (size_t)nd);
	} else {
		for (i = 0; i <= exp; i++)
			sb_addc(out, i < nd ? digits[i] : '0');
		sb_addc(out, '.');
		if (nd > exp + 1)
			sb_addn(out, digits + exp + 1, (size_t)(nd - exp - 1));
		else
			sb_addc(out, '0');
	}
}

void pyvalue_float_repr(double v, struct strbuf *out)
{
	if (isnan(v))
		sb_adds(out, "nan");
	else if (isinf(v))
		sb_adds(out, v < 0 ? "-inf" : "inf");
	else
		finite_repr(v, out);
}

/* Days from 0001-01-01 (day 0) in the proleptic Gregorian calendar, as Python's
 * date.toordinal() less one. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 + 719162; /* 1970-01-01 is day 719162 */
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468 - 719162;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(long y, unsigned m)
{
	static const unsigned days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads 1..max digits at *p into *v. */
static bool read_digits(const char **p, const char *end, int min, int max, long *v)
{
	int n = 0;

	*v = 0;
	while (*p < end && n < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min;
}

struct timestamp {
	long year, hour, minute, second, micro, tz_minutes;
	unsigned month, day;
	bool has_time, has_offset, carry; /* carry: the fraction rounded up to a whole second */
};

/* The fraction as ruamel keeps it: six digits, rounded on the seventh, and a
 * fraction that rounds up to a second is dropped (a second is taken off instead
 * when there is no offset, added to the offset when there is). */
static void read_fraction(const char **p, const char *end, struct timestamp *ts)
{
	int n = 0;

	while (*p < end && **p >= '0' && **p <= '9') {
		if (n < 6)
			ts->micro = ts->micro * 10 + (**p - '0');
		else if (n == 6 && **p > '4')
			ts->micro++;
		n++;
		(*p)++;
	}
	for (; n < 6; n++)
		ts->micro *= 10;
	if (ts->micro > 999999) {
		ts->micro = 0;
		ts->carry = true;
	}
}

static bool read_offset(const char **p, const char *end, struct timestamp *ts)
{
	long h, m = 0;
	int sign;

	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
	if (*p < end && **p == 'Z') {
		(*p)++;
		return true;
	}
	if (*p == end || (**p != '+' && **p != '-'))
		return false;
	sign = *(*p)++ == '-' ? -1 : 1;
	if (!read_digits(p, end, 1, 2, &h))
		return false;
	if (*p < end && **p == ':' && (++*p, !read_digits(p, end, 2, 2, &m)))
		return false;
	ts->has_offset = true;
	ts->tz_minutes = sign * (h * 60 + m);
	return true;
}

static bool read_time(const char **p, const char *end, struct timestamp *ts)
{
	const char *start = *p;

	if (*p < end && (**p == 'T' || **p == 't'))
		(*p)++;
	else
		while (*p < end && (**p == ' ' || **p == '\t'))
			(*p)++;
	if (*p == start || !read_digits(p, end, 1, 2, &ts->hour) || *p == end || *(*p)++ != ':' ||
	    !read_digits(p, end, 2, 2, &ts->minute) || *p == end || *(*p)++ != ':' ||
	    !read_digits(p, end, 2, 2, &ts->second))
		return false;
	ts->has_time = true;
	if (*p < end && **p == '.') {
		(*p)++;
		read_fraction(p, end, ts);
	}
	if (*p < end)
		return read_offset(p, end, ts);
	return true;
}

/* ruamel.yaml's timestamp_regexp, read by hand. */
static bool parse_timestamp(const char *s, size_t len, struct timestamp *ts)
{
	const char *p = s, *end = s + len;
	long month, day;

	memset(ts, 0, sizeof *ts);
	if (!read_digits(&p, end, 4, 4, &ts->year) || p == end || *p++ != '-' ||
	    !read_digits(&p, end, 1, 2, &month) || p == end || *p++ != '-' ||
	    !read_digits(&p, end, 1, 2, &day))
		return false;
	ts->month = (unsigned)month;
	ts->day = (unsigned)day;
	if (p < end && !read_time(&p, end, ts))
		return false;
	return p == end;
}

/* What Python's date and datetime constructors accept. */
static bool timestamp_valid(const struct timestamp *ts)
{
	if (ts->year < 1 || ts->month < 1 || ts->month > 12 || ts->day < 1 ||
	    ts->day > days_in_month(ts->year, ts->month))
		return false;
	return !ts->has_time || (ts->hour < 24 && ts->minute < 60 && ts->second < 60);
}

int pyvalue_yaml_timestamp(const char *s, size_t len, struct strbuf *out)
{
	struct timestamp ts;
	long long secs, shift;
	long days, y;
	unsigned m, d;

	if (!parse_timestamp(s, len, &ts) || !timestamp_valid(&ts))
		return -1;
	if (!ts.has_time) {
		sb_addf(out, "%04ld-%02u-%02u", ts.year, ts.month, ts.day);
		return 0;
	}
	/* ruamel subtracts the offset (and the second a rounded fraction carried). */
	shift = ts.has_offset ? ts.tz_minutes * 60LL + (ts.carry ? (ts.tz_minutes < 0 ? -1 : 1) : 0)
			      : (ts.carry ? -1 : 0);
	secs = (long long)days_from_civil(ts.year, ts.month, ts.day) * 86400 +
	       ts.hour * 3600 + ts.minute * 60 + ts.second - shift;
	days = (long)(secs >= 0 ? secs / 86400 : (secs - 86399) / 86400);
	secs -= (long long)days * 86400;
	civil_from_days(days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return -1; /* Python raises OverflowError */
	sb_addf(out, "%04ld-%02u-%02u %02lld:%02lld:%02lld", y, m, d, secs / 3600,
		secs / 60 % 60, secs % 60);
	if (ts.micro)
		sb_addf(out, ".%06ld", ts.micro);
	return 0;
}

static int base64_value(char c)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(alphabet, c) : NULL;

	return p ? (int)(p - alphabet) : -1;
}

/* Python's base64.decodebytes: characters outside the alphabet are skipped, and
 * enough '=' after two or three characters of a quad end the data. */
static int decode_base64(const char *s, size_t len, struct strbuf *bytes)
{
	unsigned acc = 0;
	int quad = 0, pads = 0, bits = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		int v = base64_value(s[i]);

		if (s[i] == '=') {
			if (quad >= 2 && quad + ++pads >= 4)
				return 0;
			continue;
		}
		if (v < 0)
			continue;
		pads = 0;
		acc = ((acc << 6) | (unsigned)v) & 0xFFFFFF;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sb_addc(bytes, (char)((acc >> bits) & 0xFF));
		}
		quad = (quad + 1) % 4;
	}
	return quad == 0 ? 0 : -1;
}

/* Python's repr of bytes: b'...', or b"..." when only that needs no escape. */
static void bytes_repr(const struct strbuf *b, struct strbuf *out)
{
	char quote = memchr(b->buf, '\'', b->len) && !memchr(b->buf, '"', b->len) ? '"' : '\'';
	size_t i;

	sb_addc(out, 'b');
	sb_addc(out, quote);
	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->buf[i];

		if (c == '\\' || c == (unsigned char)quote)
			sb_addf(out, "\\%c", c);
		else if (c == '\t' || c == '\n' || c == '\r')
			sb_addf(out, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
		else if (c < 0x20 || c >= 0x7F)
			sb_addf(out, "\\x%02x", c);
		else
			sb_addc(out, (char)c);
	}
	sb_addc(out, quote);
}

int pyvalue_yaml_binary(const char *s, size_t len, struct strbuf *out)
{
	struct strbuf bytes;
	int rc;

	sb_init(&bytes);
	rc = decode_base64(s, len, &bytes);
	if (rc == 0)
		bytes_repr(&bytes, out);
	sb_free(&bytes);
	return rc;
}
