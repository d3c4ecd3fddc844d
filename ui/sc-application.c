/* sc-application.c: lifecycle, actions and the lock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include <glib-unix.h>

#include <glib/gi18n.h>

#include "sc-application-private.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-explain.h"
#include "sc-form.h"
#include "sc-desktop-lock.h"
#include "sc-lock-state.h"
#include "sc-procedure.h"
#include "sc-records.h"
#include "sc-preferences-window.h"
#include "sc-window.h"

struct _ScApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;
  ScVault         *vault;
  ScProcedure     *procedure;
  char            *procedure_source;
  char            *procedure_notice;
  GError          *procedure_error;
  char            *vault_directory;
  gboolean         was_locked;
  gboolean         demo;

  /* Idle lock: the time of the last key press or pointer movement in any
   * window, and one timeout that fires when the limit could be reached. */
  gint64           last_activity;
  guint            idle_source;
  guint            idle_timeout_ms_override;
  guint            reminder_source;
  guint            signal_sources[3];   /* SIGTERM, SIGINT, SIGHUP */

  ScDesktopLock   *desktop_lock;

  /* Text the app put on the clipboard, while it is still there. */
  GdkClipboard       *clipboard;
  GdkContentProvider *copied;
  guint               clear_clipboard_source;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ABOUT_TO_LOCK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version of Safecase and exit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo vault of fictional children, for training"), NULL },
  { "check-procedure", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a council’s procedure file and exit"), N_("FILE") },
  { "explain-response", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the steps the procedure gives the concern a scenario file describes, and exit"),
    N_("SCENARIO") },
  { "procedure", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --explain-response: the procedure file to use, not the one in force"), N_("FILE") },
  { "verify-audit", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the vault’s audit trail, with the key from the login keyring, and exit"), NULL },
  { NULL }
};

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/* Idle lock ---------------------------------------------------------------- */

static guint
idle_limit_ms (ScApplication *self)
{
  if (self->idle_timeout_ms_override > 0 || self->settings == NULL)
    return self->idle_timeout_ms_override;
  return g_settings_get_uint (self->settings, "idle-lock-minutes") * 60 * 1000;
}

static void schedule_idle_lock (ScApplication *self);

static gboolean
idle_lock_cb (gpointer user_data)
{
  ScApplication *self = user_data;
  gint64 idle_ms = (sc_time_since_boot () - self->last_activity) / 1000;

  self->idle_source = 0;

  if (self->vault == NULL)
    return G_SOURCE_REMOVE;

  if (idle_ms >= idle_limit_ms (self))
    {
      g_debug ("Locking after %" G_GINT64_FORMAT " ms without activity", idle_ms);
      sc_application_lock (self);
    }
  else
    schedule_idle_lock (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_idle_lock (ScApplication *self)
{
  gint64 idle_ms = (sc_time_since_boot () - self->last_activity) / 1000;
  gint64 remaining = MAX (0, (gint64) idle_limit_ms (self) - idle_ms);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  /* Timeouts do not count time asleep: look again at least every 30 s, so
   * a laptop woken after an hour locks at once even if the sleep signal
   * was missed. */
  if (self->vault != NULL)
    self->idle_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) MIN (remaining + 1, 30000),
                                            idle_lock_cb, self, NULL);
}

void
sc_application_note_activity (ScApplication *self)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  /* Cheap on purpose: this runs for every pointer motion. The pending
   * timeout notices the new time when it fires and waits the rest. */
  self->last_activity = sc_time_since_boot ();
  if (self->idle_source == 0 && self->vault != NULL)
    schedule_idle_lock (self);
}

void
sc_application_set_idle_timeout_ms (ScApplication *self,
                                    guint          timeout_ms)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  self->idle_timeout_ms_override = timeout_ms;
  schedule_idle_lock (self);
}

static void
idle_lock_minutes_changed_cb (ScApplication *self)
{
  schedule_idle_lock (self);
}

/* Weekly contact reminders ---------------------------------------------------- */

#define REMINDER_CHECK_SECONDS (6 * 60 * 60)

/* Once a week per child, the contacts not yet copied to the case system.
 * The notification names nobody: it can show on a locked screen. */
void
sc_application_check_reminders (ScApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (SC_IS_APPLICATION (self));

  if (self->vault == NULL || self->settings == NULL
      || !g_settings_get_boolean (self->settings, "contact-reminders"))
    return;

  if (!(due = sc_records_children_to_remind (self->vault, now, &error)))
    {
      g_message ("Could not check for contacts to copy: %s", error->message);
      return;
    }
  if (due->len == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u child has electronic contacts not yet copied to the case system.",
                                       "%u children have electronic contacts not yet copied to the case system.",
                                       due->len),
                          due->len);
  notification = g_notification_new (_("Contacts to Copy to the Case System"));
  g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (self), "contacts-to-copy", notification);

  if (!sc_records_mark_reminded (self->vault, due, now, &error))
    g_message ("Could not note the reminder: %s", error->message);
}

static gboolean
reminder_timeout_cb (gpointer data)
{
  sc_application_check_reminders (data);
  return G_SOURCE_CONTINUE;
}

/* The clipboard --------------------------------------------------------------- */

/* Clipboard text outlives the app: what Safecase put there is taken off
 * after clipboard-clear-seconds and at a lock, but only while it is still
 * there (something copied since is the worker's, not ours). */
void
sc_application_clear_clipboard (ScApplication *self)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);
  if (self->clipboard != NULL && self->copied != NULL && gdk_clipboard_is_local (self->clipboard)
      && gdk_clipboard_get_content (self->clipboard) == self->copied)
    gdk_clipboard_set_content (self->clipboard, NULL);
  g_clear_object (&self->copied);
  g_clear_object (&self->clipboard);
}

static gboolean
clear_clipboard_cb (gpointer data)
{
  ScApplication *self = data;

  self->clear_clipboard_source = 0;
  sc_application_clear_clipboard (self);
  return G_SOURCE_REMOVE;
}

void
sc_application_copy_text (ScApplication *self,
                          GdkClipboard  *clipboard,
                          const char    *text)
{
  GValue value = G_VALUE_INIT;
  guint seconds = self->settings != NULL
                  ? g_settings_get_uint (self->settings, "clipboard-clear-seconds") : 60;

  g_return_if_fail (SC_IS_APPLICATION (self));

  sc_application_clear_clipboard (self);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  self->copied = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  self->clipboard = g_object_ref (clipboard);
  gdk_clipboard_set_content (clipboard, self->copied);
  self->clear_clipboard_source = g_timeout_add_seconds (seconds, clear_clipboard_cb, self);
}

/* Locking when the desktop locks -------------------------------------------- */

static void
desktop_lock_requested_cb (ScApplication *self)
{
  sc_application_lock (self);
}

static void
watch_desktop_lock (ScApplication *self)
{
  self->desktop_lock = sc_desktop_lock_new (g_application_get_dbus_connection (G_APPLICATION (self)),
                                            NULL);
  g_signal_connect_object (self->desktop_lock, "lock-requested",
                           G_CALLBACK (desktop_lock_requested_cb), self, G_CONNECT_SWAPPED);
  sc_desktop_lock_watch_system_bus (self->desktop_lock);
}

/* Actions ------------------------------------------------------------------ */

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  sc_application_lock (user_data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ScApplication *self = user_data;

  /* Close the vault before windows go, so nothing is left open. */
  sc_application_lock (self);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ScApplication *self = user_data;
  static const char *developers[] = { "The Safecase developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Safecase"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Safecase developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Record e-safety concerns about looked-after children, "
                                      "follow the response the safeguarding procedure asks for, "
                                      "and keep every electronic contact noted. Everything is kept "
                                      "in an encrypted vault on this computer."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ScApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ScPreferencesWindow *prefs = sc_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "lock", lock_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* Lifecycle ---------------------------------------------------------------- */

/* For the administrator deploying a council's procedure: every problem,
 * one per line, as FILE:LINE: what is wrong. */
static int
sc_application_check_procedure_file (const char *path)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProcedure) procedure = sc_procedure_new_from_file (path, &problems, &error);

  if (procedure != NULL)
    {
      g_print ("valid: %u steps, %u contacts\n", sc_procedure_get_n_steps (procedure),
               sc_procedure_get_n_contacts (procedure));
      return 0;
    }

  /* A file that cannot be read has no line to name. */
  if (problems == NULL)
    g_printerr ("%s: %s\n", path, error->message);
  else
    for (guint i = 0; i < problems->len; i++)
      {
        g_autofree char *line = sc_procedure_format_problem (path, problems->pdata[i]);

        g_printerr ("%s\n", line);
      }
  return 1;
}

/* For the administrator testing a council's procedure: the steps a concern
 * would get, one per line, "id<TAB>title<TAB>due<TAB>applies|may-apply",
 * from the same engine as the window. @procedure_path NULL: the procedure
 * in force (the administrator's, the worker's, or the built-in one). */
static int
sc_application_explain_response (const char *scenario_path,
                                 const char *procedure_path)
{
  g_autoptr(ScProcedure) procedure = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (procedure_path != NULL)
    {
      g_autoptr(GPtrArray) problems = NULL;

      if (!(procedure = sc_procedure_new_from_file (procedure_path, &problems, &error)))
        {
          if (problems == NULL)
            g_printerr ("%s: %s\n", procedure_path, error->message);
          else
            for (guint i = 0; i < problems->len; i++)
              {
                g_autofree char *line = sc_procedure_format_problem (procedure_path, problems->pdata[i]);

                g_printerr ("%s\n", line);
              }
          return 1;
        }
    }
  else
    {
      g_autofree char *source = NULL;
      g_autofree char *notice = NULL;
      g_autoptr(GError) council_error = NULL;

      procedure = sc_procedure_new_for_user (&source, &notice, &council_error);
      if (council_error != NULL)
        g_printerr ("%s: %s (the built-in procedure is used)\n", source != NULL ? source : "procedure",
                    council_error->message);
    }
  if (!sc_explain_response_file (procedure, scenario_path, out, &error))
    {
      g_printerr ("%s: %s\n", scenario_path, error->message);
      return 1;
    }
  g_print ("%s", out->str);
  return 0;
}

/* For a manager or an auditor: the whole audit trail checked, with the key
 * from the login keyring, as "intact: N entries, head HEX" or the first
 * entry that was changed, removed or moved (exit status 1). A vault whose
 * lock holds is not opened: only the passphrase opens it then. */
static int
sc_application_verify_audit (const char *directory)
{
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScAuditReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  if (sc_lock_state_holds (directory))
    {
      g_printerr ("%s\n", _("The vault is locked. Unlock it in Safecase with your passphrase, "
                            "then check its audit trail from the main menu."));
      return 1;
    }
  if (!(vault = sc_vault_open_for_check (directory, &error))
      || !(report = sc_vault_verify_audit (vault, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      g_printerr ("%s\n", sentence);
      return 1;
    }
  said = sc_audit_report_describe (report);
  g_print ("%s\n", said);
  return report->intact ? 0 : 1;
}

static int
sc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ScApplication *self = SC_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("safecase %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "check-procedure"))
    {
      g_autofree char *path = NULL;

      g_variant_dict_lookup (options, "check-procedure", "^ay", &path);
      return sc_application_check_procedure_file (path);
    }

  if (g_variant_dict_contains (options, "procedure")
      && !g_variant_dict_contains (options, "explain-response"))
    {
      g_printerr ("%s\n", _("--procedure names the file --explain-response tests; give both."));
      return 1;
    }

  if (g_variant_dict_contains (options, "explain-response"))
    {
      g_autofree char *scenario = NULL;
      g_autofree char *procedure = NULL;

      g_variant_dict_lookup (options, "explain-response", "^ay", &scenario);
      g_variant_dict_lookup (options, "procedure", "^ay", &procedure);
      return sc_application_explain_response (scenario, procedure);
    }

  if (g_variant_dict_contains (options, "verify-audit"))
    {
      g_autofree char *directory = sc_vault_get_default_directory (g_variant_dict_contains (options,
                                                                                            "demo"));

      return sc_application_verify_audit (directory);
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A window of its own, never the running real one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      sc_application_set_demo (self, TRUE);
    }

  return -1;
}

/* SIGTERM, SIGINT and SIGHUP (a logout, a shutdown, Ctrl+C in a
 * terminal): what was typed is saved as drafts and the vault closed, as
 * Quit does, before the process goes. */
static gboolean
quit_on_signal_cb (gpointer data)
{
  ScApplication *self = data;

  g_message ("Signal received: saving, locking and quitting");
  sc_application_lock (self);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static gboolean
dialog_activity_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    ScApplication            *self)
{
  sc_application_note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

/* Typing in a dialog (a sign-off's comments, an addendum) is activity as
 * much as typing in the window: every other window the app opens counts
 * for the idle lock. The main window counts its own. */
static void
toplevels_changed_cb (GListModel    *toplevels,
                      guint          position,
                      guint          removed,
                      guint          added,
                      ScApplication *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkEventController *activity;

      if (SC_IS_WINDOW (window))
        continue;
      activity = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
      g_signal_connect_object (activity, "event", G_CALLBACK (dialog_activity_cb), self, 0);
      gtk_widget_add_controller (window, activity);
    }
}

static void
sc_application_startup (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);
  static const char *lock_accels[] = { "<Control>l", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);

#ifdef DEVELOPMENT_ICON_DIR
  /* Run from the build tree, the app's icon is in no icon theme. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  DEVELOPMENT_ICON_DIR);
#endif

  /* Here, not in init, so that --version works without the schema. */
  self->settings = g_settings_new (APP_ID);
  /* A council's procedure that does not load leaves the built-in one in
   * use; Preferences says which, and why. */
  sc_application_get_procedure (self);
  g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                           G_CALLBACK (idle_lock_minutes_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* Nothing to lock, and no Preferences, until a vault is open. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->vault != NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                           "lock")),
                               FALSE);
  watch_desktop_lock (self);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, 0);

  {
    const int signals_to_catch[] = { SIGTERM, SIGINT, SIGHUP };

    for (guint i = 0; i < G_N_ELEMENTS (signals_to_catch); i++)
      self->signal_sources[i] = g_unix_signal_add (signals_to_catch[i], quit_on_signal_cb, self);
  }
}

static void
sc_application_activate (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (sc_window_new (self));

  gtk_window_present (window);
}

static void
sc_application_shutdown (GApplication *app)
{
  ScApplication *self = SC_APPLICATION (app);

  sc_application_lock (self);
  g_clear_object (&self->desktop_lock);

  G_APPLICATION_CLASS (sc_application_parent_class)->shutdown (app);
}

static void
sc_application_dispose (GObject *object)
{
  ScApplication *self = (ScApplication *) object;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  if (self->vault != NULL)
    sc_vault_close (self->vault);
  g_clear_object (&self->vault);
  g_clear_object (&self->desktop_lock);

  g_clear_handle_id (&self->clear_clipboard_source, g_source_remove);
  g_clear_object (&self->copied);
  g_clear_object (&self->clipboard);

  G_OBJECT_CLASS (sc_application_parent_class)->dispose (object);
}

static void
sc_application_finalize (GObject *object)
{
  ScApplication *self = (ScApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->procedure, sc_procedure_unref);
  g_clear_pointer (&self->procedure_source, g_free);
  g_clear_pointer (&self->procedure_notice, g_free);
  g_clear_error (&self->procedure_error);
  g_clear_pointer (&self->vault_directory, g_free);

  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScApplication *self = SC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sc_application_dispose;
  object_class->finalize = sc_application_finalize;
  object_class->get_property = sc_application_get_property;

  app_class->handle_local_options = sc_application_handle_local_options;
  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->shutdown = sc_application_shutdown;

  /* The open vault, or NULL while Safecase is locked. */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScApplication::about-to-lock:
   *
   * The vault is about to close: save what is waiting to be saved.
   */
  signals[ABOUT_TO_LOCK] = g_signal_new ("about-to-lock", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
sc_application_init (ScApplication *self)
{
  self->vault_directory = sc_vault_get_default_directory (FALSE);
  self->last_activity = sc_time_since_boot ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Record e-safety concerns about looked-after "
                                              "children in an encrypted vault."));
}

/* Public API ----------------------------------------------------------------- */

ScVault *
sc_application_get_vault (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->vault;
}

void
sc_application_set_vault (ScApplication *self,
                          ScVault       *vault)
{
  GAction *lock;

  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (vault == NULL || SC_IS_VAULT (vault));

  if (self->vault == vault)
    return;

  if (self->vault != NULL)
    sc_vault_close (self->vault);
  g_set_object (&self->vault, vault);
  /* How long a record stays open to edits before it is final. */
  if (vault != NULL && self->settings != NULL)
    sc_vault_set_final_after_hours (vault, g_settings_get_uint (self->settings, "final-after-hours"));

  lock = g_action_map_lookup_action (G_ACTION_MAP (self), "lock");
  if (lock != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (lock), vault != NULL);
  /* Preferences show where the vault is and what it holds: not while it is
   * locked. */
  lock = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  if (lock != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (lock), vault != NULL);

  self->last_activity = sc_time_since_boot ();
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  if (vault != NULL)
    {
      schedule_idle_lock (self);
      self->reminder_source = g_timeout_add_seconds (REMINDER_CHECK_SECONDS, reminder_timeout_cb,
                                                     self);
    }
  else
    g_clear_handle_id (&self->idle_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAULT]);

  if (vault != NULL)
    sc_application_check_reminders (self);
}

/* Closes the vault (which wipes the key) and hides every record. A window
 * locked this way asks for the passphrase: the keyring alone does not
 * reopen it, or anyone at an unlocked laptop could. */
void
sc_application_lock (ScApplication *self)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  if (self->vault == NULL)
    return;

  /* Drafts being typed reach the vault before it closes. */
  g_signal_emit (self, signals[ABOUT_TO_LOCK], 0);
  self->was_locked = TRUE;
  /* Every other window goes with the vault (file choosers, Preferences,
   * dialogs). The pages kept what was typed in theirs just now (a child's
   * name, evidence, an addendum as a draft); a sign-off's comments and the
   * Add Manager dialog are not kept: they are typed with a manager there. */
  sc_form_close_native_dialogs ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        GtkWindow *window = g_list_model_get_item (toplevels, i);

        if (SC_IS_WINDOW (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
          g_object_unref (window);
        else
          g_ptr_array_add (others, window);
      }
    /* The main window keeps its Shortcuts window, hidden; the rest go. A
     * GTK dialog (the print dialog) is answered Cancel first, so that
     * whatever waits on it ends too. */
    for (guint i = 0; i < others->len; i++)
      if (GTK_IS_SHORTCUTS_WINDOW (others->pdata[i]))
        gtk_widget_hide (others->pdata[i]);
      else
        {
          if (GTK_IS_DIALOG (others->pdata[i]))
            gtk_dialog_response (others->pdata[i], GTK_RESPONSE_CANCEL);
          gtk_window_destroy (others->pdata[i]);
        }
  }
  sc_application_clear_clipboard (self);
  /* On disk before the key is wiped: a restart asks for the passphrase. */
  {
    g_autoptr(GError) error = NULL;

    if (!sc_lock_state_write (self->vault_directory, &error))
      g_message ("Could not keep the lock across a restart: %s", error->message);
  }
  sc_application_set_vault (self, NULL);
}

gboolean
sc_application_get_was_locked (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), FALSE);

  return self->was_locked;
}

const char *
sc_application_get_vault_directory (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->vault_directory;
}

GSettings *
sc_application_get_settings (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The demo vault of fictional children lives in a folder of its own, so a
 * trainer never opens the real one by mistake. */
void
sc_application_set_demo (ScApplication *self,
                         gboolean       demo)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (self->vault == NULL);

  self->demo = demo;
  g_free (self->vault_directory);
  self->vault_directory = sc_vault_get_default_directory (demo);
}

gboolean
sc_application_get_demo (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), FALSE);

  return self->demo;
}

ScProcedure *
sc_application_get_procedure (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  if (self->procedure == NULL)
    self->procedure = sc_procedure_new_for_user (&self->procedure_source, &self->procedure_notice,
                                                 &self->procedure_error);
  return self->procedure;
}

/* The council file in use, or NULL for the built-in procedure; @error says
 * why a council file was not used, if one was refused, and @notice that the
 * worker's own file is ignored, if it is. */
const char *
sc_application_get_procedure_source (ScApplication  *self,
                                     const GError  **error,
                                     const char    **notice)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  sc_application_get_procedure (self);
  if (error != NULL)
    *error = self->procedure_error;
  if (notice != NULL)
    *notice = self->procedure_notice;
  return self->procedure_source;
}
