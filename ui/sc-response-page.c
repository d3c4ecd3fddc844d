/* sc-response-page.c: the guided response to one concern
 *
 * Each step the procedure asks for, in order, with its guidance, who to
 * contact, and what has been done; the area's warnings first; and the
 * evidence log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-response-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"
#include "sc-application.h"
#include "sc-response-page.h"
#include "sc-response.h"

struct _ScResponsePage
{
  GtkWidget            parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *steps_group;
  GtkListBox          *evidence_list;
  GtkLabel            *status_label;

  ScVault             *vault;
  ScProcedure         *procedure;
  ScConcern           *concern;
  ScChild             *child;
  GPtrArray           *items;    /* ScResponseItem */
  GPtrArray           *rows;     /* widgets added to the groups, to remove them again */
  GtkWidget           *evidence_dialog;   /* weak: while it is open */
  GHashTable          *reason_rows;   /* step id → its "why not needed" row */
};

G_DEFINE_FINAL_TYPE (ScResponsePage, sc_response_page, GTK_TYPE_WIDGET)

static void rebuild (ScResponsePage *self);

static ScResponseItem *
find_item (ScResponsePage *self,
           const char     *step_id)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ScResponseItem *item = self->items->pdata[i];

      if (g_str_equal (sc_procedure_step_get_id (item->step), step_id))
        return item;
    }
  return NULL;
}

/* "Done by Sam Taylor, 24 November 2026, 10:02", "To do, due …", … */
static char *
describe_status (ScResponseItem *item)
{
  ScRecord *r = SC_RECORD (item->record);
  const char *status = sc_record_get_text (r, "status");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (g_str_equal (status, "done"))
    {
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (r, "done-at"));

      return g_strdup_printf (_("Done by %s, %s"), sc_record_get_text (r, "done-by"), when);
    }
  if (g_str_equal (status, "not-needed"))
    return g_strdup_printf (_("Not needed: %s"), sc_record_get_text (r, "reason"));
  /* Translators: %s is an answer still to give, such as "who is involved". */
  if (item->unknown != NULL)
    return g_strdup_printf (_("May apply: answer %s to confirm"), item->unknown);
  if (*sc_record_get_text (r, "due-at") != '\0')
    {
      g_autofree char *due = sc_datetime_format_display (sc_record_get_text (r, "due-at"));

      if (sc_response_is_overdue (item->record, now))
        return g_strdup_printf (_("Overdue: it was due %s"), due);
      return g_strdup_printf (_("To do, due %s"), due);
    }
  return g_strdup (_("To do"));
}

static void
copy_clicked_cb (GtkButton      *button,
                 ScResponsePage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "text");

  sc_application_copy_text (SC_APPLICATION (g_application_get_default ()),
                            gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  sc_form_toast (GTK_WIDGET (self), _("Copied"));
}

static GtkWidget *
contact_row_new (ScResponsePage           *self,
                 const ScProcedureContact *contact)
{
  GtkWidget *row = adw_action_row_new ();
  const char *reach = contact->number != NULL ? contact->number : contact->url;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), contact->number != NULL
                                                      ? "call-start-symbolic"
                                                      : "web-browser-symbolic");
  if (reach != NULL)
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reach);
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy"));
      g_object_set_data_full (G_OBJECT (copy), "text", g_strdup (reach), g_free);
      g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  else
    /* Never a wrong number: a local one the council has not set says so. */
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Set your local number in the procedure file"));
  return row;
}

static void
entry_applied_cb (AdwEntryRow    *row,
                  ScResponsePage *self)
{
  ScResponseItem *item = find_item (self, g_object_get_data (G_OBJECT (row), "step-id"));
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  g_autoptr(GError) error = NULL;

  if (item == NULL || self->vault == NULL)
    return;

  sc_record_set_text (SC_RECORD (item->record), field, gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!sc_records_save (self->vault, SC_RECORD (item->record), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  sc_form_toast (GTK_WIDGET (self), _("Saved"));
}

static GtkWidget *
entry_row_new (ScResponsePage *self,
               ScResponseItem *item,
               const char     *field,
               const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), sc_record_get_text (SC_RECORD (item->record), field));
  g_object_set_data_full (G_OBJECT (row), "step-id",
                          g_strdup (sc_procedure_step_get_id (item->step)), g_free);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect_object (row, "apply", G_CALLBACK (entry_applied_cb), self, 0);
  return row;
}

/* response.mark-step((ss)): the step's id and its new status; a step not
 * needed takes the reason typed in its row. */
static void
mark_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  const char *step_id = NULL, *status = NULL;
  GtkEditable *reason;

  g_variant_get (parameter, "(&s&s)", &step_id, &status);
  reason = g_hash_table_lookup (self->reason_rows, step_id);
  sc_response_page_mark (self, step_id, status,
                         reason != NULL && g_str_equal (status, "not-needed")
                         ? gtk_editable_get_text (reason) : NULL, NULL);
}

static GtkWidget *
status_button_new (ScResponseItem *item,
                   const char     *label,
                   const char     *status)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                    sc_procedure_step_get_id (item->step), status);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "response.mark-step");
  return button;
}

static GtkWidget *
text_row_new (const char *text,
              const char *style)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Removal must wait for the police while a police step is still to do. */
static gboolean
police_step_open (ScResponsePage *self)
{
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ScResponseItem *item = self->items->pdata[i];

      if (g_str_equal (sc_procedure_step_get_kind (item->step), "police")
          && !g_str_equal (sc_procedure_step_get_id (item->step), "immediate-danger")
          && g_str_equal (sc_record_get_text (SC_RECORD (item->record), "status"), "to-do"))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
step_row_new (ScResponsePage *self,
              ScResponseItem *item)
{
  GtkWidget *expander = adw_expander_row_new ();
  const char *status = sc_record_get_text (SC_RECORD (item->record), "status");
  const char *const *contacts = sc_procedure_step_get_contacts (item->step);
  const char *const *warnings = sc_procedure_step_get_warnings (item->step);
  g_autofree char *subtitle = describe_status (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *reason, *buttons, *row, *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 sc_procedure_step_get_title (item->step));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  icon = gtk_image_new_from_icon_name (g_str_equal (status, "done") ? "emblem-ok-symbolic"
                                       : g_str_equal (status, "not-needed") ? "window-close-symbolic"
                                       : "radio-symbolic");
  if (sc_response_is_overdue (item->record, now))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (expander, "overdue-step");
    }
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            text_row_new (sc_procedure_step_get_guidance (item->step), NULL));
  if (g_str_equal (sc_procedure_step_get_kind (item->step), "provider-takedown")
      && police_step_open (self))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              text_row_new (_("A police step is still open. Do not have anything "
                                              "removed until the police have what they need."),
                                            "warning"));
  for (guint i = 0; warnings[i] != NULL; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row_new (warnings[i], "warning"));
  for (guint i = 0; contacts[i] != NULL; i++)
    {
      const ScProcedureContact *contact = sc_procedure_get_contact (self->procedure, contacts[i]);

      if (contact != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), contact_row_new (self, contact));
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            entry_row_new (self, item, "reference",
                                           _("Reference (police, CEOP, provider’s ticket)")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            entry_row_new (self, item, "notes", _("Notes")));

  reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Why Not Needed"));
  gtk_editable_set_text (GTK_EDITABLE (reason), sc_record_get_text (SC_RECORD (item->record), "reason"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), reason);
  g_hash_table_replace (self->reason_rows, g_strdup (sc_procedure_step_get_id (item->step)), reason);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  if (!g_str_equal (status, "to-do"))
    gtk_box_append (GTK_BOX (buttons), status_button_new (item, _("Back to _To Do"), "to-do"));
  if (!g_str_equal (status, "not-needed"))
    gtk_box_append (GTK_BOX (buttons), status_button_new (item, _("_Not Needed"), "not-needed"));
  if (!g_str_equal (status, "done"))
    {
      GtkWidget *done = status_button_new (item, _("Mark _Done"), "done");

      gtk_widget_add_css_class (done, "suggested-action");
      gtk_box_append (GTK_BOX (buttons), done);
    }
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return expander;
}

static void
fill_evidence (ScResponsePage *self)
{
  g_autoptr(GPtrArray) evidence = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, row);
  if (self->vault == NULL || self->concern == NULL)
    return;

  evidence = sc_evidence_list (self->vault, sc_record_get_id (SC_RECORD (self->concern)), NULL);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      ScRecord *e = evidence->pdata[i];
      const char *file = sc_record_get_text (e, "file-name");
      g_autofree char *subtitle = sc_form_join_nonempty (" · ", sc_record_get_text (e, "held-where"),
                                                         sc_record_get_text (e, "secured-by"),
                                                         sc_record_get_text (e, "urls"), file, NULL);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_record_get_text (e, "what"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* No file of any kind for a sexual or grooming concern, and one file
       * an entry: no button then. */
      if (sc_evidence_files_allowed (self->concern) && *file == '\0')
        {
          GtkWidget *attach = gtk_button_new_with_mnemonic (_("Attach _File…"));

          gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (attach), "x", sc_record_get_id (e));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (attach), "response.attach");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach);
        }
      gtk_list_box_append (self->evidence_list, row);
    }
}

static void
clear_rows (ScResponsePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->reason_rows);
}

/* The answers that would confirm which steps apply, asked for at the top:
 * until they are given, the steps they decide are all shown. */
static void
show_missing_answers (ScResponsePage *self)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      ScResponseItem *item = self->items->pdata[i];

      if (item->unknown != NULL && !g_ptr_array_find_with_equal_func (answers, item->unknown,
                                                                        g_str_equal, NULL))
        g_ptr_array_add (answers, (gpointer) item->unknown);
    }
  if (answers->len == 0)
    {
      adw_preferences_group_set_description (self->steps_group,
                                             _("The steps the procedure asks for this concern, in "
                                               "order. Open a step for its guidance and who to "
                                               "contact."));
      return;
    }
  g_ptr_array_add (answers, NULL);
  list = g_strjoinv (", ", (char **) answers->pdata);
  text = g_strdup_printf (_("Some steps may apply: edit the concern to answer %s, and the list "
                            "will say which do. Until then every step that could apply is shown."),
                          list);
  adw_preferences_group_set_description (self->steps_group, text);
}

static void
rebuild (ScResponsePage *self)
{
  g_autoptr(GError) error = NULL;
  const char *const *warnings;
  gboolean any_warning;

  clear_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->vault == NULL || self->concern == NULL)
    return;

  /* Shown first, always: immediate danger, and the area's warnings (the
   * sexual area's for a sexual or grooming incident filed elsewhere). */
  warnings = sc_procedure_get_area_warnings (self->procedure,
                                             sc_evidence_files_allowed (self->concern)
                                             ? sc_record_get_text (SC_RECORD (self->concern), "area")
                                             : "sexual");
  any_warning = warnings[0] != NULL;
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warnings[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_widget_add_css_class (row, "warning-row");
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), any_warning);

  self->items = sc_response_build (self->vault, self->procedure, self->concern, self->child, &error);
  if (self->items == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *row = step_row_new (self, self->items->pdata[i]);

      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->rows, row);
    }
  show_missing_answers (self);
  fill_evidence (self);
}

/* Evidence ----------------------------------------------------------------------- */

/* The evidence log's fields, in the order the dialog asks for them. */
static const struct
{
  const char *field;
  const char *placeholder;
} evidence_entries[] = {
  { "what", N_("What it is, e.g. screenshots of the chat") },
  { "held-where", N_("Where it is held, e.g. the carer’s phone, locked away") },
  { "secured-by", N_("Who secured it") },
  { "urls", N_("Web addresses") },
  { "usernames", N_("Usernames or account names") },
};

static void
add_evidence_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ScResponsePage   *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = sc_datetime_now_storage ();

  if (!g_str_equal (response, "add") || self->vault == NULL || self->concern == NULL)
    return;

  evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (self->concern)));
  for (guint i = 0; i < G_N_ELEMENTS (evidence_entries); i++)
    {
      GtkEditable *entry = g_object_get_data (G_OBJECT (box), evidence_entries[i].field);

      sc_record_set_text (SC_RECORD (evidence), evidence_entries[i].field,
                          gtk_editable_get_text (entry));
    }
  sc_record_set_text (SC_RECORD (evidence), "secured-at", now);
  if (!sc_records_save (self->vault, SC_RECORD (evidence), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }
  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box, *what = NULL;

  if (self->concern == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Add Evidence"),
                                                       _("Say what it is, where it is held and who "
                                                         "secured it. Never add a suspected indecent "
                                                         "image of a child.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < G_N_ELEMENTS (evidence_entries); i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(evidence_entries[i].placeholder));
      gtk_box_append (GTK_BOX (box), entry);
      g_object_set_data (G_OBJECT (box), evidence_entries[i].field, entry);
      if (i == 0)
        what = entry;
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_evidence_response_cb), self, 0);
  g_set_weak_pointer (&self->evidence_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (what);
}

static void
attach_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ScResponsePage  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "evidence-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      sc_response_page_attach_file (self, id, file);
    }
  g_object_unref (dialog);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  g_object_set_data (G_OBJECT (dialog), "evidence-id",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (attach_response_cb), self, 0);
  sc_form_track_native_dialog (GTK_NATIVE_DIALOG (dialog));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Page ----------------------------------------------------------------------------- */

static void
sc_response_page_dispose (GObject *object)
{
  ScResponsePage *self = (ScResponsePage *) object;

  sc_response_page_clear (self);
  g_clear_weak_pointer (&self->evidence_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RESPONSE_PAGE);

  G_OBJECT_CLASS (sc_response_page_parent_class)->dispose (object);
}

static void
sc_response_page_finalize (GObject *object)
{
  ScResponsePage *self = (ScResponsePage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_hash_table_unref);

  G_OBJECT_CLASS (sc_response_page_parent_class)->finalize (object);
}

static void
sc_response_page_class_init (ScResponsePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_response_page_dispose;
  object_class->finalize = sc_response_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-response-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, status_label);

  gtk_widget_class_install_action (widget_class, "response.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "response.attach", "x", attach_action);
  gtk_widget_class_install_action (widget_class, "response.mark-step", "(ss)", mark_step_action);
}

static void
sc_response_page_init (ScResponsePage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->reason_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  placeholder = gtk_label_new (_("No evidence logged yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->evidence_list, placeholder);
}

void
sc_response_page_show (ScResponsePage *self,
                       ScVault        *vault,
                       ScProcedure    *procedure,
                       ScConcern      *concern,
                       ScChild        *child)
{
  g_return_if_fail (SC_IS_RESPONSE_PAGE (self));

  sc_response_page_clear (self);
  self->vault = g_object_ref (vault);
  self->procedure = sc_procedure_ref (procedure);
  self->concern = g_object_ref (concern);
  self->child = child != NULL ? g_object_ref (child) : NULL;
  rebuild (self);
}

/* Forgets the concern and every row: nothing stays on screen. */
void
sc_response_page_clear (ScResponsePage *self)
{
  g_return_if_fail (SC_IS_RESPONSE_PAGE (self));

  if (self->rows != NULL && self->steps_group != NULL)
    clear_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->procedure, sc_procedure_unref);
  g_clear_object (&self->concern);
  g_clear_object (&self->child);
  if (self->evidence_list != NULL)
    {
      fill_evidence (self);
      sc_form_show_sentence (self->status_label, NULL);
    }
}

ScConcern *
sc_response_page_get_concern (ScResponsePage *self)
{
  g_return_val_if_fail (SC_IS_RESPONSE_PAGE (self), NULL);

  return self->concern;
}

GStrv
sc_response_page_dup_step_ids (ScResponsePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    g_strv_builder_add (builder, sc_procedure_step_get_id (((ScResponseItem *) self->items->pdata[i])->step));
  return g_strv_builder_end (builder);
}

GStrv
sc_response_page_dup_warnings (ScResponsePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (self->concern != NULL)
    g_strv_builder_addv (builder, (const char **) sc_procedure_get_area_warnings (
                                    self->procedure, sc_record_get_text (SC_RECORD (self->concern),
                                                                         "area")));
  return g_strv_builder_end (builder);
}

/* What the step buttons do: a status, with a reason for "not needed" and,
 * optionally, a reference. */
gboolean
sc_response_page_mark (ScResponsePage *self,
                       const char     *step_id,
                       const char     *status,
                       const char     *reason,
                       const char     *reference)
{
  ScResponseItem *item = find_item (self, step_id);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_RESPONSE_PAGE (self), FALSE);

  if (item == NULL || self->vault == NULL)
    return FALSE;
  if (reference != NULL)
    sc_record_set_text (SC_RECORD (item->record), "reference", reference);
  if (!sc_response_mark (self->vault, item, status, reason, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      sc_form_show_sentence (self->status_label, sentence);
      return FALSE;
    }
  sc_form_show_sentence (self->status_label, NULL);
  rebuild (self);
  return TRUE;
}

const char *
sc_response_page_get_step_status (ScResponsePage *self,
                                  const char     *step_id)
{
  ScResponseItem *item = find_item (self, step_id);

  return item != NULL ? sc_record_get_text (SC_RECORD (item->record), "status") : NULL;
}

gint64
sc_response_page_add_evidence (ScResponsePage *self,
                               const char     *what)
{
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_RESPONSE_PAGE (self), 0);

  if (self->vault == NULL || self->concern == NULL)
    return 0;
  evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (self->concern)));
  sc_record_set_text (SC_RECORD (evidence), "what", what);
  if (!sc_records_save (self->vault, SC_RECORD (evidence), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return 0;
    }
  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
  return sc_record_get_id (SC_RECORD (evidence));
}

/* Before a lock: an evidence entry being typed is kept, not dropped, once
 * it says what the evidence is; the dialog goes with the vault. */
void
sc_response_page_flush (ScResponsePage *self)
{
  GtkWidget *box;
  GtkEditable *what;

  g_return_if_fail (SC_IS_RESPONSE_PAGE (self));

  if (self->evidence_dialog == NULL)
    return;
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (self->evidence_dialog));
  what = g_object_get_data (G_OBJECT (box), evidence_entries[0].field);
  if (*gtk_editable_get_text (what) != '\0')
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self->evidence_dialog), "add");
  gtk_window_destroy (GTK_WINDOW (self->evidence_dialog));
}

/* The largest evidence file kept (Preferences: evidence-max-megabytes). */
static gsize
max_file_bytes (void)
{
  GApplication *app = g_application_get_default ();
  guint megabytes = 20;

  if (SC_IS_APPLICATION (app))
    megabytes = g_settings_get_uint (sc_application_get_settings (SC_APPLICATION (app)),
                                     "evidence-max-megabytes");
  return (gsize) megabytes * 1000 * 1000;
}

/* Reads @file into the vault as @evidence_id's attachment; refused, with the
 * reason shown, for any file of a sexual or grooming concern and for any
 * kind not kept (see sc_evidence_attach()). */
gboolean
sc_response_page_attach_file (ScResponsePage *self,
                              gint64          evidence_id,
                              GFile          *file)
{
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  g_return_val_if_fail (SC_IS_RESPONSE_PAGE (self), FALSE);

  if (self->vault == NULL || self->concern == NULL)
    return FALSE;

  if (!(evidence = sc_records_load (self->vault, SC_TYPE_EVIDENCE, evidence_id, &error))
      || !(data = sc_evidence_read_file (self->concern, file, max_file_bytes (), NULL, &error))
      || !sc_evidence_attach (self->vault, evidence, self->concern, name, data, max_file_bytes (),
                              &error))
    {
      g_autofree char *sentence = error->domain == G_IO_ERROR
                                  ? g_strdup_printf (_("The file could not be read: %s."), error->message)
                                  : sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return FALSE;
    }

  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
  sc_form_toast (GTK_WIDGET (self), _("File attached. Kept encrypted in this vault."));
  return TRUE;
}

const char *
sc_response_page_get_status (ScResponsePage *self)
{
  g_return_val_if_fail (SC_IS_RESPONSE_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : NULL;
}
