/* sc-contacts-page.c: a child's electronic contacts, or every personal-device one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-choices.h"
#include "sc-contact-row.h"
#include "sc-contacts-page.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-finality.h"
#include "sc-paged-model.h"
#include "sc-records.h"
#include "sc-review.h"

/* Copying or exporting more than this at once is not a case note. */
#define MAX_EXPORT 20000

static const struct
{
  const char *label;
  int         days;
} periods[] = {
  { N_("All time"), 0 },
  { N_("Last 7 days"), 7 },
  { N_("Last 30 days"), 30 },
  { N_("Last 3 months"), 91 },
  { N_("Last 12 months"), 365 },
};

struct _ScContactsPage
{
  ScPage        parent_instance;

  GtkLabel     *intro_label;
  GtkDropDown  *channel_filter;
  GtkDropDown  *period_filter;
  GtkStack     *stack;
  GtkListView  *list_view;
  AdwStatusPage *empty_page;

  ScPagedModel *model;
  GHashTable   *child_labels;  /* child id → label, for the personal-device list */
};

G_DEFINE_FINAL_TYPE (ScContactsPage, sc_contacts_page, SC_TYPE_PAGE)


/* The child as the case note names them: initials unless the worker chose
 * full names. */
static char *
child_label (ScContactsPage *self,
             gint64          child_id)
{
  GApplication *app = g_application_get_default ();
  gboolean initials = !SC_IS_APPLICATION (app)
                      || g_settings_get_boolean (sc_application_get_settings (SC_APPLICATION (app)),
                                                 "case-note-initials");
  ScChild *shown = sc_page_get_child (SC_PAGE (self));
  g_autoptr(ScChild) child = NULL;
  const char *cached;

  if (shown != NULL && sc_record_get_id (SC_RECORD (shown)) == child_id)
    child = g_object_ref (shown);
  else if ((cached = g_hash_table_lookup (self->child_labels, &child_id)) != NULL)
    return g_strdup (cached);
  else
    child = sc_records_load (sc_page_get_vault (SC_PAGE (self)), SC_TYPE_CHILD, child_id, NULL);

  if (child == NULL)
    return g_strdup (_("Unknown child"));
  {
    char *label = initials ? sc_child_dup_initials (child) : g_strdup (sc_child_get_name (child));

    if (sc_page_get_child (SC_PAGE (self)) == NULL)
      g_hash_table_insert (self->child_labels, g_memdup2 (&child_id, sizeof child_id),
                           g_strdup (label));
    return label;
  }
}

/* Rows ---------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, g_object_new (SC_TYPE_CONTACT_ROW, NULL));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ScContactsPage           *self)
{
  ScContact *contact = gtk_list_item_get_item (item);
  /* On the manager's list, whose contact it was (labels are cached). */
  g_autofree char *label = sc_page_get_child (SC_PAGE (self)) == NULL
                           ? child_label (self, sc_record_get_int64 (SC_RECORD (contact), "child-id"))
                           : NULL;

  g_object_set (gtk_list_item_get_child (item), "contact", contact, "child-label", label, NULL);
}

/* Query and state -------------------------------------------------------------- */

static ScQuery *
current_query (ScContactsPage *self)
{
  ScChild *child = sc_page_get_child (SC_PAGE (self));
  ScQuery *query = sc_query_new ();
  guint period = gtk_drop_down_get_selected (self->period_filter);

  query->child_id = child != NULL ? sc_record_get_id (SC_RECORD (child)) : 0;
  query->personal_only = child == NULL;
  g_free (query->channel);
  query->channel = g_strdup (sc_form_combo_get_id (self->channel_filter));

  if (period < G_N_ELEMENTS (periods) && periods[period].days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) from = g_date_time_add_days (now, -periods[period].days);

      g_free (query->from);
      query->from = sc_datetime_to_storage (from);
    }
  return query;
}

static void
update_state (ScContactsPage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.copy-all", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.export", n > 0);
}

static void
filters_changed_cb (ScContactsPage *self)
{
  g_autoptr(ScQuery) query = NULL;

  if (self->model == NULL)
    return;
  query = current_query (self);
  sc_paged_model_set_query (self->model, query);
  update_state (self);
}

/* The contacts of the page's child, or with no child every child's
 * contacts on a personal device; nothing without a vault (locked). */
static void
show (ScPage *page)
{
  ScContactsPage *self = SC_CONTACTS_PAGE (page);
  g_autoptr(ScQuery) query = NULL;

  if (self->list_view == NULL)
    return;   /* disposed */

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->model);
  if (self->child_labels != NULL)
    g_hash_table_remove_all (self->child_labels);

  if (sc_page_get_child (SC_PAGE (self)) != NULL)
    {
      gtk_label_set_text (self->intro_label,
                          _("Every text, call or message with the child, their carer or parent, "
                            "newest first. Copy them as a case note for the case system."));
      adw_status_page_set_title (self->empty_page, _("No Contacts Noted"));
    }
  else
    {
      /* For the manager: every contact made on a personal device or account,
       * whichever child it was with. */
      gtk_label_set_text (self->intro_label,
                          _("Contacts made on a personal device or account. Each needs a manager’s "
                            "approval; those without one are for supervision."));
      adw_status_page_set_title (self->empty_page, _("No Personal Device Contacts"));
    }
  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    return;

  query = current_query (self);
  self->model = sc_paged_model_new (sc_page_get_vault (SC_PAGE (self)), SC_TYPE_CONTACT, query);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }
  update_state (self);
}

/* Copying and exporting ----------------------------------------------------------- */

static GPtrArray *
shown_contacts (ScContactsPage *self,
                GError        **error)
{
  g_autoptr(ScQuery) query = current_query (self);

  return sc_records_list_contacts (sc_page_get_vault (SC_PAGE (self)), query, 0, MAX_EXPORT, error);
}

static void
copy_and_mark (ScContactsPage *self,
               GPtrArray      *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const char *worker = sc_vault_get_worker_name (sc_page_get_vault (SC_PAGE (self)));

  if (contacts->len == 0)
    return;

  label = child_label (self, sc_record_get_int64 (contacts->pdata[0], "child-id"));
  text = contacts->len == 1 ? sc_contact_format_case_note (contacts->pdata[0], label, worker)
                            : sc_contacts_format_case_note (contacts, label, worker);
  sc_application_copy_text (SC_APPLICATION (g_application_get_default ()),
                            gtk_widget_get_clipboard (GTK_WIDGET (self)), text);

  if (!sc_records_mark_copied (sc_page_get_vault (SC_PAGE (self)), contacts, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }

  sc_form_toast (GTK_WIDGET (self), contacts->len == 1 ? _("Copied as a case note. Paste it into the case system.")
                                    : _("Copied as one case note. Paste it into the case system."));
}

static void
copy_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScContactsPage *self = SC_CONTACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  if (sc_page_get_vault (SC_PAGE (self)) == NULL || sc_page_get_child (SC_PAGE (self)) == NULL)
    {
      sc_form_toast (GTK_WIDGET (self), _("Open one child’s contacts to copy them as a case note."));
      return;
    }
  if (!(contacts = shown_contacts (self, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  copy_and_mark (self, contacts);
}

static void
copy_one_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScContactsPage *self = SC_CONTACTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  ScContact *contact;

  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    return;
  contact = sc_records_load (sc_page_get_vault (SC_PAGE (self)), SC_TYPE_CONTACT,
                             g_variant_get_int64 (parameter), &error);
  if (contact == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  g_ptr_array_add (contacts, contact);
  copy_and_mark (self, contacts);
}

/* The contact @parameter names, or NULL (said in a toast). */
static ScRecord *
load_contact (ScContactsPage *self,
              GVariant       *parameter)
{
  g_autoptr(GError) error = NULL;
  ScRecord *contact;

  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    return NULL;
  if (!(contact = sc_records_load (sc_page_get_vault (SC_PAGE (self)), SC_TYPE_CONTACT,
                                   g_variant_get_int64 (parameter), &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
    }
  return contact;
}

/* contacts.finalise(x) and contacts.add-addendum(x), from a contact's
 * menu: the contact final now, or an addendum to it, added later. */
static void
record_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(ScRecord) contact = load_contact (SC_CONTACTS_PAGE (widget), parameter);

  if (contact == NULL)
    return;
  if (g_str_equal (action_name, "contacts.finalise"))
    sc_finality_mark_final (widget, sc_page_get_vault (SC_PAGE (widget)), contact, NULL);
  else
    sc_finality_add_addendum (widget, sc_page_get_vault (SC_PAGE (widget)), contact, NULL);
}

/* The file leaves the vault, as a referral does: it is made readable by the
 * worker alone, and written whole or not at all. */
static gboolean
export_csv (ScContactsPage *self,
            GFile          *file,
            GError        **error)
{
  ScChild *child;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *label = NULL;
  g_autofree char *path = g_file_get_path (file);

  /* A place with no path here (a network location from the portal) cannot
   * be written with the worker-only permissions the file must have. */
  if (path == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("that place is not a folder on this laptop"));
      return FALSE;
    }

  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED, "The vault is locked");
      return FALSE;
    }
  if (!(contacts = shown_contacts (self, error)))
    return FALSE;

  child = sc_page_get_child (SC_PAGE (self));
  label = child != NULL ? child_label (self, sc_record_get_id (SC_RECORD (child))) : g_strdup ("");
  csv = sc_contacts_format_csv (contacts, label);
  return g_file_set_contents_full (path, csv, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ScContactsPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (export_csv (self, file, &error))
        sc_form_toast (GTK_WIDGET (self), _("Contacts exported."));
      else
        {
          g_autofree char *sentence = error->domain == G_FILE_ERROR
                                      ? g_strdup_printf (_("The file could not be saved: %s. Choose another folder."),
                                                         error->message)
                                      : sc_error_message_for (error);

          sc_form_toast (GTK_WIDGET (self), sentence);
        }
    }
  g_object_unref (dialog);
}

static void
choose_export_file (ScContactsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Contacts"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Named by initials and the day, never by a name: file names are seen in
   * more places than files are opened. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

    if (sc_page_get_child (SC_PAGE (self)) != NULL)
      {
        g_autofree char *initials = sc_child_dup_initials (sc_page_get_child (SC_PAGE (self)));

        /* Translators: a file name; %s are the child's initials, then the date. */
        name = g_strdup_printf (_("contacts-%s-%s.csv"), initials, day);
      }
    else
      /* Translators: a file name; %s is the date. */
      name = g_strdup_printf (_("personal-device-contacts-%s.csv"), day);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  sc_form_track_native_dialog (GTK_NATIVE_DIALOG (dialog));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_warning_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ScContactsPage   *self)
{
  if (g_str_equal (response, "choose"))
    choose_export_file (self);
}

/* Approval --------------------------------------------------------------------- */

/* What the Approve dialog holds. */
typedef struct
{
  ScContactsPage *self;
  gint64          contact_id;
  GPtrArray      *manager_ids;
  AdwComboRow    *manager;
  GtkEditable    *passphrase;
} Approval;

static void
approval_free (gpointer  data,
               GClosure *closure)
{
  Approval *approval = data;

  g_ptr_array_unref (approval->manager_ids);
  g_free (approval);
}

static void
approve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Approval         *approval)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (approval->self));
  guint manager = adw_combo_row_get_selected (approval->manager);
  g_autoptr(ScContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "approve") || vault == NULL)
    return;
  if (!(contact = sc_records_load (vault, SC_TYPE_CONTACT, approval->contact_id, &error))
      || !sc_contact_approve (vault, contact,
                              manager < approval->manager_ids->len
                              ? approval->manager_ids->pdata[manager] : NULL,
                              gtk_editable_get_text (approval->passphrase), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (approval->self), sentence);
      return;
    }
  {
    g_autofree char *said = g_strdup_printf (_("Approved by %s."),
                                             sc_record_get_text (SC_RECORD (contact), "approved-by"));

    sc_form_toast (GTK_WIDGET (approval->self), said);
  }
}

/* contacts.approve(x): a manager approves a personal-device contact, with
 * their own passphrase. */
static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScContactsPage *self = SC_CONTACTS_PAGE (widget);
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list, *row;
  AdwMessageDialog *dialog;
  Approval *approval;

  if (vault == NULL)
    return;
  if (!(managers = sc_vault_list_managers (vault, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (widget, sentence);
      return;
    }
  if (managers->len == 0)
    {
      sc_form_toast (widget, _("No manager can approve yet. Add one in Preferences, under People."));
      return;
    }
  approval = g_new0 (Approval, 1);
  approval->self = self;
  approval->contact_id = g_variant_get_int64 (parameter);
  approval->manager_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < managers->len; i++)
    g_ptr_array_add (approval->manager_ids, g_strdup (((ScManager *) managers->pdata[i])->id));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = sc_form_manager_row_new (managers, 0);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  approval->manager = ADW_COMBO_ROW (row);
  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Manager’s Own Passphrase"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  approval->passphrase = GTK_EDITABLE (row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Approve This Contact?"),
                                                       _("A contact on a personal device or account "
                                                         "needs a manager’s approval. The manager "
                                                         "approves it with their own passphrase.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (approve_response_cb), approval,
                         approval_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What leaves the vault is said before it does: the CSV is plain text,
 * for the case system, not for keeping. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScContactsPage *self = SC_CONTACTS_PAGE (widget);
  AdwMessageDialog *dialog;

  if (sc_page_get_vault (SC_PAGE (self)) == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Export Contacts as CSV?"),
                                                       _("The CSV file is not encrypted: anyone "
                                                         "who can open the folder can read it. "
                                                         "Save it where only you can, add it to "
                                                         "the child’s record in FWi, the case "
                                                         "recording system, as the policy asks "
                                                         "for every electronic contact, then "
                                                         "delete it.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "choose", _("_Choose Where to Save…"), NULL);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_warning_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Page ----------------------------------------------------------------------------- */

static void
sc_contacts_page_dispose (GObject *object)
{
  ScContactsPage *self = (ScContactsPage *) object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->model);
  g_clear_pointer (&self->child_labels, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONTACTS_PAGE);
  sc_form_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (sc_contacts_page_parent_class)->dispose (object);
}

static void
sc_contacts_page_class_init (ScContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_contacts_page_dispose;
  SC_PAGE_CLASS (klass)->show = show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, channel_filter);
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, period_filter);
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScContactsPage, empty_page);

  gtk_widget_class_install_action (widget_class, "contacts.copy-all", NULL, copy_all_action);
  gtk_widget_class_install_action (widget_class, "contacts.copy-one", "x", copy_one_action);
  gtk_widget_class_install_action (widget_class, "contacts.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "contacts.approve", "x", approve_action);
  gtk_widget_class_install_action (widget_class, "contacts.finalise", "x", record_menu_action);
  gtk_widget_class_install_action (widget_class, "contacts.add-addendum", "x", record_menu_action);
}

static void
sc_contacts_page_init (ScContactsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->child_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  sc_form_combo_setup (self->channel_filter, "channel", _("All channels"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->channel_filter), _("Channel"));
  sc_form_name_inner_buttons (GTK_WIDGET (self->period_filter), _("Period"));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (period_labels, _(periods[i].label));
  gtk_drop_down_set_model (self->period_filter, G_LIST_MODEL (period_labels));
  g_signal_connect_object (self->channel_filter, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_filter, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  update_state (self);
}


