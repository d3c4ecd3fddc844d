/* sc-preferences-window.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-preferences-window.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *idle_spin;
  GtkSwitch            *initials_switch;
  GtkSwitch            *always_ask_switch;
  GtkSwitch            *reminder_switch;
  AdwActionRow         *folder_row;
  AdwActionRow         *procedure_row;
};

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sc_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sc_preferences_window_parent_class)->dispose (object);
}

static void
sc_preferences_window_class_init (ScPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, always_ask_switch);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, procedure_row);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, initials_switch);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, reminder_switch);
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ScPreferencesWindow *
sc_preferences_window_new (ScApplication *application)
{
  ScPreferencesWindow *self = g_object_new (SC_TYPE_PREFERENCES_WINDOW, NULL);
  GSettings *settings = sc_application_get_settings (application);

  g_settings_bind (settings, "idle-lock-minutes", self->idle_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "case-note-initials", self->initials_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "always-ask-passphrase", self->always_ask_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "contact-reminders", self->reminder_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->folder_row,
                               sc_application_get_vault_directory (application));

  /* Which procedure is in use, its version and review date, and why a
   * council's file was not used. */
  {
    ScProcedure *procedure = sc_application_get_procedure (application);
    const GError *refused = NULL;
    const char *notice = NULL;
    const char *source = sc_application_get_procedure_source (application, &refused, &notice);
    g_autoptr(GString) text = g_string_new (NULL);

    if (source != NULL)
      g_string_append_printf (text, _("%s, from %s."), sc_procedure_get_name (procedure), source);
    else if (refused != NULL)
      g_string_append_printf (text, _("The built-in procedure. The council’s file was not used "
                                      "because it has a problem: %s. Check it with safecase "
                                      "--check-procedure."), refused->message);
    else
      g_string_append_printf (text, _("%s, built in."), sc_procedure_get_name (procedure));
    if (sc_procedure_get_version (procedure) != NULL)
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, _("Version %s."), sc_procedure_get_version (procedure));
      }
    if (sc_procedure_get_review_date (procedure) != NULL)
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
        g_autofree char *review = sc_date_format_display (sc_procedure_get_review_date (procedure));

        g_string_append_c (text, ' ');
        if (sc_procedure_review_is_due (procedure, today))
          g_string_append_printf (text, _("It was due for review on %s: ask whoever looks after "
                                          "the council’s procedure to review it."), review);
        else
          g_string_append_printf (text, _("To be reviewed by %s."), review);
      }
    if (notice != NULL)
      g_string_append_printf (text, " %s", notice);
    adw_action_row_set_subtitle (self->procedure_row, text->str);
  }

  return self;
}
