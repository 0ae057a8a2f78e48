/* Terminal display width of a code point, from a fixed table (no locale), so that
 * the caret under a source line lines up the same way on every machine. */
#ifndef CJL_DWIDTH_H
#define CJL_DWIDTH_H

#include <stdint.h>

#define DWIDTH_TAB_STOP 8

/* 0 for combining marks and zero-width characters, 2 for East Asian Wide and
 * Fullwidth characters and emoji, 1 for the rest. Tabs are the caller's. */
unsigned dwidth_of(uint32_t cp);

#endif
