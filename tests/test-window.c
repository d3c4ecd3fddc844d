/* test-window.c: the real window, driven through its widgets and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include "sc-application-private.h"
#include "sc-child-page.h"
#include "sc-key-file.h"
#include "sc-keyring.h"
#include "sc-lock-state.h"
#include "sc-preferences-window.h"
#include "sc-records.h"
#include "sc-concern.h"
#include "sc-contact.h"
#include "sc-dates.h"
#include "sc-secure.h"
#include "sc-test-ui.h"
#include "sc-unlock-page.h"
#include "sc-vault-private.h"
#include "sc-welcome-page.h"
#include "sc-window.h"

#define PASSPHRASE "Blue-Kettle-42"
#define WORKER     "Sam Taylor"

static gboolean
unlock_not_busy (gpointer data)
{
  return !gtk_widget_get_visible (sc_test_find_by_id (data, "spinner"));
}

static void
test_first_run_lock_unlock (void)
{
  ScWindow *window = NULL;
  g_autoptr(ScApplication) app = sc_test_start_app (FALSE, &window);
  ScWelcomePage *welcome;
  ScUnlockPage *unlock;
  ScVault *vault;

  /* First start: the welcome page, at the default size and at 360 px. */
  sc_test_wait_for_page (window, "welcome");
#ifdef DEVELOPMENT_ICON_DIR
  /* Run from the build tree (dev run), the app still finds its own icon. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
    g_auto(GStrv) path = gtk_icon_theme_get_search_path (theme);
    g_autofree char *icon = g_build_filename (DEVELOPMENT_ICON_DIR, APP_ID ".svg", NULL);

    g_assert_true (g_strv_contains ((const char *const *) path, DEVELOPMENT_ICON_DIR));
    g_assert_true (g_file_test (icon, G_FILE_TEST_IS_REGULAR));
  }
#endif
  welcome = SC_WELCOME_PAGE (sc_test_page (window, "welcome"));
  sc_test_set_size (window, 960, 680);
  sc_test_save_png (GTK_WIDGET (window), "welcome");

  /* A weak passphrase says what is missing and cannot be used. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "name_row"), WORKER);
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "passphrase_row"), "taylor");
  g_assert_nonnull (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"));
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"), "Use at least 8 characters."));
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"), "Leave your name out of it."));
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "welcome-narrow-weak-passphrase");
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  sc_test_settle ();
  g_assert_cmpstr (sc_test_visible_page (window), ==, "welcome");
  g_assert_false (sc_vault_exists_at (sc_application_get_vault_directory (app)));

  /* Within the framework's rule and still guessed first: refused in words,
   * with random words offered instead. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "passphrase_row"), "Password1");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "confirm_row"), "Password1");
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"), "dictionary word"));
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"), "random words"));
  sc_test_set_size (window, 360, 720);
  sc_test_save_png (GTK_WIDGET (window), "welcome-narrow-guessable-passphrase");
  sc_test_set_size (window, 960, 680);
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  sc_test_settle ();
  g_assert_cmpstr (sc_test_visible_page (window), ==, "welcome");
  g_assert_false (sc_vault_exists_at (sc_application_get_vault_directory (app)));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "confirm_row"), "");

  /* Mismatched confirmation. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "passphrase_row"), PASSPHRASE);
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "confirm_row"), "Blue-Kettle-41");
  g_assert_nonnull (strstr (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"), "not the same"));

  /* A good one creates the vault and lands on the caseload. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (welcome), "confirm_row"), PASSPHRASE);
  g_assert_null (sc_test_shown_text (GTK_WIDGET (welcome), "problems_label"));
  sc_test_set_size (window, 960, 680);
  gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.create", NULL);
  sc_test_wait_for_page (window, "caseload");

  vault = sc_application_get_vault (app);
  g_assert_nonnull (vault);
  g_assert_cmpstr (sc_vault_get_worker_name (vault), ==, WORKER);
  g_assert_true (sc_vault_get_key_in_keyring (vault));
  g_assert_cmpstr (gtk_editable_get_text (sc_test_editable (GTK_WIDGET (welcome), "passphrase_row")), ==, "");
  sc_test_save_png (GTK_WIDGET (window), "caseload-empty");
  sc_test_set_size (window, 360, 640);
  sc_test_save_png (GTK_WIDGET (window), "caseload-empty-narrow");
  sc_test_set_size (window, 960, 680);

  /* Lock (the action behind the button and Ctrl+L): every record hidden,
   * the vault closed, and the passphrase asked for. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  g_assert_null (sc_application_get_vault (app));
  sc_test_wait_for_page (window, "unlock");
  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  sc_test_save_png (GTK_WIDGET (window), "unlock");

  /* Empty, then wrong, passphrase: a sentence, and still locked. */
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  g_assert_cmpstr (sc_test_shown_text (GTK_WIDGET (unlock), "error_label"), ==, "Enter your vault passphrase.");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), "Blue-Kettle-43");
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_until (unlock_not_busy, unlock, "the passphrase check");
  g_assert_nonnull (sc_test_shown_text (GTK_WIDGET (unlock), "error_label"));
  g_assert_true (g_str_has_prefix (sc_test_shown_text (GTK_WIDGET (unlock), "error_label"), "Wrong passphrase."));
  g_assert_cmpstr (sc_test_visible_page (window), ==, "unlock");
  g_assert_null (sc_application_get_vault (app));
  sc_test_save_png (GTK_WIDGET (window), "unlock-wrong-passphrase");

  /* The right one. */
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");
  g_assert_nonnull (sc_application_get_vault (app));
  g_assert_cmpstr (gtk_editable_get_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row")), ==, "");

  /* The desktop locking locks Safecase too. The signal is sent to this app
   * alone: a broadcast would lock the window tests running beside it in the
   * same D-Bus session, at a moment no test could predict. */
  {
    GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));

    g_dbus_connection_emit_signal (bus, g_dbus_connection_get_unique_name (bus),
                                   "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
                                   "ActiveChanged", g_variant_new ("(b)", TRUE), NULL);
  }
  sc_test_wait_for_page (window, "unlock");
  g_assert_null (sc_application_get_vault (app));

  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");

  /* Preferences open over the window, and say where the vault is. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *prefs = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (SC_IS_PREFERENCES_WINDOW (toplevel))
          prefs = toplevel;
      }
    g_assert_nonnull (prefs);
    g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
    /* Which procedure is in force, its version and when it is to be reviewed. */
    g_assert_nonnull (sc_test_find_label (GTK_WIDGET (prefs), "E-safety incident framework"));
    {
      const char *text = gtk_label_get_text (GTK_LABEL (sc_test_find_label (GTK_WIDGET (prefs),
                                                        "E-safety incident framework")));

      g_assert_nonnull (strstr (text, "Version 2026-11."));
      g_assert_nonnull (strstr (text, "To be reviewed by 25 November 2027."));
      /* The local numbers no one has set yet stand out for whoever sets them. */
      g_assert_nonnull (strstr (text, "Local numbers not set yet: "));
      g_assert_nonnull (strstr (text, "Local Authority Designated Officer (LADO)"));
      g_assert_nonnull (strstr (text, "Operations Manager"));
    }
    sc_test_save_png (GTK_WIDGET (prefs), "preferences");
    gtk_window_destroy (prefs);
  }

  /* Idle: with the limit brought down to a moment, it locks by itself. */
  sc_application_set_idle_timeout_ms (app, 300);
  sc_test_wait_for_page (window, "unlock");
  g_assert_null (sc_application_get_vault (app));

  sc_test_stop_app (g_steal_pointer (&app), window);
}

static void
test_later_start_opens_with_keyring (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) created = sc_vault_create (directory, WORKER, PASSPHRASE, NULL, &error);
  ScWindow *window = NULL;
  ScApplication *app;

  g_assert_no_error (error);
  sc_vault_close (created);

  /* No prompt: the keyring's key opens it. */
  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  g_assert_cmpstr (sc_vault_get_worker_name (sc_application_get_vault (app)), ==, WORKER);
  /* The passphrase put the key back: the next start asks for nothing. */
  g_assert_true (sc_vault_get_key_in_keyring (sc_application_get_vault (app)));

  sc_test_stop_app (app, window);
}

static void
test_later_start_without_key_asks_passphrase (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) created = sc_vault_create (directory, WORKER, PASSPHRASE, NULL, &error);
  g_autofree char *key_path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
  g_autoptr(ScKeyFile) key_file = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  ScUnlockPage *unlock;

  g_assert_no_error (error);
  sc_vault_close (created);

  /* The keyring lost the key (a new keyring, say): the vault is still
   * there, so this is never a first run. */
  key_file = sc_key_file_load (key_path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_keyring_clear_key (sc_key_file_get_vault_id (key_file),
                                       SC_KEYRING_DEFAULT_TIMEOUT_MS, NULL, &error));

  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "unlock");
  g_assert_null (sc_application_get_vault (app));
  sc_test_save_png (GTK_WIDGET (window), "unlock-keyring-without-key");

  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");
  g_assert_cmpstr (sc_vault_get_worker_name (sc_application_get_vault (app)), ==, WORKER);
  /* The passphrase put the key back: the next start asks for nothing. */
  g_assert_true (sc_vault_get_key_in_keyring (sc_application_get_vault (app)));

  sc_test_stop_app (app, window);
}

/* A key file whose Id no longer reads: the app says the key file is
 * damaged and asks for the passphrase, which repairs it and opens the
 * vault; the damaged file is kept beside it. */
static void
test_damaged_key_file_repaired (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) created = sc_vault_create (directory, WORKER, PASSPHRASE, NULL, &error);
  g_autofree char *key_path = g_build_filename (directory, SC_VAULT_KEY_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) id = g_regex_new ("(?m)^Id=.*$", 0, 0, NULL);
  g_autofree char *damaged = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  ScUnlockPage *unlock;

  g_assert_no_error (error);
  sc_vault_close (created);
  g_file_get_contents (key_path, &contents, NULL, &error);
  g_assert_no_error (error);
  damaged = g_regex_replace_literal (id, contents, -1, 0, "Id=scribbled-over", 0, NULL);
  g_file_set_contents_full (key_path, damaged, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);

  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "unlock");
  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  g_assert_nonnull (sc_test_find_text (GTK_WIDGET (unlock), "key file is damaged"));
  sc_test_save_png (GTK_WIDGET (window), "unlock-key-file-damaged");
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");
  g_assert_cmpstr (sc_vault_get_worker_name (sc_application_get_vault (app)), ==, WORKER);
  {
    g_autoptr(ScKeyFile) repaired = sc_key_file_load (key_path, &error);

    g_assert_no_error (error);
    g_assert_true (g_uuid_string_is_valid (sc_key_file_get_vault_id (repaired)));
  }
  sc_test_stop_app (app, window);
}

/* A council file that would crash the parser (100,000 levels deep): the app
 * starts on the built-in procedure and says so in a banner naming the file. */
static void
test_hostile_council_file_banner (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "safecase", NULL);
  g_autofree char *path = g_build_filename (dir, "procedure.json", NULL);
  g_autofree char *deep = g_strnfill (100000, '[');
  ScApplication *app;
  ScWindow *window = NULL;
  GtkWidget *label, *bar;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, deep, -1, NULL));

  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "welcome");
  label = sc_test_find_label (GTK_WIDGET (window), "The council’s procedure file cannot be used");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), path));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "nested more than 64 levels"));
  bar = gtk_widget_get_ancestor (label, GTK_TYPE_INFO_BAR);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  g_assert_cmpuint (sc_procedure_get_n_steps (sc_application_get_procedure (app)), ==, 22);
  sc_test_set_size (window, 960, 680);
  sc_test_save_png (GTK_WIDGET (window), "procedure-banner");
  sc_test_set_size (window, 360, 640);
  sc_test_save_png (GTK_WIDGET (window), "procedure-banner-narrow");

  /* Closed by the worker, it goes. */
  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  sc_test_stop_app (app, window);
}

/* Every shortcut in the Shortcuts window shows its keys: a window's own key
 * binding is invisible to it unless the keys are named. */
static void
test_shortcuts_show_keys (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_app (FALSE, &window);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH
                                                                 "/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  guint n = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      n++;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action, "title", &title,
                    NULL);
      if (accelerator == NULL || *accelerator == '\0')
        {
          g_auto(GStrv) accels = action != NULL
                                 ? gtk_application_get_accels_for_action (GTK_APPLICATION (app), action)
                                 : NULL;

          if (accels == NULL || accels[0] == NULL)
            g_error ("The shortcut “%s” shows no keys", title);
        }
    }
  g_slist_free (objects);
  g_assert_cmpuint (n, >=, 7);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  sc_test_stop_app (app, window);
}

/* Locked, then quit: the lock holds across the restart. */
static void
lock_then_quit (void)
{
  ScWindow *window = NULL;
  /* The first start of the login session: the keyring opens it. */
  ScApplication *app = sc_test_start_on_caseload (&window);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  sc_test_stop_app (app, window);
}

static void
start_again_asks_passphrase (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_app (FALSE, &window);
  ScUnlockPage *unlock;

  /* At once the unlock page: the keyring was never asked, though it holds
   * the key. */
  g_assert_cmpstr (sc_test_visible_page (window), ==, "unlock");
  sc_test_settle ();
  g_assert_cmpstr (sc_test_visible_page (window), ==, "unlock");
  g_assert_null (sc_application_get_vault (app));
  sc_test_save_png (GTK_WIDGET (window), "unlock-after-restart");

  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");
  sc_test_stop_app (app, window);
}

/* The next login session's first start: the keyring again. */
static void
next_login_opens_with_keyring (void)
{
  ScWindow *window = NULL;
  ScApplication *app;

  sc_test_new_login_session ();
  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  sc_test_stop_app (app, window);
}

/* Unless the worker always wants to be asked (automatic login). */
static void
always_ask_asks (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ScWindow *window = NULL;
  ScApplication *app;

  sc_test_new_login_session ();
  g_settings_set_boolean (settings, "always-ask-passphrase", TRUE);
  app = sc_test_start_app (FALSE, &window);
  g_assert_cmpstr (sc_test_visible_page (window), ==, "unlock");
  sc_test_settle ();
  g_assert_null (sc_application_get_vault (app));
  sc_test_stop_app (app, window);
}

static guint
count_visible (GListModel *windows)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (windows, i);

      n += gtk_widget_get_visible (window);
    }
  return n;
}

/* A lock closes every dialog and window; a name typed in Add a Child is
 * kept, not dropped, and Preferences are out of reach until the unlock. */
static void
test_lock_closes_dialogs_keeping_typing (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  ScWindow *window = NULL;
  ScApplication *app;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  ScUnlockPage *unlock;

  /* A contact on a personal device, for the manager's list to export. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);
    g_autoptr(ScContact) contact = sc_contact_new (child_id);
    g_autofree char *now = sc_datetime_now_storage ();

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (contact), "happened-at", now);
    sc_record_set_text (SC_RECORD (contact), "device", "personal");
    sc_record_set_text (SC_RECORD (contact), "channel", "text");
    sc_record_set_text (SC_RECORD (contact), "direction", "to");
    sc_record_set_text (SC_RECORD (contact), "with-whom", "child");
    sc_record_set_text (SC_RECORD (contact), "summary", "Texted about Friday");
    g_assert_true (sc_records_save (vault, SC_RECORD (contact), &error));
    g_assert_no_error (error);
    /* Copied already: no weekly reminder (there is no notification service). */
    {
      g_autoptr(GPtrArray) copied = g_ptr_array_new ();

      g_ptr_array_add (copied, contact);
      g_assert_true (sc_records_mark_copied (vault, copied, &error));
      g_assert_no_error (error);
    }
    sc_vault_close (vault);
  }
  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");

  /* A file chooser open too: export from the personal-device list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-contacts", "x", (gint64) 0);
  sc_test_wait_for_page (window, "contacts");
  gtk_widget_activate_action (sc_test_page (window, "contacts"), "contacts.export", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (toplevel), "choose");
    }
  sc_test_settle ();
  /* The window, the "not encrypted" warning and the file chooser. */
  g_assert_cmpuint (count_visible (toplevels), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
  sc_test_wait_for_page (window, "caseload");

  gtk_widget_activate_action (GTK_WIDGET (window), "window.add-child", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                        "Add a Child") == 0)
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Noah Clarke");
  g_assert_cmpuint (count_visible (toplevels), ==, 5);
  /* Typing in any of these windows is activity for the idle lock: each
   * has the app's capture-phase watcher (Xvfb gives no way to type into
   * a window from here, so the watcher itself is what is checked). */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (toplevel);
      gboolean watched = FALSE;

      if (!gtk_widget_get_visible (toplevel))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);

          watched |= GTK_IS_EVENT_CONTROLLER_LEGACY (controller)
                     && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE;
        }
      if (!watched)
        g_error ("A %s the worker types in does not count as activity",
                 G_OBJECT_TYPE_NAME (toplevel));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  sc_test_settle ();
  /* Only the main window is left, and Preferences cannot open. */
  g_assert_cmpuint (count_visible (toplevels), ==, 1);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));

  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  /* Back where the typing led: the child it named, kept in the vault. */
  sc_test_wait_for_page (window, "child");
  g_assert_cmpstr (sc_child_get_name (sc_page_get_child (SC_PAGE (SC_CHILD_PAGE (
                     sc_test_page (window, "child"))))), ==, "Noah Clarke");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  sc_test_stop_app (app, window);
}

static gboolean
clipboard_is_empty (gpointer data)
{
  return gdk_clipboard_get_content (data) == NULL;
}

/* What the app copies (a case note) is taken off the clipboard after a
 * while and at a lock, unless something else was copied since. */
static void
test_clipboard_cleared (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_on_caseload (&window);
  GdkClipboard *clipboard;
  ScUnlockPage *unlock;

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  /* After the time set (here a second). */
  g_settings_set_uint (settings, "clipboard-clear-seconds", 1);
  sc_application_copy_text (app, clipboard, "Electronic contact with AJ");
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  sc_test_wait_until (clipboard_is_empty, clipboard, "the clipboard to be cleared");

  /* At a lock, at once. */
  g_settings_set_uint (settings, "clipboard-clear-seconds", 600);
  sc_application_copy_text (app, clipboard, "Electronic contact with AJ");
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  g_assert_null (gdk_clipboard_get_content (clipboard));

  /* Not what the worker copied since. */
  unlock = SC_UNLOCK_PAGE (sc_test_page (window, "unlock"));
  gtk_editable_set_text (sc_test_editable (GTK_WIDGET (unlock), "passphrase_row"), PASSPHRASE);
  gtk_widget_activate_action (GTK_WIDGET (unlock), "unlock.unlock", NULL);
  sc_test_wait_for_page (window, "caseload");
  sc_application_copy_text (app, clipboard, "Electronic contact with AJ");
  gdk_clipboard_set_text (clipboard, "the worker's own text");
  gtk_widget_activate_action (GTK_WIDGET (window), "app.lock", NULL);
  sc_test_wait_for_page (window, "unlock");
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  sc_test_stop_app (app, window);
}

/* Opening a draft shows its ticked lists and changes none of them (the
 * media list was once emptied while the incident types were shown). */
static void
test_opening_a_concern_keeps_its_lists (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConcern) concern = sc_concern_new (child_id);
  g_autoptr(ScConcern) again = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  gint64 concern_id;

  {
    g_autoptr(ScVault) vault = sc_vault_open_with_keyring (directory, NULL, &error);

    g_assert_no_error (error);
    sc_record_set_text (SC_RECORD (concern), "own-words", "he sent me pictures");
    sc_record_set_text (SC_RECORD (concern), "incident-types", "bullying,hate");
    sc_record_set_text (SC_RECORD (concern), "media", "email,webcam");
    g_assert_true (sc_records_save (vault, SC_RECORD (concern), &error));
    concern_id = sc_record_get_id (SC_RECORD (concern));
    sc_vault_close (vault);
  }

  app = sc_test_start_app (FALSE, &window);
  sc_test_wait_for_page (window, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x", child_id);
  sc_test_wait_for_page (window, "child");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-concern", "x", concern_id);
  sc_test_wait_for_page (window, "concern");
  /* Back: the draft is flushed to the vault as it is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.back", NULL);
  sc_test_wait_for_page (window, "child");

  again = sc_records_load (sc_application_get_vault (app), SC_TYPE_CONCERN, concern_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (again), "incident-types"), ==, "bullying,hate");
  g_assert_cmpstr (sc_record_get_text (SC_RECORD (again), "media"), ==, "email,webcam");
  sc_test_stop_app (app, window);
}

/* Verify Audit Trail, from the main menu: the count and the head, said in
 * a dialog. */
static void
test_verify_audit_from_menu (void)
{
  ScWindow *window = NULL;
  ScApplication *app;
  AdwMessageDialog *dialog;
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.verify-audit", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Audit Trail Intact");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the record kept in the vault’s key file"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Head: "));
  sc_test_save_png (GTK_WIDGET (dialog), "verify-audit");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_stop_app (app, window);
}

static gboolean
vault_closed (gpointer data)
{
  return sc_application_get_vault (data) == NULL;
}

/* A logout or a shutdown (SIGTERM): what was typed is saved and the vault
 * locked, before the process goes. */
static void
test_sigterm_saves_and_locks (void)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  gint64 child_id = sc_test_vault_with_child ("Ava Jones");
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GError) error = NULL;
  ScWindow *window = NULL;
  ScApplication *app;
  GtkWidget *editor;

  app = sc_test_start_app (FALSE, &window);
  sc_test_open_child (window, child_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.new-concern", NULL);
  sc_test_wait_for_page (window, "concern");
  editor = sc_test_page (window, "concern");
  gtk_text_buffer_set_text (sc_test_text_buffer (editor, "own_words_view"),
                            "he said not to tell anyone", -1);

  g_assert_cmpint (raise (SIGTERM), ==, 0);
  sc_test_wait_until (vault_closed, app, "the vault to close on SIGTERM");
  g_assert_true (sc_lock_state_holds (directory));
  sc_test_stop_app (app, window);

  /* The lock holds: the passphrase opens the vault, and the words are there. */
  vault = sc_vault_open_with_passphrase (directory, SC_TEST_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  concerns = sc_records_list_concerns (vault, child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concerns->len, ==, 1);
  g_assert_cmpstr (sc_record_get_text (concerns->pdata[0], "own-words"), ==,
                   "he said not to tell anyone");
}

static gboolean
manager_listed (gpointer prefs)
{
  g_autoptr(GPtrArray) rows = sc_test_find_all (sc_test_find_by_id (prefs, "managers_group"),
                                                ADW_TYPE_ACTION_ROW);

  return rows->len == 1;
}

/* Preferences, People: the worker adds the first manager, who types their
 * own passphrase; the worker confirms with theirs. A mistyped passphrase
 * asks again, keeping the rest; a later manager is confirmed by a manager. */
static void
test_add_manager (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_on_caseload (&window);
  AdwMessageDialog *dialog;
  GtkWidget *prefs;
  g_autoptr(GPtrArray) managers = NULL;
  const struct { const char *title, *text; } typed[] = {
    { "Manager’s Name", "Priya Shah" },
    { "Role, e.g. Team Manager", "Team manager" },
    { "Manager’s Passphrase", "Green-Teapot-77" },
    { "Manager’s Passphrase Again", "Green-Teapot-77" },
    { "Your Own Passphrase, to Confirm", PASSPHRASE },
  };

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sc_test_wait_for_window (SC_TYPE_PREFERENCES_WINDOW);
  gtk_widget_activate_action (prefs, "prefs.add-manager", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), typed[i].title)),
                           typed[i].text);
  /* Mistyped the second time: asked again, the name and role kept. */
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Manager’s Passphrase Again")),
                         "Green-Teapot-78");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not the same"));
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog),
                                                                            typed[i].title))),
                     ==, typed[i].text);
  for (guint i = 2; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), typed[i].title)),
                           typed[i].text);
  sc_test_save_png (GTK_WIDGET (dialog), "add-manager");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_wait_until (manager_listed, prefs, "the manager listed");
  g_assert_nonnull (sc_test_find_row (prefs, "Priya Shah"));

  managers = sc_vault_list_managers (sc_application_get_vault (app), NULL);
  g_assert_cmpuint (managers->len, ==, 1);
  g_assert_cmpstr (((ScManager *) managers->pdata[0])->role, ==, "Team manager");

  /* The next manager is confirmed by a manager, not the worker. */
  gtk_widget_activate_action (prefs, "prefs.add-manager", NULL);
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (sc_test_find_row (GTK_WIDGET (dialog), "A Manager’s Passphrase, to Confirm"));
  g_assert_null (sc_test_find_row (GTK_WIDGET (dialog), "Your Own Passphrase, to Confirm"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));
  sc_test_stop_app (app, window);
}

static gboolean
key_file_opens_with (gpointer data)
{
  ScApplication *app = SC_APPLICATION (g_application_get_default ());
  g_autofree char *path = g_build_filename (sc_application_get_vault_directory (app),
                                            SC_VAULT_KEY_NAME, NULL);
  g_autoptr(ScKeyFile) key_file = sc_key_file_load (path, NULL);
  g_autoptr(ScKey) key = key_file != NULL ? sc_key_file_unwrap (key_file, data, NULL) : NULL;

  return key != NULL;
}

static AdwMessageDialog *
type_change_passphrase (GtkWidget  *prefs,
                        const char *current,
                        const char *replacement,
                        const char *again)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));

  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "Current Passphrase")), current);
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "New Passphrase")), replacement);
  gtk_editable_set_text (GTK_EDITABLE (sc_test_find_row (GTK_WIDGET (dialog), "New Passphrase Again")), again);
  return dialog;
}

static gboolean
dialog_shown (gpointer data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

/* Preferences, Change Passphrase: two new ones that differ, and a weak
 * one, are asked again with the reason and change nothing; a good one is
 * the passphrase from then on, the old one opens nothing, and the
 * keyring still opens the vault. */
static void
test_change_passphrase (void)
{
  ScWindow *window = NULL;
  ScApplication *app = sc_test_start_on_caseload (&window);
  AdwMessageDialog *dialog;
  GtkWidget *prefs;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sc_test_wait_for_window (SC_TYPE_PREFERENCES_WINDOW);

  gtk_widget_activate_action (prefs, "prefs.change-passphrase", NULL);
  dialog = type_change_passphrase (prefs, PASSPHRASE, "Orchard-Lantern-58", "Orchard-Lantern-59");
  sc_test_save_png (GTK_WIDGET (dialog), "change-passphrase");
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not the same"));

  /* A weak one: the reason, from the thread, in the dialog again. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (prefs, "prefs.change-passphrase", NULL);
  dialog = type_change_passphrase (prefs, PASSPHRASE, "Password1", "Password1");
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_wait_until (dialog_shown, NULL, "the dialog asking again");
  dialog = ADW_MESSAGE_DIALOG (sc_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "dictionary word"));
  sc_test_save_png (GTK_WIDGET (dialog), "change-passphrase-weak");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (key_file_opens_with ((gpointer) PASSPHRASE));

  gtk_widget_activate_action (prefs, "prefs.change-passphrase", NULL);
  dialog = type_change_passphrase (prefs, PASSPHRASE, "Orchard-Lantern-58", "Orchard-Lantern-58");
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sc_test_wait_until (key_file_opens_with, (gpointer) "Orchard-Lantern-58",
                      "the new passphrase to open the vault");
  g_assert_false (key_file_opens_with ((gpointer) PASSPHRASE));
  g_assert_false (dialog_shown (NULL));
  gtk_window_destroy (GTK_WINDOW (prefs));
  sc_test_stop_app (app, window);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_ui_init (&argc, &argv);

  sc_test_ui_add ("/window/first-run/create-lock-unlock", test_first_run_lock_unlock);
  sc_test_ui_add ("/window/start/hostile-council-file-banner", test_hostile_council_file_banner);
  sc_test_ui_add ("/window/shortcuts/show-keys", test_shortcuts_show_keys);
  sc_test_ui_add ("/window/concern/opening-keeps-its-lists", test_opening_a_concern_keeps_its_lists);
  sc_test_ui_add ("/window/clipboard/cleared-after-a-while-and-at-lock", test_clipboard_cleared);
  sc_test_ui_add ("/window/audit/verify-from-menu", test_verify_audit_from_menu);
  sc_test_ui_add ("/window/preferences/add-manager", test_add_manager);
  sc_test_ui_add ("/window/preferences/change-passphrase", test_change_passphrase);
  sc_test_ui_add ("/window/signal/sigterm-saves-and-locks", test_sigterm_saves_and_locks);
  sc_test_ui_add ("/window/lock/closes-dialogs-keeping-typing", test_lock_closes_dialogs_keeping_typing);
  sc_test_ui_add_restart ("/window/lock/holds-across-restart-until-next-login", lock_then_quit,
                          start_again_asks_passphrase, next_login_opens_with_keyring,
                          always_ask_asks, NULL);
  sc_test_ui_add ("/window/later-start/opens-with-keyring", test_later_start_opens_with_keyring);
  sc_test_ui_add ("/window/later-start/asks-passphrase-without-keyring-key",
                  test_later_start_without_key_asks_passphrase);
  sc_test_ui_add ("/window/later-start/damaged-key-file-repaired", test_damaged_key_file_repaired);

  return g_test_run ();
}
