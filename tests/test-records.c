/* test-records.c: children and concerns in a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "sc-paged-model.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-demo.h"
#include "sc-error-message.h"
#include "sc-records.h"
#include "sc-secure.h"
#include "sc-test-core.h"
#include "sc-vault-private.h"

#define PASSPHRASE "Blue-Kettle-42"

typedef struct
{
  char    *directory;
  ScVault *vault;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = sc_vault_get_default_directory (FALSE);
  if (g_test_subprocess ())
    fixture->vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  else
    fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->vault);
  g_free (fixture->directory);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  sc_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  fixture->vault = sc_vault_open_with_keyring (fixture->directory, NULL, &error);
  g_assert_no_error (error);
}

static ScChild *
add_child (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  ScChild *child = sc_child_new ();

  sc_record_set_text (SC_RECORD (child), "name", name);
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_record_get_id (SC_RECORD (child)), >, 0);
  return child;
}

static char *
hours_ago (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -hours);

  return sc_datetime_to_storage (then);
}

/* Round trips ------------------------------------------------------------------ */

static void
test_child_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const values[][2] = {
    { "name", "Chloé O'Brien-Smith" },
    { "preferred-name", "Clo" },
    { "date-of-birth", "2012-02-29" },
    { "initials", "C.O'B." },
    { "case-reference", "LAC/2026/0042" },
    { "placement", "foster" },
    { "carer", "Mr & Mrs Ng, \"Rose Cottage\"" },
    { "allocated-worker", "Sam Taylor" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(ScChild) loaded = NULL;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    sc_record_set_text (SC_RECORD (child), values[i][0], values[i][1]);
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_no_error (error);
  id = sc_record_get_id (SC_RECORD (child));

  reopen (fixture);
  loaded = sc_records_load (fixture->vault, SC_TYPE_CHILD, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), values[i][0]), ==, values[i][1]);
  g_assert_true (sc_record_fields_equal (SC_RECORD (child), SC_RECORD (loaded)));

  /* The audit trail has the creation, with what was written. */
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                               "SELECT count(*) FROM audit WHERE entity = 'child' AND action = 'create'"
                               " AND after LIKE '%LAC/2026/0042%' AND actor = 'Sam Taylor'"), ==, 1);
}

static void
test_concern_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Ava Jones");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  g_autoptr(ScConcern) loaded = NULL;
  g_autofree char *happened = hours_ago (30);
  g_autofree char *disclosed = hours_ago (2);
  const char *texts[][2] = {
    { "summary", "Messages on a group chat telling her to leave." },
    { "own-words", "They said \"nobody wants you here\"\nand then they laughed.\n\n  — Ava" },
    { "happened-at", happened },
    { "disclosed-at", disclosed },
    { "disclosed-by", "Ava, to her foster carer" },
    { "intent", "deliberate" },
    { "area", "bullying" },
    { "incident-types", "bullying,other" },
    { "incident-other", "Impersonation" },
    { "involvement", "adult-on-child" },
    { "other-party", "A youth worker" },
    { "adult-role", "Youth worker" },
    { "adult-employer", "Northside Youth Club" },
    { "adult-other-work", "Scout leader" },
    { "adult-own-children", "unknown" },
    { "adult-previous-concerns", "None known to the club" },
    { "location", "setting" },
    { "setting-type", "other" },
    { "setting-other", "Youth club minibus" },
    { "media", "messaging,mobile-phone" },
    { "media-other", "" },
    { "status", "awaiting-action" },
    { "outcome", "" },
  };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    sc_record_set_text (SC_RECORD (concern), texts[i][0], texts[i][1]);
  sc_record_set_boolean (SC_RECORD (concern), "adult-is-staff", TRUE);

  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  g_assert_false (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (concern), "recorded-at"), !=, "");
  id = sc_record_get_id (SC_RECORD (concern));

  reopen (fixture);
  loaded = sc_records_load (fixture->vault, SC_TYPE_CONCERN, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), texts[i][0]), ==, texts[i][1]);
  g_assert_true (sc_record_get_boolean (SC_RECORD (loaded), "adult-is-staff"));
  g_assert_false (sc_record_get_boolean (SC_RECORD (loaded), "is-draft"));
  g_assert_cmpint (sc_record_get_int64 (SC_RECORD (loaded), "child-id"), ==,
                   sc_record_get_id (SC_RECORD (child)));
  g_assert_true (sc_record_fields_equal (SC_RECORD (concern), SC_RECORD (loaded)));
  g_assert_true (sc_concern_adult_alleged (loaded));
}

static void
test_update_is_audited_with_before_and_after (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Ben Adams");
  g_autoptr(GError) error = NULL;

  sc_record_set_text (SC_RECORD (child), "carer", "Ms Rivers");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  /* Saving with nothing changed writes nothing. */
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_no_error (error);

  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM audit WHERE entity = 'child'"),
                   ==, 2);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                               "SELECT count(*) FROM audit WHERE action = 'update'"
                               " AND before NOT LIKE '%Ms Rivers%' AND after LIKE '%Ms Rivers%'"),
                   ==, 1);
}

/* Derived values ------------------------------------------------------------------ */

static void
test_initials_and_age (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScChild) child = sc_child_new ();
  g_autofree char *derived = NULL;
  g_autofree char *single = sc_child_derive_initials ("Madonna");
  g_autofree char *accented = sc_child_derive_initials ("  émile  zola-ørsted ");
  GDate on;

  sc_record_set_text (SC_RECORD (child), "name", "Chloé Anne O'Brien");
  derived = sc_child_dup_initials (child);
  g_assert_cmpstr (derived, ==, "CO");
  g_assert_cmpstr (single, ==, "M");
  g_assert_cmpstr (accented, ==, "ÉZ");

  /* Set initials win over derived ones. */
  sc_record_set_text (SC_RECORD (child), "initials", "CAOB");
  g_clear_pointer (&derived, g_free);
  derived = sc_child_dup_initials (child);
  g_assert_cmpstr (derived, ==, "CAOB");

  /* Age on the day shown, birthdays included; a leap-day birthday. */
  sc_record_set_text (SC_RECORD (child), "date-of-birth", "2012-02-29");
  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 28, 2, 2026);
  g_assert_cmpint (sc_child_get_age (child, &on), ==, 13);
  g_date_set_dmy (&on, 1, 3, 2026);
  g_assert_cmpint (sc_child_get_age (child, &on), ==, 14);
  g_date_set_dmy (&on, 1, 1, 2000);
  g_assert_cmpint (sc_child_get_age (child, &on), ==, -1);
  sc_record_set_text (SC_RECORD (child), "date-of-birth", "");
  g_assert_cmpint (sc_child_get_age (child, &on), ==, -1);
}

/* The caseload ------------------------------------------------------------------- */

static void
test_ten_thousand_children_paged (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPagedModel) model = NULL;
  g_autoptr(ScChild) first = NULL, middle = NULL, last = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count = 0;

  /* Written straight into the table, in one transaction, for speed; the
   * repository reads them back. */
  g_assert_true (sc_vault_begin (fixture->vault, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault),
                                       "INSERT INTO child (name, sort_key, search_text, created_at,"
                                       " updated_at) VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z',"
                                       " '2026-01-01T00:00:00Z')", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Child %05d", 9999 - i);
      g_autofree char *key = g_utf8_collate_key (name, -1);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, folded, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_true (sc_vault_commit (fixture->vault, &error));

  g_assert_true (sc_records_count_children (fixture->vault, NULL, &count, &error));
  g_assert_cmpuint (count, ==, 10000);
  /* "Child 00012" and "Child 00120" to "Child 00129". */
  g_assert_true (sc_records_count_children (fixture->vault, "child 0012", &count, &error));
  g_assert_cmpuint (count, ==, 11);

  model = sc_paged_model_new (fixture->vault, SC_TYPE_CHILD, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  /* Counting loads no rows at all. */
  g_assert_cmpuint (sc_paged_model_get_pages_loaded (model), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  middle = g_list_model_get_item (G_LIST_MODEL (model), 5000);
  last = g_list_model_get_item (G_LIST_MODEL (model), 9999);
  g_assert_cmpstr (sc_child_get_name (first), ==, "Child 00000");
  g_assert_cmpstr (sc_child_get_name (middle), ==, "Child 05000");
  g_assert_cmpstr (sc_child_get_name (last), ==, "Child 09999");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10000));
  /* Three positions, three pages: never the whole caseload. */
  g_assert_cmpuint (sc_paged_model_get_pages_loaded (model), ==, 3);

  /* Walking a page reads it once. */
  for (guint i = 0; i < SC_PAGED_MODEL_PAGE_SIZE; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (sc_paged_model_get_pages_loaded (model), ==, 3);

  {
    g_autoptr(ScQuery) query = sc_query_new ();

    g_free (query->text);
    query->text = g_strdup ("child 09999");
    sc_paged_model_set_query (model, query);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
test_caseload_order_and_filter (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char *const names[] = {
    "zoe Black", "Émile Dupont", "Aaron White", "amy Brown", "Ben 100% Green", "Ben_Grey",
  };
  static const char *const expected[] = {
    "Aaron White", "amy Brown", "Ben 100% Green", "Ben_Grey", "Émile Dupont", "zoe Black",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  guint count;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_child (fixture, names[i]));

  page = sc_records_list_children (fixture->vault, NULL, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (sc_child_get_name (page->pdata[i]), ==, expected[i]);

  /* Case-insensitive, several words, LIKE's wildcards taken literally. */
  g_assert_true (sc_records_count_children (fixture->vault, "ÉMILE", &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sc_records_count_children (fixture->vault, "emile", &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sc_records_count_children (fixture->vault, "ben green", &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sc_records_count_children (fixture->vault, "%", &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sc_records_count_children (fixture->vault, "_", &count, &error));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (sc_records_count_children (fixture->vault, "nobody", &count, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (sc_records_count_children (fixture->vault, "' OR 1=1 --", &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

static void
test_concerns_newest_first_and_open_count (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Dev Patel");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GPtrArray) children = NULL;
  const char *statuses[] = { "open", "awaiting-action", "open" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
      g_autofree char *when = hours_ago (10 - (int) i);
      g_autofree char *recorded = g_strdup_printf ("2026-0%u-01T10:00:00Z", i + 1);
      g_autofree char *summary = g_strdup_printf ("Concern %u", i);

      sc_record_set_text (SC_RECORD (concern), "summary", summary);
      sc_record_set_text (SC_RECORD (concern), "happened-at", when);
      sc_record_set_text (SC_RECORD (concern), "area", "bullying");
      sc_record_set_text (SC_RECORD (concern), "status", statuses[i]);
      sc_record_set_text (SC_RECORD (concern), "recorded-at", recorded);
      g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
      g_assert_no_error (error);
    }

  concerns = sc_records_list_concerns (fixture->vault, sc_record_get_id (SC_RECORD (child)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concerns->len, ==, 3);
  g_assert_cmpstr (sc_record_get_text (concerns->pdata[0], "summary"), ==, "Concern 2");
  g_assert_cmpstr (sc_record_get_text (concerns->pdata[2], "summary"), ==, "Concern 0");

  children = sc_records_list_children (fixture->vault, NULL, 0, 10, &error);
  g_assert_cmpuint (sc_child_get_open_concerns (children->pdata[0]), ==, 3);
  /* Closed by a manager's review only (test-review.c): not by a save. */
  sc_record_set_text (concerns->pdata[0], "status", "closed");
  g_assert_false (sc_records_save (fixture->vault, concerns->pdata[0], &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
}

/* Bad input ----------------------------------------------------------------------- */

static void
test_bad_dates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Ella Nowak");
  g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  g_autoptr(GDateTime) tomorrow_local = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *earlier = hours_ago (48);
  g_autofree char *later = hours_ago (1);
  g_autofree char *sentence = NULL;
  GDate date;

  /* Unreadable dates say how to type one. */
  g_assert_false (sc_date_parse ("31/02/2020", &date, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  sentence = sc_error_message_for (error);
  g_assert_nonnull (strstr (sentence, "day/month/year"));
  g_clear_error (&error);
  g_assert_false (sc_date_parse ("yesterday", &date, &error));
  g_clear_error (&error);
  g_assert_false (sc_date_parse ("12/13/2020", &date, &error));
  g_clear_error (&error);
  g_assert_true (sc_date_parse (" 24/11/2026 ", &date, NULL));
  g_assert_cmpint (g_date_get_month (&date), ==, 11);
  g_assert_true (sc_date_parse ("2026-11-24", &date, NULL));
  g_assert_true (sc_date_parse ("24.11.2026", &date, NULL));
  g_assert_null (sc_datetime_parse_local ("24/11/2026 25:00", &error));
  g_clear_error (&error);
  parsed = sc_datetime_parse_local ("24/11/2026 15:30", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 15);

  /* A future "happened", or a disclosure before the event, is refused with
   * a sentence, and nothing is written. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    tomorrow_local = g_date_time_add_days (now, 1);
    tomorrow = sc_datetime_to_storage (tomorrow_local);
  }
  sc_record_set_text (SC_RECORD (concern), "summary", "Something");
  sc_record_set_text (SC_RECORD (concern), "happened-at", tomorrow);
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in the future"));
  g_clear_error (&error);
  g_assert_cmpint (sc_record_get_id (SC_RECORD (concern)), ==, 0);

  sc_record_set_text (SC_RECORD (concern), "happened-at", later);
  sc_record_set_text (SC_RECORD (concern), "disclosed-at", earlier);
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  sc_record_set_text (SC_RECORD (child), "date-of-birth", "2999-01-01");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  sc_record_set_text (SC_RECORD (child), "date-of-birth", "last spring");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM concern"), ==, 0);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM child WHERE date_of_birth != ''"),
                   ==, 0);

  /* A choice that is not one. */
  sc_record_set_text (SC_RECORD (concern), "disclosed-at", "");
  sc_record_set_text (SC_RECORD (concern), "area", "gossip");
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
}

static void
test_odd_text_kept_verbatim (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Robert'); DROP TABLE child;--");
  g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  g_autoptr(ScConcern) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *when = hours_ago (3);
  const char bad_utf8[] = "She wrote \xff\xfe then \xc3\x28 and ok é";

  /* A megabyte pasted in the child's own words, with every line different. */
  for (int i = 0; big->len < 1024 * 1024; i++)
    g_string_append_printf (big, "line %d: he said “don't tell” 😢\n", i);

  sc_record_set_text (SC_RECORD (concern), "summary", bad_utf8);
  sc_record_set_text (SC_RECORD (concern), "own-words", big->str);
  sc_record_set_text (SC_RECORD (concern), "disclosed-by", "x' OR '1'='1");
  sc_record_set_text (SC_RECORD (concern), "happened-at", when);
  sc_record_set_text (SC_RECORD (concern), "area", "sexual");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);

  reopen (fixture);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM child"), ==, 1);
  loaded = sc_records_load (fixture->vault, SC_TYPE_CONCERN,
                            sc_record_get_id (SC_RECORD (concern)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), "own-words"), ==, big->str);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (loaded), "disclosed-by"), ==, "x' OR '1'='1");
  /* Malformed bytes become U+FFFD; every valid character is kept. */
  g_assert_true (g_utf8_validate (sc_record_get_text (SC_RECORD (loaded), "summary"), -1, NULL));
  g_assert_true (g_str_has_prefix (sc_record_get_text (SC_RECORD (loaded), "summary"), "She wrote "));
  g_assert_true (g_str_has_suffix (sc_record_get_text (SC_RECORD (loaded), "summary"), " and ok é"));

  {
    g_autoptr(ScChild) again = sc_records_load (fixture->vault, SC_TYPE_CHILD,
                                                sc_record_get_id (SC_RECORD (child)), &error);

    g_assert_cmpstr (sc_child_get_name (again), ==, "Robert'); DROP TABLE child;--");
  }
}

static void
test_too_much_text_refused_whole (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Finn Harris");
  g_autofree char *huge = g_strnfill (SC_RECORD_MAX_TEXT_BYTES + 1, 'a');
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;

  sc_record_set_text (SC_RECORD (child), "carer", huge);
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG);
  sentence = sc_error_message_for (error);
  g_assert_nonnull (strstr (sentence, "Shorten it"));
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM child WHERE carer != ''"), ==, 0);
}

/* Drafts ------------------------------------------------------------------------------ */

static void
test_draft_then_complete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ScChild) child = add_child (fixture, "Ava Jones");
  g_autoptr(ScConcern) concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  g_autoptr(GError) error = NULL;
  g_autofree char *when = hours_ago (1);
  g_auto(GStrv) missing = NULL;

  /* Only the child's words so far: a draft is saved, a concern is not. */
  sc_record_set_text (SC_RECORD (concern), "own-words", "he keeps messaging me");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_true (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));

  missing = sc_concern_missing (concern, TRUE);
  g_assert_cmpuint (g_strv_length (missing), ==, 3);
  g_assert_false (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "what happened"));
  g_clear_error (&error);
  g_assert_true (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));

  sc_record_set_text (SC_RECORD (concern), "summary", "Unwanted messages");
  sc_record_set_text (SC_RECORD (concern), "happened-at", when);
  sc_record_set_text (SC_RECORD (concern), "area", "sexual");
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                               "SELECT count(*) FROM concern WHERE is_draft = 0"), ==, 1);
}

static void
test_draft_survives_crash (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(ScChild) child = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ScConcern) concern = NULL;

      child = add_child (fixture, "Crash Test Child");
      concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
      sc_record_set_text (SC_RECORD (concern), "own-words", "what I typed before it crashed");
      g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
      /* No close, no flush, no goodbye. */
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  sc_vault_close (fixture->vault);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  reopen (fixture);
  {
    g_autoptr(GPtrArray) children = sc_records_list_children (fixture->vault, NULL, 0, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (children->len, ==, 1);
    child = g_object_ref (children->pdata[0]);
  }
  concerns = sc_records_list_concerns (fixture->vault, sc_record_get_id (SC_RECORD (child)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concerns->len, ==, 1);
  g_assert_true (sc_record_get_boolean (concerns->pdata[0], "is-draft"));
  g_assert_cmpstr (sc_record_get_text (concerns->pdata[0], "own-words"), ==,
                   "what I typed before it crashed");
}

/* Demo ---------------------------------------------------------------------------------- */

static void
test_demo_covers_every_area_and_involvement (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "area", "involvement" };

  g_assert_true (sc_demo_fill (fixture->vault, &error));
  g_assert_no_error (error);
  /* Filling twice adds nothing. */
  g_assert_true (sc_demo_fill (fixture->vault, &error));
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM child"), ==, 6);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM child WHERE name NOT LIKE '%Demo%'"),
                   ==, 0);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      guint n = 0;
      const ScChoice *choices = sc_choices_for (fields[f], &n);

      for (guint i = 0; i < n; i++)
        {
          sqlite3_stmt *stmt = NULL;
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM concern WHERE %s = ?1",
                                                  g_str_equal (fields[f], "area") ? "area"
                                                                                  : "involvement");

          g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (fixture->vault), sql, -1, &stmt,
                                               NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, choices[i].id, -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          if (sqlite3_column_int (stmt, 0) == 0)
            g_error ("The demo has no concern with %s = %s", fields[f], choices[i].id);
          sqlite3_finalize (stmt);
        }
    }
}

/* The vault announces what each commit changed ---------------------------------------- */

typedef struct
{
  GString *seen;   /* "table:id " for each announcement */
} Announcements;

static void
changed_cb (ScVault       *vault,
            const char    *table,
            gint64         id,
            Announcements *a)
{
  /* Only after the commit: the row is there to be read. */
  g_assert_true (sqlite3_get_autocommit (sc_vault_get_db (vault)));
  g_string_append_printf (a->seen, "%s:%" G_GINT64_FORMAT " ", table, id);
}

static void
test_changes_announced_after_commit (Fixture       *fixture,
                                     gconstpointer  data)
{
  Announcements all = { g_string_new (NULL) };
  Announcements concerns = { g_string_new (NULL) };
  g_autoptr(ScChild) child = NULL;
  g_autoptr(ScConcern) concern = NULL;
  g_autofree char *huge = g_strnfill (SC_RECORD_MAX_TEXT_BYTES + 1, 'a');
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (fixture->vault, "changed", G_CALLBACK (changed_cb), &all);
  g_signal_connect (fixture->vault, "changed::concern", G_CALLBACK (changed_cb), &concerns);

  child = add_child (fixture, "Ava Jones");
  expected = g_strdup_printf ("child:%" G_GINT64_FORMAT " ", sc_record_get_id (SC_RECORD (child)));
  g_assert_cmpstr (all.seen->str, ==, expected);
  g_assert_cmpstr (concerns.seen->str, ==, "");

  /* A concern: announced to those who follow concerns as well. */
  concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  sc_record_set_text (SC_RECORD (concern), "own-words", "he keeps messaging me");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("concern:%" G_GINT64_FORMAT " ", sc_record_get_id (SC_RECORD (concern)));
  g_assert_cmpstr (concerns.seen->str, ==, expected);

  /* A change that is rolled back was never made, and is never announced. */
  g_string_truncate (all.seen, 0);
  sc_record_set_text (SC_RECORD (child), "carer", huge);
  g_assert_false (sc_records_save (fixture->vault, SC_RECORD (child), &error));
  g_assert_cmpstr (all.seen->str, ==, "");

  g_signal_handlers_disconnect_by_data (fixture->vault, &all);
  g_signal_handlers_disconnect_by_data (fixture->vault, &concerns);
  g_string_free (all.seen, TRUE);
  g_string_free (concerns.seen, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/records/child/round-trip", test_child_round_trip);
  ADD ("/records/child/initials-and-age", test_initials_and_age);
  ADD ("/records/concern/round-trip", test_concern_round_trip);
  ADD ("/records/audit/update-keeps-before-and-after", test_update_is_audited_with_before_and_after);
  ADD ("/records/caseload/ten-thousand-children-paged", test_ten_thousand_children_paged);
  ADD ("/records/caseload/order-and-filter", test_caseload_order_and_filter);
  ADD ("/records/concerns/newest-first-and-open-count", test_concerns_newest_first_and_open_count);
  ADD ("/records/bad-input/dates", test_bad_dates);
  ADD ("/records/bad-input/odd-text-kept-verbatim", test_odd_text_kept_verbatim);
  ADD ("/records/bad-input/too-much-text-refused-whole", test_too_much_text_refused_whole);
  ADD ("/records/draft/then-complete", test_draft_then_complete);
  ADD ("/records/draft/survives-crash", test_draft_survives_crash);
  ADD ("/records/demo/covers-every-area-and-involvement", test_demo_covers_every_area_and_involvement);
  ADD ("/records/vault/changes-announced-after-commit", test_changes_announced_after_commit);

  return g_test_run ();
}
