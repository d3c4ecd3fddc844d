/* test-forms.c: what the forms show, without a window: the view-models
 * behind the concern editor and the child page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-child.h"
#include "sc-child-form.h"
#include "sc-contact-form.h"
#include "sc-concern-form.h"
#include "sc-records.h"
#include "sc-response.h"
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
get_string (gpointer    form,
            const char *property)
{
  char *value = NULL;

  g_object_get (form, property, &value, NULL);
  return value;
}

static gboolean
get_boolean (gpointer    form,
             const char *property)
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

static void
test_child_form (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_records_load (f->vault, SC_TYPE_CHILD, f->child_id, &error);
  g_autoptr(ScChildForm) form = sc_child_form_new (f->vault, child);
  g_autoptr(ScChild) saved = NULL;
  g_autofree char *description = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *huge = g_strnfill (SC_RECORD_MAX_TEXT_BYTES + 1, 'a');
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *fourteen = g_strdup_printf ("01/01/%d", g_date_time_get_year (now) - 14);

  description = get_string (form, "description");
  g_assert_cmpstr (description, ==, "Initials on documents: AJ.");
  g_assert_false (get_boolean (form, "can-undo"));

  /* The age as soon as the date reads, in words that are not a birthday. */
  g_object_set (form, "date-of-birth-text", fourteen, NULL);
  g_clear_pointer (&description, g_free);
  description = get_string (form, "description");
  g_assert_cmpstr (description, ==, "Age 14. Initials on documents: AJ.");

  /* A date that cannot be: said, the last good one kept. */
  g_object_set (form, "date-of-birth-text", "31/02/2011", NULL);
  g_assert_false (get_boolean (form, "date-of-birth-valid"));
  sentence = get_string (form, "error");
  g_assert_nonnull (strstr (sentence, "day/month/year"));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (child), "date-of-birth"), !=, "");

  /* Saved when typing stops (here, flushed), and undoable. */
  g_object_set (form, "date-of-birth-text", "14/03/2011", NULL);
  sc_record_set_text (SC_RECORD (child), "case-reference", "LAC/0042");
  sc_child_form_flush (form);
  saved = sc_records_load (f->vault, SC_TYPE_CHILD, f->child_id, &error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "case-reference"), ==, "LAC/0042");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "date-of-birth"), ==, "2011-03-14");
  g_assert_true (get_boolean (form, "can-undo"));

  sc_child_form_undo (form);
  g_clear_object (&saved);
  saved = sc_records_load (f->vault, SC_TYPE_CHILD, f->child_id, &error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "case-reference"), ==, "");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "date-of-birth"), ==, "");
  g_clear_pointer (&sentence, g_free);
  sentence = get_string (form, "date-of-birth-text");
  g_assert_cmpstr (sentence, ==, "");
  g_assert_false (get_boolean (form, "can-undo"));

  /* A save that fails says why, and keeps what was typed. */
  sc_record_set_text (SC_RECORD (child), "carer", huge);
  sc_child_form_flush (form);
  g_clear_pointer (&sentence, g_free);
  sentence = get_string (form, "error");
  g_assert_nonnull (strstr (sentence, "Shorten it"));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (child), "carer"), ==, huge);
}

static void
test_contact_form (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScContactForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *sentence = NULL;
  ScContact *contact;
  GListModel *concerns;

  sc_record_set_text (SC_RECORD (concern), "summary", "Threats by text");
  g_assert_true (sc_records_save (f->vault, SC_RECORD (concern), &error));

  /* Now, to the child, by the channel and device used last. */
  form = sc_contact_form_new (f->vault, f->child_id, "text", "work");
  contact = sc_contact_form_get_contact (form);
  when = get_string (form, "when-text");
  g_assert_cmpstr (when, !=, "");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (contact), "channel"), ==, "text");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (contact), "direction"), ==, "to");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (contact), "with-whom"), ==, "child");
  g_assert_false (get_boolean (form, "show-approval"));

  /* A personal device asks who approved it. */
  sc_record_set_text (SC_RECORD (contact), "device", "personal");
  g_assert_true (get_boolean (form, "show-approval"));

  /* The child's concerns to link it to, "not linked" first. */
  concerns = sc_contact_form_get_concerns (form);
  g_assert_cmpuint (g_list_model_get_n_items (concerns), ==, 2);
  g_object_set (form, "concern-position", 1, NULL);
  g_assert_cmpint (sc_record_get_int64 (SC_RECORD (contact), "concern-id"), ==,
                   sc_record_get_id (SC_RECORD (concern)));

  /* A time that does not read: said, nothing written, nothing lost. */
  sc_record_set_text (SC_RECORD (contact), "summary", "Rang about Friday");
  g_object_set (form, "when-text", "yesterday-ish", NULL);
  g_assert_false (sc_contact_form_save (form));
  sentence = get_string (form, "error");
  g_assert_nonnull (sentence);
  g_assert_cmpint (sc_test_count_rows (f->vault, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (contact), "summary"), ==, "Rang about Friday");

  /* Saved without an approval: flagged, never lost. */
  g_object_set (form, "when-text", when, NULL);
  g_assert_true (sc_contact_form_save (form));
  g_clear_pointer (&sentence, g_free);
  sentence = get_string (form, "error");
  g_assert_null (sentence);
  g_assert_true (sc_contact_is_breach (contact));
  g_assert_cmpint (sc_test_count_rows (f->vault, "SELECT count(*) FROM contact"), ==, 1);
}

/* A concern that becomes sexual or grooming keeps no file: the form names
 * the files, will not complete until they go, and removing them leaves an
 * audit row that says what each was, never what it held. */
static void
test_files_removed_when_concern_becomes_sexual (Fixture       *f,
                                                gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(ScConcernForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *files = NULL;
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *audit = NULL;

  sc_record_set_text (SC_RECORD (concern), "summary", "Messages on a group chat");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-24T15:30:00Z");
  g_assert_true (sc_records_complete (f->vault, SC_RECORD (concern), &error));
  evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (concern)));
  sc_record_set_text (SC_RECORD (evidence), "what", "Screenshot of the chat");
  g_assert_true (sc_evidence_attach (f->vault, evidence, concern, "chat.png", bytes, 1000000,
                                     &error));

  form = sc_concern_form_new (f->vault, concern);
  g_assert_null (sc_concern_form_get_error (form));
  files = get_string (form, "forbidden-files");
  g_assert_null (files);
  g_assert_true (sc_concern_form_get_can_save (form));

  /* Re-categorised: the file is named, and the concern cannot be completed. */
  sc_record_set_text (SC_RECORD (concern), "incident-types", "grooming");
  files = get_string (form, "forbidden-files");
  g_assert_cmpstr (files, ==, "chat.png");
  g_assert_false (sc_concern_form_get_can_save (form));
  /* Nor is it written as grooming, even as a draft, while the file is there. */
  g_assert_false (sc_concern_form_save_draft (form));
  g_assert_cmpint (sc_test_count_rows (f->vault, "SELECT count(*) FROM concern WHERE "
                                                 "incident_types = 'grooming'"), ==, 0);

  g_assert_true (sc_concern_form_remove_forbidden_files (form));
  g_assert_true (sc_concern_form_save_draft (form));
  g_clear_pointer (&files, g_free);
  files = get_string (form, "forbidden-files");
  g_assert_null (files);
  g_assert_true (sc_concern_form_get_can_save (form));
  g_assert_cmpint (sc_test_count_rows (f->vault, "SELECT count(*) FROM evidence_file"), ==, 0);
  g_assert_cmpint (sc_test_count_rows (f->vault,
                                       "SELECT count(*) FROM evidence WHERE file_name != ''"), ==, 0);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (sc_vault_get_db (f->vault),
                                         "SELECT after FROM audit WHERE action = 'remove-file'", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    audit = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  g_assert_nonnull (strstr (audit, "chat.png"));
  g_assert_nonnull (strstr (audit, hash));
  g_assert_nonnull (strstr (audit, "33 bytes"));
}

/* Where a child did it, their age is asked (the age of criminal
 * responsibility is theirs): a whole number under 18, or empty. */
static void
test_other_childs_age (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = sc_concern_form_new (f->vault, concern);
  g_autoptr(GError) error = NULL;

  sc_record_set_text (SC_RECORD (concern), "involvement", "adult-on-child");
  g_assert_false (get_boolean (form, "show-other-child"));
  sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
  g_assert_true (get_boolean (form, "show-other-child"));
  sc_record_set_text (SC_RECORD (concern), "summary", "Threats from a boy at school");
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T10:00:00Z");
  sc_record_set_text (SC_RECORD (concern), "other-child-age", "twelve");
  g_assert_false (sc_records_complete (f->vault, SC_RECORD (concern), &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "other child’s age"));
  g_clear_error (&error);
  sc_record_set_text (SC_RECORD (concern), "other-child-age", "9");
  g_assert_true (sc_records_complete (f->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
}

/* "A number of 'accidental' occurrences should also be questioned": the
 * third concern judged accidental within a year of the others asks the
 * worker to think again; one a year and more later, a deliberate one, or
 * another child's, does not count. */
static void
test_third_accidental_questioned (Fixture       *f,
                                  gconstpointer  data)
{
  static const struct { const char *happened; const char *intent; gboolean other_child; } before[] = {
    { "2026-10-01T10:00:00Z", "accidental", FALSE },
    { "2025-06-01T10:00:00Z", "accidental", FALSE },   /* more than a year before */
    { "2026-09-01T10:00:00Z", "deliberate", FALSE },
    { "2026-09-15T10:00:00Z", "accidental", TRUE },    /* another child */
    { "2026-08-01T10:00:00Z", "accidental", FALSE },
  };
  g_autoptr(ScChild) other = sc_child_new ();
  g_autoptr(ScConcern) concern = sc_concern_new (f->child_id);
  g_autoptr(ScConcernForm) form = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *not_asked = NULL;
  g_autoptr(GError) error = NULL;

  sc_record_set_text (SC_RECORD (other), "name", "Ben Adams");
  g_assert_true (sc_records_save (f->vault, SC_RECORD (other), &error));
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      g_autoptr(ScConcern) earlier = sc_concern_new (before[i].other_child
                                                     ? sc_record_get_id (SC_RECORD (other)) : f->child_id);
      g_autofree char *question = NULL;

      sc_record_set_text (SC_RECORD (earlier), "summary", "Opened a link by mistake");
      sc_record_set_text (SC_RECORD (earlier), "area", "bullying");
      sc_record_set_text (SC_RECORD (earlier), "intent", before[i].intent);
      sc_record_set_text (SC_RECORD (earlier), "happened-at", before[i].happened);
      g_assert_true (sc_records_complete (f->vault, SC_RECORD (earlier), &error));
      g_assert_no_error (error);

      /* Only once two count is the next one questioned. */
      if (i == 0)
        {
          g_autoptr(ScConcern) second = sc_concern_new (f->child_id);
          g_autoptr(ScConcernForm) second_form = sc_concern_form_new (f->vault, second);

          sc_record_set_text (SC_RECORD (second), "happened-at", "2026-11-20T10:00:00Z");
          sc_record_set_text (SC_RECORD (second), "intent", "accidental");
          question = get_string (second_form, "accidental-question");
          g_assert_null (question);
        }
    }

  form = sc_concern_form_new (f->vault, concern);
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T10:00:00Z");
  not_asked = get_string (form, "accidental-question");
  g_assert_null (not_asked);
  sc_record_set_text (SC_RECORD (concern), "intent", "accidental");
  asked = get_string (form, "accidental-question");
  g_assert_nonnull (asked);
  g_assert_nonnull (strstr (asked, "2 other concerns judged accidental"));
  g_assert_nonnull (strstr (asked, "really accidental"));
  /* A moment after a year on, the first no longer counts. */
  sc_record_set_text (SC_RECORD (concern), "happened-at", "2027-08-15T10:00:00Z");
  g_clear_pointer (&asked, g_free);
  asked = get_string (form, "accidental-question");
  g_assert_null (asked);
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
  ADD ("/child-form/age-dates-save-undo", test_child_form);
  ADD ("/contact-form/defaults-link-approval-save", test_contact_form);
  ADD ("/concern-form/third-accidental-questioned", test_third_accidental_questioned);
  ADD ("/concern-form/other-childs-age", test_other_childs_age);
  ADD ("/concern-form/files-removed-when-concern-becomes-sexual",
       test_files_removed_when_concern_becomes_sexual);

  return g_test_run ();
}
