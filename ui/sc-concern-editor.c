/* sc-concern-editor.c: recording a concern, right after a disclosure
 *
 * The form writes a draft to the vault a moment after each change, so a
 * crash, a lock or a closed lid loses nothing. Saving checks the few things
 * a concern needs (what happened, when, the area of behaviour) and makes
 * the draft a concern; the rest can be completed later, and the form says
 * what is still missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-concern-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-choices.h"
#include "sc-concern-editor.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"

#define DRAFT_DELAY_MS 600

struct _ScConcernEditor
{
  GtkWidget           parent_instance;

  AdwPreferencesPage *preferences_page;
  GtkTextView        *own_words_view;
  AdwEntryRow        *summary_row;
  AdwEntryRow        *happened_row;
  AdwEntryRow        *disclosed_row;
  AdwEntryRow        *disclosed_by_row;
  AdwComboRow        *area_row;
  AdwComboRow        *intent_row;
  AdwExpanderRow     *incident_types_row;
  AdwEntryRow        *incident_other_row;
  AdwComboRow        *involvement_row;
  AdwEntryRow        *other_party_row;
  AdwEntryRow        *adult_role_row;
  AdwEntryRow        *adult_employer_row;
  AdwActionRow       *adult_staff_row;
  GtkSwitch          *adult_staff_switch;
  AdwComboRow        *location_row;
  AdwComboRow        *setting_type_row;
  AdwEntryRow        *setting_other_row;
  AdwExpanderRow     *media_row;
  AdwEntryRow        *media_other_row;
  AdwComboRow        *status_row;
  AdwEntryRow        *outcome_row;
  GtkLabel           *error_label;
  GtkLabel           *missing_label;
  GtkLabel           *draft_label;
  GtkListBox         *linked_contacts_list;

  ScVault            *vault;
  ScConcern          *concern;
  guint               draft_source;
  gboolean            loading;
  gboolean            date_problem;
};

G_DEFINE_FINAL_TYPE (ScConcernEditor, sc_concern_editor, GTK_TYPE_WIDGET)

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

static const RowField text_rows[] = {
  { "summary", G_STRUCT_OFFSET (ScConcernEditor, summary_row) },
  { "disclosed-by", G_STRUCT_OFFSET (ScConcernEditor, disclosed_by_row) },
  { "incident-other", G_STRUCT_OFFSET (ScConcernEditor, incident_other_row) },
  { "other-party", G_STRUCT_OFFSET (ScConcernEditor, other_party_row) },
  { "adult-role", G_STRUCT_OFFSET (ScConcernEditor, adult_role_row) },
  { "adult-employer", G_STRUCT_OFFSET (ScConcernEditor, adult_employer_row) },
  { "setting-other", G_STRUCT_OFFSET (ScConcernEditor, setting_other_row) },
  { "media-other", G_STRUCT_OFFSET (ScConcernEditor, media_other_row) },
  { "outcome", G_STRUCT_OFFSET (ScConcernEditor, outcome_row) },
};

static const RowField date_rows[] = {
  { "happened-at", G_STRUCT_OFFSET (ScConcernEditor, happened_row) },
  { "disclosed-at", G_STRUCT_OFFSET (ScConcernEditor, disclosed_row) },
};

static const RowField combo_rows[] = {
  { "area", G_STRUCT_OFFSET (ScConcernEditor, area_row) },
  { "intent", G_STRUCT_OFFSET (ScConcernEditor, intent_row) },
  { "involvement", G_STRUCT_OFFSET (ScConcernEditor, involvement_row) },
  { "location", G_STRUCT_OFFSET (ScConcernEditor, location_row) },
  { "setting-type", G_STRUCT_OFFSET (ScConcernEditor, setting_type_row) },
  { "status", G_STRUCT_OFFSET (ScConcernEditor, status_row) },
};

static const RowField check_rows[] = {
  { "incident-types", G_STRUCT_OFFSET (ScConcernEditor, incident_types_row) },
  { "media", G_STRUCT_OFFSET (ScConcernEditor, media_row) },
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
  return SC_RECORD (self->concern);
}

static void
show_error (ScConcernEditor *self,
            const char      *sentence)
{
  gtk_label_set_text (self->error_label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), sentence != NULL);
}

/* Rows that only matter for some answers are shown only then. */
static void
update_visibility (ScConcernEditor *self)
{
  ScRecord *r = record (self);

  gtk_widget_set_visible (GTK_WIDGET (self->incident_other_row),
                          sc_choice_list_has (sc_record_get_text (r, "incident-types"), "other"));
  gtk_widget_set_visible (GTK_WIDGET (self->adult_role_row), sc_concern_adult_alleged (self->concern));
  gtk_widget_set_visible (GTK_WIDGET (self->adult_employer_row),
                          sc_concern_adult_alleged (self->concern));
  gtk_widget_set_visible (GTK_WIDGET (self->adult_staff_row), sc_concern_adult_alleged (self->concern));
  gtk_widget_set_visible (GTK_WIDGET (self->setting_other_row),
                          g_str_equal (sc_record_get_text (r, "setting-type"), "other"));
  gtk_widget_set_visible (GTK_WIDGET (self->media_other_row),
                          sc_choice_list_has (sc_record_get_text (r, "media"), "other"));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row),
                          g_str_equal (sc_record_get_text (r, "status"), "closed"));
}

static void
update_missing (ScConcernEditor *self)
{
  g_auto(GStrv) required = sc_concern_missing (self->concern, TRUE);
  g_auto(GStrv) all = sc_concern_missing (self->concern, FALSE);
  g_autofree char *text = NULL;

  if (required[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", required);

      text = g_strdup_printf (_("To save this concern, add %s."), list);
    }
  else if (all[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", all);

      text = g_strdup_printf (_("It can be saved now. Still to complete later: %s."), list);
    }
  else
    text = g_strdup (_("Everything the monitoring form asks for is here."));

  gtk_label_set_text (self->missing_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "concern.save", required[0] == NULL
                                 && !self->date_problem);
}

static gboolean
has_content (ScConcernEditor *self)
{
  g_autoptr(ScConcern) blank = sc_concern_new (sc_record_get_int64 (record (self), "child-id"));

  return !sc_record_fields_equal (SC_RECORD (blank), record (self));
}

static gboolean
save_draft (ScConcernEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *saved = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->concern == NULL || self->vault == NULL)
    return TRUE;
  /* An untouched form is not a draft. */
  if (sc_record_get_id (record (self)) == 0 && !has_content (self))
    return TRUE;

  if (!sc_records_save (self->vault, record (self), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      show_error (self, sentence);
      return FALSE;
    }

  show_error (self, NULL);
  now = g_date_time_new_now_local ();
  saved = g_date_time_format (now, "%H:%M:%S");
  {
    g_autofree char *text = g_strdup_printf (sc_record_get_boolean (record (self), "is-draft")
                                             ? _("Draft saved at %s")
                                             : _("Changes saved at %s"),
                                             saved);

    gtk_label_set_text (self->draft_label, text);
  }
  return TRUE;
}

static gboolean
draft_timeout_cb (gpointer data)
{
  ScConcernEditor *self = data;

  self->draft_source = 0;
  save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
changed (ScConcernEditor *self)
{
  update_visibility (self);
  update_missing (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
text_changed_cb (ScConcernEditor *self,
                 GtkEditable     *editable)
{
  if (self->loading || self->concern == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    if (row_at (self, &text_rows[i]) == (gpointer) editable)
      sc_record_set_text (record (self), text_rows[i].field, gtk_editable_get_text (editable));
  changed (self);
}

static void
own_words_changed_cb (ScConcernEditor *self,
                      GtkTextBuffer   *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || self->concern == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* Kept verbatim: no trimming, no reflowing. */
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  sc_record_set_text (record (self), "own-words", text);
  changed (self);
}

static void
date_changed_cb (ScConcernEditor *self,
                 GtkEditable     *editable)
{
  g_autoptr(GError) first_error = NULL;

  if (self->loading || self->concern == NULL)
    return;

  self->date_problem = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    {
      GtkEditable *row = row_at (self, &date_rows[i]);
      const char *text = gtk_editable_get_text (row);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) moment = NULL;

      if (*text == '\0')
        {
          sc_record_set_text (record (self), date_rows[i].field, "");
          sc_form_set_error (GTK_WIDGET (row), FALSE);
        }
      else if ((moment = sc_datetime_parse_local (text, &error)))
        {
          g_autofree char *stored = sc_datetime_to_storage (moment);

          sc_record_set_text (record (self), date_rows[i].field, stored);
          sc_form_set_error (GTK_WIDGET (row), FALSE);
        }
      else
        {
          /* The last date that read stays in the draft until this one does. */
          sc_form_set_error (GTK_WIDGET (row), TRUE);
          self->date_problem = TRUE;
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
        }
    }

  show_error (self, first_error != NULL ? first_error->message : NULL);
  changed (self);
}

static void
combo_changed_cb (ScConcernEditor *self,
                  GParamSpec      *pspec,
                  AdwComboRow     *row)
{
  if (self->loading || self->concern == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    if (row_at (self, &combo_rows[i]) == (gpointer) row)
      sc_record_set_text (record (self), combo_rows[i].field, sc_form_combo_get_id (row));
  changed (self);
}

static void
checks_changed_cb (ScConcernEditor *self)
{
  if (self->loading || self->concern == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (check_rows); i++)
    {
      g_autofree char *list = sc_form_checks_get (row_at (self, &check_rows[i]));

      sc_record_set_text (record (self), check_rows[i].field, list);
    }
  changed (self);
}

static void
staff_changed_cb (ScConcernEditor *self)
{
  if (self->loading || self->concern == NULL)
    return;

  sc_record_set_boolean (record (self), "adult-is-staff",
                         gtk_switch_get_active (self->adult_staff_switch));
  changed (self);
}

static void
fill_rows (ScConcernEditor *self)
{
  ScRecord *r = record (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->own_words_view);

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, sc_record_get_text (r, "own-words"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    gtk_editable_set_text (row_at (self, &text_rows[i]), sc_record_get_text (r, text_rows[i].field));
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    {
      g_autofree char *text = sc_datetime_format_entry (sc_record_get_text (r, date_rows[i].field));

      gtk_editable_set_text (row_at (self, &date_rows[i]), text);
      sc_form_set_error (row_at (self, &date_rows[i]), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    sc_form_combo_set_id (row_at (self, &combo_rows[i]), sc_record_get_text (r, combo_rows[i].field));
  for (guint i = 0; i < G_N_ELEMENTS (check_rows); i++)
    sc_form_checks_set (row_at (self, &check_rows[i]), sc_record_get_text (r, check_rows[i].field));
  gtk_switch_set_active (self->adult_staff_switch, sc_record_get_boolean (r, "adult-is-staff"));
  self->loading = FALSE;
  self->date_problem = FALSE;

  show_error (self, NULL);
  gtk_label_set_text (self->draft_label, "");
  update_visibility (self);
  update_missing (self);
}

/* Contacts noted with a link to this concern (a disclosure by text, say). */
static void
fill_linked_contacts (ScConcernEditor *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->linked_contacts_list))) != NULL)
    gtk_list_box_remove (self->linked_contacts_list, row);

  if (self->vault == NULL || self->concern == NULL || sc_record_get_id (record (self)) == 0)
    return;

  contacts = sc_records_list_contacts_for_concern (self->vault, sc_record_get_id (record (self)),
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
  g_autoptr(GError) error = NULL;

  if (self->concern == NULL || self->vault == NULL)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!sc_records_complete (self->vault, record (self), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      show_error (self, sentence);
      /* Keep what was typed as a draft at least. */
      save_draft (self);
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, self->concern);
}

static void
sc_concern_editor_dispose (GObject *object)
{
  ScConcernEditor *self = (ScConcernEditor *) object;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->concern);
  g_clear_object (&self->vault);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONCERN_EDITOR);

  G_OBJECT_CLASS (sc_concern_editor_parent_class)->dispose (object);
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
  widget_class->grab_focus = sc_concern_editor_grab_focus;

  /**
   * ScConcernEditor::saved:
   * @concern: the concern, no longer a draft
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, SC_TYPE_CONCERN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-concern-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, own_words_view);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, happened_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, disclosed_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, disclosed_by_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, intent_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, incident_types_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, incident_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, involvement_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, other_party_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_role_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_employer_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_staff_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, adult_staff_switch);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, setting_type_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, setting_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, media_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, media_other_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, ScConcernEditor, linked_contacts_list);

  gtk_widget_class_install_action (widget_class, "concern.save", NULL, save_action);
}

static void
sc_concern_editor_init (ScConcernEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("None yet. Link a contact to this concern when you note it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->linked_contacts_list, placeholder);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_signal_connect_object (row_at (self, &text_rows[i]), "changed",
                             G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (date_rows); i++)
    g_signal_connect_object (row_at (self, &date_rows[i]), "changed",
                             G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    {
      /* Translators: shown in a list of choices before one has been made. */
      sc_form_combo_setup (row_at (self, &combo_rows[i]), combo_rows[i].field,
                           /* A concern always has a status. */
                           g_str_equal (combo_rows[i].field, "status") ? NULL : _("Not chosen yet"));
      g_signal_connect_object (row_at (self, &combo_rows[i]), "notify::selected",
                               G_CALLBACK (combo_changed_cb), self, G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (check_rows); i++)
    sc_form_checks_setup (row_at (self, &check_rows[i]), check_rows[i].field,
                          G_CALLBACK (checks_changed_cb), self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->own_words_view), "changed",
                           G_CALLBACK (own_words_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->adult_staff_switch, "notify::active",
                           G_CALLBACK (staff_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Shows @concern (new or from the vault) for editing. */
void
sc_concern_editor_edit (ScConcernEditor *self,
                        ScVault         *vault,
                        ScConcern       *concern)
{
  g_return_if_fail (SC_IS_CONCERN_EDITOR (self));
  g_return_if_fail (SC_IS_CONCERN (concern));

  sc_concern_editor_clear (self);
  self->vault = g_object_ref (vault);
  self->concern = g_object_ref (concern);
  fill_rows (self);
  fill_linked_contacts (self);

  /* A new concern is usually recorded straight after the disclosure. */
  if (sc_record_get_id (record (self)) == 0
      && *sc_record_get_text (record (self), "disclosed-at") == '\0')
    {
      g_autofree char *now = sc_datetime_now_storage ();
      g_autofree char *text = sc_datetime_format_entry (now);

      gtk_editable_set_text (GTK_EDITABLE (self->disclosed_row), text);
    }
}

void
sc_concern_editor_flush (ScConcernEditor *self)
{
  g_return_if_fail (SC_IS_CONCERN_EDITOR (self));

  if (self->draft_source != 0)
    save_draft (self);
}

/* Forgets the concern and empties the form: nothing stays on screen. */
void
sc_concern_editor_clear (ScConcernEditor *self)
{
  g_autoptr(ScConcern) blank = NULL;

  g_return_if_fail (SC_IS_CONCERN_EDITOR (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->vault);
  g_clear_object (&self->concern);

  if (self->summary_row == NULL)
    return;   /* disposed */

  blank = sc_concern_new (0);
  self->concern = g_object_ref (blank);
  fill_rows (self);
  g_clear_object (&self->concern);
  fill_linked_contacts (self);
}

ScConcern *
sc_concern_editor_get_concern (ScConcernEditor *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_EDITOR (self), NULL);

  return self->concern;
}

GtkWidget *
sc_concern_editor_get_row (ScConcernEditor *self,
                           const char      *field)
{
  const RowField *tables[] = { text_rows, date_rows, combo_rows, check_rows };
  const gsize sizes[] = { G_N_ELEMENTS (text_rows), G_N_ELEMENTS (date_rows),
                          G_N_ELEMENTS (combo_rows), G_N_ELEMENTS (check_rows) };

  g_return_val_if_fail (SC_IS_CONCERN_EDITOR (self), NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (gsize i = 0; i < sizes[t]; i++)
      if (g_str_equal (tables[t][i].field, field))
        return row_at (self, &tables[t][i]);
  return NULL;
}

GtkTextBuffer *
sc_concern_editor_get_own_words (ScConcernEditor *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_EDITOR (self), NULL);

  return gtk_text_view_get_buffer (self->own_words_view);
}

const char *
sc_concern_editor_get_missing (ScConcernEditor *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_EDITOR (self), NULL);

  return gtk_label_get_text (self->missing_label);
}

const char *
sc_concern_editor_get_error (ScConcernEditor *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}
