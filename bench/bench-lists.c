/* bench-lists.c: how long the caseload and a contact log take to show
 *
 * Fills a vault (in a folder of its own) with N children and M contacts for
 * one child, then times what a list view asks for: the count, the first
 * page, a page in the middle and the last page, and a filter as typed.
 *
 *   _build/bench/bench-lists [CHILDREN [CONTACTS]]
 *
 * It needs a Secret Service (run it under build-aux/test-env).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "sc-dates.h"
#include "sc-paged-model.h"
#include "sc-records.h"
#include "sc-secure.h"
#include "sc-vault-private.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
time_model (ScPagedModel *model,
            const char   *what)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint positions[] = { 0, n / 2, n > 0 ? n - 1 : 0 };
  const char *names[] = { "first page", "middle page", "last page" };

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);

      /* A page that read nothing would be measured as fast. */
      if (n > 0 && item == NULL)
        g_error ("%s: no item at %u", what, positions[i]);
      g_print ("%-10s %-12s %8.2f ms\n", what, names[i], ms_since (start));
    }
}

int
main (int   argc,
      char *argv[])
{
  guint n_children = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_contacts = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("safecase-bench-XXXXXX", NULL);
  g_autofree char *vault_dir = g_build_filename (dir, "vault", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScPagedModel) children = NULL;
  g_autoptr(ScPagedModel) contacts = NULL;
  g_autoptr(ScQuery) query = sc_query_new ();
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  if (!sc_secure_init ())
    return 1;

  vault = sc_vault_create (vault_dir, "Bench Worker", "Bench-Mark-2026", NULL, &error);
  if (vault == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  sc_vault_begin (vault, NULL);
  sqlite3_prepare_v2 (sc_vault_get_db (vault),
                      "INSERT INTO child (name, sort_key, search_text, created_at, updated_at)"
                      " VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n_children; i++)
    {
      g_autofree char *name = g_strdup_printf ("Child %06u", i);
      g_autofree char *folded = sc_text_fold (name);
      g_autofree char *key = g_utf8_collate_key (folded, -1);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, folded, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (sc_vault_get_db (vault),
                      "INSERT INTO contact (child_id, happened_at, channel, direction, device,"
                      " summary, recorded_at, updated_at) VALUES (1, ?1, 'text', 'to', 'work',"
                      " 'a short summary of what was said', ?1, ?1)", -1, &stmt, NULL);
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(GDateTime) base = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) then = g_date_time_add_minutes (base, i);
      g_autofree char *at = sc_datetime_to_storage (then);

      sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (!sc_vault_commit (vault, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("filled %u children and %u contacts in %.0f ms\n", n_children, n_contacts,
           ms_since (start));

  start = g_get_monotonic_time ();
  children = sc_paged_model_new (vault, SC_TYPE_CHILD, NULL);
  g_print ("%-10s %-12s %8.2f ms (%u)\n", "caseload", "count",
           ms_since (start), g_list_model_get_n_items (G_LIST_MODEL (children)));
  time_model (children, "caseload");

  g_free (query->text);
  query->text = g_strdup ("child 0042");
  start = g_get_monotonic_time ();
  sc_paged_model_set_query (children, query);
  g_print ("%-10s %-12s %8.2f ms (%u)\n", "caseload", "filter",
           ms_since (start), g_list_model_get_n_items (G_LIST_MODEL (children)));

  g_clear_pointer (&query, sc_query_free);
  query = sc_query_new ();
  query->child_id = 1;
  start = g_get_monotonic_time ();
  contacts = sc_paged_model_new (vault, SC_TYPE_CONTACT, query);
  g_print ("%-10s %-12s %8.2f ms (%u)\n", "contacts", "count",
           ms_since (start), g_list_model_get_n_items (G_LIST_MODEL (contacts)));
  time_model (contacts, "contacts");

  sc_vault_close (vault);
  return 0;
}
