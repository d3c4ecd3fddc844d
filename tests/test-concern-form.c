/* test-concern-form.c: what the concern form shows, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-child.h"
#include "sc-concern-form.h"
#include "sc-records.h"
#include "sc-test-core.h"

typedef struct
{
  ScVault *vault;
  gint64   child_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(ScChild) child = sc_child_new ();

  f->vault = sc_vault_create (directory, "Sam Taylor", "Blue-Kettle-42", NULL, &error);
  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  g_assert_true (sc_records_save (f->vault, SC_RECORD (child), &error));
  f->child_id = sc_record_get_id (SC_RECORD (child));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->vault);
}

static char *
get_string (ScConcernForm *form,
            const char    *property)
{
  char *value = NULL;

  g_object_get (form, property, &value, NULL);
  return value;
}

static gboolean
get_boolean (ScConcernForm *form,
             const char    *property)
{
  gboolean value = FALSE;

  g_object_get (form, property, &value, NULL);
  return value;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_what_is_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = sc_concern_form_new (f->vault, concern);
  g_autofree char *missing = get_string (form, "missing");
  g_autofree char *disclosed = get_string (form, "disclosed-text");
  guint missing_notified = 0;

  /* New: the three things a concern needs; disclosed now, as a rule. */
  g_assert_cmpstr (missing, ==,
                   "To save this concern, add what happened, when it happened, the area of behaviour.");
  g_assert_false (sc_concern_form_get_can_save (form));
  g_assert_cmpstr (disclosed, !=, "");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (concern), "disclosed-at"), !=, "");

  g_signal_connect (form, "notify::missing", G_CALLBACK (count_cb), &missing_notified);
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages on a group chat");
  g_assert_cmpuint (missing_notified, ==, 1);
  /* The same answer again changes nothing, and says nothing. */
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages on a group chat");
  g_assert_cmpuint (missing_notified, ==, 1);

  g_object_set (form, "happened-text", "24/11/2026 15:30", NULL);
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  g_assert_true (sc_concern_form_get_can_save (form));
  g_clear_pointer (&missing, g_free);
  missing = get_string (form, "missing");
  g_assert_true (g_str_has_prefix (missing, "It can be saved now. Still to complete later:"));
}

static void
test_dates_as_typed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = sc_concern_form_new (f->vault, concern);
  g_autofree char *stored = NULL;
  g_autofree char *error = NULL;

  sc_record_set_text (SC_RECORD (concern), "summary", "Messages");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  g_object_set (form, "happened-text", "24/11/2026 15:30", NULL);
  g_assert_true (get_boolean (form, "happened-valid"));
  stored = g_strdup (sc_record_get_text (SC_RECORD (concern), "happened-at"));
  g_assert_cmpstr (stored, !=, "");

  /* Half-typed or impossible: said, the last good date kept, not savable. */
  g_object_set (form, "happened-text", "31/02/2026", NULL);
  g_assert_false (get_boolean (form, "happened-valid"));
  error = get_string (form, "error");
  g_assert_nonnull (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (concern), "happened-at"), ==, stored);
  g_assert_false (sc_concern_form_get_can_save (form));
  g_assert_false (sc_concern_form_save (form));

  g_object_set (form, "happened-text", "", NULL);
  g_assert_true (get_boolean (form, "happened-valid"));
  g_assert_null (sc_concern_form_get_error (form));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (concern), "happened-at"), ==, "");
}

static void
test_rows_that_matter (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = sc_concern_form_new (f->vault, concern);
  const char *hidden[] = { "show-adult", "show-incident-other", "show-setting-other",
                           "show-media-other", "show-outcome" };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    g_assert_false (get_boolean (form, hidden[i]));

  sc_record_set_text (SC_RECORD (concern), "involvement", "adult-on-child");
  g_assert_true (get_boolean (form, "show-adult"));
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_false (get_boolean (form, "show-adult"));
  sc_record_set_text (SC_RECORD (concern), "setting-type", "other");
  g_assert_true (get_boolean (form, "show-setting-other"));
  sc_record_set_text (SC_RECORD (concern), "media", "other");
  g_assert_true (get_boolean (form, "show-media-other"));
  sc_record_set_text (SC_RECORD (concern), "incident-types", "other");
  g_assert_true (get_boolean (form, "show-incident-other"));
  sc_record_set_text (SC_RECORD (concern), "status", "closed");
  g_assert_true (get_boolean (form, "show-outcome"));
}

static void
saved_cb (ScConcernForm *form,
          gboolean      *saved)
{
  *saved = TRUE;
}

static void
test_draft_then_save (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ScConcern) untouched = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) empty = NULL;
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = NULL;
  g_autofree char *status = NULL;
  gboolean saved = FALSE;

  /* An untouched form writes no draft: "disclosed now" is the form's. */
  empty = sc_concern_form_new (f->vault, untouched);
  sc_concern_form_flush (empty);
  g_assert_cmpint (sc_test_count_rows (f->vault, "SELECT count(*) FROM concern"), ==, 0);

  form = sc_concern_form_new (f->vault, concern);
  g_signal_connect (form, "saved", G_CALLBACK (saved_cb), &saved);
  sc_record_set_text (SC_RECORD (concern), "own-words", "he said he knew where I");
  sc_concern_form_flush (form);
  g_assert_cmpint (sc_record_get_id (SC_RECORD (concern)), >, 0);
  g_assert_true (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));
  status = get_string (form, "status");
  g_assert_true (g_str_has_prefix (status, "Draft saved at "));
  g_assert_false (saved);

  sc_record_set_text (SC_RECORD (concern), "summary", "Threats by text");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  g_object_set (form, "happened-text", "24/11/2026 15:30", NULL);
  g_assert_true (sc_concern_form_save (form));
  g_assert_true (saved);
  g_assert_false (sc_record_get_boolean (SC_RECORD (concern), "is-draft"));
  g_assert_cmpint (sc_test_count_rows (f->vault,
                                       "SELECT count(*) FROM concern WHERE is_draft = 0"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/concern-form/what-is-missing", test_what_is_missing);
  ADD ("/concern-form/dates-as-typed", test_dates_as_typed);
  ADD ("/concern-form/rows-that-matter", test_rows_that_matter);
  ADD ("/concern-form/draft-then-save", test_draft_then_save);

  return g_test_run ();
}
