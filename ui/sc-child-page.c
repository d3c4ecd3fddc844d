/* sc-child-page.c: one child: details, edited in place, and concerns
 *
 * The detail rows are bound to the child's properties and to an ScChildForm
 * (the core's view-model), which saves a moment after typing stops and
 * keeps what the page opened with for Undo Changes. The concerns and the
 * contacts' count follow the vault's announcements.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-child-page"

#include "config.h"

#include <stddef.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sc-child-form.h"
#include "sc-child-page.h"
#include "sc-concern-row.h"
#include "sc-choices.h"
#include "sc-concern.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-paged-model.h"
#include "sc-records.h"
#include "sc-response.h"

struct _ScChildPage
{
  ScPage                parent_instance;

  AdwPreferencesPage   *preferences_page;
  AdwPreferencesGroup  *details_group;
  GtkListBox           *concerns_list;
  AdwPreferencesGroup  *concerns_group;
  GtkWidget            *undo_button;
  AdwEntryRow          *name_row;
  AdwEntryRow          *preferred_name_row;
  AdwEntryRow          *date_of_birth_row;
  AdwEntryRow          *initials_row;
  AdwEntryRow          *case_reference_row;
  AdwComboRow          *placement_row;
  AdwComboRow          *legal_status_row;
  AdwEntryRow          *carer_row;
  AdwEntryRow          *allocated_worker_row;
  GtkLabel             *status_label;
  AdwActionRow         *contacts_row;
  AdwActionRow         *chronology_row;
  GtkWidget            *history_button;

  ScChildForm          *form;
  GPtrArray            *bindings;    /* of GBinding, undone when the child goes */
  guint                 reload_source;
};

G_DEFINE_FINAL_TYPE (ScChildPage, sc_child_page, SC_TYPE_PAGE)


static void sc_child_page_show  (ScPage *page);
static void sc_child_page_leave (ScPage *page);

/* The text rows and the field each edits. */
static const struct
{
  const char *field;
  gsize       offset;
} text_rows[] = {
  { "name", G_STRUCT_OFFSET (ScChildPage, name_row) },
  { "preferred-name", G_STRUCT_OFFSET (ScChildPage, preferred_name_row) },
  { "initials", G_STRUCT_OFFSET (ScChildPage, initials_row) },
  { "case-reference", G_STRUCT_OFFSET (ScChildPage, case_reference_row) },
  { "carer", G_STRUCT_OFFSET (ScChildPage, carer_row) },
  { "allocated-worker", G_STRUCT_OFFSET (ScChildPage, allocated_worker_row) },
};

static AdwEntryRow *
text_row (ScChildPage *self,
          guint        i)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, text_rows[i].offset);
}

static void
bind (ScChildPage   *self,
      GBinding      *binding)
{
  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
date_of_birth_valid_cb (ScChildPage *self)
{
  gboolean valid = TRUE;

  g_object_get (self->form, "date-of-birth-valid", &valid, NULL);
  sc_form_set_error (GTK_WIDGET (self->date_of_birth_row), !valid);
}

/* The rows are the child's properties, and the form's; nothing is copied
 * by hand. */
static void
bind_form (ScChildPage *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  ScChild *child = sc_page_get_child (SC_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    bind (self, g_object_bind_property (child, text_rows[i].field, text_row (self, i), "text",
                                        both));
  bind (self, g_object_bind_property (self->form, "date-of-birth-text", self->date_of_birth_row,
                                      "text", both));
  bind (self, sc_form_combo_bind (self->placement_row, child, "placement"));
  bind (self, sc_form_combo_bind (self->legal_status_row, child, "legal-status"));
  bind (self, g_object_bind_property (self->form, "description", self->details_group,
                                      "description", G_BINDING_SYNC_CREATE));
  bind (self, g_object_bind_property (self->form, "can-undo", self->undo_button, "visible",
                                      G_BINDING_SYNC_CREATE));
  sc_form_bind_sentence (self->bindings, self->form, "error", self->status_label);
  g_signal_connect_object (self->form, "notify::date-of-birth-valid",
                           G_CALLBACK (date_of_birth_valid_cb), self, G_CONNECT_SWAPPED);
  date_of_birth_valid_cb (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScChildPage *self = SC_CHILD_PAGE (widget);

  if (self->form != NULL)
    sc_child_form_undo (self->form);
}

/* Concerns -------------------------------------------------------------------- */

static void
sc_child_page_reload_concerns (ScChildPage *self)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScProcedure *procedure = sc_page_get_procedure (SC_PAGE (self));
  ScChild *child = sc_page_get_child (SC_PAGE (self));
  g_autoptr(GPtrArray) concerns = NULL;
  GtkWidget *row;

  g_return_if_fail (SC_IS_CHILD_PAGE (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->concerns_list))) != NULL)
    gtk_list_box_remove (self->concerns_list, row);

  if (child == NULL || vault == NULL)
    return;

  concerns = sc_records_list_concerns (vault, sc_record_get_id (SC_RECORD (child)), &error);
  if (concerns == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      adw_preferences_group_set_description (self->concerns_group, sentence);
      return;
    }

  for (guint i = 0; i < concerns->len; i++)
    gtk_list_box_append (self->concerns_list, sc_concern_row_new (concerns->pdata[i]));

  /* What is overdue comes first, in the group's own words. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *urgent = procedure != NULL
                              ? sc_response_most_urgent (vault, procedure, child, now)
                              : NULL;

    adw_preferences_group_set_description (self->concerns_group,
                                           urgent != NULL ? urgent
                                           : _("Newest first. Drafts are kept until they are completed."));
    if (urgent != NULL)
      gtk_widget_add_css_class (GTK_WIDGET (self->concerns_group), "overdue-group");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->concerns_group), "overdue-group");
  }
}

/* Contacts --------------------------------------------------------------------- */

/* "12 noted, 2 on a personal device": what the contacts page holds. */
static void
sc_child_page_reload_contacts (ScChildPage *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScChild *child = sc_page_get_child (SC_PAGE (self));
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autofree char *subtitle = NULL;
  guint all = 0, personal = 0;

  g_return_if_fail (SC_IS_CHILD_PAGE (self));

  if (child == NULL || vault == NULL)
    {
      adw_action_row_set_subtitle (self->contacts_row, "");
      return;
    }

  query->child_id = sc_record_get_id (SC_RECORD (child));
  sc_records_count_contacts (vault, query, &all, NULL);
  query->personal_only = TRUE;
  sc_records_count_contacts (vault, query, &personal, NULL);

  if (all == 0)
    subtitle = g_strdup (_("None noted yet"));
  else if (personal == 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u noted", "%u noted", all), all);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u noted, %u on a personal device",
                                             "%u noted, %u on a personal device", all),
                                all, personal);
  adw_action_row_set_subtitle (self->contacts_row, subtitle);
}

/* Page ------------------------------------------------------------------------ */

static void
sc_child_page_dispose (GObject *object)
{
  ScChildPage *self = (ScChildPage *) object;

  sc_child_page_leave (SC_PAGE (self));
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CHILD_PAGE);

  G_OBJECT_CLASS (sc_child_page_parent_class)->dispose (object);
}

static void
sc_child_page_class_init (ScChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_child_page_dispose;
  SC_PAGE_CLASS (klass)->show = sc_child_page_show;
  SC_PAGE_CLASS (klass)->leave = sc_child_page_leave;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, concerns_list);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, concerns_group);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, initials_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, case_reference_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, placement_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, legal_status_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, carer_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, allocated_worker_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, contacts_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, chronology_row);
  gtk_widget_class_bind_template_child (widget_class, ScChildPage, history_button);

  gtk_widget_class_install_action (widget_class, "child.undo", NULL, undo_action);
}

static void
sc_child_page_init (ScChildPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  sc_form_combo_setup (self->placement_row, "placement", _("Not chosen yet"));
  sc_form_combo_setup (self->legal_status_row, "legal-status", _("Not chosen yet"));

  placeholder = gtk_label_new (_("No concerns recorded for this child."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->concerns_list, placeholder);
}

static gboolean
reload_cb (gpointer data)
{
  ScChildPage *self = data;

  self->reload_source = 0;
  sc_child_page_reload_concerns (self);
  sc_child_page_reload_contacts (self);
  return G_SOURCE_REMOVE;
}

/* Once for a burst of changes (contacts marked copied), before the next
 * frame. */
static void
vault_changed_cb (ScChildPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_cb, self, NULL);
}

/* Binds the page to its child, in its vault; or, without both, empties
 * every row. */
static void
sc_child_page_show (ScPage *page)
{
  ScChildPage *self = SC_CHILD_PAGE (page);
  ScVault *vault = sc_page_get_vault (page);
  ScChild *child = sc_page_get_child (page);

  if (self->name_row == NULL)
    return;   /* disposed */
  if (self->form != NULL)
    {
      /* The same child: only what is overdue may read differently (a new
       * procedure). */
      sc_child_page_reload_concerns (self);
      return;
    }

  if (vault == NULL || child == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
        gtk_editable_set_text (GTK_EDITABLE (text_row (self, i)), "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_of_birth_row), "");
      adw_combo_row_set_selected (self->placement_row, 0);
      adw_combo_row_set_selected (self->legal_status_row, 0);
      gtk_widget_set_visible (self->undo_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
    }
  else
    {
      self->form = sc_child_form_new (vault, child);
      bind_form (self);
      /* The concerns, their steps and the contacts follow the vault. */
      g_signal_connect_swapped (vault, "changed::concern", G_CALLBACK (vault_changed_cb), self);
      g_signal_connect_swapped (vault, "changed::response_step", G_CALLBACK (vault_changed_cb),
                                self);
      g_signal_connect_swapped (vault, "changed::contact", G_CALLBACK (vault_changed_cb), self);
      /* The rows name their actions with this child's id as the target. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contacts_row), "x",
                                        sc_record_get_id (SC_RECORD (child)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->contacts_row), "window.show-contacts");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->chronology_row), "x",
                                        sc_record_get_id (SC_RECORD (child)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->chronology_row),
                                      "window.show-chronology");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->history_button), "(sx)", "child",
                                        sc_record_get_id (SC_RECORD (child)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->history_button), "window.show-history");
    }
  sc_child_page_reload_concerns (self);
  sc_child_page_reload_contacts (self);
}

/* Before another child, or none: what was typed is saved, the form and
 * its bindings go, and the vault is no longer followed. */
static void
sc_child_page_leave (ScPage *page)
{
  ScChildPage *self = SC_CHILD_PAGE (page);

  sc_child_page_flush (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->bindings != NULL)
    sc_form_unbind_all (self->bindings);
  if (self->form != NULL)
    g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  if (sc_page_get_vault (page) != NULL)
    g_signal_handlers_disconnect_by_data (sc_page_get_vault (page), self);
}

/* Saves at once what is waiting to be saved: before the page is left or the
 * vault locks. */
void
sc_child_page_flush (ScChildPage *self)
{
  g_return_if_fail (SC_IS_CHILD_PAGE (self));

  if (self->form != NULL)
    sc_child_form_flush (self->form);
}

