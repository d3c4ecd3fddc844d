/* sc-preferences-window.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-preferences-window.h"

struct _ScPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSpinButton        *idle_spin;
  GtkSwitch            *initials_switch;
  GtkSwitch            *always_ask_switch;
  GtkSwitch            *reminder_switch;
  GtkSwitch            *letter_switch;
  AdwActionRow         *folder_row;
  AdwActionRow         *procedure_row;
  AdwPreferencesGroup  *managers_group;

  ScApplication        *application;   /* weak */
  GPtrArray            *manager_rows;  /* the rows in managers_group */
};

/* What the Add Manager dialog asks for. */
typedef struct
{
  ScPreferencesWindow *self;
  GtkEditable         *name;
  GtkEditable         *role;
  GtkEditable         *passphrase;
  GtkEditable         *confirm;
  GtkEditable         *worker_passphrase;
} AddManager;

G_DEFINE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static ScVault *
get_vault (ScPreferencesWindow *self)
{
  return self->application != NULL ? sc_application_get_vault (self->application) : NULL;
}

static void
say (ScPreferencesWindow *self,
     const char          *sentence)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), sc_form_toast_new (sentence));
}

/* What went wrong, as a sentence: the vault's own words where it refused
 * what was typed, the error presenter's otherwise. */
static char *
error_sentence (GError *error)
{
  if (error->domain == SC_VAULT_ERROR && error->code == SC_VAULT_ERROR_INVALID_INPUT)
    return g_str_has_suffix (error->message, ".") ? g_strdup (error->message)
                                                  : g_strdup_printf ("%s.", error->message);
  return sc_error_message_for (error);
}

static void
say_error (ScPreferencesWindow *self,
           GError              *error)
{
  g_autofree char *sentence = error_sentence (error);

  say (self, sentence);
}

/* The managers, as the key file has them, each with a Remove button. */
static void
fill_managers (ScPreferencesWindow *self)
{
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->manager_rows->len; i++)
    adw_preferences_group_remove (self->managers_group, self->manager_rows->pdata[i]);
  g_ptr_array_set_size (self->manager_rows, 0);
  if (get_vault (self) == NULL)
    return;
  if (!(managers = sc_vault_list_managers (get_vault (self), &error)))
    {
      say_error (self, error);
      return;
    }
  for (guint i = 0; i < managers->len; i++)
    {
      ScManager *manager = managers->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), manager->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), manager->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), manager->role);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", manager->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "prefs.remove-manager");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->managers_group, row);
      g_ptr_array_add (self->manager_rows, row);
    }
}

static void
add_manager_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static GtkEditable *
add_entry (GtkWidget  *list,
           const char *title,
           gboolean    secret)
{
  GtkWidget *row = secret ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return GTK_EDITABLE (row);
}

static void present_add_manager (ScPreferencesWindow *self,
                                 const char          *name,
                                 const char          *role,
                                 const char          *problem);

/* The row the change is confirmed in: the worker's passphrase for the
 * first manager, a manager's after that (sc_vault_add_manager()). */
static GtkEditable *
add_confirm_entry (ScPreferencesWindow *self,
                   GtkWidget           *list)
{
  g_autoptr(GPtrArray) managers = sc_vault_list_managers (get_vault (self), NULL);

  return add_entry (list, managers != NULL && managers->len > 0
                          ? _("A Manager’s Passphrase, to Confirm")
                          : _("Your Own Passphrase, to Confirm"), TRUE);
}

static void
add_manager_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AddManager       *add)
{
  ScPreferencesWindow *self = add->self;
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (add->name);
  const char *role = gtk_editable_get_text (add->role);

  if (!g_str_equal (response, "add") || get_vault (self) == NULL)
    return;
  /* Asked again with the name and role as typed, and the reason. */
  if (!g_str_equal (gtk_editable_get_text (add->passphrase), gtk_editable_get_text (add->confirm)))
    {
      present_add_manager (self, name, role,
                           _("The manager’s two passphrases are not the same, so no one was "
                             "added. The manager types theirs again."));
      return;
    }
  if (!sc_vault_add_manager (get_vault (self), gtk_editable_get_text (add->worker_passphrase), name,
                             role, gtk_editable_get_text (add->passphrase), &error))
    {
      g_autofree char *sentence = error_sentence (error);

      present_add_manager (self, name, role, sentence);
      return;
    }
  fill_managers (self);
  {
    g_autofree char *said = g_strdup_printf (_("%s can now sign reviews with their own "
                                               "passphrase."), name);

    say (self, said);
  }
}

static void
present_add_manager (ScPreferencesWindow *self,
                     const char          *name,
                     const char          *role,
                     const char          *problem)
{
  AddManager *add = g_new0 (AddManager, 1);
  GtkWidget *list = gtk_list_box_new ();
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  add->self = self;
  add->name = add_entry (list, _("Manager’s Name"), FALSE);
  gtk_editable_set_text (add->name, name != NULL ? name : "");
  add->role = add_entry (list, _("Role, e.g. Team Manager"), FALSE);
  gtk_editable_set_text (add->role, role != NULL ? role : "");
  add->passphrase = add_entry (list, _("Manager’s Passphrase"), TRUE);
  add->confirm = add_entry (list, _("Manager’s Passphrase Again"), TRUE);
  add->worker_passphrase = add_confirm_entry (self, list);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add a Manager"),
                                                       problem != NULL ? problem
                                                       : _("The manager types their own "
                                                           "passphrase here, out of your sight; "
                                                           "then it is confirmed.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_manager_response_cb), add,
                         add_manager_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* prefs.add-manager: a manager, named, with a role and a passphrase of
 * their own; the worker confirms the first, a manager each later one. */
static void
add_manager_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present_add_manager (SC_PREFERENCES_WINDOW (widget), NULL, NULL, NULL);
}

/* What the Change Passphrase dialog asks for. */
typedef struct
{
  ScPreferencesWindow *self;
  GtkEditable         *current;
  GtkEditable         *replacement;
  GtkEditable         *confirm;
} ChangePassphrase;

static void present_change_passphrase (ScPreferencesWindow *self,
                                       const char          *problem);

static void
change_passphrase_free (gpointer  data,
                        GClosure *closure)
{
  g_free (data);
}

static void
passphrase_changed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.change-passphrase", TRUE);
  if (!sc_vault_change_passphrase_finish (SC_VAULT (source), result, &error))
    {
      g_autofree char *sentence = error_sentence (error);

      /* Closed by a lock meanwhile: nothing changed, and nothing to ask. */
      if (get_vault (self) != NULL && gtk_widget_get_visible (GTK_WIDGET (self)))
        present_change_passphrase (self, sentence);
      return;
    }
  say (self, _("Passphrase changed. Use the new one from now on; the old one no longer opens "
               "the vault."));
}

static void
change_passphrase_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               ChangePassphrase *change)
{
  ScPreferencesWindow *self = change->self;

  if (!g_str_equal (response, "change") || get_vault (self) == NULL)
    return;
  if (!g_str_equal (gtk_editable_get_text (change->replacement), gtk_editable_get_text (change->confirm)))
    {
      present_change_passphrase (self, _("The two new passphrases are not the same, so nothing "
                                         "was changed. Type them again."));
      return;
    }
  /* Argon2id, several times over: in a thread, and the row waits. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.change-passphrase", FALSE);
  say (self, _("Changing the passphrase…"));
  sc_vault_change_passphrase_async (get_vault (self), gtk_editable_get_text (change->current),
                                    gtk_editable_get_text (change->replacement), NULL,
                                    passphrase_changed_cb, g_object_ref (self));
}

static void
present_change_passphrase (ScPreferencesWindow *self,
                           const char          *problem)
{
  ChangePassphrase *change = g_new0 (ChangePassphrase, 1);
  GtkWidget *list = gtk_list_box_new ();
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  change->self = self;
  change->current = add_entry (list, _("Current Passphrase"), TRUE);
  change->replacement = add_entry (list, _("New Passphrase"), TRUE);
  change->confirm = add_entry (list, _("New Passphrase Again"), TRUE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Change Passphrase"),
                                                       problem != NULL ? problem
                                                       : _("The vault key is wrapped again under "
                                                           "the new passphrase. The keyring keeps "
                                                           "opening the vault as before; a backup "
                                                           "of the key file from before still "
                                                           "opens with the old passphrase.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (change_passphrase_response_cb), change,
                         change_passphrase_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* prefs.change-passphrase: the passphrase typed (the worker's or a
 * manager's own) made a new one. */
static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  present_change_passphrase (SC_PREFERENCES_WINDOW (widget), NULL);
}

/* What the Remove dialog needs. */
typedef struct
{
  ScPreferencesWindow *self;
  char                *id;
  GtkEditable         *worker_passphrase;
} RemoveManager;

static void
remove_manager_free (gpointer  data,
                     GClosure *closure)
{
  RemoveManager *remove = data;

  g_free (remove->id);
  g_free (remove);
}

static void
remove_manager_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            RemoveManager    *remove)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || get_vault (remove->self) == NULL)
    return;
  if (!sc_vault_remove_manager (get_vault (remove->self),
                                gtk_editable_get_text (remove->worker_passphrase), remove->id,
                                &error))
    {
      say_error (remove->self, error);
      return;
    }
  fill_managers (remove->self);
  say (remove->self, _("Removed. Their passphrase no longer opens the vault’s key file; a backup "
                       "of the key file from before still would."));
}

/* prefs.remove-manager(s): the manager's wrap removed, confirmed with a
 * manager's passphrase. */
static void
remove_manager_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScPreferencesWindow *self = SC_PREFERENCES_WINDOW (widget);
  RemoveManager *remove = g_new0 (RemoveManager, 1);
  GtkWidget *list = gtk_list_box_new ();
  AdwMessageDialog *dialog;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  remove->self = self;
  remove->id = g_variant_dup_string (parameter, NULL);
  remove->worker_passphrase = add_confirm_entry (self, list);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Remove This Manager?"),
                                                       _("Their passphrase will no longer open the "
                                                         "vault or sign reviews. The reviews they "
                                                         "signed stay.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_manager_response_cb), remove,
                         remove_manager_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sc_preferences_window_dispose (GObject *object)
{
  ScPreferencesWindow *self = SC_PREFERENCES_WINDOW (object);

  g_clear_weak_pointer (&self->application);
  g_clear_pointer (&self->manager_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, letter_switch);
  gtk_widget_class_bind_template_child (widget_class, ScPreferencesWindow, managers_group);

  gtk_widget_class_install_action (widget_class, "prefs.add-manager", NULL, add_manager_action);
  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL,
                                   change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-manager", "s",
                                   remove_manager_action);
}

static void
sc_preferences_window_init (ScPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->manager_rows = g_ptr_array_new ();
}

static gboolean
paper_to_switch (GValue   *value,
                 GVariant *variant,
                 gpointer  data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "letter"));
  return TRUE;
}

static GVariant *
switch_to_paper (const GValue       *value,
                 const GVariantType *type,
                 gpointer            data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "letter" : "a4");
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
  g_settings_bind_with_mapping (settings, "paper-size", self->letter_switch, "active",
                                G_SETTINGS_BIND_DEFAULT, paper_to_switch, switch_to_paper, NULL, NULL);
  adw_action_row_set_subtitle (self->folder_row,
                               sc_application_get_vault_directory (application));
  g_set_weak_pointer (&self->application, application);
  fill_managers (self);

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
    /* What a worker cannot act on in the moment of need: said here, for
     * whoever sets the council's file. */
    {
      g_autoptr(GPtrArray) unset = sc_procedure_unset_contacts (procedure);

      if (unset->len > 0)
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (unset, NULL);
          list = g_strjoinv (", ", (char **) unset->pdata);
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Local numbers not set yet: %s. Whoever looks after the "
                                          "council’s procedure file sets them."), list);
        }
    }
    adw_action_row_set_subtitle (self->procedure_row, text->str);
  }

  return self;
}
