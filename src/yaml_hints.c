/* Recognises the YAML mistakes behind some libyaml errors, to name them plainly. */
#include "yaml_hints.h"

static size_t line_start(const char *bytes, size_t at)
{
	while (at > 0 && bytes[at - 1] != '\n' && bytes[at - 1] != '\r')
		at--;
	return at;
}

bool yaml_hints_tab_indent(const char *bytes, size_t len, size_t at)
{
	size_t i;

	if (at >= len || bytes[at] != '\t')
		return false;
	for (i = line_start(bytes, at); i < at; i++)
		if (bytes[i] != ' ' && bytes[i] != '\t')
			return false;
	return true;
}

/* The bracket that opens the flow collection closed at `close`, on the same line;
 * quoted text is not looked into, as a quote would have ended the plain value. */
static size_t matching_open(const char *bytes, size_t from, size_t close)
{
	size_t i = close + 1, depth = 0;

	while (i-- > from) {
		char c = bytes[i];

		if (c == '}' || c == ']')
			depth++;
		else if ((c == '{' || c == '[') && --depth == 0)
			return i;
		if (c == '"' || c == '\'')
			return (size_t)-1;
	}
	return (size_t)-1;
}

/* True when the bracket at `open` starts a value: after "key: ", "- " or the
 * indentation of a line, not inside another flow collection's text. */
static bool opens_value(const char *bytes, size_t from, size_t open)
{
	size_t i = open;

	while (i > from && bytes[i - 1] == ' ')
		i--;
	if (i == from)
		return true;
	return bytes[i - 1] == ':' || bytes[i - 1] == '-' || bytes[i - 1] == ',' ||
	       bytes[i - 1] == '{' || bytes[i - 1] == '[';
}

size_t yaml_hints_flow_value(const char *bytes, size_t len, size_t at)
{
	size_t from, open;

	if (at == 0 || at >= len || (bytes[at - 1] != '}' && bytes[at - 1] != ']'))
		return (size_t)-1;
	if (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n' || bytes[at] == '\r' ||
	    bytes[at] == ',' || bytes[at] == '#')
		return (size_t)-1; /* a collection that ends cleanly: some other mistake */
	from = line_start(bytes, at);
	open = matching_open(bytes, from, at - 1);
	return open != (size_t)-1 && opens_value(bytes, from, open) ? open : (size_t)-1;
}
