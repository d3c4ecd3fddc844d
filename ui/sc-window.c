/* sc-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-caseload-page.h"
#include "sc-child-page.h"
#include "sc-chronology-page.h"
#include "sc-concern-editor.h"
#include "sc-contact-popover.h"
#include "sc-contacts-page.h"
#include "sc-demo.h"
#include "sc-error-message.h"
#include "sc-addendum.h"
#include "sc-finality.h"
#include "sc-review.h"
#include "sc-history-window.h"
#include "sc-records.h"
#include "sc-response-page.h"
#include "sc-search-page.h"
#include "sc-overview-page.h"
#include "sc-unlock-page.h"
#include "sc-welcome-page.h"
#include "sc-form.h"
#include "sc-lock-state.h"
#include "sc-window.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  GtkStack             *records_stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *lock_button;
  GtkWidget            *back_button;
  GtkWidget            *add_child_button;
  GtkMenuButton        *note_contact_button;
  GtkWidget            *menu_button;
  GtkInfoBar           *procedure_banner;
  GtkLabel             *procedure_banner_label;
  ScContactPopover     *contact_popover;
  GtkSpinner           *opening_spinner;
  ScWelcomePage        *welcome_page;
  ScUnlockPage         *unlock_page;
  AdwStatusPage        *problem_page;
  ScCaseloadPage       *caseload_page;
  ScChildPage          *child_page;
  ScConcernEditor      *concern_editor;
  ScContactsPage       *contacts_page;
  ScResponsePage       *response_page;
  ScChronologyPage     *chronology_page;
  ScSearchPage         *search_page;
  ScOverviewPage       *overview_page;
  GtkWidget            *search_button;

  GCancellable         *cancellable;
  GtkWidget            *add_child_dialog;   /* weak: while it is open */

  /* Where the worker was when the vault locked, to go back to after the
   * unlock: a child (0: none), and a concern or the contacts on top of it. */
  gint64                resume_child;
  const char           *resume_action;
  gint64                resume_target;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

static ScApplication *
get_app (ScWindow *self)
{
  return SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static ScVault *
get_vault (ScWindow *self)
{
  return sc_application_get_vault (get_app (self));
}

static void
toast (ScWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, sc_form_toast_new (text));
}

static const char *
records_page (ScWindow *self)
{
  return gtk_stack_get_visible_child_name (self->records_stack);
}

/* The header follows the page: where the worker is, and what they can do. */
static void
update_header (ScWindow *self)
{
  ScVault *vault = get_vault (self);
  gboolean records = vault != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                                 "records") == 0;
  const char *page = records_page (self);
  const char *title = _("Safecase");
  g_autofree char *response_title = NULL;
  g_autofree char *subtitle = NULL;
  ScChild *child = sc_page_get_child (SC_PAGE (self->child_page));

  if (records && g_str_equal (page, "child") && child != NULL)
    title = sc_child_get_name (child);
  else if (records && g_str_equal (page, "response"))
    {
      /* Which child and which concern, by initials: the title is what
       * someone passing sees first. */
      ScConcern *concern = sc_page_get_concern (SC_PAGE (self->response_page));
      g_autofree char *initials = child != NULL ? sc_child_dup_initials (child) : NULL;
      const char *summary = concern != NULL ? sc_record_get_text (SC_RECORD (concern), "summary")
                                            : "";

      response_title = initials != NULL ? g_strdup_printf (_("Response for %s"), initials)
                                        : g_strdup (_("Response"));
      title = response_title;
      if (*summary != '\0')
        subtitle = g_strndup (summary, strcspn (summary, "\n"));
    }
  else if (records && g_str_equal (page, "contacts"))
    title = child != NULL ? _("Contacts") : _("Personal Device Contacts");
  else if (records && g_str_equal (page, "search"))
    title = _("Search Records");
  else if (records && g_str_equal (page, "overview"))
    title = _("Review Overview");
  else if (records && g_str_equal (page, "chronology") && child != NULL)
    {
      g_autofree char *initials = sc_child_dup_initials (child);

      response_title = g_strdup_printf (_("Chronology for %s"), initials);
      title = response_title;
    }
  else if (records && g_str_equal (page, "concern"))
    {
      ScConcern *concern = sc_page_get_concern (SC_PAGE (self->concern_editor));

      title = concern != NULL && sc_record_get_id (SC_RECORD (concern)) > 0
              && !sc_record_get_boolean (SC_RECORD (concern), "is-draft")
              ? _("Concern") : _("New Concern");
    }

  if (sc_application_get_demo (get_app (self)))
    {
      g_free (subtitle);
      subtitle = g_strdup (_("DEMO — fictional children only"));
    }
  else if (vault != NULL && subtitle == NULL)
    subtitle = g_strdup (sc_vault_get_worker_name (vault));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->lock_button, vault != NULL);
  gtk_widget_set_visible (self->search_button, records && !g_str_equal (page, "search"));
  gtk_widget_set_visible (self->back_button, records && !g_str_equal (page, "caseload"));
  gtk_widget_set_visible (self->add_child_button, records && g_str_equal (page, "caseload"));
  gtk_widget_set_visible (GTK_WIDGET (self->note_contact_button),
                          records && child != NULL && !g_str_equal (page, "caseload"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.note-contact",
                                 records && child != NULL && !g_str_equal (page, "caseload"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.show-contacts", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.add-child", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.verify-audit", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.search", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.search-for", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.new-concern", vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.back",
                                 records && !g_str_equal (page, "caseload"));
}

static void
show_page (ScWindow   *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->opening_spinner, g_str_equal (name, "opening"));
  gtk_stack_set_visible_child_name (self->stack, name);
  update_header (self);
}

static void
show_records_page (ScWindow   *self,
                   const char *name)
{
  gtk_stack_set_visible_child_name (self->records_stack, name);
  show_page (self, "records");
}

static void
show_unlock (ScWindow   *self,
             const char *reason,
             gboolean    restore_keyring)
{
  g_autofree char *text = NULL;

  if (sc_application_get_demo (get_app (self)))
    text = g_strdup_printf (_("%s This is the demo vault: its passphrase is %s."),
                            reason, SC_DEMO_PASSPHRASE);
  sc_unlock_page_reset (self->unlock_page, text != NULL ? text : reason, restore_keyring);
  show_page (self, "unlock");
  gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
}

/* Locking empties every page before anything else can draw. */
static void
forget_records (ScWindow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->contact_popover));
  sc_contact_popover_clear (self->contact_popover);
  sc_page_clear (SC_PAGE (self->contacts_page));
  sc_page_clear (SC_PAGE (self->chronology_page));
  sc_page_clear (SC_PAGE (self->search_page));
  sc_page_clear (SC_PAGE (self->overview_page));
  sc_page_clear (SC_PAGE (self->response_page));
  sc_page_clear (SC_PAGE (self->concern_editor));
  sc_page_clear (SC_PAGE (self->child_page));
  g_object_set (self->caseload_page, "vault", NULL, "procedure", NULL, NULL);
  gtk_stack_set_visible_child_name (self->records_stack, "caseload");
}

/* What is typed is saved, and where the worker was is kept, so that the
 * unlock goes back there rather than to the caseload. */
static void
about_to_lock_cb (ScWindow *self)
{
  const char *page;
  ScChild *child;
  ScConcern *concern = NULL;

  sc_concern_editor_flush (self->concern_editor);
  sc_child_page_flush (self->child_page);
  sc_response_page_flush (self->response_page);
  sc_finality_flush_dialogs ();
  sc_contact_popover_flush (self->contact_popover);
  /* A name typed in Add a Child is a child: kept, not dropped. */
  if (self->add_child_dialog != NULL)
    {
      GtkWidget *dialog = self->add_child_dialog;
      GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      if (*name != '\0')
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* Where the worker is now that the typing is kept (a child just added
   * opened its page). */
  page = records_page (self);
  child = sc_page_get_child (SC_PAGE (self->child_page));
  self->resume_child = child != NULL ? sc_record_get_id (SC_RECORD (child)) : 0;
  self->resume_action = NULL;
  self->resume_target = 0;
  if (g_str_equal (page, "concern"))
    concern = sc_page_get_concern (SC_PAGE (self->concern_editor));
  else if (g_str_equal (page, "response"))
    concern = sc_page_get_concern (SC_PAGE (self->response_page));
  if (concern != NULL && sc_record_get_id (SC_RECORD (concern)) > 0)
    {
      self->resume_action = "window.show-concern";
      self->resume_target = sc_record_get_id (SC_RECORD (concern));
    }
  else if (g_str_equal (page, "contacts"))
    self->resume_action = "window.show-contacts";
  else if (g_str_equal (page, "chronology"))
    self->resume_action = "window.show-chronology";
  else if (g_str_equal (page, "overview"))
    self->resume_action = "window.show-overview";
  if (g_str_equal (page, "caseload"))
    self->resume_child = 0;
}

static void
resume (ScWindow *self)
{
  const char *action = self->resume_action;
  gint64 child = self->resume_child;

  self->resume_action = NULL;
  self->resume_child = 0;
  if (child > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "window.show-child", "x", child);
  if (g_strcmp0 (action, "window.show-contacts") == 0
      || g_strcmp0 (action, "window.show-chronology") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", child);
  else if (g_strcmp0 (action, "window.show-overview") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  else if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", self->resume_target);
}

static void
child_changed_cb (ScWindow *self)
{
  update_header (self);
}

/* Reflects whether a vault is open: records are only ever on screen while
 * it is. */
static void
vault_changed_cb (ScWindow *self)
{
  ScApplication *app = get_app (self);
  ScVault *vault = sc_application_get_vault (app);

  forget_records (self);

  if (vault != NULL)
    {
      g_object_set (self->caseload_page, "vault", vault,
                    "procedure", sc_application_get_procedure (app), NULL);
      g_object_set (self->child_page, "procedure", sc_application_get_procedure (app), NULL);
      /* The title names the child as their name is typed and saved. */
      g_signal_connect_object (vault, "changed::child", G_CALLBACK (child_changed_cb), self,
                               G_CONNECT_SWAPPED);
      show_records_page (self, "caseload");
      gtk_widget_grab_focus (GTK_WIDGET (self->caseload_page));
      resume (self);
      return;
    }

  update_header (self);
  if (sc_application_get_was_locked (app))
    show_unlock (self, _("Safecase locked the vault to keep the records private. Enter your passphrase to carry on."),
                 FALSE);
}

static void
open_vault (ScWindow *self,
            ScVault  *vault)
{
  g_autoptr(GError) error = NULL;

  /* The demo vault is filled the first time it opens. */
  if (sc_application_get_demo (get_app (self)) && !sc_demo_fill (vault, &error))
    g_message ("Could not fill the demo vault: %s", error->message);
  /* Open again: the next start may use the keyring, until the next lock. */
  sc_lock_state_clear (sc_application_get_vault_directory (get_app (self)));

  sc_application_set_vault (get_app (self), vault);
}

static void
vault_ready_cb (ScWindow *self,
                ScVault  *vault)
{
  const GError *keyring_error = sc_vault_get_keyring_error (vault);

  open_vault (self, vault);

  if (keyring_error != NULL)
    {
      AdwToast *message = sc_form_toast_new (_("The vault is ready, but the login keyring was not available: Safecase will ask for your passphrase when it starts."));

      adw_toast_set_timeout (message, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, message);
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
      open_vault (self, vault);
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
    case SC_VAULT_ERROR_KEY_FILE_DAMAGED:
      /* The passphrase's wrap in it may still mend it. */
      show_unlock (self, sentence, FALSE);
      break;
    case SC_VAULT_ERROR_KEYRING_NO_KEY:
    case SC_VAULT_ERROR_KEYRING_WRONG_KEY:
      /* The keyring works but lost the key: the passphrase puts it back. */
      show_unlock (self, sentence, TRUE);
      break;
    default:
      show_unlock (self, sentence, FALSE);
      break;
    }
}

static void
demo_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open_finish (result, &error);

  if (vault == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      adw_status_page_set_description (self->problem_page, sentence);
      show_page (self, "problem");
      return;
    }
  open_vault (self, vault);
}

static void
start (ScWindow *self)
{
  ScApplication *app = get_app (self);
  const char *directory = sc_application_get_vault_directory (app);

  sc_welcome_page_set_directory (self->welcome_page, directory);
  sc_unlock_page_set_directory (self->unlock_page, directory);
  /* A vault whose creation was cut short is no vault: its folder goes. */
  sc_vault_remove_unfinished (directory);

  if (sc_application_get_vault (app) != NULL || sc_application_get_was_locked (app))
    vault_changed_cb (self);
  else if (sc_vault_exists_at (directory) && sc_lock_state_holds (directory))
    /* Locked in this login session: only the passphrase opens it again. */
    show_unlock (self, _("Safecase locked the vault. Enter your passphrase to open it again."),
                 FALSE);
  else if (sc_vault_exists_at (directory)
           && g_settings_get_boolean (sc_application_get_settings (app), "always-ask-passphrase"))
    show_unlock (self, _("Enter your passphrase to open the vault."), FALSE);
  else if (sc_vault_exists_at (directory))
    {
      show_page (self, "opening");
      sc_vault_open_with_keyring_async (directory, self->cancellable,
                                        opened_with_keyring_cb, g_object_ref (self));
    }
  else if (sc_application_get_demo (app))
    {
      show_page (self, "opening");
      sc_vault_create_async (directory, SC_DEMO_WORKER_NAME, SC_DEMO_PASSPHRASE, self->cancellable,
                             demo_created_cb, g_object_ref (self));
    }
  else
    show_page (self, "welcome");
}

/* Navigation ------------------------------------------------------------------- */

/* Shows child @child_id on the child page, or says why it cannot. */
static gboolean
load_child (ScWindow *self,
            gint64    child_id)
{
  g_autoptr(ScChild) child = NULL;
  g_autoptr(GError) error = NULL;

  /* Saved before the child is read: it may be the same child. */
  sc_child_page_flush (self->child_page);
  if (!(child = sc_records_load (get_vault (self), SC_TYPE_CHILD, child_id, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      toast (self, sentence);
      return FALSE;
    }
  g_object_set (self->child_page, "vault", get_vault (self), "child", child, NULL);
  return TRUE;
}

static void
open_child (ScWindow *self,
            gint64    child_id)
{
  if (load_child (self, child_id))
    show_records_page (self, "child");
}

/* window.show-child(x): a child's page, from the caseload or a resume. */
static void
show_child_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (get_vault (self) != NULL)
    open_child (self, g_variant_get_int64 (parameter));
}

static void
edit_concern (ScWindow  *self,
              ScConcern *concern)
{
  g_object_set (self->concern_editor, "vault", get_vault (self), "concern", concern, NULL);
  show_records_page (self, "concern");
  gtk_widget_grab_focus (GTK_WIDGET (self->concern_editor));
}

/* The steps the procedure asks for this concern. */
static void
show_response (ScWindow  *self,
               ScConcern *concern)
{
  g_object_set (self->response_page, "vault", get_vault (self),
                "procedure", sc_application_get_procedure (get_app (self)),
                "child", sc_page_get_child (SC_PAGE (self->child_page)), "concern", concern, NULL);
  show_records_page (self, "response");
}

/* window.show-concern(x): a draft opens to be finished; a concern opens on
 * its response. */
static void
show_concern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScConcern) concern = NULL;

  if (get_vault (self) == NULL)
    return;
  concern = sc_records_load (get_vault (self), SC_TYPE_CONCERN, g_variant_get_int64 (parameter),
                             &error);
  if (concern == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      toast (self, sentence);
      return;
    }
  if (sc_record_get_boolean (SC_RECORD (concern), "is-draft"))
    edit_concern (self, concern);
  else
    show_response (self, concern);
}

static void
concern_saved_cb (ScWindow  *self,
                  ScConcern *concern)
{
  g_autoptr(ScConcern) saved = g_object_ref (concern);

  toast (self, _("Concern saved. Here is what the procedure asks for next."));
  sc_page_clear (SC_PAGE (self->concern_editor));
  show_response (self, saved);
}

static void
edit_concern_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self->response_page));
  g_autoptr(ScConcern) fresh = NULL;

  if (concern == NULL || get_vault (self) == NULL)
    return;
  fresh = sc_records_load (get_vault (self), SC_TYPE_CONCERN,
                           sc_record_get_id (SC_RECORD (concern)), NULL);
  if (fresh == NULL)
    return;
  /* A closed or final concern is not edited in place, whatever asked. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *since = sc_records_final_since (get_vault (self), SC_RECORD (fresh), now,
                                                     sc_vault_get_final_after_hours (get_vault (self)),
                                                     NULL);

    if (sc_concern_is_closed (fresh))
      {
        toast (self, _("A manager’s review closed this concern, so it is not edited. A new review "
                       "reopens it."));
        return;
      }
    if (since != NULL)
      {
        toast (self, _("This concern is final, so it is not edited. Add an addendum to correct it "
                       "or say more."));
        return;
      }
  }
  sc_page_clear (SC_PAGE (self->response_page));
  edit_concern (self, fresh);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const char *page = records_page (self);

  if (g_str_equal (page, "concern"))
    {
      /* The draft is kept (ScPage.leave); the child's page lists it. */
      sc_page_clear (SC_PAGE (self->concern_editor));
      show_records_page (self, sc_page_get_child (SC_PAGE (self->child_page)) != NULL
                               ? "child" : "caseload");
    }
  else if (g_str_equal (page, "response"))
    {
      sc_page_clear (SC_PAGE (self->response_page));
      show_records_page (self, sc_page_get_child (SC_PAGE (self->child_page)) != NULL
                               ? "child" : "caseload");
    }
  else if (g_str_equal (page, "search") || g_str_equal (page, "overview"))
    show_records_page (self, sc_page_get_child (SC_PAGE (self->child_page)) != NULL
                             ? "child" : "caseload");
  else if (g_str_equal (page, "chronology"))
    {
      sc_page_clear (SC_PAGE (self->chronology_page));
      show_records_page (self, sc_page_get_child (SC_PAGE (self->child_page)) != NULL
                               ? "child" : "caseload");
    }
  else if (g_str_equal (page, "contacts"))
    {
      sc_page_clear (SC_PAGE (self->contacts_page));
      show_records_page (self, sc_page_get_child (SC_PAGE (self->child_page)) != NULL
                               ? "child" : "caseload");
    }
  else if (g_str_equal (page, "child"))
    {
      sc_page_clear (SC_PAGE (self->child_page));
      show_records_page (self, "caseload");
    }
}

static void
new_concern_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScChild *child = sc_page_get_child (SC_PAGE (self->child_page));
  gint64 child_id = 0;
  g_autoptr(ScConcern) concern = NULL;

  if (get_vault (self) == NULL)
    return;

  if (child != NULL && !g_str_equal (records_page (self), "caseload"))
    child_id = sc_record_get_id (SC_RECORD (child));
  else
    child_id = sc_caseload_page_get_selected_id (self->caseload_page);

  if (child_id == 0)
    {
      toast (self, _("Open a child’s page first, then record the concern there."));
      return;
    }

  if ((child == NULL || sc_record_get_id (SC_RECORD (child)) != child_id)
      && !load_child (self, child_id))
    return;

  concern = sc_concern_new (child_id);
  edit_concern (self, concern);
}


/* window.show-contacts(x): a child's contacts; 0, every child's contacts on
 * a personal device (the manager's view, with no child page behind it). */
static void
show_contacts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  gint64 child_id = g_variant_get_int64 (parameter);
  ScChild *child;

  if (get_vault (self) == NULL)
    return;

  if (child_id == 0)
    {
      sc_page_clear (SC_PAGE (self->concern_editor));
      sc_page_clear (SC_PAGE (self->child_page));
      g_object_set (self->contacts_page, "vault", get_vault (self), "child", NULL, NULL);
      show_records_page (self, "contacts");
      return;
    }

  child = sc_page_get_child (SC_PAGE (self->child_page));
  if (child == NULL || sc_record_get_id (SC_RECORD (child)) != child_id)
    {
      open_child (self, child_id);
      if ((child = sc_page_get_child (SC_PAGE (self->child_page))) == NULL)
        return;
    }
  g_object_set (self->contacts_page, "vault", get_vault (self), "child", child, NULL);
  show_records_page (self, "contacts");
}

/* window.show-overview: what a manager reviews first, across the caseload. */
static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (get_vault (self) == NULL)
    return;
  g_object_set (self->overview_page, "vault", get_vault (self),
                "procedure", sc_application_get_procedure (get_app (self)), NULL);
  show_records_page (self, "overview");
}

/* window.search: every child's records searched, from anywhere (Ctrl+F);
 * what the caseload's filter held is searched for at once. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (get_vault (self) == NULL)
    return;
  g_object_set (self->search_page, "vault", get_vault (self), NULL);
  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    sc_search_page_search (self->search_page, g_variant_get_string (parameter, NULL));
  show_records_page (self, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_page));
}

/* window.show-chronology(x): a child's chronology, from their page. */
static void
show_chronology_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  gint64 child_id = g_variant_get_int64 (parameter);
  ScChild *child = sc_page_get_child (SC_PAGE (self->child_page));

  if (get_vault (self) == NULL)
    return;
  if ((child == NULL || sc_record_get_id (SC_RECORD (child)) != child_id)
      && !load_child (self, child_id))
    return;
  g_object_set (self->chronology_page, "vault", get_vault (self),
                "procedure", sc_application_get_procedure (get_app (self)),
                "child", sc_page_get_child (SC_PAGE (self->child_page)), NULL);
  show_records_page (self, "chronology");
}

static void
note_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  if (get_vault (self) == NULL || sc_page_get_child (SC_PAGE (self->child_page)) == NULL)
    return;
  gtk_menu_button_popup (self->note_contact_button);
}

static void
contact_popover_show_cb (ScWindow *self)
{
  ScChild *child = sc_page_get_child (SC_PAGE (self->child_page));

  if (child == NULL || get_vault (self) == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->contact_popover));
      return;
    }
  sc_contact_popover_prepare (self->contact_popover, get_vault (self), child,
                              sc_application_get_settings (get_app (self)));
}

static void
contact_saved_cb (ScWindow  *self,
                  ScContact *contact)
{
  if (sc_contact_is_breach (contact))
    {
      AdwToast *warning = sc_form_toast_new (_("Contact noted. It was on a personal device with no manager’s approval: raise it in supervision."));

      adw_toast_set_timeout (warning, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, warning);
    }
  else
    toast (self, _("Contact noted"));
}

static void
add_child_name_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
add_child_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ScWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(ScChild) child = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || get_vault (self) == NULL)
    return;

  child = sc_child_new ();
  sc_record_set_text (SC_RECORD (child), "name", name);
  sc_record_set_text (SC_RECORD (child), "allocated-worker",
                      sc_vault_get_worker_name (get_vault (self)));
  if (!sc_records_save (get_vault (self), SC_RECORD (child), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      toast (self, sentence);
      return;
    }

  open_child (self, sc_record_get_id (SC_RECORD (child)));
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (get_vault (self) == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Add a Child"),
                                                       _("Their other details can be added on "
                                                         "their page.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Full name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (add_child_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_child_response_cb), self, 0);
  g_set_weak_pointer (&self->add_child_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* window.show-history((sx)): a record's history (its table and id), from
 * the audit trail. */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const char *table = NULL;
  gint64 id = 0;
  g_autofree char *subject = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *history;

  if (get_vault (self) == NULL)
    return;
  g_variant_get (parameter, "(&sx)", &table, &id);
  if (g_str_equal (table, "child"))
    {
      ScChild *child = sc_page_get_child (SC_PAGE (self->child_page));

      subject = child != NULL && sc_record_get_id (SC_RECORD (child)) == id
                ? sc_child_dup_initials (child) : g_strdup (_("A child’s details"));
    }
  else if (g_str_equal (table, "evidence"))
    subject = g_strdup_printf (_("Evidence entry %lld"), (long long) id);
  else if (g_str_equal (table, "contact"))
    subject = g_strdup_printf (_("Contact %lld"), (long long) id);
  else if (g_str_equal (table, "response_step"))
    subject = g_strdup_printf (_("Step %lld"), (long long) id);
  else
    subject = g_strdup_printf (_("Concern %lld"), (long long) id);
  if (!(history = sc_history_window_new (GTK_WINDOW (self), get_vault (self), table, id, subject,
                                         &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      toast (self, sentence);
      return;
    }
  gtk_window_present (GTK_WINDOW (history));
}

/* window.verify-audit: the whole audit trail checked, and what was found
 * said. Nothing of a record is shown, only the count and the head. */
static void
verify_audit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(ScAuditReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (get_vault (self) == NULL)
    return;
  if (!(report = sc_vault_verify_audit (get_vault (self), &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      toast (self, sentence);
      return;
    }
  if (report->intact)
    /* Translators: %s is a long hexadecimal number identifying the trail. */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Its %llu entry is as it was written, and the record "
                                         "kept in the vault’s key file is part of the trail.\n\n"
                                         "Head: %s",
                                         "All %llu entries are as they were written, each "
                                         "following from the one before, and the record kept in "
                                         "the vault’s key file is part of the trail.\n\nHead: %s",
                                         report->count),
                            (unsigned long long) report->count, report->head);
  else
    body = g_strdup_printf (_("%s\n\nRecord nothing more, and tell your manager and your "
                              "information governance team today."), report->problem);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       report->intact
                                                       ? _("Audit Trail Intact")
                                                       : _("Audit Trail Changed"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Window ------------------------------------------------------------------------- */

static gboolean
activity_cb (ScWindow *self,
             GdkEvent *event)
{
  sc_application_note_activity (get_app (self));
  return GDK_EVENT_PROPAGATE;
}

/* The application is only set after construction ("application" is not a
 * construct property), so this runs from sc_window_new(). */
/* A council's file the app cannot use is said at once, in the window, not
 * only in Preferences: the worker must know the steps shown are the
 * built-in ones. */
static void
show_procedure_problem (ScWindow      *self,
                        ScApplication *app)
{
  const GError *refused = NULL;
  g_autofree char *text = NULL;

  sc_application_get_procedure_source (app, &refused, NULL);
  if (refused == NULL)
    return;
  text = g_strdup_printf (_("The council’s procedure file cannot be used, so the built-in "
                            "procedure is in force. Ask whoever looks after the council’s file to "
                            "check it. The problem: %s"), refused->message);
  gtk_label_set_text (self->procedure_banner_label, text);
  gtk_info_bar_set_revealed (self->procedure_banner, TRUE);
}

static void
procedure_banner_response_cb (ScWindow *self)
{
  gtk_info_bar_set_revealed (self->procedure_banner, FALSE);
}

static void
attach_to_application (ScWindow *self)
{
  ScApplication *app = get_app (self);
  GSettings *settings = sc_application_get_settings (app);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  if (sc_application_get_demo (app))
    gtk_window_set_title (GTK_WINDOW (self), _("Safecase — DEMO"));

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  show_procedure_problem (self, app);

  g_signal_connect_object (app, "notify::vault", G_CALLBACK (vault_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "about-to-lock", G_CALLBACK (about_to_lock_cb), self,
                           G_CONNECT_SWAPPED);
  start (self);
}

/* Closing the window saves what is being typed, as locking does. */
static gboolean
sc_window_close_request (GtkWindow *window)
{
  about_to_lock_cb (SC_WINDOW (window));

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
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
  g_clear_weak_pointer (&self->add_child_dialog);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = sc_window_close_request;

  g_type_ensure (SC_TYPE_WELCOME_PAGE);
  g_type_ensure (SC_TYPE_UNLOCK_PAGE);
  g_type_ensure (SC_TYPE_CASELOAD_PAGE);
  g_type_ensure (SC_TYPE_CHILD_PAGE);
  g_type_ensure (SC_TYPE_CONCERN_EDITOR);
  g_type_ensure (SC_TYPE_CONTACTS_PAGE);
  g_type_ensure (SC_TYPE_RESPONSE_PAGE);
  g_type_ensure (SC_TYPE_CHRONOLOGY_PAGE);
  g_type_ensure (SC_TYPE_SEARCH_PAGE);
  g_type_ensure (SC_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, records_stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, procedure_banner);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, procedure_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, procedure_banner_response_cb);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, add_child_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, caseload_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, child_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, concern_editor);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, contacts_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, response_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, chronology_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, note_contact_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, vault_ready_cb);
  gtk_widget_class_bind_template_callback (widget_class, concern_saved_cb);

  gtk_widget_class_install_action (widget_class, "window.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "window.new-concern", NULL, new_concern_action);
  gtk_widget_class_install_action (widget_class, "window.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "window.verify-audit", NULL, verify_audit_action);
  gtk_widget_class_install_action (widget_class, "window.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "window.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "window.show-history", "(sx)",
                                   show_history_action);
  gtk_widget_class_install_action (widget_class, "window.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "window.note-contact", NULL, note_contact_action);
  gtk_widget_class_install_action (widget_class, "window.edit-concern", NULL, edit_concern_action);
  gtk_widget_class_install_action (widget_class, "window.show-child", "x", show_child_action);
  gtk_widget_class_install_action (widget_class, "window.show-chronology", "x",
                                   show_chronology_action);
  gtk_widget_class_install_action (widget_class, "window.show-concern", "x", show_concern_action);
  gtk_widget_class_install_action (widget_class, "window.show-contacts", "x",
                                   show_contacts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "window.note-contact", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "window.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "window.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "window.new-concern", NULL);
}

static void
sc_window_init (ScWindow *self)
{
  GtkEventController *activity;

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 names the buttons inside these by their type. */
  sc_form_name_inner_buttons (GTK_WIDGET (self->menu_button), _("Main Menu"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->note_contact_button), _("Note a Contact"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->procedure_banner), _("Close"));

  self->contact_popover = sc_contact_popover_new ();
  gtk_menu_button_set_popover (self->note_contact_button, GTK_WIDGET (self->contact_popover));
  g_signal_connect_object (self->contact_popover, "show", G_CALLBACK (contact_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_popover, "saved", G_CALLBACK (contact_saved_cb), self,
                           G_CONNECT_SWAPPED);

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
