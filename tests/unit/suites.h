/* The unit test suites, collected by check_main.c. */
#ifndef CJL_TEST_SUITES_H
#define CJL_TEST_SUITES_H

#include <check.h>

Suite *position_suite(void);
Suite *engine_suite(void);
Suite *rules_suite(void);
Suite *bounded_suite(void);
Suite *glob_suite(void);
Suite *config_suite(void);
Suite *fixer_suite(void);
Suite *lsp_suite(void);

#endif
