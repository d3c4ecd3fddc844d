/* sc-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-error-message.h"
#include "sc-unlock-page.h"
#include "sc-welcome-page.h"
#include "sc-window.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *lock_button;
  GtkSpinner           *opening_spinner;
  ScWelcomePage        *welcome_page;
  ScUnlockPage         *unlock_page;
  AdwStatusPage        *problem_page;
  GtkWidget            *caseload_page;

  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

static ScApplication *
get_app (ScWindow *self)
{
  return SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_page (ScWindow   *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->opening_spinner, g_str_equal (name, "opening"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
show_unlock (ScWindow   *self,
             const char *reason)
{
  sc_unlock_page_reset (self->unlock_page, reason);
  show_page (self, "unlock");
  gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
}

/* Reflects whether a vault is open: records are only ever on screen while
 * it is. */
static void
vault_changed_cb (ScWindow *self)
{
  ScApplication *app = get_app (self);
  ScVault *vault = sc_application_get_vault (app);

  gtk_widget_set_visible (self->lock_button, vault != NULL);

  if (vault != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, sc_vault_get_worker_name (vault));
      show_page (self, "caseload");
      return;
    }

  adw_window_title_set_subtitle (self->window_title, NULL);
  if (sc_application_get_was_locked (app))
    show_unlock (self, _("Safecase locked the vault to keep the records private. Enter your passphrase to carry on."));
}

static void
vault_ready_cb (ScWindow *self,
                ScVault  *vault)
{
  const GError *keyring_error = sc_vault_get_keyring_error (vault);

  sc_application_set_vault (get_app (self), vault);

  if (keyring_error != NULL)
    {
      AdwToast *toast = adw_toast_new (_("The vault is ready, but the login keyring was not available: Safecase will ask for your passphrase when it starts."));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
opened_with_keyring_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_finish (result, &error);
  g_autofree char *sentence = NULL;

  if (vault != NULL)
    {
      sc_application_set_vault (get_app (self), vault);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Could not open the vault with the keyring: %s", error->message);
  sentence = sc_error_message_for (error);

  switch (error->domain == SC_VAULT_ERROR ? error->code : SC_VAULT_ERROR_FAILED)
    {
    case SC_VAULT_ERROR_DAMAGED:
    case SC_VAULT_ERROR_TOO_NEW:
    case SC_VAULT_ERROR_INSECURE:
      /* A passphrase will not help with these. */
      adw_status_page_set_description (self->problem_page, sentence);
      show_page (self, "problem");
      break;
    default:
      show_unlock (self, sentence);
      break;
    }
}

static void
start (ScWindow *self)
{
  ScApplication *app = get_app (self);
  const char *directory = sc_application_get_vault_directory (app);

  sc_welcome_page_set_directory (self->welcome_page, directory);
  sc_unlock_page_set_directory (self->unlock_page, directory);

  if (sc_application_get_vault (app) != NULL || sc_application_get_was_locked (app))
    vault_changed_cb (self);
  else if (sc_vault_exists_at (directory))
    {
      show_page (self, "opening");
      sc_vault_open_with_keyring_async (directory, self->cancellable,
                                        opened_with_keyring_cb, g_object_ref (self));
    }
  else
    show_page (self, "welcome");
}

static gboolean
activity_cb (ScWindow *self,
             GdkEvent *event)
{
  sc_application_note_activity (get_app (self));
  return GDK_EVENT_PROPAGATE;
}

/* The application is only set after construction ("application" is not a
 * construct property), so this runs from sc_window_new(). */
static void
attach_to_application (ScWindow *self)
{
  ScApplication *app = get_app (self);
  GSettings *settings = sc_application_get_settings (app);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (app, "notify::vault", G_CALLBACK (vault_changed_cb), self,
                           G_CONNECT_SWAPPED);
  start (self);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = (ScWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_finalize (GObject *object)
{
  ScWindow *self = (ScWindow *) object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;

  g_type_ensure (SC_TYPE_WELCOME_PAGE);
  g_type_ensure (SC_TYPE_UNLOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, caseload_page);
  gtk_widget_class_bind_template_callback (widget_class, vault_ready_cb);
}

static void
sc_window_init (ScWindow *self)
{
  GtkEventController *activity;

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->lock_button, FALSE);

  /* Any key press, click or pointer movement in the window keeps the vault
   * open; the capture phase sees them before any child can swallow them. */
  activity = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect_object (activity, "event", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);
}

ScWindow *
sc_window_new (ScApplication *application)
{
  ScWindow *self = g_object_new (SC_TYPE_WINDOW, "application", application, NULL);

  attach_to_application (self);
  return self;
}

const char *
sc_window_get_visible_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
sc_window_get_page (ScWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}
