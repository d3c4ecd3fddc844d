/* test-contacts-ui.c: the contact log through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sc-caseload-page.h"
#include "sc-child-page.h"
#include "sc-concern-editor.h"
#include "sc-contact-popover.h"
#include "sc-contacts-page.h"
#include "sc-form.h"
#include "sc-records.h"
#include "sc-secure.h"
#include "sc-history-window.h"
#include "sc-test-ui.h"

static gint64 child_id;
static gint64 concern_id;

static void
create_vault_with_child (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScConcern) concern = NULL;

  child_id = sc_test_vault_with_child ("Ava Jones");
  vault = sc_vault_open_with_keyring (directory, NULL, &error);
  g_assert_no_error (error);
  concern = sc_concern_new (child_id);
  sc_record_set_text (SC_RECORD (concern), "summary", "Messages from an unknown adult");
  g_assert_true (sc_records_save (vault, SC_RECORD (concern), &error));
  concern_id = sc_record_get_id (SC_RECORD (concern));
  sc_vault_close (vault);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static ScContactPopover *
open_quick_add (ScWindow *window)
{
  ScContactPopover *popover;
  GtkWidget *focus;
  GtkMenuButton *button;

  /* What Ctrl+Shift+C triggers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.note-contact", NULL);
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), SC_TYPE_WINDOW,
                                                           "note_contact_button"));
  popover = SC_CONTACT_POPOVER (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  sc_test_settle ();

  /* Keyboard first: the summary has the focus, ready to type. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == sc_test_find_by_id (GTK_WIDGET (popover), "summary_entry")
                 || gtk_widget_is_ancestor (focus, sc_test_find_by_id (GTK_WIDGET (popover), "summary_entry")));
  return popover;
}

/* What Enter does in an entry: its text widget emits "activate". */
static void
press_enter (GtkWidget *entry)
{
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
}

/* Typing a summary and pressing Enter. */
static void
type_and_enter (ScContactPopover *popover,
                const char       *summary)
{
  GtkWidget *entry = sc_test_find_by_id (GTK_WIDGET (popover), "summary_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), summary);
  press_enter (entry);
  g_assert_null (sc_test_shown_text (GTK_WIDGET (popover), "error_label"));
  sc_test_wait_until (widget_hidden, popover, "the quick-add popover to close");
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out = user_data;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static gboolean
text_arrived (gpointer data)
{
  return *(char **) data != NULL;
}

static GPtrArray *
all_contacts (ScApplication *app)
{
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts;

  query->child_id = child_id;
  contacts = sc_records_list_contacts (sc_application_get_vault (app), query, 0, 100, &error);
  g_assert_no_error (error);
  return contacts;
}

/* What the worker sets in the filter bar: a channel ('' for any) and a
 * period (its place in the list). */
static void
set_filters (ScContactsPage *page,
             const char     *channel,
             guint           period)
{
  sc_form_combo_set_id (sc_test_find_by_id (GTK_WIDGET (page), "channel_filter"), channel);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sc_test_find_by_id (GTK_WIDGET (page), "period_filter")),
                              period);
}

static gboolean
approved_shown (gpointer page)
{
  return sc_test_find_text (page, "Personal device, approved") != NULL;
}

static void
test_quick_add_list_copy_export (void)
{
  ScWindow *window = NULL;
  ScApplication *app;
  ScContactPopover *popover;
  ScContactsPage *contacts_page;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *clipboard_text = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) csv_file = NULL;
  GStatBuf st;

  create_vault_with_child ();
  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x", (gint64) child_id);
  sc_test_wait_for_page (window, "child");

  /* Quick add: open, type, Enter. Now, and the defaults, do the rest. */
  popover = open_quick_add (window);
  sc_test_save_png (GTK_WIDGET (popover), "contact-quick-add");
  type_and_enter (popover, "Rang to confirm Friday's visit");
  contacts = all_contacts (app);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (sc_record_get_text (contacts->pdata[0], "channel"), ==, "phone-call");
  g_assert_cmpstr (sc_record_get_text (contacts->pdata[0], "device"), ==, "work");
  g_assert_cmpstr (sc_record_get_text (contacts->pdata[0], "direction"), ==, "to");
  g_assert_false (sc_contact_is_breach (contacts->pdata[0]));
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* A text from a personal phone, no approval: saved, flagged. The channel
   * and device chosen become the next contact's defaults. */
  popover = open_quick_add (window);
  sc_form_combo_set_id (sc_test_find_by_id (GTK_WIDGET (popover), "channel_dropdown"), "text");
  sc_form_combo_set_id (sc_test_find_by_id (GTK_WIDGET (popover), "device_dropdown"), "personal");
  g_assert_true (gtk_widget_get_visible (sc_test_find_by_id (GTK_WIDGET (popover), "approval_box")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sc_test_find_by_id (GTK_WIDGET (popover), "concern_dropdown")), 1);
  type_and_enter (popover, "She texted my own phone about the messages");
  contacts = all_contacts (app);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_true (sc_contact_is_breach (contacts->pdata[0]));
  g_assert_cmpint (sc_record_get_int64 (contacts->pdata[0], "concern-id"), ==, concern_id);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  popover = open_quick_add (window);
  g_assert_cmpstr (sc_form_combo_get_id (sc_test_find_by_id (GTK_WIDGET (popover), "channel_dropdown")),
                   ==, "text");
  /* A time that is not one is refused with a sentence, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (popover), "when_entry")),
                         "tomorrowish");
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_by_id (GTK_WIDGET (popover), "summary_entry")),
                         "x");
  press_enter (sc_test_find_by_id (GTK_WIDGET (popover), "summary_entry"));
  g_assert_nonnull (sc_test_shown_text (GTK_WIDGET (popover), "error_label"));
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (popover), "error_label"), "day/month/year"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  contacts = all_contacts (app);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* The list: newest first, the breach badge showing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-contacts", "x", (gint64) child_id);
  sc_test_wait_for_page (window, "contacts");
  contacts_page = SC_CONTACTS_PAGE (sc_test_page (window, "contacts"));
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (contacts_page), "list_view"), ==, 2);
  sc_test_save_png (GTK_WIDGET (window), "contacts");
  g_assert_nonnull (sc_test_find_label (GTK_WIDGET (contacts_page),
                                "Personal device, no manager’s approval"));
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "contacts-narrow");
  sc_test_set_size (window, 960, 680);

  /* Filters. */
  set_filters (contacts_page, "email", 0);
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (contacts_page), "list_view"), ==, 0);
  set_filters (contacts_page, "text", 1);
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (contacts_page), "list_view"), ==, 1);
  set_filters (contacts_page, "", 0);
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (contacts_page), "list_view"), ==, 2);

  /* Copy as Case Note: on the clipboard, by initials, and marked copied. */
  gtk_widget_activate_action (GTK_WIDGET (contacts_page), "contacts.copy-all", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 clipboard_read_cb, &clipboard_text);
  sc_test_wait_until (text_arrived, &clipboard_text, "the clipboard");
  g_assert_true (g_str_has_prefix (clipboard_text, "2 electronic contacts with AJ\n"));
  g_assert_nonnull (strstr (clipboard_text, "with no manager’s approval recorded"));
  g_assert_null (strstr (clipboard_text, "Ava Jones"));
  contacts = all_contacts (app);
  for (guint i = 0; i < contacts->len; i++)
    g_assert_cmpstr (sc_record_get_text (contacts->pdata[i], "copied-at"), !=, "");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* Export from the window first says that the file is not encrypted,
   * then offers a name made of initials and the day; the CSV is readable
   * by the worker alone. */
  {
    AdwMessageDialog *warning;
    GtkFileChooser *chooser;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *suggested = g_strdup_printf ("contacts-AJ-%s.csv", day);

    gtk_widget_activate_action (GTK_WIDGET (contacts_page), "contacts.export", NULL);
    warning = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (warning), "not encrypted"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (warning), "FWi"));
    sc_test_save_png (GTK_WIDGET (warning), "export-warning");
    adw_message_dialog_response (warning, "choose");
    gtk_window_destroy (GTK_WINDOW (warning));
    chooser = GTK_FILE_CHOOSER (sc_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
    g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, suggested);
    csv_path = g_build_filename (g_get_home_dir (), suggested, NULL);
    csv_file = g_file_new_for_path (csv_path);
    sc_test_choose_file (csv_file);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Date,Time,Child,"));
  g_assert_nonnull (strstr (csv, ",Rang to confirm Friday's visit,"));
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* The manager's list of personal-device contacts, any child. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-contacts", "x", (gint64) 0);
  sc_test_wait_for_page (window, "contacts");
  g_assert_cmpuint (sc_test_count_items (GTK_WIDGET (contacts_page), "list_view"), ==, 1);
  sc_test_settle ();
  sc_test_save_png (GTK_WIDGET (window), "personal-device-contacts");

  /* A manager approves it, with their own passphrase: the flag goes. */
  {
    g_autoptr(GError) error = NULL;
    AdwMessageDialog *approve;
    GtkWidget *button;
    gint64 contact_id;

    g_assert_true (sc_vault_add_manager (sc_application_get_vault (app), "Blue-Kettle-42",
                                         "Pat Manager", "Team manager", "Green-Teapot-77", &error));
    g_assert_no_error (error);
    button = sc_test_find_by_id (GTK_WIDGET (contacts_page), "approve_button");
    g_assert_true (gtk_widget_get_visible (button));
    contact_id = g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
    g_signal_emit_by_name (button, "clicked");
    approve = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
    gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (approve),
                                                           "Manager’s Own Passphrase")),
                           "Green-Teapot-77");
    adw_message_dialog_response (approve, "approve");
    gtk_window_destroy (GTK_WINDOW (approve));
    sc_test_wait_until (approved_shown, contacts_page, "the contact shown approved");
    g_assert_false (gtk_widget_get_visible (sc_test_find_by_id (GTK_WIDGET (contacts_page),
                                                                "approve_button")));

    /* Approved as it was: a later correction is an addendum, added from
     * the list, and kept in the contact's history. */
    {
      AdwMessageDialog *addendum;
      GtkWidget *history;

      g_assert_nonnull (sc_test_find_by_id (GTK_WIDGET (contacts_page), "menu_button"));
      gtk_widget_activate_action (GTK_WIDGET (contacts_page), "contacts.add-addendum", "x", contact_id);
      addendum = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sc_test_find_widget (GTK_WIDGET (addendum),
                                                                                              GTK_TYPE_TEXT_VIEW))),
                                "She had asked me to text, not ring.", -1);
      adw_message_dialog_response (addendum, "add");
      gtk_window_destroy (GTK_WINDOW (addendum));
      sc_test_settle ();
      gtk_widget_activate_action (GTK_WIDGET (window), "window.show-history", "(sx)", "contact",
                                  contact_id);
      history = sc_test_wait_for_window (SC_TYPE_HISTORY_WINDOW);
      g_assert_nonnull (sc_test_find_text (history, "She had asked me to text, not ring."));
      g_assert_nonnull (sc_test_find_text (history, "Addendum by Sam Taylor"));
      gtk_window_destroy (GTK_WINDOW (history));
    }
  }

  /* The linked contact shows in the concern's record. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
  sc_test_wait_for_page (window, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x", (gint64) child_id);
  sc_test_wait_for_page (window, "child");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", (gint64) concern_id);
  sc_test_wait_for_page (window, "concern");
  g_assert_nonnull (sc_test_find_label (sc_test_page (window, "concern"),
                                "She texted my own phone about the messages"));

  sc_test_stop_app (app, window);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  sc_test_ui_add ("/contacts-ui/quick-add-list-copy-export", test_quick_add_list_copy_export);

  return g_test_run ();
}
