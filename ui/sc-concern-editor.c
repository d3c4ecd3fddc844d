/* sc-concern-editor.c: recording a concern, right after a disclosure
 *
 * The rows are bound to an ScConcernForm (the core's view-model: dates as
 * typed, what is missing, which rows matter, the error sentence, drafts) and
 * to its concern's properties; nothing is copied by hand. The form writes a
 * draft to the vault a moment after each change, so a crash, a lock or a
 * closed lid loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-concern-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-choices.h"
#include "sc-concern-editor.h"
#include "sc-checks-row.h"
#include "sc-concern-form.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"

struct _ScConcernEditor
{
  ScPage              parent_instance;

  AdwPreferencesPage *preferences_page;
  GtkTextView        *own_words_view;
  GtkTextView        *summary_view;
  AdwEntryRow        *happened_row;
  AdwEntryRow        *disclosed_row;
  AdwEntryRow        *disclosed_by_row;
  AdwComboRow        *area_row;
  AdwComboRow        *intent_row;
  ScChecksRow        *incident_types_row;
  AdwEntryRow        *incident_other_row;
  AdwComboRow        *involvement_row;
  AdwEntryRow        *other_party_row;
  AdwEntryRow        *other_child_age_row;
  AdwEntryRow        *adult_role_row;
  AdwEntryRow        *adult_employer_row;
  AdwComboRow        *adult_staff_row;
  AdwEntryRow        *adult_other_work_row;
  AdwComboRow        *adult_own_children_row;
  AdwEntryRow        *adult_previous_concerns_row;
  AdwComboRow        *location_row;
  AdwComboRow        *setting_type_row;
  AdwEntryRow        *setting_other_row;
  ScChecksRow        *media_row;
  AdwEntryRow        *media_other_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *outcome_row;
  GtkLabel           *error_label;
  GtkLabel           *accidental_label;
  GtkWidget          *forbidden_box;
  GtkLabel           *forbidden_label;
  GtkLabel           *missing_label;
  GtkLabel           *draft_label;
  GtkListBox         *linked_contacts_list;

  ScConcernForm      *form;
  GPtrArray          *bindings;   /* of GBinding, undone when the form goes */
};

G_DEFINE_FINAL_TYPE (ScConcernEditor, sc_concern_editor, SC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_FORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *field;
  gsize       offset;
} RowField;

/* Rows bound to the concern's property of the same name. */
static const RowField text_rows[] = {
  { "disclosed-by", G_STRUCT_OFFSET (ScConcernEditor, disclosed_by_row) },
  { "incident-other", G_STRUCT_OFFSET (ScConcernEditor, incident_other_row) },
  { "other-party", G_STRUCT_OFFSET (ScConcernEditor, other_party_row) },
  { "other-child-age", G_STRUCT_OFFSET (ScConcernEditor, other_child_age_row) },
  { "adult-role", G_STRUCT_OFFSET (ScConcernEditor, adult_role_row) },
  { "adult-employer", G_STRUCT_OFFSET (ScConcernEditor, adult_employer_row) },
  { "adult-other-work", G_STRUCT_OFFSET (ScConcernEditor, adult_other_work_row) },
  { "adult-previous-concerns", G_STRUCT_OFFSET (ScConcernEditor, adult_previous_concerns_row) },
  { "setting-other", G_STRUCT_OFFSET (ScConcernEditor, setting_other_row) },
  { "media-other", G_STRUCT_OFFSET (ScConcernEditor, media_other_row) },
  { "outcome", G_STRUCT_OFFSET (ScConcernEditor, outcome_row) },
};

/* Rows bound to the form's dates as typed. */
static const RowField date_rows[] = {
  { "happened-text", G_STRUCT_OFFSET (ScConcernEditor, happened_row) },
  { "disclosed-text", G_STRUCT_OFFSET (ScConcernEditor, disclosed_row) },
};

static const RowField combo_rows[] = {
  { "area", G_STRUCT_OFFSET (ScConcernEditor, area_row) },
  { "intent", G_STRUCT_OFFSET (ScConcernEditor, intent_row) },
  { "involvement", G_STRUCT_OFFSET (ScConcernEditor, involvement_row) },
  { "location", G_STRUCT_OFFSET (ScConcernEditor, location_row) },
  { "setting-type", G_STRUCT_OFFSET (ScConcernEditor, setting_type_row) },
  { "status", G_STRUCT_OFFSET (ScConcernEditor, status_row) },
  { "adult-works-with-children", G_STRUCT_OFFSET (ScConcernEditor, adult_staff_row) },
  { "adult-own-children", G_STRUCT_OFFSET (ScConcernEditor, adult_own_children_row) },
};

static const RowField check_rows[] = {
  { "incident-types", G_STRUCT_OFFSET (ScConcernEditor, incident_types_row) },
  { "media", G_STRUCT_OFFSET (ScConcernEditor, media_row) },
};

/* Rows shown only for some answers, and the form's property that says so. */
static const RowField shown_rows[] = {
  { "show-incident-other", G_STRUCT_OFFSET (ScConcernEditor, incident_other_row) },
  { "show-other-child", G_STRUCT_OFFSET (ScConcernEditor, other_child_age_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_role_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_employer_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_staff_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_other_work_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_own_children_row) },
  { "show-adult", G_STRUCT_OFFSET (ScConcernEditor, adult_previous_concerns_row) },
  { "show-setting-other", G_STRUCT_OFFSET (ScConcernEditor, setting_other_row) },
  { "show-media-other", G_STRUCT_OFFSET (ScConcernEditor, media_other_row) },
  { "show-outcome", G_STRUCT_OFFSET (ScConcernEditor, outcome_row) },
};

static gpointer
row_at (ScConcernEditor *self,
        const RowField  *row)
{
  return G_STRUCT_MEMBER (gpointer, self, row->offset);
}

static ScRecord *
record (ScConcernEditor *self)
{
  return SC_RECORD (sc_concern_form_get_concern (self->form));
}

static void
bind (ScConcernEditor *self,
      gpointer         source,
      const char      *source_property,
      gpointer         target,
      const char      *target_property,
      GBindingFlags    flags)
{
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (source, source_property, target,
                                                         target_property,
                                                         flags | G_BINDING_SYNC_CREATE)));
}

/* A date that does not read is marked on its row. */
static void
dates_valid_cb (ScConcernEditor *self)
{
  gboolean happened = TRUE, disclosed = TRUE;

  g_object_get (self->form, "happened-valid", &happened, "disclosed-valid", &disclosed, NULL);
  sc_form_set_error (GTK_WIDGET (self->happened_row), !happened);
  sc_form_set_error (GTK_WIDGET (self->disclosed_row), !disclosed);
}

static void
forbidden_files_cb (ScConcernEditor *self)
{
  g_autofree char *files = NULL;
  g_autofree char *text = NULL;

  g_object_get (self->form, "forbidden-files", &files, NULL);
  if (files != NULL)
    text = g_strdup_printf (_("This concern is now sexual or grooming, so Safecase can keep no file "
                              "for it. Remove these before saving it: %s."), files);
  gtk_label_set_text (self->forbidden_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->forbidden_box, files != NULL);
}

static void
remove_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScConcernEditor *self = SC_CONCERN_EDITOR (widget);

  if (self->form != NULL && sc_concern_form_remove_forbidden_files (self->form))
    sc_form_toast (widget, _("Files removed. The record of what they were is kept."));
}

static void
can_save_cb (ScConcernEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save",
                                 self->form != NULL && sc_concern_form_get_can_save (self->form));
}

static void
bind_form (ScConcernEditor *self)
{
  ScConcern *concern = sc_concern_form_get_concern (self->form);

  bind (self, concern, "own-words", gtk_text_view_get_buffer (self->own_words_view), "text",
        G_BINDING_BIDIRECTIONAL);
  bind (self, concern, "summary", gtk_text_view_get_buffer (self->summary_view), "text",
        G_BINDING_BIDIRECTIONAL);
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    bind (self, concern, text_rows[i].field, row_at (self, &text_rows[i]), "text",
          G_BINDING_BIDIRECTIONAL);
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    bind (self, self->form, date_rows[i].field, row_at (self, &date_rows[i]), "text",
          G_BINDING_BIDIRECTIONAL);
  for (guint i = 0; i < G_N_ELEMENTS (check_rows); i++)
    bind (self, concern, check_rows[i].field, row_at (self, &check_rows[i]), "value",
          G_BINDING_BIDIRECTIONAL);
  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    g_ptr_array_add (self->bindings,
                     g_object_ref (sc_form_combo_bind (row_at (self, &combo_rows[i]), concern,
                                                       combo_rows[i].field)));
  for (guint i = 0; i < G_N_ELEMENTS (shown_rows); i++)
    bind (self, self->form, shown_rows[i].field, row_at (self, &shown_rows[i]), "visible",
          G_BINDING_DEFAULT);
  bind (self, self->form, "missing", self->missing_label, "label", G_BINDING_DEFAULT);
  sc_form_bind_sentence (self->bindings, self->form, "error", self->error_label);
  sc_form_bind_sentence (self->bindings, self->form, "accidental-question", self->accidental_label);
  bind (self, self->form, "status", self->draft_label, "label", G_BINDING_DEFAULT);

  g_signal_connect_object (self->form, "notify::happened-valid", G_CALLBACK (dates_valid_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::disclosed-valid", G_CALLBACK (dates_valid_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::can-save", G_CALLBACK (can_save_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::forbidden-files", G_CALLBACK (forbidden_files_cb),
                           self, G_CONNECT_SWAPPED);
  forbidden_files_cb (self);
  dates_valid_cb (self);
  can_save_cb (self);
}

static void
unbind_form (ScConcernEditor *self)
{
  sc_form_unbind_all (self->bindings);
  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      g_signal_handlers_disconnect_by_data (sc_concern_form_get_concern (self->form), self);
    }
}

static void
form_saved_cb (ScConcernEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0, sc_concern_form_get_concern (self->form));
}

/* Contacts noted with a link to this concern (a disclosure by text, say). */
static void
fill_linked_contacts (ScConcernEditor *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->linked_contacts_list))) != NULL)
    gtk_list_box_remove (self->linked_contacts_list, row);

  if (vault == NULL || self->form == NULL || sc_record_get_id (record (self)) == 0)
    return;

  contacts = sc_records_list_contacts_for_concern (vault, sc_record_get_id (record (self)),
                                                   NULL);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      ScRecord *c = contacts->pdata[i];
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (c, "happened-at"));
      g_autofree char *title = g_strdup_printf ("%s · %s", when,
                                                sc_choice_label ("channel",
                                                                 sc_record_get_text (c, "channel")));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sc_record_get_text (c, "summary"));
      gtk_list_box_append (self->linked_contacts_list, row);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScConcernEditor *self = SC_CONCERN_EDITOR (widget);

  /* On failure the form keeps a draft and says why. */
  if (self->form != NULL)
    sc_concern_form_save (self->form);
}

static void
sc_concern_editor_dispose (GObject *object)
{
  ScConcernEditor *self = (ScConcernEditor *) object;

  if (self->bindings != NULL)
    unbind_form (self);
  g_clear_object (&self->form);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONCERN_EDITOR);

  G_OBJECT_CLASS (sc_concern_editor_parent_class)->dispose (object);
}

static void
sc_concern_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScConcernEditor *self = SC_CONCERN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void empty (ScConcernEditor *self);
static void edit (ScConcernEditor *self);

/* Before another concern or vault, or none: the draft is saved, and the
 * form, which writes to the old vault, goes. */
static void
sc_concern_editor_leave (ScPage *page)
{
  ScConcernEditor *self = SC_CONCERN_EDITOR (page);

  sc_concern_editor_flush (self);
  if (self->bindings != NULL)
    empty (self);
}

/* Once the vault and the concern are set, by however many calls, the form
 * is made for them; without both the editor is empty. */
static void
sc_concern_editor_show (ScPage *page)
{
  ScConcernEditor *self = SC_CONCERN_EDITOR (page);
  ScConcern *concern = sc_page_get_concern (page);

  if (self->bindings == NULL)
    return;   /* disposed */
  if (sc_page_get_vault (page) == NULL || concern == NULL)
    empty (self);
  else if (self->form == NULL)
    edit (self);
}

static gboolean
sc_concern_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SC_CONCERN_EDITOR (widget)->own_words_view));
}

static void
sc_concern_editor_class_init (ScConcernEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_concern_editor_dispose;
  object_class->get_property = sc_concern_editor_get_property;
  SC_PAGE_CLASS (klass)->show = sc_concern_editor_show;
  SC_PAGE_CLASS (klass)->leave = sc_concern_editor_leave;
  widget_class->grab_focus = sc_concern_editor_grab_focus;

  /**
   * ScConcernEditor:form:
   *
   * The view-model the rows are bound to, while a concern is open.
   */
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, SC_TYPE_CONCERN_FORM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScConcernEditor::saved:
   * @concern: the concern, no longer a draft
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_CONCERN);

  g_type_ensure (SC_TYPE_CHECKS_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-concern-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, own_words_view);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, happened_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, disclosed_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, disclosed_by_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, intent_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, incident_types_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, incident_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, involvement_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, other_party_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, other_child_age_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_role_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_employer_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_staff_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_other_work_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_own_children_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_previous_concerns_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, setting_type_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, setting_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, media_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, media_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, accidental_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, forbidden_box);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, forbidden_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, linked_contacts_list);

  gtk_widget_class_install_action (widget_class, "concern.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "concern.remove-files", NULL, remove_files_action);
}

static void
sc_concern_editor_init (ScConcernEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  placeholder = gtk_label_new (_("None yet. Link a contact to this concern when you note it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->linked_contacts_list, placeholder);

  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    /* Translators: shown in a list of choices before one has been made. */
    {
      /* A concern always has a status, and the worker never closes one:
       * only a manager's signed review does. */
      gboolean status = g_str_equal (combo_rows[i].field, "status");

      sc_form_combo_setup (row_at (self, &combo_rows[i]), status ? "worker-status" : combo_rows[i].field,
                           status ? NULL : _("Not chosen yet"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save", FALSE);
}

/* Shows the concern (new or from the vault) for editing. */
static void
edit (ScConcernEditor *self)
{
  empty (self);
  self->form = sc_concern_form_new (sc_page_get_vault (SC_PAGE (self)),
                                   sc_page_get_concern (SC_PAGE (self)));
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                           G_CONNECT_SWAPPED);
  bind_form (self);
  fill_linked_contacts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
}

void
sc_concern_editor_flush (ScConcernEditor *self)
{
  g_return_if_fail (SC_IS_CONCERN_EDITOR (self));

  if (self->form != NULL)
    sc_concern_form_flush (self->form);
}


static void
empty (ScConcernEditor *self)
{
  unbind_form (self);
  if (self->form != NULL)
    {
      g_clear_object (&self->form);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->own_words_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    gtk_editable_set_text (row_at (self, &text_rows[i]), "");
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    gtk_editable_set_text (row_at (self, &date_rows[i]), "");
  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    adw_combo_row_set_selected (row_at (self, &combo_rows[i]), 0);
  for (guint i = 0; i < G_N_ELEMENTS (check_rows); i++)
    sc_checks_row_set_value (row_at (self, &check_rows[i]), "");
  gtk_label_set_text (self->missing_label, "");
  gtk_label_set_text (self->draft_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->forbidden_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save", FALSE);
  fill_linked_contacts (self);
}


