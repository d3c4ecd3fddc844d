/* test-response-ui.c: the guided response through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sc-caseload-page.h"
#include "sc-child-page.h"
#include "sc-choices.h"
#include "sc-concern-editor.h"
#include "sc-records.h"
#include "sc-response-page.h"
#include "sc-response.h"
#include "sc-test-ui.h"
#include "sc-unlock-page.h"

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

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
  g_auto(GStrv) warnings = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  ScConcernEditor *editor;
  ScResponsePage *response;
  gint64 evidence_id;

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
  editor = SC_CONCERN_EDITOR (sc_window_get_page (window, "concern"));
  gtk_text_buffer_set_text (sc_concern_editor_get_own_words (editor),
                            "She said I could message her any time and not tell anyone.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_concern_editor_get_row (editor, "summary"))),
                            "Late-night messages from a residential worker", -1);
  gtk_editable_set_text (GTK_EDITABLE (sc_concern_editor_get_row (editor, "happened-at")), when);
  sc_test_select_choice (ADW_COMBO_ROW (sc_concern_editor_get_row (editor, "area")), "area", "sexual");
  sc_test_select_choice (ADW_COMBO_ROW (sc_concern_editor_get_row (editor, "involvement")), "involvement",
                 "adult-on-child");
  gtk_editable_set_text (GTK_EDITABLE (sc_concern_editor_get_row (editor, "adult-role")),
                         "Residential worker");
  /* The adult works with children: the LADO applies for certain. */
  sc_test_select_choice (ADW_COMBO_ROW (sc_concern_editor_get_row (editor,
                                                                   "adult-works-with-children")),
                         "adult-works-with-children", "yes");
  gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL);
  sc_test_wait_for_page (window, "response");
  response = SC_RESPONSE_PAGE (sc_window_get_page (window, "response"));

  /* The LADO and the police, the grooming route, and the warnings. */
  steps = sc_response_page_dup_step_ids (response);
  g_assert_true (g_strv_contains ((const char *const *) steps, "police-sexual"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "lado"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "grooming"));
  g_assert_true (g_strv_contains ((const char *const *) steps, "immediate-danger"));
  g_assert_cmpstr (steps[0], ==, "immediate-danger");
  warnings = sc_response_page_dup_warnings (response);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[0], "Do not alert the alleged perpetrator"));
  sc_test_set_size (window, 960, 900);
  sc_test_save_png (GTK_WIDGET (window), "response");
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "response-narrow");
  sc_test_set_size (window, 960, 680);

  /* Any file is refused for a sexual concern, with the reason. */
  evidence_id = sc_response_page_add_evidence (response, "What she showed me on her phone");
  g_assert_cmpint (evidence_id, >, 0);
  png_path = g_build_filename (g_get_home_dir (), "photo.png", NULL);
  g_assert_true (g_file_set_contents (png_path, (const char *) png_bytes, sizeof png_bytes, NULL));
  png_file = g_file_new_for_path (png_path);
  g_assert_false (sc_response_page_attach_file (response, evidence_id, png_file));
  g_assert_nonnull (sc_response_page_get_status (response));
  g_assert_nonnull (strstr (sc_response_page_get_status (response), "no files of any kind"));
  /* …and the page offers no way to attach one. */
  g_assert_null (sc_test_find_label (sc_window_get_page (window, "response"), "Attach File"));

  /* Steps done, with the reference; not needed needs a reason. */
  g_assert_true (sc_response_page_mark (response, "police-sexual", "done", NULL, "PPIU/26/4411"));
  g_assert_cmpstr (sc_response_page_get_step_status (response, "police-sexual"), ==, "done");
  g_assert_false (sc_response_page_mark (response, "immediate-danger", "not-needed", "", NULL));
  g_assert_true (sc_response_page_mark (response, "immediate-danger", "not-needed",
                                        "She is safe at home with her carer", NULL));
  g_assert_true (sc_response_page_mark (response, "lado", "done", NULL, "LADO-2026-118"));
  /* The step buttons are one action, named with the step and the status. */
  gtk_widget_activate_action (GTK_WIDGET (response), "response.mark-step", "(ss)",
                              "support", "done");
  g_assert_cmpstr (sc_response_page_get_step_status (response, "support"), ==, "done");
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
    ScConcern *before = sc_response_page_get_concern (response);
    gint64 concern_id = sc_record_get_id (SC_RECORD (before));
    ScUnlockPage *unlock;

    gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
    sc_test_wait_for_page (window, "unlock");
    unlock = SC_UNLOCK_PAGE (sc_window_get_page (window, "unlock"));
    gtk_editable_set_text (sc_unlock_page_get_passphrase_row (unlock), "Blue-Kettle-42");
    gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
    sc_test_wait_for_page (window, "response");
    g_assert_cmpint (sc_record_get_id (SC_RECORD (sc_response_page_get_concern (response))), ==,
                     concern_id);
    g_assert_cmpstr (sc_response_page_get_step_status (response, "police-sexual"), ==, "done");
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
    g_assert_true (found);
    g_assert_cmpuint (recorded->len, ==, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  sc_test_ui_add ("/response-ui/sexual-adult-on-child", test_sexual_adult_on_child);

  return g_test_run ();
}
