/* test-records-ui.c: children and concerns through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <locale.h>
#include <string.h>

#include "sc-caseload-page.h"
#include "sc-child-page.h"
#include "sc-choices.h"
#include "sc-concern-editor.h"
#include "sc-concern-form.h"
#include "sc-dates.h"
#include "sc-history-window.h"
#include "sc-records.h"
#include "sc-response.h"
#include "sc-secure.h"
#include "sc-test-ui.h"

#define PASSPHRASE "Blue-Kettle-42"

static void
create_vault (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);

  g_assert_no_error (error);
  sc_vault_close (vault);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
add_child_through_dialog (ScWindow   *window,
                          const char *name)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "window.add-child", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* Nothing typed: Add is not offered. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_wait_for_page (window, "child");
}

typedef struct
{
  ScApplication *app;
  gint64         child_id;
  const char    *field;
  const char    *value;
} SavedWait;

static gboolean
child_field_saved (gpointer data)
{
  SavedWait *wait = data;
  g_autoptr(ScChild) child = sc_records_load (sc_application_get_vault (wait->app), SC_TYPE_CHILD,
                                              wait->child_id, NULL);

  return child != NULL && g_strcmp0 (sc_record_get_text (SC_RECORD (child), wait->field),
                                     wait->value) == 0;
}

static char *
yesterday_entry (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -1);

  return g_date_time_format (then, "%d/%m/%Y 16:45");
}

static void
test_add_child_and_record_concerns (void)
{
  ScWindow *window = NULL;
  ScApplication *app;
  ScChildPage *child_page;
  ScConcernEditor *editor;
  ScCaseloadPage *caseload;
  g_autofree char *yesterday = yesterday_entry ();
  guint n_areas = 0;
  const ScChoice *areas = sc_choices_for ("area", &n_areas);
  gint64 child_id;

  create_vault ();
  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  caseload = SC_CASELOAD_PAGE (sc_test_page (window, "caseload"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sc_test_find_by_id (GTK_WIDGET (caseload), "stack"))), ==, "empty");

  /* Ctrl+N with no child open says what to do instead. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
  g_assert_cmpstr (sc_test_visible_page (window), ==, "caseload");

  add_child_through_dialog (window, "Ava Jones");
  child_page = SC_CHILD_PAGE (sc_test_page (window, "child"));
  child_id = sc_record_get_id (SC_RECORD (sc_page_get_child (SC_PAGE (child_page))));
  g_assert_cmpint (child_id, >, 0);

  /* Details are saved as they are typed; a bad date says so and is kept on
   * screen, a good one reaches the vault. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (child_page), "date_of_birth_row"), "31/02/2011");
  g_assert_nonnull (sc_test_shown_text (GTK_WIDGET (child_page), "status_label"));
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (child_page), "status_label"), "day/month/year"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (child_page), "date_of_birth_row"), "14/03/2011");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (child_page), "case_reference_row"), "LAC/0042");
  /* The legal status a LADO form asks for, chosen from the list. */
  sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (child_page), "legal_status_row")),
                         "legal-status", "section-20");
  {
    SavedWait wait = { app, child_id, "date-of-birth", "2011-03-14" };
    SavedWait ref = { app, child_id, "case-reference", "LAC/0042" };
    SavedWait legal = { app, child_id, "legal-status", "section-20" };

    sc_test_wait_until (child_field_saved, &wait, "the date of birth to be saved");
    sc_test_wait_until (child_field_saved, &ref, "the case reference to be saved");
    sc_test_wait_until (child_field_saved, &legal, "the legal status to be saved");
  }

  /* Undo Changes puts back what the page opened with. */
  gtk_widget_activate_action (GTK_WIDGET (child_page), "child.undo", NULL);
  {
    SavedWait wait = { app, child_id, "case-reference", "" };
    SavedWait dob = { app, child_id, "date-of-birth", "" };

    sc_test_wait_until (child_field_saved, &wait, "the undo to be saved");
    sc_test_wait_until (child_field_saved, &dob, "the undone date of birth");
  }
  g_assert_cmpstr (gtk_editable_get_text (sc_test_editable (GTK_WIDGET (child_page), "date_of_birth_row")), ==, "");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (child_page), "date_of_birth_row"), "14/03/2011");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (child_page), "case_reference_row"), "LAC/0042");

  /* One concern in each area of behaviour. */
  editor = SC_CONCERN_EDITOR (sc_test_page (window, "concern"));
  for (guint i = 0; i < n_areas; i++)
    {
      g_autofree char *words = g_strdup_printf ("They sent me things (%s)\nand said not to tell.",
                                                areas[i].id);

      gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
      sc_test_wait_for_page (window, "concern");

      gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "own_words_view"), words, -1);
      /* Not enough yet: the form says what is needed and will not save. */
      {
        g_autofree char *missing = NULL;
        ScConcernForm *form = NULL;

        g_object_get (editor, "form", &form, NULL);
        g_object_get (form, "missing", &missing, NULL);
        g_assert_nonnull (strstr (missing, "To save this concern"));
        g_object_unref (form);
      }
      gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL);
      g_assert_cmpstr (sc_test_visible_page (window), ==, "concern");

      gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "summary_view"),
                            "Messages on a group chat", -1);
      gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (editor), "happened_row")),
                             yesterday);
      sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "area_row")), "area",
                     areas[i].id);
      sc_test_select_choice (ADW_COMBO_ROW (sc_test_find_by_id (GTK_WIDGET (editor), "involvement_row")),
                     "involvement", i == 1 ? "adult-on-child" : "child-on-child");

      if (i == 1)
        {
          sc_test_set_size (window, 960, 900);
          sc_test_save_png (GTK_WIDGET (window), "concern-form");
          sc_test_set_size (window, 360, 720);
          sc_test_save_png (GTK_WIDGET (window), "concern-form-narrow");
          {
            /* The choices wrap in their popup, none cut short. */
            GtkWidget *row = sc_test_find_by_id (GTK_WIDGET (editor), "involvement_row");
            GtkWidget *popover;

            gtk_widget_activate (row);
            popover = sc_test_find_widget (row, GTK_TYPE_POPOVER);
            g_assert_nonnull (popover);
            g_assert_true (gtk_widget_get_visible (popover));
            sc_test_save_png (popover, "choices-popup-narrow");
            gtk_popover_popdown (GTK_POPOVER (popover));
          }
          sc_test_set_size (window, 960, 680);
        }

      /* Saved, the concern opens on the steps the procedure asks for. */
      gtk_widget_activate_action (GTK_WIDGET (editor), "concern.save", NULL);
      sc_test_wait_for_page (window, "response");
      gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
      sc_test_wait_for_page (window, "child");
      g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (child_page), "concerns_list"), ==, i + 1);
    }
  sc_test_save_png (GTK_WIDGET (window), "child-page");

  /* A draft survives a lock: typed, locked, unlocked, still there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
  sc_test_wait_for_page (window, "concern");
  gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "own_words_view"), "half a sentence", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  g_assert_null (sc_page_get_concern (SC_PAGE (editor)));
  g_assert_null (sc_page_get_child (SC_PAGE (child_page)));
  /* …and nothing of them is left in the widgets behind the unlock page. */
  {
    GtkTextIter start, end;
    GtkTextBuffer *own_words = sc_test_text_buffer (GTK_WIDGET (editor), "own_words_view");
    g_autofree char *left = NULL;

    gtk_text_buffer_get_bounds (own_words, &start, &end);
    left = gtk_text_buffer_get_text (own_words, &start, &end, TRUE);
    g_assert_cmpstr (left, ==, "");
    g_assert_cmpstr (gtk_editable_get_text (sc_test_editable (GTK_WIDGET (child_page), "name_row")),
                     ==, "");
    g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (child_page), "concerns_list"), ==, 0);
  }

  sc_test_stop_app (app, window);
}

/* The app started again: the child, the three concerns and the draft. */
static void
test_reopened_shows_them (void)
{
  ScWindow *window = NULL;
  ScApplication *app;
  ScCaseloadPage *caseload;
  ScChildPage *child_page;
  guint n_areas = 0;
  gint64 child_id;

  /* The next day, in a new login session: the keyring opens the vault. */
  sc_test_new_login_session ();
  app = sc_test_start_app (FALSE, &window);

  sc_choices_for ("area", &n_areas);
  sc_test_wait_for_page (window, "caseload");
  caseload = SC_CASELOAD_PAGE (sc_test_page (window, "caseload"));
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (caseload), "list_view"), ==, 1);
  {
    g_autoptr(GPtrArray) children = sc_records_list_children (sc_application_get_vault (app), NULL,
                                                              0, 1, NULL);

    child_id = sc_record_get_id (children->pdata[0]);
    g_assert_cmpstr (sc_child_get_name (children->pdata[0]), ==, "Ava Jones");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x", (gint64) child_id);
  sc_test_wait_for_page (window, "child");
  child_page = SC_CHILD_PAGE (sc_test_page (window, "child"));
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (child_page), "concerns_list"), ==, n_areas + 1);
  g_assert_cmpstr (gtk_editable_get_text (sc_test_editable (GTK_WIDGET (child_page), "date_of_birth_row")), ==,
                   "14/03/2011");

  gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
  sc_test_wait_for_page (window, "caseload");
  sc_test_stop_app (app, window);
}

typedef struct
{
  ScCaseloadPage *caseload;
  guint           n;
} ShownWait;

static gboolean
shown_is (gpointer data)
{
  ShownWait *wait = data;

  return sc_test_count_items (GTK_WIDGET (wait->caseload), "list_view") == wait->n;
}

static void
test_caseload_filter_and_demo (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_app (TRUE, &window);
  ScCaseloadPage *caseload;
  ShownWait wait;

  /* The demo vault is created, filled and opened with no question asked. */
  sc_test_wait_for_page (window, "caseload");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "DEMO"));
  caseload = SC_CASELOAD_PAGE (sc_test_page (window, "caseload"));
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (caseload), "list_view"), ==, 6);
  sc_test_settle ();
  /* Ella's LADO referral was due days ago: the caseload says so. */
  g_assert_nonnull (sc_test_find_label (GTK_WIDGET (caseload), "Overdue: Refer to the LADO"));
  sc_test_save_png (GTK_WIDGET (window), "caseload-demo");
  sc_test_set_size (window, 360, 640);
  sc_test_save_png (GTK_WIDGET (window), "caseload-demo-narrow");
  sc_test_set_size (window, 960, 680);

  /* The filter, as the worker types. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (caseload), "search_entry"), "okafor");
  wait = (ShownWait) { caseload, 1 };
  sc_test_wait_until (shown_is, &wait, "one match");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (caseload), "search_entry"), "DEMO-100");
  wait = (ShownWait) { caseload, 6 };
  sc_test_wait_until (shown_is, &wait, "six matches on the reference");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (caseload), "search_entry"), "nobody by this name");
  wait = (ShownWait) { caseload, 0 };
  sc_test_wait_until (shown_is, &wait, "no match");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sc_test_find_by_id (GTK_WIDGET (caseload), "stack"))), ==, "no-match");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (caseload), "search_entry"), "");
  wait = (ShownWait) { caseload, 6 };
  sc_test_wait_until (shown_is, &wait, "the whole caseload");

  /* A demo child's page, at both widths. */
  {
    g_autoptr(GPtrArray) children = sc_records_list_children (sc_application_get_vault (app),
                                                              "ella", 0, 1, NULL);
    ScChildPage *child_page;

    g_assert_cmpuint (children->len, ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x",
                                sc_record_get_id (children->pdata[0]));
    sc_test_wait_for_page (window, "child");
    child_page = SC_CHILD_PAGE (sc_test_page (window, "child"));
    g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (child_page), "concerns_list"), ==, 1);
    sc_test_settle ();
    g_assert_nonnull (sc_test_find_label (GTK_WIDGET (child_page), "Overdue: Refer to the LADO"));
    sc_test_save_png (GTK_WIDGET (window), "child-page-demo");
    sc_test_set_size (window, 360, 720);
    sc_test_save_png (GTK_WIDGET (window), "child-page-demo-narrow");
  }

  sc_test_stop_app (app, window);
}

/* Closing the window mid-sentence: the words are a draft in the vault. */
static void
test_close_window_while_typing (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (directory, "Sam Taylor", PASSPHRASE, NULL, &error);
  g_autoptr(ScChild) child = sc_child_new ();
  ScWindow *window = NULL;
  ScApplication *app;
  ScConcernEditor *editor;

  g_assert_no_error (error);
  sc_record_set_text (SC_RECORD (child), "name", "Dev Patel");
  g_assert_true (sc_records_save (vault, SC_RECORD (child), &error));
  sc_vault_close (vault);

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, sc_record_get_id (SC_RECORD (child)));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
  sc_test_wait_for_page (window, "concern");
  editor = SC_CONCERN_EDITOR (sc_test_page (window, "concern"));
  gtk_text_buffer_set_text (sc_test_text_buffer (GTK_WIDGET (editor), "own_words_view"), "he said he knew where I", -1);

  /* No waiting for the draft timer: the window goes at once. */
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
}

static void
test_draft_is_there_after_closing (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) concerns = NULL;

  g_assert_no_error (error);
  children = sc_records_list_children (vault, NULL, 0, 10, &error);
  concerns = sc_records_list_concerns (vault, sc_record_get_id (children->pdata[0]), &error);
  g_assert_cmpuint (concerns->len, ==, 1);
  g_assert_true (sc_record_get_boolean (concerns->pdata[0], "is-draft"));
  g_assert_cmpstr (sc_record_get_text (concerns->pdata[0], "own-words"), ==, "he said he knew where I");
}

/* The chronology, from the child's page: every line, filtered by kind, and
 * a line that opens its record. */
static void
test_chronology (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *page;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);
    g_autoptr(ScEvidence) evidence = NULL;
    const char *summaries[] = { "Rang to confirm Friday’s visit", "Texted about the new phone" };

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (concern), "summary", "Threats in a group chat at school");
    sc_record_set_text (SC_RECORD (concern), "own-words", "They said they would post the photo");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T16:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "bullying");
    sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (concern)));
    sc_record_set_text (SC_RECORD (evidence), "what", "Screenshots of the group chat");
    sc_record_set_text (SC_RECORD (evidence), "secured-at", "2026-11-21T09:30:00Z");
    sc_record_set_text (SC_RECORD (evidence), "secured-by", "Sam Taylor");
    g_assert_true (sc_records_save (vault, SC_RECORD (evidence), &error));
    for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
      {
        g_autoptr(ScContact) contact = sc_contact_new (child_id);
        g_autofree char *when = g_strdup_printf ("2026-11-2%uT10:00:00Z", 2 + i);

        sc_record_set_text (SC_RECORD (contact), "happened-at", when);
        sc_record_set_text (SC_RECORD (contact), "channel", i == 0 ? "phone-call" : "text");
        sc_record_set_text (SC_RECORD (contact), "direction", "to");
        sc_record_set_text (SC_RECORD (contact), "device", i == 0 ? "work" : "personal");
        sc_record_set_text (SC_RECORD (contact), "summary", summaries[i]);
        g_assert_true (sc_records_save (vault, SC_RECORD (contact), &error));
        /* Already in the case system: no reminder at the start. */
        {
          g_autoptr(GPtrArray) copied = g_ptr_array_new ();

          g_ptr_array_add (copied, contact);
          g_assert_true (sc_records_mark_copied (vault, copied, &error));
        }
      }
    g_assert_no_error (error);
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  /* The row on the child's page, as the worker selects it. */
  g_assert_true (gtk_widget_activate (sc_test_find_by_id (sc_test_page (window, "child"),
                                                          "chronology_row")));
  sc_test_wait_for_page (window, "chronology");
  page = sc_test_page (window, "chronology");
  /* Added to the caseload, the concern, the evidence, two contacts. */
  g_assert_cmpuint (sc_test_count_items (page, "list_view"), ==, 5);
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (window), "Chronology for AJ"));
  g_assert_nonnull (sc_test_find_text (page, "Threats in a group chat at school"));
  g_assert_nonnull (sc_test_find_text (page, "no manager’s approval"));
  sc_test_set_size (window, 960, 800);
  sc_test_save_png (GTK_WIDGET (window), "chronology");
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "chronology-narrow");
  sc_test_set_size (window, 960, 680);

  /* Contacts only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sc_test_find_by_id (page, "kind_filter")), 4);
  g_assert_cmpuint (sc_test_count_items (page, "list_view"), ==, 2);

  /* Exported as shown; here the worker turns the password off, knowingly. */
  {
    AdwMessageDialog *dialog;
    GtkWidget *chooser, *row;
    g_autofree char *path = NULL;
    g_autoptr(GFile) file = NULL;
    g_autofree char *pdf = NULL;
    GStatBuf st;

    gtk_widget_activate_action (page, "chronology.export", NULL);
    dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export the Chronology");
    g_assert_null (sc_test_find_row (GTK_WIDGET (dialog), "Use the Child’s Full Name"));
    row = sc_test_find_row (GTK_WIDGET (dialog), "Protect With a Password");
    gtk_switch_set_active (GTK_SWITCH (sc_test_find_widget (row, GTK_TYPE_SWITCH)), FALSE);
    adw_message_dialog_response (dialog, "choose");
    gtk_window_destroy (GTK_WINDOW (dialog));
    chooser = sc_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_true (g_str_has_prefix (name, "chronology-AJ-20"));
      path = g_build_filename (g_get_home_dir (), name, NULL);
    }
    file = g_file_new_for_path (path);
    sc_test_choose_file (file);
    g_assert_true (g_file_get_contents (path, &pdf, NULL, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sc_test_find_by_id (page, "kind_filter")), 1);
  g_assert_cmpuint (sc_test_count_items (page, "list_view"), ==, 1);

  /* The concern's line opens its response; back returns to the child. */
  g_signal_emit_by_name (sc_test_find_by_id (page, "list_view"), "activate", 0);
  sc_test_wait_for_page (window, "response");

  sc_test_stop_app (app, window);
}

/* Search, from the caseload's filter when no child matches, and Ctrl+F:
 * results under each child's name, the words in bold, a result opening
 * its record. */
typedef struct
{
  GtkWidget *page;
  guint      n;
} ResultsWait;

static gboolean
results_are (gpointer data)
{
  ResultsWait *wait = data;

  g_autoptr(GPtrArray) rows = sc_test_find_all (wait->page, ADW_TYPE_ACTION_ROW);
  const char *shown = gtk_stack_get_visible_child_name (GTK_STACK (sc_test_find_by_id (wait->page,
                                                                                       "stack")));

  /* Emptied first (the entry says so at once), then searched: the answer
   * is the results, or "none", never the empty start. */
  return rows->len == wait->n && g_strcmp0 (shown, wait->n > 0 ? "results" : "none") == 0;
}

/* Types @text in the search page's entry, and waits for the search (the
 * entry waits a moment after the last key) to show @n results. */
static void
search_for (GtkWidget  *page,
            const char *text,
            guint       n)
{
  ResultsWait wait = { page, n };

  gtk_editable_set_text (sc_test_editable (page, "search_entry"), text);
  sc_test_wait_until (results_are, &wait, text);
}

static gboolean
caseload_says_no_match (gpointer caseload)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (sc_test_find_by_id (caseload, "stack"))),
                    "no-match") == 0;
}

static void
test_search (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *caseload, *page;
  gint64 concern_id;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScConcern) concern = sc_concern_new (child_id);
    g_autoptr(ScChild) other = sc_child_new ();

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (concern), "summary", "Messages from a stranger");
    sc_record_set_text (SC_RECORD (concern), "own-words", "He sent a photo of the skatepark near school");
    sc_record_set_text (SC_RECORD (concern), "happened-at", "2026-11-20T16:00:00Z");
    sc_record_set_text (SC_RECORD (concern), "area", "bullying");
    sc_record_set_text (SC_RECORD (concern), "involvement", "child-on-child");
    g_assert_true (sc_records_complete (vault, SC_RECORD (concern), &error));
    concern_id = sc_record_get_id (SC_RECORD (concern));
    sc_record_set_text (SC_RECORD (other), "name", "Skatepark Jones");
    g_assert_true (sc_records_save (vault, SC_RECORD (other), &error));
    g_assert_no_error (error);
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  caseload = sc_test_page (window, "caseload");
  /* No child is called that: the words are looked for in every record. */
  gtk_editable_set_text (sc_test_editable (caseload, "search_entry"), "photo near");
  sc_test_wait_until (caseload_says_no_match, caseload, "no child to match");
  g_signal_emit_by_name (sc_test_find_by_id (caseload, "search_records_button"), "clicked");
  sc_test_wait_for_page (window, "search");
  page = sc_test_page (window, "search");
  /* …and found there: the words of the child's account. */
  {
    ResultsWait wait = { page, 1 };

    g_assert_true (results_are (&wait));
  }

  /* The word itself: the concern, and the other child by their name,
   * each under the child's name, the word in bold. */
  search_for (page, "skatepark", 2);
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (page, "Ava Jones"));
  g_assert_nonnull (sc_test_find_text (page, "Skatepark Jones"));
  {
    GtkWidget *row = sc_test_find_widget (sc_test_find_by_id (page, "results_box"),
                                          ADW_TYPE_ACTION_ROW);

    g_autoptr(GPtrArray) labels = sc_test_find_all (row, GTK_TYPE_LABEL);
    gboolean bold = FALSE;

    /* The label's own markup (the row's getter gives the text only). */
    for (guint i = 0; i < labels->len; i++)
      bold |= strstr (gtk_label_get_label (labels->pdata[i]), "<b>skatepark</b>") != NULL
              && gtk_label_get_use_markup (labels->pdata[i]);
    g_assert_true (bold);
  }
  sc_test_save_png (GTK_WIDGET (window), "search");
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "search-narrow");
  sc_test_set_size (window, 960, 680);

  /* Hostile input: a sentence, never an error. */
  search_for (page, "\"NEAR/3 -skatepark OR (", 0);
  g_assert_null (sc_test_find_text (GTK_WIDGET (window), "SQL"));

  /* The concern's result opens it. */
  search_for (page, "photo", 1);
  g_assert_true (gtk_widget_activate (sc_test_find_widget (sc_test_find_by_id (page, "results_box"),
                                                           ADW_TYPE_ACTION_ROW)));
  sc_test_wait_for_page (window, "response");
  g_assert_cmpint (sc_record_get_id (SC_RECORD (sc_page_get_concern (SC_PAGE (sc_test_page (window, "response"))))),
                   ==, concern_id);

  /* Ctrl+F's action, from anywhere. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.search", NULL);
  sc_test_wait_for_page (window, "search");
  sc_test_stop_app (app, window);
}

/* A record's history, from the child's page: each change, who and when,
 * the field as it was and as it became. */
static void
test_history (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *history;
  g_autoptr(GPtrArray) entries = NULL;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScChild) child = sc_records_load (vault, SC_TYPE_CHILD, child_id, &error);

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (child), "carer", "Ms Rivers");
    g_assert_true (sc_records_save (vault, SC_RECORD (child), &error));
    sc_record_set_text (SC_RECORD (child), "carer", "Mr Okafor");
    g_assert_true (sc_records_save (vault, SC_RECORD (child), &error));
    g_assert_no_error (error);
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  g_assert_true (gtk_widget_activate (sc_test_find_by_id (sc_test_page (window, "child"),
                                                          "history_button")));
  history = sc_test_wait_for_window (SC_TYPE_HISTORY_WINDOW);
  entries = sc_test_find_all (history, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (entries->pdata[0]), ==, "Created by Sam Taylor");
  g_assert_cmpstr (adw_preferences_row_get_title (entries->pdata[2]), ==, "Changed by Sam Taylor");
  adw_expander_row_set_expanded (entries->pdata[2], TRUE);
  sc_test_settle ();
  g_assert_nonnull (sc_test_find_text (history, "“Ms Rivers” → “Mr Okafor”"));
  sc_test_save_png (history, "history");
  gtk_window_destroy (GTK_WINDOW (history));
  sc_test_stop_app (app, window);
}

/* The manager's review overview, on the demo caseload: the LADO referral
 * past its working day first; a line opens its concern. */
static void
test_overview (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_app (TRUE, &window);
  GtkWidget *page, *overdue;
  g_autoptr(GPtrArray) rows = NULL;

  sc_test_wait_for_page (window, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-overview", NULL);
  sc_test_wait_for_page (window, "overview");
  page = sc_test_page (window, "overview");
  overdue = sc_test_find_by_id (page, "overdue_group");
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (overdue)),
                                   "Steps Overdue ("));
  rows = sc_test_find_all (overdue, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (rows->pdata[0]),
                                   "Refer to the LADO"));
  sc_test_settle ();
  sc_test_set_size (window, 960, 900);
  sc_test_save_png (GTK_WIDGET (window), "overview");
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "overview-narrow");
  sc_test_set_size (window, 960, 680);

  g_assert_true (gtk_widget_activate (rows->pdata[0]));
  sc_test_wait_for_page (window, "response");
  sc_test_stop_app (app, window);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  sc_test_ui_add_restart ("/records-ui/add-child-record-concerns-and-reopen",
                          test_add_child_and_record_concerns, test_reopened_shows_them, NULL);
  sc_test_ui_add ("/records-ui/caseload-filter-and-demo", test_caseload_filter_and_demo);
  sc_test_ui_add ("/records-ui/chronology", test_chronology);
  sc_test_ui_add ("/records-ui/search", test_search);
  sc_test_ui_add ("/records-ui/history", test_history);
  sc_test_ui_add ("/records-ui/overview", test_overview);
  sc_test_ui_add_restart ("/records-ui/closing-the-window-keeps-the-draft",
                          test_close_window_while_typing, test_draft_is_there_after_closing,
                          NULL);

  return g_test_run ();
}
