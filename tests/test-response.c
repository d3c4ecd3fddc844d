/* test-response.c: response steps and evidence in a real vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sc-dates.h"
#include "sc-records.h"
#include "sc-choices.h"
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
  /* A referral cannot be done with nothing to trace it by. */
  g_assert_false (sc_response_mark (fixture->vault, lado, "done", NULL, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "reference number"));
  g_clear_error (&error);
  g_assert_true (sc_response_mark (fixture->vault, police, "done", NULL, &error));
  g_assert_false (sc_response_mark (fixture->vault, find (items, "immediate-danger"),
                                    "not-needed", "  ", &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_true (sc_response_mark (fixture->vault, find (items, "immediate-danger"),
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
  sc_record_set_text (SC_RECORD (find (items, "lado")->record), "reference", "Spoke to J. Patel");
  g_assert_true (sc_response_mark (fixture->vault, find (items, "lado"), "done", NULL, &error));
  after = sc_response_most_urgent (fixture->vault, fixture->procedure, fixture->child, now);
  g_assert_null (after);
}

/* The LADO's one working day runs from the disclosure, not from when the
 * concern was typed up. */
static void
test_lado_clock_from_disclosure (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(ScConcern) concern = recorded_concern (fixture, "bullying", "adult-on-child", TRUE, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *disclosed = sc_datetime_to_storage (week_ago);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Recorded just now, so not overdue by when it was typed… */
  before = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  g_assert_false (sc_response_is_overdue (find (before, "lado")->record, now));

  /* …but it happened and was disclosed a week ago: overdue, whatever the
   * weekday. */
  sc_record_set_text (SC_RECORD (concern), "happened-at", disclosed);
  sc_record_set_text (SC_RECORD (concern), "disclosed-at", disclosed);
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  g_assert_no_error (error);
  after = sc_response_build (fixture->vault, fixture->procedure, concern, fixture->child, &error);
  g_assert_true (sc_response_is_overdue (find (after, "lado")->record, now));
}

/* A LADO step that only may apply (whether the adult works with children
 * is not known yet) is shown, but not flagged overdue on the caseload. */
static void
test_may_apply_not_overdue (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ScConcern) concern = recorded_concern (fixture, "bullying", "adult-on-child", FALSE, 6);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *unknown = NULL;
  g_autofree char *yes = NULL;
  g_autoptr(GError) error = NULL;

  unknown = sc_response_most_urgent (fixture->vault, fixture->procedure, fixture->child, now);
  g_assert_null (unknown);

  sc_record_set_text (SC_RECORD (concern), "adult-works-with-children", "yes");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (concern), &error));
  yes = sc_response_most_urgent (fixture->vault, fixture->procedure, fixture->child, now);
  g_assert_nonnull (yes);
  g_assert_true (g_str_has_prefix (yes, "Overdue: Refer to the LADO"));
}

/* The caseload's overdue lines for a page of children come from one batch,
 * the same as each child's own, with nothing for a child with nothing
 * overdue. */
static void
test_most_urgent_for_a_page (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScConcern) concern = recorded_concern (fixture, "bullying", "staff-on-staff", FALSE, 6);
  g_autoptr(ScChild) other = sc_child_new ();
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) urgent = NULL;
  g_autofree char *one = NULL;
  g_autoptr(GError) error = NULL;
  gint64 child_id = sc_record_get_id (SC_RECORD (fixture->child));
  gint64 other_id;

  /* Six days overdue for the LADO: the fixture's child has a line. */
  g_assert_cmpint (sc_record_get_id (SC_RECORD (concern)), >, 0);
  sc_record_set_text (SC_RECORD (other), "name", "Noah Clarke");
  g_assert_true (sc_records_save (fixture->vault, SC_RECORD (other), &error));
  other_id = sc_record_get_id (SC_RECORD (other));
  g_ptr_array_add (page, other);
  g_ptr_array_add (page, fixture->child);

  urgent = sc_response_most_urgent_for (fixture->vault, fixture->procedure, page, now);
  one = sc_response_most_urgent (fixture->vault, fixture->procedure, fixture->child, now);
  g_assert_nonnull (one);
  g_assert_cmpstr (g_hash_table_lookup (urgent, &child_id), ==, one);
  g_assert_null (g_hash_table_lookup (urgent, &other_id));
  g_assert_cmpuint (g_hash_table_size (urgent), ==, 1);
}

#define LIMIT (20 * 1000 * 1000)

static gboolean
attach (Fixture    *fixture,
        ScConcern  *concern,
        const char *name,
        GBytes     *bytes,
        GError    **error)
{
  g_autoptr(ScEvidence) evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (concern)));

  sc_record_set_text (SC_RECORD (evidence), "what", name);
  return sc_evidence_attach (fixture->vault, evidence, concern, name, bytes, LIMIT, error);
}

/* Hostile files, built here: each a container or carrier a first-bytes
 * check could miss. */
static GBytes *
hostile_file (const char *kind)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();

  if (g_str_equal (kind, "zip-with-png") || g_str_equal (kind, "docx"))
    {
      /* A local file header, stored (not deflated), then the member. */
      const char *member = g_str_equal (kind, "docx") ? "word/media/image1.png" : "photo.png";
      guint8 header[30] = { 'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0 };

      header[18] = header[22] = sizeof png_bytes;
      header[26] = (guint8) strlen (member);
      g_byte_array_append (b, header, sizeof header);
      g_byte_array_append (b, (const guint8 *) member, strlen (member));
      g_byte_array_append (b, png_bytes, sizeof png_bytes);
    }
  else if (g_str_equal (kind, "pdf-with-jpeg"))
    {
      static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image "
                                "/Filter /DCTDecode /Length 4 >>\nstream\n\xff\xd8\xff\xe0"
                                "\nendstream\nendobj\n%%EOF\n";

      g_byte_array_append (b, (const guint8 *) pdf, sizeof pdf - 1);
    }
  else
    {
      g_autofree char *base64 = g_base64_encode (png_bytes, sizeof png_bytes);
      g_autofree char *text = NULL;

      if (g_str_equal (kind, "eml-with-image"))
        text = g_strdup_printf ("From: someone@example.invalid\nSubject: look\nMIME-Version: 1.0\n"
                                "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                                "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\n%s\n"
                                "--b--\n", base64);
      else if (g_str_equal (kind, "html-data-uri"))
        text = g_strdup_printf ("<html><body><img src=\"data:image/png;base64,%s\"></body></html>",
                                base64);
      else if (g_str_equal (kind, "svg"))
        text = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/png;"
                                "base64,%s\"/></svg>", base64);
      else if (g_str_equal (kind, "text-with-data-uri"))
        text = g_strdup_printf ("see this: data:image/png;base64,%s", base64);
      else
        g_assert_not_reached ();
      g_byte_array_append (b, (const guint8 *) text, strlen (text));
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&b));
}

/* Seed 003: never save anything suspected to be an indecent image. No file
 * of any kind for a sexual or grooming concern, by area or by incident
 * type; for the rest, pictures, PDFs and plain text only, by content. */
static void
test_evidence_file_policy (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ScConcern) sexual = recorded_concern (fixture, "sexual", "adult-on-child", FALSE, 0);
  g_autoptr(ScConcern) bullying = recorded_concern (fixture, "bullying", "child-on-child", FALSE, 0);
  g_autoptr(ScConcern) grooming_type = recorded_concern (fixture, "personal-information",
                                                         "adult-on-child", FALSE, 0);
  g_autoptr(GBytes) png = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(GBytes) text = g_bytes_new_static ("Chat log, 20/11/2026\nA: hi\n", 27);
  g_autoptr(GError) error = NULL;
  static const char *const refused_everywhere[] = {
    "zip-with-png", "docx", "eml-with-image", "html-data-uri", "svg", "text-with-data-uri",
  };
  guint n_areas = 0, n_types = 0;
  const ScChoice *areas = sc_choices_for ("area", &n_areas);
  const ScChoice *types = sc_choices_for ("incident-types", &n_types);

  /* The rule, for every area and incident type. */
  for (guint a = 0; a < n_areas; a++)
    for (guint t = 0; t < n_types; t++)
      {
        g_autoptr(ScConcern) concern = sc_concern_new (1);
        gboolean forbidden = g_str_equal (areas[a].id, "sexual")
                             || g_str_equal (types[t].id, "sexual")
                             || g_str_equal (types[t].id, "grooming");

        sc_record_set_text (SC_RECORD (concern), "area", areas[a].id);
        sc_record_set_text (SC_RECORD (concern), "incident-types", types[t].id);
        g_assert_cmpint (sc_evidence_files_allowed (concern), ==, !forbidden);
      }

  /* A sexual concern: nothing, not a picture, not one renamed, not text. */
  g_assert_false (attach (fixture, sexual, "screenshot.png", png, &error));
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no files of any kind"));
  g_clear_error (&error);
  g_assert_false (attach (fixture, sexual, "notes.txt", png, &error));
  g_clear_error (&error);
  g_assert_false (attach (fixture, sexual, "log.txt", text, &error));
  g_clear_error (&error);

  /* Grooming as an incident type, under another area: the same. */
  sc_record_set_text (SC_RECORD (grooming_type), "incident-types", "grooming");
  g_assert_false (attach (fixture, grooming_type, "chat.txt", text, &error));
  g_clear_error (&error);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM evidence_file"), ==, 0);

  /* Elsewhere, containers and carriers are refused by what they hold… */
  for (guint i = 0; i < G_N_ELEMENTS (refused_everywhere); i++)
    {
      g_autoptr(GBytes) hostile = hostile_file (refused_everywhere[i]);

      if (attach (fixture, bullying, "evidence.txt", hostile, &error))
        g_error ("%s was kept", refused_everywhere[i]);
      g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM evidence_file"), ==, 0);

  /* "metadata:" in a note is text, not a data: URI. */
  {
    g_autoptr(GBytes) note = g_bytes_new_static ("Photo metadata: taken 20/11/2026\n", 33);

    g_assert_true (attach (fixture, bullying, "note.txt", note, &error));
    g_assert_no_error (error);
  }

  /* …and pictures, PDFs and text are kept, typed by content, not name. */
  g_assert_true (attach (fixture, bullying, "notes.txt", png, &error));
  g_assert_no_error (error);
  g_assert_true (attach (fixture, bullying, "log.txt", text, &error));
  {
    g_autoptr(GBytes) pdf = hostile_file ("pdf-with-jpeg");

    g_assert_true (attach (fixture, bullying, "report.pdf", pdf, &error));
  }
  g_assert_cmpint (sc_test_count_rows (fixture->vault,
                                       "SELECT count(*) FROM evidence WHERE file_type = 'image/png'"),
                   ==, 1);
  g_assert_cmpint (sc_test_count_rows (fixture->vault, "SELECT count(*) FROM evidence_file"), ==, 4);

  /* A second file for the same entry is refused; the first stays. */
  {
    g_autoptr(ScEvidence) evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (bullying)));
    g_autoptr(GBytes) loaded = NULL;

    sc_record_set_text (SC_RECORD (evidence), "what", "Chat");
    g_assert_true (sc_evidence_attach (fixture->vault, evidence, bullying, "first.png", png, LIMIT,
                                       &error));
    g_assert_false (sc_evidence_attach (fixture->vault, evidence, bullying, "second.txt", text,
                                        LIMIT, &error));
    g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_INVALID);
    g_clear_error (&error);
    loaded = sc_evidence_load_file (fixture->vault, evidence, &error);
    g_assert_true (g_bytes_equal (loaded, png));
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (evidence), "file-name"), ==, "first.png");
  }
}

/* The size limit, checked while reading: a bigger file is never read whole. */
static void
test_evidence_file_size (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScConcern) bullying = recorded_concern (fixture, "bullying", "child-on-child", FALSE, 0);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "big.txt", NULL);
  g_autofree char *text = g_strnfill (1000, 'a');
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, 1000, NULL));
  read = sc_evidence_read_file (bullying, file, 999, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG);
  g_clear_error (&error);

  read = sc_evidence_read_file (bullying, file, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 1000);
  {
    g_autoptr(ScEvidence) evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (bullying)));

    g_assert_false (sc_evidence_attach (fixture->vault, evidence, bullying, "big.txt", read, 999,
                                        &error));
    g_assert_error (error, SC_RECORD_ERROR, SC_RECORD_ERROR_TOO_LONG);
  }
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
  ADD ("/response/lado/clock-from-disclosure", test_lado_clock_from_disclosure);
  ADD ("/response/lado/may-apply-not-overdue", test_may_apply_not_overdue);
  ADD ("/response/overdue/for-a-page-of-children", test_most_urgent_for_a_page);
  ADD ("/response/evidence/file-policy", test_evidence_file_policy);
  ADD ("/response/evidence/file-size", test_evidence_file_size);

  return g_test_run ();
}
