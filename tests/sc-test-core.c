/* sc-test-core.c: helpers for the headless tests of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "sc-key-file.h"
#include "sc-records.h"
#include "sc-secure.h"
#include "sc-test-core.h"

/* The single number a query like "SELECT count(*) …" answers. */
gint64
sc_test_count_rows (ScVault    *vault,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (vault), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Saves @record (an ScRecord), or fails the test with the reason. */
void
sc_test_save (ScVault  *vault,
              gpointer  record)
{
  g_autoptr(GError) error = NULL;

  sc_records_save (vault, SC_RECORD (record), &error);
  g_assert_no_error (error);
}

/* What every core test's main() does first: each test gets folders of its
 * own (a fresh XDG_DATA_HOME, so a fresh vault). */
void
sc_test_core_init (int    *argc,
                   char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_true (sc_secure_init ());
  /* Vaults made here use Argon2id's interactive cost: seconds, not a minute. */
  sc_key_file_use_interactive_limits_for_tests ();
}
