/* test-response-ui.c: the guided response through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "sc-application.h"
#include "sc-caseload-page.h"
#include "sc-child-page.h"
#include "sc-choices.h"
#include "sc-concern-editor.h"
#include "sc-records.h"
#include "sc-evidence-dialog.h"
#include "sc-document.h"
#include "sc-export.h"
#include "sc-form.h"
#include "sc-preview-window.h"
#include "sc-history-window.h"
#include "sc-response-page.h"
#include "sc-step-row.h"
#include "sc-response.h"
#include "sc-test-core.h"
#include "sc-test-ui.h"
#include "sc-unlock-page.h"

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

#define REFERENCE_TITLE "Reference (police, CEOP, provider’s ticket)"

/* The steps shown, in order, by their ids. */
static GStrv
dup_step_ids (ScResponsePage *response)
{
  g_autoptr(GPtrArray) rows = sc_test_find_all (GTK_WIDGET (response), SC_TYPE_STEP_ROW);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (ids, sc_step_row_get_step_id (rows->pdata[i]));
  return g_strv_builder_end (ids);
}

static GtkWidget *
step_row (ScResponsePage *response,
          const char     *step_id)
{
  g_autoptr(GPtrArray) rows = sc_test_find_all (GTK_WIDGET (response), SC_TYPE_STEP_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (sc_step_row_get_step_id (rows->pdata[i]), step_id))
      return rows->pdata[i];
  g_error ("No step %s on the page", step_id);
}

/* The status the step's row shows. */
static const char *
step_status (ScResponsePage *response,
             const char     *step_id)
{
  g_autofree char *status = NULL;

  g_object_get (step_row (response, step_id), "status", &status, NULL);
  return g_intern_string (status);
}

/* The step's status button, clicked: its action and target are the ones
 * its .ui file names. (gtk_widget_activate() would wait for the press
 * animation, and does nothing in a step not opened.) */
static void
mark (ScResponsePage *response,
      const char     *step_id,
      const char     *status)
{
  const char *button = g_str_equal (status, "done") ? "done_button"
                       : g_str_equal (status, "not-needed") ? "not_needed_button" : "to_do_button";

  g_signal_emit_by_name (sc_test_find_by_id (step_row (response, step_id), button), "clicked");
}

/* Add Evidence, the first row typed in, and Add. */
static void
add_evidence (ScResponsePage *response,
              const char     *what)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (response), "response.add-evidence", NULL);
  dialog = sc_test_wait_for_window (SC_TYPE_EVIDENCE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (dialog, "What It Is, e.g. Screenshots of the Chat")),
                         what);
  sc_test_save_png (dialog, "evidence-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Attach File… for @evidence_id, and @file chosen in the file chooser. */
static void
choose_file (ScResponsePage *response,
             gint64          evidence_id,
             GFile          *file)
{
  gtk_widget_activate_action (GTK_WIDGET (response), "response.attach", "x", evidence_id);
  sc_test_choose_file (file);
}

/* The concern's evidence log, as kept in the vault. */
static GPtrArray *
evidence_in_vault (ScResponsePage *response)
{
  ScVault *vault = sc_application_get_vault (SC_APPLICATION (g_application_get_default ()));
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;

  evidence = sc_evidence_list (vault, sc_record_get_id (SC_RECORD (sc_page_get_concern (SC_PAGE (response)))),
                               &error);
  g_assert_no_error (error);
  return evidence;
}

static gint64
only_evidence_id (ScResponsePage *response)
{
  g_autoptr(GPtrArray) evidence = evidence_in_vault (response);

  g_assert_cmpuint (evidence->len, ==, 1);
  return sc_record_get_id (evidence->pdata[0]);
}

static guint
n_files_kept (ScResponsePage *response)
{
  g_autoptr(GPtrArray) evidence = evidence_in_vault (response);
  guint n = 0;

  for (guint i = 0; i < evidence->len; i++)
    n += *sc_record_get_text (evidence->pdata[i], "file-name") != '\0';
  return n;
}

static void
test_sexual_adult_on_child (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (directory, "Sam Taylor", "Blue-Kettle-42", NULL,
                                              &error);
  g_autoptr(ScChild) child = sc_child_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -3);
  g_autofree char *when = g_date_time_format (earlier, "%d/%m/%Y %H:%M");
  g_autofree char *png_path = NULL;
  g_autoptr(GFile) png_file = NULL;
  g_auto(GStrv) steps = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  ScConcernEditor *editor;
  ScResponsePage *response;

  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (child), "name", "Ella Nowak");
  sc_record_set_text (SC_RECORD (child), "date-of-birth", "2012-05-09");
  g_assert_true (sc_records_save (vault, SC_RECORD (child), &error));
  sc_vault_close (vault);

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, sc_record_get_id (SC_RECORD (child)));

  /* A member of staff messaging a 14-year-old: sexual, adult on child. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
  sc_test_wait_for_page (window, "concern");
  editor = SC_CONCERN_EDITOR (sc_test_page (window, "concern"));
  gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "own_words_view"),
                            "She said I could message her any time and not tell anyone.", -1);
  gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "summary_view"),
                            "Late-night messages from a residential worker", -1);
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (editor), "happened_row")), when);
  sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "area_row")), "area", "sexual");
  sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "involvement_row")), "involvement",
                 "adult-on-child");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (editor), "adult_role_row")),
                         "Residential worker");
  /* The adult works with children: the LADO applies for certain. */
  sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "adult_staff_row")),
                         "adult-works-with-children", "yes");
  /* What the LADO form asks of the adult besides. */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (editor), "adult_other_work_row")),
                         "Sunday school helper");
  sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "adult_own_children_row")),
                         "adult-own-children", "no");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (editor), "adult_previous_concerns_row")),
                         "None known");
  sc_test_set_size (window, 960, 900);
  gtk_widget_grab_focus (sc_test_find_by_id (GTK_WIDGET (editor), "adult_previous_concerns_row"));
  sc_test_save_png (GTK_WIDGET (window), "concern-form-adult");
  gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL);
  sc_test_wait_for_page (window, "response");
  response = SC_RESPONSE_PAGE (sc_test_page (window, "response"));
  {
    g_autoptr(ScConcern) saved = sc_records_load (sc_application_get_vault (app), SC_TYPE_CONCERN,
                                                  sc_record_get_id (SC_RECORD (sc_page_get_concern (SC_PAGE (response)))),
                                                  &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "adult-other-work"), ==, "Sunday school helper");
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "adult-own-children"), ==, "no");
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "adult-previous-concerns"), ==, "None known");
  }

  /* The LADO and the police, the grooming route, and the warnings. */
  steps = dup_step_ids (response);
  g_assert_true (g_strv_contains ((const char *const *) steps, "police-sexual"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "lado"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "grooming"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "immediate-danger"));
  g_assert_cmpstr (steps[0], ==, "immediate-danger");
  /* The area's warnings come first, before any step. */
  {
    g_autoptr(GPtrArray) rows = sc_test_find_all (sc_test_find_by_id (GTK_WIDGET (response),
                                                                      "warnings_group"),
                                                  ADW_TYPE_ACTION_ROW);
    g_autoptr(GPtrArray) groups = sc_test_find_all (GTK_WIDGET (response),
                                                    ADW_TYPE_PREFERENCES_GROUP);
    guint warnings_at = 0, steps_at = 0;

    /* The warnings' group is shown above the steps'. */
    for (guint i = 0; i < groups->len; i++)
      {
        const char *id = gtk_buildable_get_buildable_id (groups->pdata[i]);

        if (g_strcmp0 (id, "warnings_group") == 0)
          warnings_at = i;
        else if (g_strcmp0 (id, "steps_group") == 0)
          steps_at = i;
      }
    g_assert_cmpuint (warnings_at, <, steps_at);
    g_assert_cmpuint (rows->len, >, 0);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (rows->pdata[0]),
                              "Do not alert the alleged perpetrator"));
  }
  sc_test_set_size (window, 960, 900);
  sc_test_save_png (GTK_WIDGET (window), "response");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step_row (response, "immediate-danger")), TRUE);
  sc_test_save_png (GTK_WIDGET (window), "response-step-open");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step_row (response, "immediate-danger")), FALSE);
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "response-narrow");
  sc_test_set_size (window, 960, 680);

  /* Evidence is logged through the dialog the worker sees… */
  add_evidence (response, "What she showed me on her phone");
  g_assert_nonnull (sc_test_find_row (GTK_WIDGET (response), "What she showed me on her phone"));
  /* …and the page offers no way to attach a file to it… */
  g_assert_null (sc_test_find_label (GTK_WIDGET (response), "Attach File"));
  /* …and a file chosen all the same is refused, with the reason. */
  png_path = g_build_filename (g_get_home_dir (), "photo.png", NULL);
  g_assert_true (g_file_set_contents (png_path, (const char *) png_bytes, sizeof png_bytes, NULL));
  png_file = g_file_new_for_path (png_path);
  choose_file (response, only_evidence_id (response), png_file);
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (response), "no files of any kind"));
  g_assert_cmpint (n_files_kept (response), ==, 0);

  /* Steps done, with the reference typed in the step; not needed needs a
   * reason. The buttons name step.mark with the status. */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (step_row (response, "police-sexual"),
                                                         REFERENCE_TITLE)), "PPIU/26/4411");
  mark (response, "police-sexual", "done");
  g_assert_cmpstr (step_status (response, "police-sexual"), ==, "done");
  mark (response, "immediate-danger", "not-needed");
  g_assert_cmpstr (step_status (response, "immediate-danger"), ==, "to-do");
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (response), "Say why this step is not needed"));
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (step_row (response, "immediate-danger"),
                                                         "Why Not Needed")),
                         "She is safe at home with her carer");
  mark (response, "immediate-danger", "not-needed");
  g_assert_cmpstr (step_status (response, "immediate-danger"), ==, "not-needed");
  /* A LADO referral is not done without its reference. */
  mark (response, "lado", "done");
  g_assert_cmpstr (step_status (response, "lado"), ==, "to-do");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (step_row (response, "lado"),
                                                         REFERENCE_TITLE)), "LADO-2026-118");
  mark (response, "lado", "done");
  g_assert_cmpstr (step_status (response, "lado"), ==, "done");
  /* Notes applied in a step's row are kept with it. */
  {
    GtkWidget *notes = sc_test_find_row (step_row (response, "grooming"), "Notes");

    gtk_editable_set_text (GTK_EDITABLE (notes), "Reported to CEOP online, 10:40");
    /* The row's apply button, shown once something is typed, clicked. */
    g_signal_emit_by_name (sc_test_find_widget (notes, GTK_TYPE_BUTTON), "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_test_find_row (step_row (response, "grooming"),
                                                                            "Notes"))),
                     ==, "Reported to CEOP online, 10:40");
  }
  /* The page's one action, named with the step and the status. */
  gtk_widget_activate_action (GTK_WIDGET (response), "response.mark-step", "(ss)",
                              "support", "done");
  g_assert_cmpstr (step_status (response, "support"), ==, "done");
  sc_test_save_png (GTK_WIDGET (window), "response-steps-done");

  /* The title names the child by initials, and the concern. */
  {
    g_autofree char *initials = sc_child_dup_initials (child);
    g_autofree char *expected = g_strdup_printf ("Response for %s", initials);
    GtkWidget *title = sc_test_find_label (GTK_WIDGET (window), "Response for ");

    g_assert_nonnull (title);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, expected);
    g_assert_nonnull (sc_test_find_label (gtk_widget_get_parent (title),
                                          "Late-night messages from a residential worker"));
  }

  /* Locked and unlocked, the worker is back on this concern's response,
   * not on the caseload. */
  {
    ScConcern *before = sc_page_get_concern (SC_PAGE (response));
    gint64 concern_id = sc_record_get_id (SC_RECORD (before));
    ScUnlockPage *unlock;

    gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
    sc_test_wait_for_page (window, "unlock");
    unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
    gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), "Blue-Kettle-42");
    gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
    sc_test_wait_for_page (window, "response");
    g_assert_cmpint (sc_record_get_id (SC_RECORD (sc_page_get_concern (SC_PAGE (response)))), ==,
                     concern_id);
    g_assert_cmpstr (step_status (response, "police-sexual"), ==, "done");
    gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
    sc_test_wait_for_page (window, "child");
  }

  sc_test_stop_app (app, window);

  /* In the vault, as marked. */
  vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) concerns = sc_records_list_concerns (vault, sc_record_get_id (SC_RECORD (child)),
                                                              &error);
    g_autoptr(GPtrArray) recorded = sc_records_list_for_concern (vault, SC_TYPE_RESPONSE_STEP,
                                                                 sc_record_get_id (concerns->pdata[0]),
                                                                 &error);
    gboolean found = FALSE;

    for (guint i = 0; i < recorded->len; i++)
      if (g_str_equal (sc_record_get_text (recorded->pdata[i], "step-id"), "lado"))
        {
          found = TRUE;
          g_assert_cmpstr (sc_record_get_text (recorded->pdata[i], "reference"), ==, "LADO-2026-118");
          g_assert_cmpstr (sc_record_get_text (recorded->pdata[i], "status"), ==, "done");
        }
      else if (g_str_equal (sc_record_get_text (recorded->pdata[i], "step-id"), "grooming"))
        g_assert_cmpstr (sc_record_get_text (recorded->pdata[i], "notes"), ==,
                         "Reported to CEOP online, 10:40");
    g_assert_true (found);
    /* Police, immediate danger, LADO, support, and the grooming notes. */
    g_assert_cmpuint (recorded->len, ==, 5);
  }
}

/* A bullying concern may keep a screenshot: attached through the file
 * chooser the worker sees, kept in the vault, one file an entry; a ZIP that
 * holds an image is refused in a sentence. */
static void
test_evidence_file (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ella Nowak");
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = g_build_filename (g_get_home_dir (), "screenshot.png", NULL);
  g_autofree char *zip_path = g_build_filename (g_get_home_dir (), "chat.zip", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip_path);
  /* A stored ZIP entry named a.png, holding the PNG's bytes. */
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  static const guint8 zip_header[] = { 'P', 'K', 3, 4, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                       0, 0, 0, 0, sizeof png_bytes, 0, 0, 0,
                                       sizeof png_bytes, 0, 0, 0, 5, 0, 0, 0,
                                       'a', '.', 'p', 'n', 'g' };
  ScWindow *window = NULL;
  ScApplication *app;
  ScResponsePage *response;
  gint64 concern_id;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (concern), "summary", "Threats in a group chat");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-24T16:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "bullying");
    sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    g_assert_no_error (error);
    concern_id = sc_record_get_id (SC_RECORD (concern));
    sc_vault_close (vault);
  }
  g_assert_true (g_file_set_contents (png_path, (const char *) png_bytes, sizeof png_bytes, NULL));
  g_byte_array_append (zip, zip_header, sizeof zip_header);
  g_byte_array_append (zip, png_bytes, sizeof png_bytes);
  g_assert_true (g_file_set_contents (zip_path, (const char *) zip->data, zip->len, NULL));

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", concern_id);
  sc_test_wait_for_page (window, "response");
  response = SC_RESPONSE_PAGE (sc_test_page (window, "response"));

  add_evidence (response, "Screenshots of the group chat");
  g_assert_nonnull (sc_test_find_label (GTK_WIDGET (response), "Attach File"));

  choose_file (response, only_evidence_id (response), zip_file);
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (response), "keeps only pictures"));
  g_assert_cmpuint (n_files_kept (response), ==, 0);

  choose_file (response, only_evidence_id (response), png_file);
  g_assert_cmpuint (n_files_kept (response), ==, 1);
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (response), "screenshot.png"));
  /* One file an entry: no button for a second. */
  g_assert_null (sc_test_find_label (GTK_WIDGET (response), "Attach File"));
  sc_test_save_png (GTK_WIDGET (window), "response-evidence");

  /* Edited while it is not final: what it is, and where it is held; the
   * change is in its history. */
  {
    GtkWidget *dialog;
    ScVault *vault = sc_application_get_vault (app);
    g_autoptr(ScEvidence) saved = NULL;

    gtk_widget_activate_action (GTK_WIDGET (response), "response.edit-evidence", "x",
                                only_evidence_id (response));
    dialog = sc_test_wait_for_window (SC_TYPE_EVIDENCE_DIALOG);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_test_find_row (dialog, "What It Is, e.g. Screenshots of the Chat"))),
                     ==, "Screenshots of the group chat");
    gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (dialog, "What It Is, e.g. Screenshots of the Chat")),
                           "Screenshots of the group chat, 24 November");
    sc_test_save_png (dialog, "evidence-edit");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
    gtk_window_close (GTK_WINDOW (dialog));
    saved = sc_records_load (vault, SC_TYPE_EVIDENCE, only_evidence_id (response), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sc_record_get_text (SC_RECORD (saved), "what"), ==, "Screenshots of the group chat, 24 November");
    g_assert_nonnull (sc_test_find_row (GTK_WIDGET (response), "Screenshots of the group chat, 24 November"));
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'update'"
                                                " AND entity = 'evidence' AND after LIKE '%24 November%'"), ==, 1);
  }

  /* A copy for the police, after a warning that it is not encrypted: the
   * same bytes, the worker's alone, and a line in the trail. */
  {
    AdwMessageDialog *dialog;
    ScVault *vault = sc_application_get_vault (app);
    g_autofree char *copy_path = g_build_filename (g_get_home_dir (), "for-police.png", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autofree char *copied = NULL;
    gsize copied_length = 0;
    GStatBuf st;

    gtk_widget_activate_action (GTK_WIDGET (response), "response.save-evidence-file", "x",
                                only_evidence_id (response));
    dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not encrypted"));
    sc_test_save_png (GTK_WIDGET (dialog), "evidence-save-file-warning");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    sc_test_choose_file (copy);
    g_assert_true (g_file_get_contents (copy_path, &copied, &copied_length, NULL));
    g_assert_cmpmem (copied, copied_length, png_bytes, sizeof png_bytes);
    g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'save-file-out'"
                                                " AND after LIKE '%for-police.png%'"), ==, 1);
  }

  /* The file removed, with a reason: asked for, and kept in the trail. */
  {
    AdwMessageDialog *dialog;
    ScVault *vault = sc_application_get_vault (app);

    gtk_widget_activate_action (GTK_WIDGET (response), "response.remove-evidence-file", "x",
                                only_evidence_id (response));
    dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    adw_message_dialog_response (dialog, "remove");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (n_files_kept (response), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (response), "response.remove-evidence-file", "x",
                                only_evidence_id (response));
    dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Why It Is Removed")),
                           "Handed to the police on a USB stick");
    sc_test_save_png (GTK_WIDGET (dialog), "evidence-remove-file");
    adw_message_dialog_response (dialog, "remove");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (n_files_kept (response), ==, 0);
    g_assert_cmpint (sc_test_count_rows (vault, "SELECT count(*) FROM audit WHERE action = 'remove-file'"
                                                " AND after LIKE '%Handed to the police%'"
                                                " AND after LIKE '%screenshot.png%'"), ==, 1);
    g_assert_nonnull (sc_test_find_label (GTK_WIDGET (response), "Attach File"));
  }

  sc_test_stop_app (app, window);
}

/* The manager signs off on the worker's laptop: their own passphrase, not
 * the worker's; what was typed survives a wrong one; a closed concern can
 * no longer be changed. */
static void
test_sign_off (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ella Nowak");
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  ScResponsePage *response;
  AdwMessageDialog *dialog;
  gint64 concern_id;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);

    g_assert_no_error (error);
    /* A name a toast once read as markup. */
    g_assert_true (sc_vault_add_manager (vault, SC_TEST_PASSPHRASE, "Priya Shah & <Co>",
                                         "Team manager", "Green-Teapot-77", &error));
    sc_record_set_text (SC_RECORD (concern), "summary", "Threats in a group chat");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-24T16:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "bullying");
    sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    g_assert_no_error (error);
    concern_id = sc_record_get_id (SC_RECORD (concern));
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", concern_id);
  sc_test_wait_for_page (window, "response");
  response = SC_RESPONSE_PAGE (sc_test_page (window, "response"));

  /* The worker's passphrase signs nothing; the comments stay. */
  gtk_widget_activate_action (GTK_WIDGET (response), "response.sign-off", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "What Was Reviewed, and Why")),
                         "Support in place; the school has dealt with the group chat.");
  sc_form_combo_set_id (sc_test_find_row (GTK_WIDGET (dialog), "Decision"), "close");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Manager’s Own Passphrase")),
                         SC_TEST_PASSPHRASE);
  sc_test_save_png (GTK_WIDGET (dialog), "sign-off");
  adw_message_dialog_response (dialog, "sign");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not Priya Shah & <Co>’s passphrase"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog),
                                                                          "What Was Reviewed, and Why"))),
                   ==, "Support in place; the school has dealt with the group chat.");
  g_assert_cmpstr (sc_form_combo_get_id (sc_test_find_row (GTK_WIDGET (dialog), "Decision")), ==,
                   "close");
  g_assert_false (gtk_widget_get_visible (sc_test_find_by_id (GTK_WIDGET (response), "closed_group")));

  /* The manager's own: signed, and the concern closed. */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Manager’s Own Passphrase")),
                         "Green-Teapot-77");
  adw_message_dialog_response (dialog, "sign");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (sc_test_find_by_id (GTK_WIDGET (response), "closed_group")));
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (response), "Priya Shah & <Co> closed this concern"));
  g_assert_false (gtk_widget_get_sensitive (sc_test_find_by_id (GTK_WIDGET (response), "edit_button")));
  /* A step's button does nothing now. */
  mark (response, "support", "not-needed");
  g_assert_cmpstr (step_status (response, "support"), ==, "to-do");
  sc_test_set_size (window, 960, 900);
  sc_test_save_png (GTK_WIDGET (window), "response-closed");
  sc_test_set_size (window, 960, 680);

  sc_test_stop_app (app, window);
}

/* Marked final, the concern is corrected only by an addendum, dated and
 * signed, kept under it. */
static void
test_final_and_addendum (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ella Nowak");
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *response;
  AdwMessageDialog *dialog;
  ScUnlockPage *unlock;
  GtkWidget *history;
  gint64 concern_id, evidence_id = 0;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);

    g_assert_no_error (error);
    g_assert_true (sc_vault_add_manager (vault, SC_TEST_PASSPHRASE, "Priya Shah", "Team manager",
                                         "Green-Teapot-77", &error));
    sc_record_set_text (SC_RECORD (concern), "summary", "Threats in a group chat");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-24T16:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "bullying");
    sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    g_assert_no_error (error);
    concern_id = sc_record_get_id (SC_RECORD (concern));
    {
      g_autoptr(ScEvidence) evidence = sc_evidence_new (concern_id);

      sc_record_set_text (SC_RECORD (evidence), "what", "Screenshots of the group chat");
      g_assert_true (sc_records_save (vault, SC_RECORD (evidence), &error));
      g_assert_no_error (error);
      evidence_id = sc_record_get_id (SC_RECORD (evidence));
    }
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", concern_id);
  sc_test_wait_for_page (window, "response");
  response = sc_test_page (window, "response");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sc_test_find_by_id (response, "final_row"))),
                   ==, "Open to corrections");
  g_assert_true (gtk_widget_get_sensitive (sc_test_find_by_id (response, "edit_button")));

  gtk_widget_activate_action (response, "response.finalise", NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sc_test_find_by_id (response, "final_row"))),
                   ==, "Final");
  g_assert_false (gtk_widget_get_sensitive (sc_test_find_by_id (response, "edit_button")));
  g_assert_false (gtk_widget_get_visible (sc_test_find_by_id (response, "finalise_button")));
  /* Not opened in the editor, whatever asks. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.edit-concern", NULL);
  sc_test_settle ();
  g_assert_null (sc_page_get_concern (SC_PAGE (sc_test_page (window, "concern"))));
  /* Not edited now: the steps it leaves open are settled one by one. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (sc_test_find_by_id (response, "steps_group"))),
                            "It is not edited now"));

  gtk_widget_activate_action (response, "response.add-addendum", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (dialog),
                                                                                          GTK_TYPE_TEXT_VIEW))),
                            "The chat was on Snapchat, not WhatsApp.", -1);
  sc_test_save_png (GTK_WIDGET (dialog), "addendum");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (response, "The chat was on Snapchat, not WhatsApp."));
  g_assert_nonnull (sc_test_find_text (response, "Addendum by Sam Taylor"));
  sc_test_save_png (GTK_WIDGET (window), "response-final");

  /* Evidence too: made final from its menu, then corrected by an
   * addendum shown under it, and both in its history. */
  g_assert_nonnull (sc_test_find_widget (sc_test_find_by_id (response, "evidence_list"),
                                         GTK_TYPE_MENU_BUTTON));
  g_assert_null (sc_test_find_text (sc_test_find_by_id (response, "evidence_list"), "Final"));
  gtk_widget_activate_action (response, "response.finalise-evidence", "x", evidence_id);
  g_assert_nonnull (sc_test_find_text (sc_test_find_by_id (response, "evidence_list"), "Final"));
  gtk_widget_activate_action (response, "response.add-evidence-addendum", "x", evidence_id);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (dialog),
                                                                                          GTK_TYPE_TEXT_VIEW))),
                            "Three of the screenshots were taken by her carer.", -1);
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (sc_test_find_by_id (response, "evidence_list"),
                                       "Three of the screenshots were taken by her carer."));
  sc_test_set_size (window, 960, 1500);
  sc_test_save_png (GTK_WIDGET (window), "response-evidence-final");
  sc_test_set_size (window, 360, 1500);
  sc_test_save_png (GTK_WIDGET (window), "response-evidence-final-narrow");
  sc_test_set_size (window, 960, 680);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-history", "(sx)", "evidence",
                              evidence_id);
  history = sc_test_wait_for_window (SC_TYPE_HISTORY_WINDOW);
  g_assert_nonnull (sc_test_find_row (history, "Marked final by Sam Taylor"));
  g_assert_nonnull (sc_test_find_text (history, "Three of the screenshots were taken by her carer."));
  sc_test_save_png (history, "history-addenda");
  gtk_window_destroy (GTK_WINDOW (history));

  /* A step marked done is a note made at the time: final from its menu,
   * no longer marked again, and corrected by an addendum under it. */
  mark (SC_RESPONSE_PAGE (response), "support", "done");
  {
    g_autoptr(GPtrArray) steps = sc_records_list_for_concern (sc_application_get_vault (app),
                                                              SC_TYPE_RESPONSE_STEP, concern_id,
                                                              &error);
    gint64 step_id = 0;
    GtkWidget *row;

    g_assert_no_error (error);
    for (guint i = 0; i < steps->len; i++)
      if (g_str_equal (sc_record_get_text (steps->pdata[i], "step-id"), "support"))
        step_id = sc_record_get_id (steps->pdata[i]);
    g_assert_cmpint (step_id, >, 0);
    row = GTK_WIDGET (step_row (SC_RESPONSE_PAGE (response), "support"));
    g_assert_nonnull (sc_test_find_widget (row, GTK_TYPE_MENU_BUTTON));
    gtk_widget_activate_action (response, "response.finalise-step", "x", step_id);
    row = GTK_WIDGET (step_row (SC_RESPONSE_PAGE (response), "support"));
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Final"));
    g_assert_false (gtk_widget_get_visible (sc_test_find_by_id (row, "to_do_button")));
    gtk_widget_activate_action (response, "response.add-step-addendum", "x", step_id);
    dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (dialog),
                                                                                            GTK_TYPE_TEXT_VIEW))),
                              "Support was from her key worker, not the school.", -1);
    adw_message_dialog_response (dialog, "add");
    gtk_window_destroy (GTK_WINDOW (dialog));
    sc_test_settle ();
    row = GTK_WIDGET (step_row (SC_RESPONSE_PAGE (response), "support"));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    sc_test_settle ();
    g_assert_nonnull (sc_test_find_text (row, "Support was from her key worker, not the school."));
    sc_test_save_png (GTK_WIDGET (window), "response-step-final");
  }

  /* A review that keeps the concern open leaves a final concern final. */
  gtk_widget_activate_action (response, "response.sign-off", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "What Was Reviewed, and Why")),
                         "Reviewed in supervision.");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Manager’s Own Passphrase")),
                         "Green-Teapot-77");
  adw_message_dialog_response (dialog, "sign");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (response, "Reviewed in supervision."));
  g_assert_false (gtk_widget_get_sensitive (sc_test_find_by_id (response, "edit_button")));

  /* An addendum half written when the vault locks is kept, not added, and
   * offered again after the unlock. */
  gtk_widget_activate_action (response, "response.add-addendum", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (dialog),
                                                                                          GTK_TYPE_TEXT_VIEW))),
                            "Half a sentence about the", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  sc_test_settle ();
  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), SC_TEST_PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "response");
  response = sc_test_page (window, "response");
  g_assert_null (sc_test_find_text (response, "Half a sentence about the"));
  gtk_widget_activate_action (response, "response.add-addendum", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (dialog),
                                                                                           GTK_TYPE_TEXT_VIEW)));
    GtkTextIter start, end;
    g_autofree char *kept = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    kept = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (kept, ==, "Half a sentence about the");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "what you wrote before"));
  }
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_stop_app (app, window);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static void
find_password_label (GtkWidget  *widget,
                     GtkWidget **found)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "monospace"))
    *found = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_password_label (child, found);
}

/* Export, LADO Referral…: initials and a password unless chosen
 * otherwise; saved where the worker chooses, under the initials and the
 * day; the password shown once; the file opens with it and not without,
 * and says what the LADO needs. */
static void
test_export_lado (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ella Nowak");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) refused = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GFile) file = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *response, *chooser, *label = NULL;
  AdwMessageDialog *dialog;
  gint64 concern_id;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (concern), "summary", "A staff member messaged her at night");
    sc_record_set_text (SC_RECORD (concern), "own-words", "She said not to tell anyone");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-24T22:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "sexual");
    sc_record_set_text (SC_RECORD (concern), "involvement", "adult-on-child");
    sc_record_set_text (SC_RECORD (concern), "other-party", "Staff member (fictional)");
    sc_record_set_text (SC_RECORD (concern), "adult-works-with-children", "yes");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    g_assert_no_error (error);
    concern_id = sc_record_get_id (SC_RECORD (concern));
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", concern_id);
  sc_test_wait_for_page (window, "response");
  response = sc_test_page (window, "response");
  g_assert_nonnull (sc_test_find_by_id (response, "export_button"));

  /* US Letter by preference. */
  g_settings_set_string (sc_application_get_settings (app), "paper-size", "letter");
  gtk_widget_activate_action (response, "response.export", "s", "lado-referral");
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export the LADO Referral");
  g_assert_nonnull (sc_test_find_row (GTK_WIDGET (dialog), "Protect With a Password"));
  g_assert_true (adw_message_dialog_has_response (dialog, "print"));
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  /* Paper carries no password: printing waits for the protection to be
   * turned off, knowingly. */
  {
    GtkSwitch *protect = GTK_SWITCH (sc_test_find_widget (sc_test_find_row (GTK_WIDGET (dialog),
                                                                            "Protect With a Password"),
                                                          GTK_TYPE_SWITCH));

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "print"));
    gtk_switch_set_active (protect, FALSE);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "print"));
    gtk_switch_set_active (protect, TRUE);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "print"));
  }
  sc_test_save_png (GTK_WIDGET (dialog), "export-lado");
  /* Previewed first, from memory; then saved from the preview. */
  adw_message_dialog_response (dialog, "preview");
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    GtkWidget *preview = sc_test_wait_for_window (SC_TYPE_PREVIEW_WINDOW);
    guint pages = sc_preview_window_get_n_pages (SC_PREVIEW_WINDOW (preview));
    g_autofree char *first = g_strdup_printf ("Page 1 of %u", pages);

    g_assert_cmpuint (pages, >=, 1);
    g_assert_nonnull (sc_test_find_text (preview, first));
    sc_test_save_png (preview, "preview");
    gtk_window_set_default_size (GTK_WINDOW (preview), 360, 640);
    sc_test_settle ();
    sc_test_save_png (preview, "preview-narrow");
    /* Zoomed in a step from the fitted width, out again, and fitted:
     * the button over the page says the size. */
    {
      gboolean fitted = FALSE;
      double fit = sc_preview_window_get_zoom (SC_PREVIEW_WINDOW (preview), &fitted);
      double zoomed;

      g_assert_true (fitted);
      g_assert_nonnull (sc_test_find_label (preview, "Fit"));
      gtk_widget_activate_action (preview, "preview.zoom-in", NULL);
      sc_test_settle ();
      zoomed = sc_preview_window_get_zoom (SC_PREVIEW_WINDOW (preview), &fitted);
      g_assert_false (fitted);
      g_assert_cmpfloat_with_epsilon (zoomed, fit * 1.25, 0.5);
      {
        g_autofree char *percent = g_strdup_printf ("%.0f%%", zoomed);

        g_assert_nonnull (sc_test_find_label (preview, percent));
      }
      /* The page is drawn at that size, wider than the narrow window. */
      g_assert_cmpint (gtk_widget_get_width (sc_test_find_by_id (preview, "page_area")), >, 360 - 24);
      sc_test_save_png (preview, "preview-zoomed");
      for (guint i = 0; i < 20; i++)
        gtk_widget_activate_action (preview, "preview.zoom-out", NULL);
      g_assert_cmpfloat_with_epsilon (sc_preview_window_get_zoom (SC_PREVIEW_WINDOW (preview), NULL), 25.0, 0.01);
      /* At the smallest, Zoom Out is greyed out. */
      {
        g_autoptr(GPtrArray) buttons = sc_test_find_all (preview, GTK_TYPE_BUTTON);
        gboolean seen = FALSE;

        for (guint i = 0; i < buttons->len; i++)
          if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "preview.zoom-out") == 0)
            {
              g_assert_false (gtk_widget_is_sensitive (buttons->pdata[i]));
              seen = TRUE;
            }
        g_assert_true (seen);
      }
      gtk_widget_activate_action (preview, "preview.zoom-fit", NULL);
      sc_test_settle ();
      sc_preview_window_get_zoom (SC_PREVIEW_WINDOW (preview), &fitted);
      g_assert_true (fitted);
    }
    if (pages > 1)
      {
        g_autofree char *second = g_strdup_printf ("Page 2 of %u", pages);

        GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (sc_test_find_by_id (preview, "scroller"));
        GtkAdjustment *down = gtk_scrolled_window_get_vadjustment (scroller);

        /* Zoomed, read to the foot of page 1; page 2 opens at its top. */
        gtk_widget_activate_action (preview, "preview.zoom-in", NULL);
        sc_test_settle ();
        gtk_adjustment_set_value (down, gtk_adjustment_get_upper (down));
        g_assert_cmpfloat (gtk_adjustment_get_value (down), >, 0);
        gtk_widget_activate_action (preview, "preview.next", NULL);
        g_assert_cmpuint (sc_preview_window_get_page (SC_PREVIEW_WINDOW (preview)), ==, 2);
        g_assert_nonnull (sc_test_find_text (preview, second));
        g_assert_cmpfloat (gtk_adjustment_get_value (down), ==, 0);
      }
    gtk_widget_activate_action (preview, "preview.save", NULL);
  }

  chooser = sc_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_str_has_prefix (name, "LADO-referral-EN-20"));
    g_assert_null (strstr (name, "Ella"));
    path = g_build_filename (g_get_home_dir (), name, NULL);
  }
  file = g_file_new_for_path (path);
  sc_test_choose_file (file);

  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Saved, With a Password");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "never in the same email"));
  find_password_label (GTK_WIDGET (dialog), &label);
  g_assert_nonnull (label);
  password = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  sc_test_save_png (GTK_WIDGET (dialog), "export-lado-password");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  uri = g_filename_to_uri (path, NULL, NULL);
  refused = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_null (refused);
  g_clear_error (&error);
  pdf = poppler_document_new_from_file (uri, password, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  {
    double width, height;

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 612.0, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 792.0, 0.5);
  }
  g_settings_set_string (sc_application_get_settings (app), "paper-size", "a4");
  g_assert_nonnull (strstr (text, "LADO referral"));
  g_assert_nonnull (strstr (text, "Staff member (fictional)"));
  g_assert_nonnull (strstr (text, "EN"));
  g_assert_null (strstr (text, "Ella"));

  /* On paper, from the same drawing: printed to a file here, as GTK's
   * print dialog would send it to a printer. */
  {
    ScVault *vault = sc_application_get_vault (app);
    g_autoptr(ScConcern) concern = sc_records_load (vault, SC_TYPE_CONCERN, concern_id, &error);
    ScDocument *document = sc_document_lado_referral (vault, sc_application_get_procedure (app),
                                                      concern, FALSE, &error);
    g_autoptr(GtkPrintOperation) operation = NULL;
    g_autofree char *printed = g_build_filename (g_get_home_dir (), "printed.pdf", NULL);
    g_autofree char *printed_uri = g_filename_to_uri (printed, NULL, NULL);
    g_autoptr(PopplerDocument) paper = NULL;
    g_autoptr(PopplerPage) first = NULL;
    g_autofree char *first_text = NULL;
    g_autofree char *of = NULL;

    g_assert_no_error (error);
    operation = sc_export_print_operation_new (document);
    gtk_print_operation_set_export_filename (operation, printed);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                              &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    paper = poppler_document_new_from_file (printed_uri, NULL, &error);
    g_assert_no_error (error);
    first = poppler_document_get_page (paper, 0);
    first_text = poppler_page_get_text (first);
    of = g_strdup_printf ("Page 1 of %d", poppler_document_get_n_pages (paper));
    g_assert_nonnull (strstr (first_text, of));
    g_assert_nonnull (strstr (first_text, "CONFIDENTIAL"));
    g_assert_nonnull (strstr (first_text, "Staff member (fictional)"));
  }

  /* The monitoring form names no one: there is no full name to choose. */
  gtk_widget_activate_action (response, "response.export", "s", "monitoring-form");
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export the Monitoring Form");
  g_assert_null (sc_test_find_row (GTK_WIDGET (dialog), "Use the Child’s Full Name"));
  g_assert_nonnull (sc_test_find_row (GTK_WIDGET (dialog), "Protect With a Password"));

  /* Printed, unprotected by choice; the vault locks with the print
   * dialog open: the dialog is answered Cancel and goes, nothing waits. */
  gtk_switch_set_active (GTK_SWITCH (sc_test_find_widget (sc_test_find_row (GTK_WIDGET (dialog),
                                                                            "Protect With a Password"),
                                                          GTK_TYPE_SWITCH)), FALSE);
  adw_message_dialog_response (dialog, "print");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* GtkPrintUnixDialog, named: its header is gtk4-unix-print's. */
  sc_test_wait_for_window (g_type_from_name ("GtkPrintUnixDialog"));
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  sc_test_settle ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        g_assert_false (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, g_type_from_name ("GtkPrintUnixDialog"))
                        && gtk_widget_get_visible (toplevel));
      }
  }
  sc_test_stop_app (app, window);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  sc_test_ui_add ("/response-ui/sexual-adult-on-child", test_sexual_adult_on_child);
  sc_test_ui_add ("/response-ui/evidence-file", test_evidence_file);
  sc_test_ui_add ("/response-ui/sign-off", test_sign_off);
  sc_test_ui_add ("/response-ui/final-and-addendum", test_final_and_addendum);
  sc_test_ui_add ("/response-ui/export-lado", test_export_lado);

  return g_test_run ();
}
