/* sc-welcome-page.c: first start, where the worker creates their vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error-message.h"
#include "sc-passphrase.h"
#include "sc-vault.h"
#include "sc-form.h"
#include "sc-welcome-page.h"

struct _ScWelcomePage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow   *name_row;
  AdwEntryRow   *passphrase_row;
  AdwEntryRow   *confirm_row;
  GtkLabel      *problems_label;
  GtkLabel      *error_label;
  GtkSpinner    *spinner;

  char          *directory;
  char          *example;   /* a passphrase offered, the same while typing */
  gboolean       busy;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (ScWelcomePage, sc_welcome_page, GTK_TYPE_WIDGET)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* What still stands between the worker and a vault, as sentences; NULL when
 * the form is complete. Only what they have started on is mentioned. */
static char *
describe_missing (ScWelcomePage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *passphrase = row_text (self->passphrase_row);
  const char *confirm = row_text (self->confirm_row);
  ScPassphraseProblems problems = sc_passphrase_check (passphrase, name);

  if (*name == '\0' && (*passphrase != '\0' || *confirm != '\0'))
    g_string_append (text, _("Enter your name."));

  if (*passphrase != '\0' && problems != SC_PASSPHRASE_OK)
    {
      g_autofree char *sentences = NULL;

      if (self->example == NULL)
        self->example = sc_passphrase_suggest ();
      sentences = sc_passphrase_describe (passphrase, name, self->example);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentences);
    }

  if (*confirm != '\0' && g_strcmp0 (passphrase, confirm) != 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("The two passphrases are not the same."));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
form_is_complete (ScWelcomePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  const char *passphrase = row_text (self->passphrase_row);

  return *name != '\0'
         && sc_passphrase_check (passphrase, name) == SC_PASSPHRASE_OK
         && g_strcmp0 (passphrase, row_text (self->confirm_row)) == 0;
}

static void
update_state (ScWelcomePage *self)
{
  g_autofree char *missing = describe_missing (self);

  sc_form_show_sentence (self->problems_label, missing);

  /* The rows stay sensitive while busy: GTK 4.8 loses track of focus when
   * a focused entry turns insensitive. The action is what waits. */
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.create",
                                 !self->busy && form_is_complete (self));
}

static void
form_changed_cb (ScWelcomePage *self)
{
  sc_form_show_sentence (self->error_label, NULL);
  update_state (self);
}

static void
row_activated_cb (ScWelcomePage *self,
                  AdwEntryRow   *row)
{
  /* Enter moves on to the next field, and creates from the last one. */
  if (row == self->name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  else if (row == self->passphrase_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "welcome.create", NULL);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ScWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_finish (result, &error);

  self->busy = FALSE;

  if (vault == NULL)
    {
      g_autofree char *sentence = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_message ("Could not create the vault: %s", error->message);
      sentence = sc_error_message_for (error);
      sc_form_show_sentence (self->error_label, sentence);
      update_state (self);
      return;
    }

  /* The passphrase is no longer needed on screen. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  update_state (self);

  g_signal_emit (self, signals[CREATED], 0, vault);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWelcomePage *self = SC_WELCOME_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->busy || !form_is_complete (self))
    return;

  g_return_if_fail (self->directory != NULL);

  name = g_strstrip (g_strdup (row_text (self->name_row)));
  self->busy = TRUE;
  sc_form_show_sentence (self->error_label, NULL);
  update_state (self);

  sc_vault_create_async (self->directory, name, row_text (self->passphrase_row),
                         self->cancellable, created_cb, g_object_ref (self));
}

static void
sc_welcome_page_dispose (GObject *object)
{
  ScWelcomePage *self = (ScWelcomePage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sc_welcome_page_parent_class)->dispose (object);
}

static void
sc_welcome_page_finalize (GObject *object)
{
  ScWelcomePage *self = (ScWelcomePage *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->example, g_free);

  G_OBJECT_CLASS (sc_welcome_page_parent_class)->finalize (object);
}

static void
sc_welcome_page_class_init (ScWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_welcome_page_dispose;
  object_class->finalize = sc_welcome_page_finalize;

  /**
   * ScWelcomePage::created:
   * @vault: the new, open vault
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScWelcomePage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
}

static void
sc_welcome_page_init (ScWelcomePage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_status_page_set_icon_name (self->status_page, APP_ID);
  /* Translators: the button that shows the passphrase as it is typed. */
  sc_form_name_inner_buttons (GTK_WIDGET (self->passphrase_row), _("Show Passphrase"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->confirm_row), _("Show Passphrase"));
  update_state (self);
}

void
sc_welcome_page_set_directory (ScWelcomePage *self,
                               const char    *directory)
{
  g_return_if_fail (SC_IS_WELCOME_PAGE (self));

  g_free (self->directory);
  self->directory = g_strdup (directory);
}

