/* test-response.c: response steps and evidence in a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-dates.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-secure.h"
#include "sc-test-core.h"

/* The first bytes of a PNG: enough for anything that reads content. */
static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

typedef struct
{
  ScVault     *vault;
  ScProcedure *procedure;
  ScChild     *child;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;

  fixture->vault = sc_vault_create (directory, "Sam Taylor", "Blue-Kettle-42", NULL, &error);
  g_assert_no_error (error);
  fixture->procedure = sc_procedure_new_default ();
  fixture->child = sc_child_new ();
  sc_record_set_text (SC_RECORD (fixture->child), "name", "Ella Nowak");
  sc_record_set_text (SC_RECORD (fixture->child), "date-of-birth", "2012-05-09");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (fixture->child), &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->child);
  g_clear_pointer (&fixture->procedure, sc_procedure_unref);
  g_clear_object (&fixture->vault);
}

static ScConcern *
recorded_concern (Fixture    *fixture,
                  const char *area,
                  const char *involvement,
                  gboolean    staff,
                  int         days_ago)
{
  g_autoptr(GError) error = NULL;
  ScConcern *concern = sc_concern_new (sc_record_get_id (SC_RECORD (fixture->child)));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);
  g_autofree char *when = sc_datetime_to_storage (then);

  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from a member of staff");
  sc_record_set_text (SC_RECORD (concern), "happened-at", when);
  sc_record_set_text (SC_RECORD (concern), "recorded-at", when);
  sc_record_set_text (SC_RECORD (concern), "area", area);
  sc_record_set_text (SC_RECORD (concern), "involvement", involvement);
  sc_record_set_boolean (SC_RECORD (concern), "adult-is-staff", staff);
  g_assert_true (sc_records_complete (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  return concern;
}

static ScResponseItem *
find (GPtrArray  *items,
      const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];

      if (g_str_equal (sc_procedure_step_get_id (item->step), id))
        return item;
    }
  return NULL;
}

static void
test_steps_recorded_and_kept (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ScConcern) concern = recorded_concern (fixture, "sexual", "adult-on-child", TRUE, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ScResponseItem *lado, *police;

  items = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  g_assert_no_error (error);
  lado = find (items, "lado");
  police = find (items, "police-sexual");
  g_assert_nonnull (lado);
  g_assert_nonnull (police);
  g_assert_nonnull (find (items, "grooming"));   /* 14 years old when it happened */
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (lado->record), "due-at"), !=, "");

  /* Done, with the police's reference; and a reason is needed for "not needed". */
  sc_record_set_text (SC_RECORD (police->record), "reference", "PPIU/26/4411");
  g_assert_true (sc_response_mark (fixture->vault, police->record, "done", NULL, &error));
  g_assert_false (sc_response_mark (fixture->vault, find (items, "immediate-danger")->record,
                                    "not-needed", "  ", &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_true (sc_response_mark (fixture->vault, find (items, "immediate-danger")->record,
                                   "not-needed", "No one in danger: she is at home with her carer",
                                   &error));

  /* A change of category: the police step no longer applies, but what was
   * recorded of it stays, and comes back with the category. */
  sc_record_set_text (SC_RECORD (concern), "area", "bullying");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  g_assert_null (find (items, "police-sexual"));
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (find (items, "immediate-danger")->record), "status"),
                   ==, "not-needed");

  sc_record_set_text (SC_RECORD (concern), "area", "sexual");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  police = find (items, "police-sexual");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (police->record), "status"), ==, "done");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (police->record), "reference"), ==, "PPIU/26/4411");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (police->record), "done-by"), ==, "Sam Taylor");
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM audit WHERE entity = 'response_step'"),
                   ==, 2);
}

static void
test_lado_overdue (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ScConcern) concern = recorded_concern (fixture, "bullying", "adult-on-child", TRUE, 6);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *urgent = sc_response_most_urgent (fixture->vault, fixture->procedure,
                                                     fixture->child, now);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* Six days ago is more than one working day, whatever the weekday. */
  g_assert_nonnull (urgent);
  g_assert_true (g_str_has_prefix (urgent, "Overdue: Refer to the LADO"));

  items = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  g_assert_true (sc_response_is_overdue (find (items, "lado")->record, now));
  g_assert_true (sc_response_mark (fixture->vault, find (items, "lado")->record, "done", NULL, &error));
  g_assert_true (sc_response_mark (fixture->vault, find (items, "takedown")->record, "done", NULL,
                                   &error));
  after = sc_response_most_urgent (fixture->vault, fixture->procedure, fixture->child, now);
  g_assert_null (after);
}

static void
test_no_image_for_a_sexual_concern (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(ScConcern) sexual = recorded_concern (fixture, "sexual", "adult-on-child", FALSE, 0);
  g_autoptr(ScConcern) bullying = recorded_concern (fixture, "bullying", "child-on-child", FALSE, 0);
  g_autoptr(GBytes) png = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(GBytes) text = g_bytes_new_static ("Chat log, 20/11/2026\nA: hi\n", 27);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScEvidence) refused = sc_evidence_new (sc_record_get_id (SC_RECORD (sexual)));
  g_autoptr(ScEvidence) renamed = sc_evidence_new (sc_record_get_id (SC_RECORD (sexual)));
  g_autoptr(ScEvidence) log = sc_evidence_new (sc_record_get_id (SC_RECORD (sexual)));
  g_autoptr(ScEvidence) screenshot = sc_evidence_new (sc_record_get_id (SC_RECORD (bullying)));
  g_autoptr(GPtrArray) listed = NULL;

  sc_record_set_text (SC_RECORD (refused), "what", "Screenshot the child sent");
  g_assert_false (sc_evidence_attach (fixture->vault, refused, sexual, "screenshot.png", png, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Never save, print or forward"));
  g_clear_error (&error);

  /* Judged by content: a picture called notes.txt is still a picture. */
  sc_record_set_text (SC_RECORD (renamed), "what", "Notes");
  g_assert_false (sc_evidence_attach (fixture->vault, renamed, sexual, "notes.txt", png, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM evidence_file"), ==, 0);

  /* Text evidence for a sexual concern is fine. */
  sc_record_set_text (SC_RECORD (log), "what", "Chat log, as text");
  g_assert_true (sc_evidence_attach (fixture->vault, log, sexual, "log.txt", text, &error));
  g_assert_no_error (error);

  /* A screenshot for a bullying concern is kept, in the vault only. */
  sc_record_set_text (SC_RECORD (screenshot), "what", "Screenshot of the group chat");
  sc_record_set_text (SC_RECORD (screenshot), "urls", "https://example.invalid/post/1");
  g_assert_true (sc_evidence_attach (fixture->vault, screenshot, bullying, "chat.png", png, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (screenshot), "file-type"), ==, "image/png");
  loaded = sc_evidence_load_file (fixture->vault, screenshot, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, png));

  listed = sc_evidence_list (fixture->vault, sc_record_get_id (SC_RECORD (bullying)), &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (sc_record_get_text (listed->pdata[0], "urls"), ==, "https://example.invalid/post/1");
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/response/steps/recorded-and-kept-across-categories", test_steps_recorded_and_kept);
  ADD ("/response/lado/overdue", test_lado_overdue);
  ADD ("/response/evidence/no-image-for-a-sexual-concern", test_no_image_for_a_sexual_concern);

  return g_test_run ();
}
