/* test-chronology.c: a child's chronology from a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-chronology.h"
#include "sc-dates.h"
#include "sc-records-private.h"
#include "sc-response.h"
#include "sc-test-core.h"

#define PASSPHRASE "Blue-Kettle-42"

typedef struct
{
  char        *directory;
  ScVault     *vault;
  ScProcedure *procedure;
  gint64       child_id;
  gint64       concern_id;
} Fixture;

/* @days ago (negative: in the future), in storage form. */
static char *
days_ago (double days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -days * 24 * 3600);

  return sc_datetime_to_storage (then);
}

/* A child with one record of every kind: a concern five days ago, a step
 * done four days ago, evidence secured three days ago, a contact two days
 * ago; the child was added to the caseload just now. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(ScConcern) concern = NULL;
  g_autoptr(ScResponseStep) step = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(ScContact) contact = NULL;
  g_autofree char *five = days_ago (5), *four = days_ago (4), *three = days_ago (3);
  g_autofree char *two = days_ago (2);

  fixture->directory = sc_vault_get_default_directory (FALSE);
  fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  fixture->procedure = sc_procedure_new_default ();

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  sc_record_set_text (SC_RECORD (child), "case-reference", "LAC/0042");
  sc_test_save (fixture->vault, child);
  fixture->child_id = sc_record_get_id (SC_RECORD (child));

  concern = sc_concern_new (fixture->child_id);
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from an adult she met online");
  sc_record_set_text (SC_RECORD (concern), "own-words", "He said not to tell anyone\nand more");
  sc_record_set_text (SC_RECORD (concern), "happened-at", five);
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  fixture->concern_id = sc_record_get_id (SC_RECORD (concern));

  sc_record_set_int64 (SC_RECORD (step), "concern-id", fixture->concern_id);
  sc_record_set_text (SC_RECORD (step), "step-id", "support");
  sc_record_set_text (SC_RECORD (step), "status", "done");
  sc_record_set_text (SC_RECORD (step), "done-at", four);
  sc_record_set_text (SC_RECORD (step), "done-by", "Sam Taylor");
  sc_record_set_text (SC_RECORD (step), "reference", "Spoke to her carer");
  /* Marked four days ago: who and when are the program's to set. */
  {
    ScRecord *records[1] = { SC_RECORD (step) };

    g_assert_true (sc_records_save_as (fixture->vault, records, 1, SC_WRITE_MARK, &error));
    g_assert_no_error (error);
  }

  evidence = sc_evidence_new (fixture->concern_id);
  sc_record_set_text (SC_RECORD (evidence), "what", "Screenshots of the chat");
  sc_record_set_text (SC_RECORD (evidence), "held-where", "The carer’s phone, locked away");
  sc_record_set_text (SC_RECORD (evidence), "secured-at", three);
  sc_test_save (fixture->vault, evidence);

  contact = sc_contact_new (fixture->child_id);
  sc_record_set_text (SC_RECORD (contact), "happened-at", two);
  sc_record_set_text (SC_RECORD (contact), "channel", "text");
  sc_record_set_text (SC_RECORD (contact), "direction", "to");
  sc_record_set_text (SC_RECORD (contact), "device", "work");
  sc_record_set_text (SC_RECORD (contact), "summary", "Checked she was alright");
  sc_test_save (fixture->vault, contact);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->procedure, sc_procedure_unref);
  g_free (fixture->directory);
}

static GPtrArray *
build (Fixture           *fixture,
       ScChronologyKinds  kinds,
       const char        *from,
       const char        *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = sc_chronology_build (fixture->vault, fixture->procedure, fixture->child_id,
                                            kinds, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

/* One record of every kind: one line each, oldest first, numbered, each
 * naming its source and the action that opens its record. */
static void
test_one_line_a_record_in_order (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = build (fixture, SC_CHRONOLOGY_ALL, NULL, NULL);
  const ScChronologyKinds order[] = {
    SC_CHRONOLOGY_CONCERN, SC_CHRONOLOGY_STEP, SC_CHRONOLOGY_EVIDENCE, SC_CHRONOLOGY_CONTACT,
    SC_CHRONOLOGY_CHILD,
  };

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < entries->len; i++)
    {
      ScChronologyEntry *entry = entries->pdata[i];

      g_assert_cmpuint (sc_chronology_entry_get_serial (entry), ==, i + 1);
      g_assert_cmpint (sc_chronology_entry_get_kind (entry), ==, order[i]);
      g_assert_cmpstr (sc_chronology_entry_get_event (entry), !=, "");
      g_assert_cmpstr (sc_chronology_entry_get_source (entry), !=, "");
      if (i > 0)
        g_assert_cmpint (strcmp (sc_chronology_entry_get_at (entries->pdata[i - 1]),
                                 sc_chronology_entry_get_at (entry)), <=, 0);
    }

  /* The concern: its summary, the child's own words, who recorded it. */
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[0]),
                            "Messages from an adult she met online"));
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[0]),
                            "“He said not to tell anyone”"));
  g_assert_nonnull (strstr (sc_chronology_entry_get_source (entries->pdata[0]), "Sam Taylor"));
  g_assert_cmpstr (sc_chronology_entry_get_action (entries->pdata[0]), ==, "window.show-concern");
  g_assert_cmpint (sc_chronology_entry_get_target (entries->pdata[0]), ==, fixture->concern_id);
  /* The step: its title from the procedure, and the reference. */
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[1]), "Spoke to her carer"));
  g_assert_null (strstr (sc_chronology_entry_get_event (entries->pdata[1]), "support:"));
  g_assert_cmpint (sc_chronology_entry_get_target (entries->pdata[1]), ==, fixture->concern_id);
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[2]),
                            "Screenshots of the chat"));
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[3]),
                            "Checked she was alright"));
  g_assert_cmpstr (sc_chronology_entry_get_action (entries->pdata[3]), ==, "window.show-contacts");
  g_assert_cmpint (sc_chronology_entry_get_target (entries->pdata[3]), ==, fixture->child_id);
  g_assert_nonnull (strstr (sc_chronology_entry_get_event (entries->pdata[4]), "LAC/0042"));
}

/* Every table of records in the vault is a source of the chronology: a new
 * kind of record added without its line fails here. */
static void
test_every_record_table_is_a_source (Fixture       *fixture,
                                     gconstpointer  data)
{
  /* Not records: the vault's facts, its worker, the audit trail, the
   * reminders it keeps for itself, and an addendum still being written. */
  const char *not_records[] = { "meta", "worker", "audit", "contact_reminder", "sqlite_sequence",
                                "addendum_draft", NULL };
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault),
                                       /* The search index and its own tables
                                        * are an index of the records. */
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'search%'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strv_contains (not_records, table))
        continue;
      if (!g_strv_contains (sc_chronology_get_sources (), table))
        g_error ("The records in table %s have no line in the chronology", table);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) sc_chronology_get_sources ()));
}

/* Filtered by kind and by period, and numbered again from 1. */
static void
test_filter_by_kind_and_period (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *from = days_ago (4.5);
  g_autofree char *to = days_ago (2.5);
  g_autoptr(GPtrArray) contacts = build (fixture, SC_CHRONOLOGY_CONTACT, NULL, NULL);
  g_autoptr(GPtrArray) period = build (fixture, SC_CHRONOLOGY_ALL, from, to);

  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpint (sc_chronology_entry_get_kind (contacts->pdata[0]), ==, SC_CHRONOLOGY_CONTACT);
  g_assert_cmpuint (sc_chronology_entry_get_serial (contacts->pdata[0]), ==, 1);
  g_assert_cmpuint (period->len, ==, 2);
  g_assert_cmpint (sc_chronology_entry_get_kind (period->pdata[0]), ==, SC_CHRONOLOGY_STEP);
  g_assert_cmpint (sc_chronology_entry_get_kind (period->pdata[1]), ==, SC_CHRONOLOGY_EVIDENCE);
}

/* A draft is still being written, and a step still to do has not
 * happened: neither is a line. */
static void
test_drafts_and_steps_to_do_left_out (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(ScConcern) draft = sc_concern_new (fixture->child_id);
  g_autoptr(ScResponseStep) to_do = g_object_new (SC_TYPE_RESPONSE_STEP, NULL);
  g_autoptr(GPtrArray) entries = NULL;

  sc_record_set_text (SC_RECORD (draft), "own-words", "half a sentence");
  sc_test_save (fixture->vault, draft);
  sc_record_set_int64 (SC_RECORD (to_do), "concern-id", fixture->concern_id);
  sc_record_set_text (SC_RECORD (to_do), "step-id", "monitoring-form");
  sc_record_set_text (SC_RECORD (to_do), "status", "to-do");
  sc_record_set_text (SC_RECORD (to_do), "notes", "Form printed");
  sc_test_save (fixture->vault, to_do);

  entries = build (fixture, SC_CHRONOLOGY_ALL, NULL, NULL);
  g_assert_cmpuint (entries->len, ==, 5);
  for (guint i = 0; i < entries->len; i++)
    g_assert_null (strstr (sc_chronology_entry_get_event (entries->pdata[i]), "half a sentence"));
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/chronology/one-line-a-record-in-order", test_one_line_a_record_in_order);
  ADD ("/chronology/every-record-table-is-a-source", test_every_record_table_is_a_source);
  ADD ("/chronology/filter-by-kind-and-period", test_filter_by_kind_and_period);
  ADD ("/chronology/drafts-and-steps-to-do-left-out", test_drafts_and_steps_to_do_left_out);

  return g_test_run ();
}
