/* Runs every unit test suite; Check prints its summary line per suite. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(position_suite());
	int failed;

	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, bounded_suite());
	srunner_add_suite(sr, glob_suite());
	srunner_add_suite(sr, config_suite());
	srunner_add_suite(sr, fixer_suite());
	srunner_add_suite(sr, lsp_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
