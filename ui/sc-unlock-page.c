/* sc-unlock-page.c: the passphrase prompt of a locked vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-unlock-page.h"
#include "sc-vault.h"

struct _ScUnlockPage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow   *passphrase_row;
  GtkLabel      *error_label;
  GtkSpinner    *spinner;

  char          *directory;
  gboolean       busy;
  gboolean       restore_keyring;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (ScUnlockPage, sc_unlock_page, GTK_TYPE_WIDGET)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (ScUnlockPage *self,
          gboolean      busy)
{
  self->busy = busy;
  /* The entry stays sensitive (see ScWelcomePage); the action waits. */
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", !busy);
}

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_finish (result, &error);

  set_busy (self, FALSE);

  if (vault == NULL)
    {
      g_autofree char *sentence = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_message ("Could not unlock the vault: %s", error->message);
      sentence = sc_error_message_for (error);
      sc_form_show_sentence (self->error_label, sentence);
      gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  g_signal_emit (self, signals[UNLOCKED], 0, vault);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->busy)
    return;

  if (*passphrase == '\0')
    {
      sc_form_show_sentence (self->error_label, _("Enter your vault passphrase."));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }

  g_return_if_fail (self->directory != NULL);

  sc_form_show_sentence (self->error_label, NULL);
  set_busy (self, TRUE);
  sc_vault_open_with_passphrase_async (self->directory, passphrase, self->restore_keyring,
                                       self->cancellable, unlocked_cb, g_object_ref (self));
}

static void
passphrase_activated_cb (ScUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static void
passphrase_changed_cb (ScUnlockPage *self)
{
  sc_form_show_sentence (self->error_label, NULL);
}

static gboolean
sc_unlock_page_grab_focus (GtkWidget *widget)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
sc_unlock_page_dispose (GObject *object)
{
  ScUnlockPage *self = (ScUnlockPage *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_UNLOCK_PAGE);

  G_OBJECT_CLASS (sc_unlock_page_parent_class)->dispose (object);
}

static void
sc_unlock_page_finalize (GObject *object)
{
  ScUnlockPage *self = (ScUnlockPage *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (sc_unlock_page_parent_class)->finalize (object);
}

static void
sc_unlock_page_class_init (ScUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_unlock_page_dispose;
  object_class->finalize = sc_unlock_page_finalize;
  widget_class->grab_focus = sc_unlock_page_grab_focus;

  /**
   * ScUnlockPage::unlocked:
   * @vault: the vault, open again
   */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_changed_cb);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
}

static void
sc_unlock_page_init (ScUnlockPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  sc_form_name_inner_buttons (GTK_WIDGET (self->passphrase_row), _("Show Passphrase"));
}

void
sc_unlock_page_set_directory (ScUnlockPage *self,
                              const char   *directory)
{
  g_return_if_fail (SC_IS_UNLOCK_PAGE (self));

  g_free (self->directory);
  self->directory = g_strdup (directory);
}

/* Back to an empty prompt, saying why the passphrase is needed.
 * @restore_keyring: the keyring answered but had lost the key, so the
 * passphrase also puts it back. */
void
sc_unlock_page_reset (ScUnlockPage *self,
                      const char   *reason,
                      gboolean      restore_keyring)
{
  g_return_if_fail (SC_IS_UNLOCK_PAGE (self));

  self->restore_keyring = restore_keyring;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  sc_form_show_sentence (self->error_label, NULL);
  adw_status_page_set_description (self->status_page, reason);
}

