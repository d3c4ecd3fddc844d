/* test-documents.c: the LADO referral pack, drawn, protected, saved, and
 * read back with Poppler as the LADO's computer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "sc-addendum.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-document-pdf.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-review.h"
#include "sc-error-message.h"
#include "sc-test-core.h"

/* Poppler 22.12 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Under AddressSanitizer Pango lays text out many times slower: half a
 * megabyte is still past where a whole paragraph was drawn wrong (about
 * 330 KB). */
#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif
#ifndef UNDER_ASAN
# define UNDER_ASAN 0
#endif
#define HUGE_PARAGRAPH_BYTES (UNDER_ASAN ? 512 * 1024 : 1024 * 1024)

#define WORKER_PASSPHRASE  "Blue-Kettle-42"
#define MANAGER_PASSPHRASE "Green-Teapot-77"
#define N_CONTACTS         200

typedef struct
{
  char        *directory;
  char        *out;        /* where documents are saved */
  ScVault     *vault;
  ScProcedure *procedure;
  ScConcern   *concern;
  char        *last_words;
} Fixture;

/* A concern about a residential worker, with everything a pack holds:
 * a long disclosure, a step done with a reference, evidence with a file,
 * N_CONTACTS linked contacts, a manager's sign-off and an addendum. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(ScReview) review = NULL;
  g_autoptr(ScAddendum) addendum = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GBytes) file = g_bytes_new_static ("notes typed from the screen", 27);
  gint64 concern_id;

  fixture->directory = sc_vault_get_default_directory (FALSE);
  fixture->out = g_build_filename (g_get_user_data_dir (), "documents", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->out, 0700), ==, 0);
  fixture->vault = sc_vault_create (fixture->directory, "Sam Taylor", WORKER_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  fixture->procedure = sc_procedure_new_default ();

  sc_record_set_text (SC_RECORD (child), "name", "Ava Jones");
  sc_record_set_text (SC_RECORD (child), "date-of-birth", "2012-03-04");
  sc_record_set_text (SC_RECORD (child), "placement", "residential");
  sc_record_set_text (SC_RECORD (child), "legal-status", "care-order");
  sc_record_set_text (SC_RECORD (child), "case-reference", "LAC-4411");
  sc_test_save (fixture->vault, child);

  /* Five thousand words, the last ones known. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (words, "%s ", i % 7 == 0 ? "phone" : "and");
  fixture->last_words = g_strdup ("he said it was our secret");
  g_string_append (words, fixture->last_words);

  fixture->concern = sc_concern_new (sc_record_get_id (SC_RECORD (child)));
  {
    ScRecord *c = SC_RECORD (fixture->concern);

    sc_record_set_text (c, "summary", "A residential worker messaged her at night from a personal account.");
    sc_record_set_text (c, "own-words", words->str);
    sc_record_set_text (c, "happened-at", "2026-11-20T22:00:00Z");
    sc_record_set_text (c, "disclosed-at", "2026-11-21T09:00:00Z");
    sc_record_set_text (c, "disclosed-by", "The child, to her social worker");
    sc_record_set_text (c, "area", "sexual");
    sc_record_set_text (c, "incident-types", "grooming");
    sc_record_set_text (c, "involvement", "adult-on-child");
    sc_record_set_text (c, "other-party", "Mr Example (fictional)");
    sc_record_set_text (c, "adult-role", "Residential worker");
    sc_record_set_text (c, "adult-employer", "Hillside Children’s Home");
    sc_record_set_text (c, "adult-works-with-children", "yes");
    sc_record_set_boolean (c, "adult-is-staff", TRUE);
    sc_record_set_text (c, "adult-other-work", "Volunteer football coach on Saturdays");
    sc_record_set_text (c, "adult-own-children", "yes");
    sc_record_set_text (c, "adult-previous-concerns", "A complaint in 2024 about texts to a resident");
    sc_record_set_text (c, "location", "home");
    sc_record_set_text (c, "media", "messaging");
    g_assert_true (sc_records_complete (fixture->vault, c, &error));
    g_assert_no_error (error);
  }
  concern_id = sc_record_get_id (SC_RECORD (fixture->concern));

  items = sc_response_build (fixture->vault, fixture->procedure, fixture->concern, child, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];

      if (g_str_equal (sc_procedure_step_get_kind (item->step), "lado"))
        {
          sc_record_set_text (SC_RECORD (item->record), "reference", "LADO/26/0192");
          g_assert_true (sc_response_mark (fixture->vault, item, "done", NULL, &error));
          g_assert_no_error (error);
        }
    }

  evidence = sc_evidence_new (concern_id);
  sc_record_set_text (SC_RECORD (evidence), "what", "Messages on her phone, described");
  sc_record_set_text (SC_RECORD (evidence), "held-where", "Police hold the phone");
  sc_test_save (fixture->vault, evidence);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autoptr(ScContact) contact = sc_contact_new (sc_record_get_id (SC_RECORD (child)));
      g_autofree char *summary = g_strdup_printf ("Contact number %u about the messages.", i);

      sc_record_set_int64 (SC_RECORD (contact), "concern-id", concern_id);
      sc_record_set_text (SC_RECORD (contact), "happened-at", "2026-11-22T10:00:00Z");
      sc_record_set_text (SC_RECORD (contact), "channel", "phone-call");
      sc_record_set_text (SC_RECORD (contact), "direction", "to");
      sc_record_set_text (SC_RECORD (contact), "with-whom", "child");
      sc_record_set_text (SC_RECORD (contact), "device", "work");
      sc_record_set_text (SC_RECORD (contact), "summary", summary);
      sc_test_save (fixture->vault, contact);
    }

  g_assert_true (sc_vault_add_manager (fixture->vault, WORKER_PASSPHRASE, "Priya Shah", "Team manager",
                                       MANAGER_PASSPHRASE, &error));
  managers = sc_vault_list_managers (fixture->vault, &error);
  review = sc_review_sign (fixture->vault, fixture->concern, ((ScManager *) managers->pdata[0])->id,
                           MANAGER_PASSPHRASE, "actions-agreed", "LADO referral agreed today.", &error);
  g_assert_no_error (error);
  addendum = sc_addendum_add (fixture->vault, SC_RECORD (fixture->concern),
                              "The account was on Snapchat.", &error);
  g_assert_no_error (error);
  (void) file;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->concern);
  g_clear_pointer (&fixture->procedure, sc_procedure_unref);
  g_clear_object (&fixture->vault);
  g_free (fixture->directory);
  g_free (fixture->out);
  g_free (fixture->last_words);
}

/* The PDF at @path, opened as a reader would (@password may be NULL). */
static PopplerDocument *
open_pdf (const char  *path,
          const char  *password,
          GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  return poppler_document_new_from_file (uri, password, error);
}

static char *
all_text (PopplerDocument *pdf)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Text drawn over lines is read back with its line breaks: compare words. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Page @index of @pdf drawn by Poppler, as the reader sees it, saved
 * where the UI tests save their screenshots, to be looked at. */
static void
save_page_png (PopplerDocument *pdf,
               int              index,
               const char      *name)
{
  const char *dir = g_getenv ("SC_TEST_SCREENSHOT_DIR");
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * 1.5), (int) (height * 1.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.5, 1.5);
  poppler_page_render_for_printing (page, cr);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
run_qpdf (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "qpdf");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The pack, protected by default: without the password it does not open;
 * with it, every page says it is confidential and "Page N of M"; every
 * section, the step's reference, each of the 200 contacts and the end of
 * a 5,000-word disclosure are there; the child's name is not, in the
 * text or the metadata, nor in the file's name; the last page gives the
 * audit chain's head at export; qpdf finds the file sound and AES-256. */
/* Every one of the fixture's contacts is in @squeezed, a pack's text
 * without its spaces. */
static void
assert_every_contact (const char *squeezed)
{
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Contact number %u about the messages.", i);
      g_autofree char *wanted = squeeze (summary);

      if (strstr (squeezed, wanted) == NULL)
        g_error ("Contact %u is not in the pack", i);
    }
}

static void
test_lado_referral_protected (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_lado_referral (fixture->vault, fixture->procedure,
                                                              fixture->concern, FALSE, &error);
  g_autofree char *password = sc_pdf_new_password ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) refused = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *last_squeezed = squeeze (fixture->last_words);
  g_autofree char *head = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *title = NULL;
  g_autofree char *password_arg = NULL;
  g_autofree char *check = NULL;
  g_autofree char *encryption = NULL;
  guint64 entries = 0;
  int n_pages;
  const char *sections[] = { "Referral", "The adult", "The allegation", "The child",
                             "In the child’s own words", "Steps taken", "Evidence log",
                             "Contacts about this concern", "Manager’s sign-off", "Addenda" };

  g_assert_no_error (error);
  g_assert_true (sc_vault_get_audit_head (fixture->vault, &entries, &head, &error));
  name = sc_document_suggest_filename (document);
  g_assert_true (g_str_has_prefix (name, "LADO-referral-AJ-20"));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  path = g_build_filename (fixture->out, name, NULL);

  g_assert_true (sc_document_export (document, SC_PAPER_A4, password, path, &error));
  g_assert_no_error (error);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }

  refused = open_pdf (path, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  g_clear_error (&error);
  pdf = open_pdf (path, password, &error);
  g_assert_no_error (error);

  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >, 3);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *numbered = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (page_text, "CONFIDENTIAL"));
      g_assert_nonnull (strstr (page_text, numbered));
      /* The chain's head on the last page alone. */
      g_assert_true ((strstr (page_text, "Audit trail at export") != NULL) == (i == n_pages - 1));
    }

  save_page_png (pdf, 0, "lado-referral-page-1");
  save_page_png (pdf, 1, "lado-referral-page-2");
  save_page_png (pdf, n_pages - 1, "lado-referral-last-page");
  text = all_text (pdf);
  squeezed = squeeze (text);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strstr (text, sections[i]) == NULL)
      g_error ("Section %s is not in the pack", sections[i]);
  g_assert_nonnull (strstr (text, "LADO/26/0192"));
  g_assert_nonnull (strstr (text, "Mr Example (fictional)"));
  g_assert_nonnull (strstr (text, "Police hold the phone"));
  g_assert_nonnull (strstr (text, "Residential children’s home"));
  /* What a LADO form asks of the adult and the child, every answer there. */
  {
    static const char *const answers[][2] = {
      { "Other work with children", "Volunteer football coach on Saturdays" },
      { "Children of their own", "Yes" },
      { "Previous concerns known", "A complaint in 2024 about texts to a resident" },
      { "Legal status", "Care order (section 31)" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        const char *at = strstr (text, answers[i][0]);

        if (at == NULL || strstr (at, answers[i][1]) == NULL
            || strstr (at, answers[i][1]) - at > 200)
          g_error ("“%s” is not answered “%s” in the pack", answers[i][0], answers[i][1]);
      }
    g_assert_null (strstr (text, "Not recorded"));
  }
  g_assert_nonnull (strstr (text, "LADO referral agreed today."));
  g_assert_nonnull (strstr (text, "The account was on Snapchat."));
  g_assert_nonnull (strstr (squeezed, last_squeezed));
  assert_every_contact (squeezed);
  g_assert_null (strstr (text, "Ava"));
  g_assert_null (strstr (text, "Jones"));
  g_assert_nonnull (strstr (text, "AJ"));

  chain = g_strdup_printf ("%" G_GUINT64_FORMAT " entries, head %.12s", entries, head);
  g_assert_nonnull (strstr (text, chain));

  title = poppler_document_get_title (pdf);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, "AJ"));
  g_assert_null (strstr (title, "Ava"));
  {
    g_autofree char *subject = poppler_document_get_subject (pdf);
    g_autofree char *keywords = poppler_document_get_keywords (pdf);

    g_assert_true (subject == NULL || strstr (subject, "Ava") == NULL);
    g_assert_true (keywords == NULL || strstr (keywords, "Ava") == NULL);
  }

  password_arg = g_strdup_printf ("--password=%s", password);
  check = run_qpdf ((const char *[]) { password_arg, "--check", path, NULL });
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  encryption = run_qpdf ((const char *[]) { password_arg, "--show-encryption", path, NULL });
  g_assert_nonnull (strstr (encryption, "R = 6"));
  g_assert_nonnull (strstr (encryption, "AESv3"));
}

/* The worker may choose the full name for one pack: it is then there, in
 * the text only. Unprotected by choice, it opens without a password. */
static void
test_lado_referral_full_name (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_lado_referral (fixture->vault, fixture->procedure,
                                                              fixture->concern, TRUE, &error);
  g_autofree char *name = sc_document_suggest_filename (document);
  g_autofree char *path = g_build_filename (fixture->out, name, NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (name, "Ava"));
  g_assert_true (sc_document_export (document, SC_PAPER_LETTER, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  text = all_text (pdf);
  g_assert_nonnull (strstr (text, "Ava Jones"));
  title = poppler_document_get_title (pdf);
  g_assert_null (strstr (title, "Ava"));
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
    double width, height;

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);
  }
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A folder that has gone, or a file size limit too small: an error in a
 * sentence, and no file, whole or partial, left behind. */
static void
test_export_failures_leave_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_lado_referral (fixture->vault, fixture->procedure,
                                                              fixture->concern, FALSE, &error);
  g_autofree char *gone = g_build_filename (fixture->out, "gone", NULL);
  g_autofree char *path = g_build_filename (gone, "pack.pdf", NULL);
  g_autofree char *small = g_build_filename (fixture->out, "small", NULL);
  g_autofree char *small_path = g_build_filename (small, "pack.pdf", NULL);
  g_autofree char *sentence = NULL;
  struct rlimit limit, before;

  g_assert_no_error (error);
  g_assert_false (sc_document_export (document, SC_PAPER_A4, "a-password-1", path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  sentence = sc_error_message_for (error);
  g_assert_nonnull (strstr (sentence, "nothing was saved"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Too large for the limit: the write fails (SIGXFSZ ignored, as the
   * app does), and neither the file nor its temporary copy is left. */
  g_assert_cmpint (g_mkdir (small, 0700), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  /* The soft limit only, so that it can be lifted again. */
  limit.rlim_cur = 4096;
  limit.rlim_max = before.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (sc_document_export (document, SC_PAPER_A4, "a-password-1", small_path, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  g_assert_nonnull (error);
  g_clear_pointer (&sentence, g_free);
  sentence = sc_error_message_for (error);
  g_assert_nonnull (strstr (sentence, "nothing was saved"));
  g_assert_cmpuint (count_files (small), ==, 0);
}

/* The boxes under @heading (only the ticked ones if @only_ticked),
 * joined by "|". */
static char *
boxes_under (ScDocument *document,
             const char *heading,
             gboolean    only_ticked)
{
  g_autoptr(GString) boxes = g_string_new (NULL);
  gboolean in = FALSE;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      ScBlock *block = document->blocks->pdata[i];

      if (block->kind == SC_BLOCK_HEADING)
        in = g_str_equal (block->text, heading);
      else if (in && block->kind == SC_BLOCK_CHECK && (!only_ticked || *block->text != '\0'))
        g_string_append_printf (boxes, "%s%s", boxes->len > 0 ? "|" : "", block->label);
    }
  return g_string_free (g_steal_pointer (&boxes), FALSE);
}

static char *
ticked_under (ScDocument *document,
              const char *heading)
{
  return boxes_under (document, heading, TRUE);
}

/* Appendix 1: the form's boxes are the Appendix's own, in its order;
 * every involvement, setting, kind of incident and medium the procedure
 * offers ticks the Appendix's box for it and no other; the actions are
 * the steps done; no name, the age at the incident; drawn, the boxes read
 * back ticked and not. */
static void
test_monitoring_form (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Appendix 1 of the seed (002), box by box. */
  const struct { const char *field, *heading, *boxes; } groups[] = {
    { "involvement", "Who was involved?",
      "Child on child|Child on adult|Adult on child|Adult on adult" },
    { "setting-type", "Type of setting",
      "After school club|Breakfast club|Childminder|Children’s centre|Foster home|High school|"
      "Home|Infant school|Internet café|Junior school|Library|Nursery|Office|Other|"
      "Post 16 education|Residential home|Sports club|Youth centre" },
    { "incident-types", "Type of incident",
      "Sexual|Grooming|Bullying|Violence|Hate or incitement|Financial|Other" },
    { "media", "What media was used?",
      "Social networking|BBM or other free system|MSN|Email|Webcam|Mobile phone|Games console|Other" },
  };
  /* The box each of the procedure's answers ticks, where its words are
   * not the Appendix's. */
  const struct { const char *field, *id, *box; } renamed[] = {
    { "involvement", "staff-on-staff", "Adult on adult" },
    { "involvement", "public-on-staff", "Adult on adult" },
    { "media", "messaging", "BBM or other free system" },
    { "media", "webcam", "Webcam" },
    { "setting-type", "other", "Other" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) form = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *actions = NULL;
  ScRecord *c = SC_RECORD (fixture->concern);

  /* At a setting, so a setting ticks its own box alone. */
  sc_record_set_text (c, "location", "setting");
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint n = 0;
      const ScChoice *choices = sc_choices_for (groups[g].field, &n);

      g_assert_cmpuint (n, >, 1);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScDocument) one = NULL;
          g_autofree char *ticked = NULL;

          sc_record_set_text (c, groups[g].field, choices[i].id);
          one = sc_document_monitoring_form (fixture->vault, fixture->procedure, fixture->concern,
                                             &error);
          g_assert_no_error (error);
          ticked = ticked_under (one, groups[g].heading);
          {
            const char *box = sc_choice_label (groups[g].field, choices[i].id);

            for (guint r = 0; r < G_N_ELEMENTS (renamed); r++)
              if (g_str_equal (renamed[r].field, groups[g].field) && g_str_equal (renamed[r].id, choices[i].id))
                box = renamed[r].box;
            if (g_strcmp0 (ticked, box) != 0)
              g_error ("%s “%s” ticks “%s”, not “%s”", groups[g].field, choices[i].id, ticked, box);
          }
          if (i == 0)
            {
              g_autofree char *boxes = boxes_under (one, groups[g].heading, FALSE);

              g_assert_cmpstr (boxes, ==, groups[g].boxes);
            }
        }
    }

  sc_record_set_text (c, "involvement", "adult-on-child");
  sc_record_set_text (c, "incident-types", "sexual,grooming");
  /* Made at home: the Appendix's "Home", with any setting chosen too. */
  sc_record_set_text (c, "setting-type", "");
  sc_record_set_text (c, "location", "home");
  form = sc_document_monitoring_form (fixture->vault, fixture->procedure, fixture->concern, &error);
  g_assert_no_error (error);
  {
    g_autofree char *setting = ticked_under (form, "Type of setting");

    g_assert_cmpstr (setting, ==, "Home");
  }
  g_clear_pointer (&form, sc_document_free);
  sc_record_set_text (c, "setting-type", "foster-home");
  form = sc_document_monitoring_form (fixture->vault, fixture->procedure, fixture->concern, &error);
  g_assert_no_error (error);
  {
    g_autofree char *setting = ticked_under (form, "Type of setting");

    g_assert_cmpstr (setting, ==, "Foster home|Home");
  }
  /* Where a child did it, the ages of both children, as Appendix 1 asks. */
  {
    g_autoptr(ScDocument) children = NULL;
    gboolean found = FALSE;

    sc_record_set_text (c, "involvement", "child-on-child");
    sc_record_set_text (c, "other-child-age", "13");
    children = sc_document_monitoring_form (fixture->vault, fixture->procedure, fixture->concern, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < children->blocks->len; i++)
      {
        ScBlock *block = children->blocks->pdata[i];

        if (g_strcmp0 (block->label, "Ages of the children involved") == 0)
          {
            g_assert_cmpstr (block->text, ==, "14; the other child: 13");
            found = TRUE;
          }
      }
    g_assert_true (found);
    sc_record_set_text (c, "involvement", "adult-on-child");
    sc_record_set_text (c, "other-child-age", "");
  }
  {
    g_autofree char *both = ticked_under (form, "Type of incident");

    g_assert_cmpstr (both, ==, "Sexual|Grooming");
  }
  actions = ticked_under (form, "What action was taken?");
  g_assert_cmpstr (actions, ==, "Referral to the LADO");

  name = sc_document_suggest_filename (form);
  g_assert_true (g_str_has_prefix (name, "monitoring-form-AJ-"));
  path = g_build_filename (fixture->out, name, NULL);
  g_assert_true (sc_document_export (form, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  save_page_png (pdf, 0, "monitoring-form-page-1");
  text = all_text (pdf);
  g_assert_nonnull (strstr (text, "E-safety incident monitoring form"));
  g_assert_nonnull (strstr (text, "☒ Adult on child"));
  g_assert_nonnull (strstr (text, "☐ Child on child"));
  g_assert_nonnull (strstr (text, "☒ Referral to the LADO"));
  g_assert_nonnull (strstr (text, "☐ Police investigation"));
  g_assert_nonnull (strstr (text, "20 November 2026"));
  g_assert_nonnull (strstr (text, "Age of the child involved"));
  g_assert_nonnull (strstr (text, "14"));
  g_assert_null (strstr (text, "Ava"));
  g_assert_null (strstr (text, "Jones"));
}

/* The chronology as a document: every line the chronology gives, in
 * order, numbered, with its source; initials, not the name. */
static void
test_chronology (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 child_id = sc_record_get_int64 (SC_RECORD (fixture->concern), "child-id");
  g_autoptr(GPtrArray) lines = sc_chronology_build (fixture->vault, fixture->procedure, child_id,
                                                    SC_CHRONOLOGY_ALL, NULL, NULL, &error);
  g_autoptr(ScDocument) document = sc_document_chronology (fixture->vault, fixture->procedure,
                                                           child_id, SC_CHRONOLOGY_ALL, NULL, &error);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  const char *previous = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >, N_CONTACTS);
  name = sc_document_suggest_filename (document);
  g_assert_true (g_str_has_prefix (name, "chronology-AJ-"));
  path = g_build_filename (fixture->out, name, NULL);
  g_assert_true (sc_document_export (document, SC_PAPER_A4, "a-password-2", path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, "a-password-2", &error);
  g_assert_no_error (error);
  save_page_png (pdf, 0, "chronology-page-1");
  text = all_text (pdf);
  squeezed = squeeze (text);
  for (guint i = 0; i < lines->len; i++)
    {
      ScChronologyEntry *entry = lines->pdata[i];
      g_autofree char *serial = g_strdup_printf ("%u · ", sc_chronology_entry_get_serial (entry));
      /* Its start: a long event runs over a page, whose furniture the
       * text read back puts in the middle of it. */
      const char *whole = sc_chronology_entry_get_event (entry);
      g_autofree char *start = g_utf8_substring (whole, 0, MIN (30, g_utf8_strlen (whole, -1)));
      g_autofree char *event = squeeze (start);
      const char *at = strstr (previous != NULL ? previous + 1 : text, serial);

      if (at == NULL)
        g_error ("Line %u of the chronology is not in the document, or not in order", i + 1);
      if (strstr (squeezed, event) == NULL)
        g_error ("The event of line %u is not in the document", i + 1);
      previous = at;
    }
  g_assert_nonnull (strstr (text, "Source:"));
  g_assert_null (strstr (text, "Ava"));
}

/* The police summary: the essentials on page 1, then the detail. */
static void
test_police_summary (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_police_summary (fixture->vault, fixture->procedure,
                                                               fixture->concern, &error);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  const char *essentials[] = { "For the duty officer", "AJ, aged 14", "Sexual",
                               "A residential worker messaged her at night", "Mr Example (fictional)",
                               "Immediate danger", "Messages on her phone, described, Police hold the phone",
                               "Referred by", "Sam Taylor" };

  g_assert_no_error (error);
  name = sc_document_suggest_filename (document);
  g_assert_true (g_str_has_prefix (name, "police-summary-AJ-"));
  path = g_build_filename (fixture->out, name, NULL);
  g_assert_true (sc_document_export (document, SC_PAPER_A4, "a-password-3", path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, "a-password-3", &error);
  g_assert_no_error (error);
  save_page_png (pdf, 0, "police-summary-page-1");
  page = poppler_document_get_page (pdf, 0);
  first = poppler_page_get_text (page);
  for (guint i = 0; i < G_N_ELEMENTS (essentials); i++)
    if (strstr (first, essentials[i]) == NULL)
      g_error ("\"%s\" is not on the summary's first page", essentials[i]);
  text = all_text (pdf);
  g_assert_nonnull (strstr (text, "Steps taken"));
  g_assert_nonnull (strstr (text, "LADO/26/0192"));
  g_assert_null (strstr (text, "Ava"));
}

/* Characters Cairo refuses (noncharacters, controls) and a word longer
 * than a line never end a document early or run off the page: every page
 * it counts is drawn, and the last one still gives the chain's head. */
static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_new ("Hostile text", "hostile", "AJ");
  g_autofree char *path = g_build_filename (fixture->out, "hostile.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) last = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *numbered = NULL;
  g_autofree char *long_word = g_strnfill (300, 'x');
  guint n_pages = 0;
  int read_pages;

  document->audit_head = g_strdup ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  document->audit_entries = 7;
  sc_document_add (document, SC_BLOCK_HEADING, NULL, "Before");
  sc_document_add (document, SC_BLOCK_FIELD, "Noncharacters", "a\xef\xbf\xbe" "b\xef\xb7\x90" "c\x01" "d");
  sc_document_add (document, SC_BLOCK_FIELD, "One long word", long_word);
  for (guint i = 0; i < 120; i++)
    sc_document_add (document, SC_BLOCK_ITEM, "Line", "Text after the odd characters, still drawn.");

  g_assert_true (sc_document_export (document, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) counted = sc_document_to_pdf (document, SC_PAPER_A4, &n_pages, &error);

    g_assert_no_error (error);
    g_assert_nonnull (counted);
  }
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  read_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (read_pages, ==, (int) n_pages);
  g_assert_cmpint (read_pages, >, 1);
  last = poppler_document_get_page (pdf, read_pages - 1);
  last_text = poppler_page_get_text (last);
  numbered = g_strdup_printf ("Page %d of %d", read_pages, read_pages);
  g_assert_nonnull (strstr (last_text, numbered));
  g_assert_nonnull (strstr (last_text, "7 entries, head 0123456789ab"));
  save_page_png (pdf, 0, "hostile-text-page-1");
}

/* A concern with thirty steps (a council's procedure may hold that many),
 * two hundred contacts and five thousand words flows over many pages with
 * every step's reference there. */
static void
test_thirty_steps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/safecase/Safecase/core/procedure.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GString) json = NULL;
  g_autoptr(ScProcedure) procedure = NULL;
  g_autoptr(ScChild) child = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *path = g_build_filename (fixture->out, "thirty-steps.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *last_squeezed = squeeze (fixture->last_words);
  const char *steps_at;
  guint marked = 0;

  g_assert_no_error (error);
  /* The built-in procedure with thirty more steps that always apply. */
  json = g_string_new_len (g_bytes_get_data (builtin, NULL), (gssize) g_bytes_get_size (builtin));
  steps_at = strstr (json->str, "\"steps\": [");
  g_assert_nonnull (steps_at);
  for (guint i = 30; i >= 1; i--)
    {
      g_autofree char *step = g_strdup_printf ("{ \"id\": \"extra-%02u\", \"kind\": \"support\", "
                                               "\"title\": \"Extra step %02u\", "
                                               "\"guidance\": \"A step the council adds.\" },", i, i);

      g_string_insert (json, (steps_at - json->str) + strlen ("\"steps\": ["), step);
      steps_at = strstr (json->str, "\"steps\": [");
    }
  procedure = sc_procedure_new_from_data (json->str, json->len, NULL, &error);
  g_assert_no_error (error);

  child = sc_records_load (fixture->vault, SC_TYPE_CHILD,
                           sc_record_get_int64 (SC_RECORD (fixture->concern), "child-id"), &error);
  g_assert_no_error (error);
  items = sc_response_build (fixture->vault, procedure, fixture->concern, child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 30);
  for (guint i = 0; i < items->len; i++)
    {
      ScResponseItem *item = items->pdata[i];
      const char *id = sc_procedure_step_get_id (item->step);

      if (!g_str_has_prefix (id, "extra-"))
        continue;
      {
        g_autofree char *reference = g_strdup_printf ("REF/%s", id + strlen ("extra-"));

        sc_record_set_text (SC_RECORD (item->record), "reference", reference);
        g_assert_true (sc_response_mark (fixture->vault, item, "done", NULL, &error));
        g_assert_no_error (error);
        marked++;
      }
    }
  g_assert_cmpuint (marked, ==, 30);

  document = sc_document_lado_referral (fixture->vault, procedure, fixture->concern, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_document_export (document, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 5);
  text = all_text (pdf);
  squeezed = squeeze (text);
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *reference = g_strdup_printf ("REF/%02u", i);
      g_autofree char *title = g_strdup_printf ("Extra step %02u", i);

      if (strstr (text, reference) == NULL || strstr (text, title) == NULL)
        g_error ("Step %u (%s) is not in the pack", i, reference);
    }
  g_assert_nonnull (strstr (text, "LADO/26/0192"));
  g_assert_nonnull (strstr (squeezed, last_squeezed));
  assert_every_contact (squeezed);
}

/* Where @word first stands from page @from_page on: its page, and its
 * box. */
static gboolean
find_word (PopplerDocument  *pdf,
           int               from_page,
           const char       *word,
           int              *page_at,
           PopplerRectangle *box)
{
  for (int i = MAX (from_page, 0); i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *found = poppler_page_find_text (page, word);

      if (found != NULL)
        {
          *page_at = i;
          *box = *(PopplerRectangle *) found->data;
          g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
          return TRUE;
        }
    }
  return FALSE;
}

/* The bytes of text the documents lay out at once (PIECE in
 * sc-document-pdf.c). */
#define PIECE_BYTES 8192

/* A paragraph long enough to be laid out in pieces keeps its direction in
 * every piece: an English paragraph with Arabic in it reads left to right
 * on every line, so numbered words on one line stand left to right. And
 * a line ending "\r\n" is one line end, as "\n" is. */
static void
test_text_in_pieces (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) mixed = g_string_new ("Sam said: ");
  g_autoptr(ScDocument) document = sc_document_new ("Pieces", "pieces", "SJ");
  g_autofree char *path = g_build_filename (fixture->out, "pieces.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  int last_page = -1;
  guint n_words = 0, same_line = 0, pairs = 0;

  document->audit_head = g_strdup ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  while (mixed->len < PIECE_BYTES + PIECE_BYTES / 2)
    g_string_append_printf (mixed, "مرحبا بكم في البيت الكبير m%04u ", n_words++);
  sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, mixed->str);
  g_assert_true (sc_document_export (document, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  /* Each word with the next: under AddressSanitizer (where Poppler's
   * search is slow) every fourth pair, all of them otherwise. */
  for (guint i = 0; i + 1 < n_words; i += UNDER_ASAN ? 4 : 1)
    {
      g_autofree char *word = g_strdup_printf ("m%04u", i);
      g_autofree char *next = g_strdup_printf ("m%04u", i + 1);
      PopplerRectangle box, next_box;
      int page, next_page;

      if (!find_word (pdf, last_page, word, &page, &box)
          || !find_word (pdf, page, next, &next_page, &next_box))
        g_error ("%s or %s is not in the document", word, next);
      if (page == next_page && ABS (box.y1 - next_box.y1) < 1)
        {
          if (next_box.x1 <= box.x1)
            g_error ("%s stands left of %s on their line: a piece turned right to left", next, word);
          same_line++;
        }
      pairs++;
      last_page = page;
    }
  g_assert_cmpuint (same_line, >, pairs / 2);

  /* "\r\n" and "\n" end lines alike, however long the text. */
  {
    double ends[2];

    for (guint k = 0; k < 2; k++)
      {
        g_autoptr(GString) lines = g_string_new (NULL);
        g_autoptr(ScDocument) one = sc_document_new ("Lines", "lines", "SJ");
        g_autofree char *one_path = g_strdup_printf ("%s/lines-%u.pdf", fixture->out, k);
        g_autoptr(PopplerDocument) read = NULL;
        PopplerRectangle box;
        int page;

        one->audit_head = g_strdup (document->audit_head);
        for (guint i = 0; i < 300; i++)
          g_string_append_printf (lines, "line %04u of the transcript%s", i, k == 0 ? "\n" : "\r\n");
        g_string_append (lines, "the last line");
        sc_document_add (one, SC_BLOCK_PARAGRAPH, NULL, lines->str);
        g_assert_true (sc_document_export (one, SC_PAPER_A4, NULL, one_path, &error));
        g_assert_no_error (error);
        read = open_pdf (one_path, NULL, &error);
        g_assert_no_error (error);
        g_assert_true (find_word (read, 0, "the last line", &page, &box));
        ends[k] = page * 10000.0 + box.y1;
      }
    g_assert_cmpfloat (ends[0], ==, ends[1]);
  }
}

/* Names and words in the scripts a council's children write in are
 * drawn with real glyphs (Pango falls back to a font that has them), so
 * Poppler reads each one back; a missing font would draw boxes, which
 * read back as nothing. */
static void
test_any_script (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *const words[] = {
    "Zofia Wiśniewska",          /* Polish */
    "Ioana Popescu-Ștefănescu",  /* Romanian */
    "Аліна Шевченко",            /* Ukrainian */
    "Νίκος Παπαδόπουλος",        /* Greek */
    "فاطمة الزهراء",             /* Arabic */
    "عائشہ خان",                 /* Urdu */
    "অর্পিতা দাস",               /* Bengali */
    "ਹਰਪ੍ਰੀਤ ਕੌਰ",               /* Gurmukhi */
    "प्रिया शर्मा",               /* Devanagari */
    "ሰላም ተስፋዬ",                 /* Ethiopic (Tigrinya) */
    "王小明",                    /* Chinese */
    "さくら",                    /* Japanese */
    "김민지",                    /* Korean */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_new ("Any script", "scripts", "ZW");
  g_autofree char *path = g_build_filename (fixture->out, "scripts.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squashed = NULL;

  document->audit_head = g_strdup ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    sc_document_add (document, SC_BLOCK_FIELD, "Name", words[i]);
  g_assert_true (sc_document_export (document, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  text = all_text (pdf);
  /* Poppler may read a right-to-left or combining run with its spaces or
   * marks in another order; every letter of every name must be there. */
  squashed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *word = g_utf8_normalize (words[i], -1, G_NORMALIZE_NFC);

      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          char utf8[8] = { 0 };

          if (!g_unichar_isalpha (c))
            continue;
          g_unichar_to_utf8 (c, utf8);
          if (strstr (squashed, utf8) == NULL)
            g_error ("“%s” (%s) did not read back: U+%04X is missing", words[i], path, c);
        }
    }
  save_page_png (pdf, 0, "any-script-page-1");
}


/* One paragraph of a megabyte (a pasted transcript) is drawn whole: every
 * numbered word reads back, in order, and the pages drawn are the pages
 * counted. */
static void
test_huge_paragraph (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) document = sc_document_new ("Huge paragraph", "huge", "AJ");
  g_autofree char *path = g_build_filename (fixture->out, "huge.pdf", NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  const char *at;
  guint n_words = 0;

  document->audit_head = g_strdup ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  while (words->len < HUGE_PARAGRAPH_BYTES)
    g_string_append_printf (words, "w%06u ", n_words++);
  sc_document_add (document, SC_BLOCK_HEADING, NULL, "Transcript");
  sc_document_add (document, SC_BLOCK_PARAGRAPH, NULL, words->str);
  sc_document_add (document, SC_BLOCK_FIELD, "After", "the end of the transcript");
  g_assert_true (sc_document_export (document, SC_PAPER_A4, NULL, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path, NULL, &error);
  g_assert_no_error (error);
  text = all_text (pdf);
  at = text;
  for (guint i = 0; i < n_words; i += g_test_thorough () ? 1 : 97)
    {
      g_autofree char *word = g_strdup_printf ("w%06u", i);
      const char *found = strstr (at, word);

      if (found == NULL)
        g_error ("word %s of %u is not where it belongs in %s", word, n_words, path);
      at = found;
    }
  {
    g_autofree char *last = g_strdup_printf ("w%06u", n_words - 1);

    g_assert_nonnull (strstr (at, last));
  }
  g_assert_nonnull (strstr (at, "the end of the transcript"));
}

/* Passwords: six words and a number, different each time. */
static void
test_passwords (void)
{
  g_autofree char *one = sc_pdf_new_password ();
  g_autofree char *two = sc_pdf_new_password ();
  g_auto(GStrv) parts = g_strsplit (one, "-", -1);

  g_assert_cmpstr (one, !=, two);
  g_assert_cmpuint (g_strv_length (parts), ==, 7);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (strlen (parts[i]), >=, 3);
  g_assert_true (g_ascii_isdigit (parts[6][0]));
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/documents/lado-referral/protected", test_lado_referral_protected);
  ADD ("/documents/lado-referral/full-name-unprotected", test_lado_referral_full_name);
  ADD ("/documents/export/failures-leave-nothing", test_export_failures_leave_nothing);
  ADD ("/documents/monitoring-form", test_monitoring_form);
  ADD ("/documents/chronology", test_chronology);
  ADD ("/documents/police-summary", test_police_summary);
  ADD ("/documents/hostile-text", test_hostile_text);
  ADD ("/documents/lado-referral/thirty-steps", test_thirty_steps);
  ADD ("/documents/any-script", test_any_script);
  ADD ("/documents/huge-paragraph", test_huge_paragraph);
  ADD ("/documents/text-in-pieces", test_text_in_pieces);
  g_test_add_func ("/documents/passwords", test_passwords);

  return g_test_run ();
}
