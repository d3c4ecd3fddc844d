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

#include <string.h>

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-form.h"
#include "sc-records.h"
#include "sc-application.h"
#include "sc-response-page.h"
#include "sc-response.h"
#include "sc-evidence-dialog.h"
#include "sc-step-row.h"
#include "sc-review.h"
#include "sc-addendum.h"
#include "sc-export.h"
#include "sc-finality.h"
#include "sc-choices.h"

struct _ScResponsePage
{
  ScPage               parent_instance;

  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *steps_group;
  GtkListBox          *evidence_list;
  GtkLabel            *status_label;
  GtkWidget           *history_button;
  GtkWidget           *edit_button;
  AdwPreferencesGroup *closed_group;
  AdwActionRow        *closed_row;
  AdwPreferencesGroup *reviews_group;
  GPtrArray           *review_rows;   /* rows added to reviews_group */
  AdwPreferencesGroup *record_group;
  AdwActionRow        *final_row;
  GtkWidget           *finalise_button;
  GPtrArray           *addendum_rows; /* rows added to record_group */

  GPtrArray           *items;    /* ScResponseItem */
  GPtrArray           *rows;     /* widgets added to the groups, to remove them again */
  GtkWidget           *evidence_dialog;   /* weak: while it is open */
  GHashTable          *step_rows;   /* step id → its ScStepRow */
  gint64               attach_id;   /* the evidence entry a file is being chosen for */
};

G_DEFINE_FINAL_TYPE (ScResponsePage, sc_response_page, SC_TYPE_PAGE)


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

/* response.copy(s): a contact's number or address. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sc_application_copy_text (SC_APPLICATION (g_application_get_default ()),
                            gtk_widget_get_clipboard (widget),
                            g_variant_get_string (parameter, NULL));
  sc_form_toast (widget, _("Copied"));
}

static void
say_error (ScResponsePage *self,
           GError         *error)
{
  g_autofree char *sentence = sc_error_message_for (error);

  sc_form_toast (GTK_WIDGET (self), sentence);
  sc_form_show_sentence (self->status_label, sentence);
}

/* response.save-step-field((sss)): a step's reference or notes, as applied
 * in its row. */
static void
save_step_field_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  const char *step_id = NULL, *field = NULL, *text = NULL;
  ScResponseItem *item;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &field, &text);
  if ((item = find_item (self, step_id)) == NULL || vault == NULL
      || !(g_str_equal (field, "reference") || g_str_equal (field, "notes")))
    return;

  sc_record_set_text (SC_RECORD (item->record), field, text);
  if (!sc_records_save (vault, SC_RECORD (item->record), &error))
    {
      say_error (self, error);
      return;
    }
  sc_form_show_sentence (self->status_label, NULL);
  sc_form_toast (widget, _("Saved"));
}

/* response.mark-step((ss)): the step's id and its new status. What is
 * typed in the step's row goes with it, applied or not: the reference a
 * referral needs, the notes, and the reason a step is not needed. */
static void
mark_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  const char *step_id = NULL, *status = NULL;
  ScResponseItem *item;
  ScStepRow *row;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &step_id, &status);
  if ((item = find_item (self, step_id)) == NULL || vault == NULL)
    return;
  row = g_hash_table_lookup (self->step_rows, step_id);
  if (row != NULL)
    {
      sc_record_set_text (SC_RECORD (item->record), "reference",
                          sc_step_row_get_typed (row, "reference"));
      sc_record_set_text (SC_RECORD (item->record), "notes", sc_step_row_get_typed (row, "notes"));
    }
  if (!sc_response_mark (vault, item, status,
                         row != NULL && g_str_equal (status, "not-needed")
                         ? sc_step_row_get_typed (row, "reason") : NULL, &error))
    {
      say_error (self, error);
      return;
    }
  sc_form_show_sentence (self->status_label, NULL);
  rebuild (self);
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

static void
fill_evidence (ScResponsePage *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(GPtrArray) evidence = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, row);
  if (vault == NULL || concern == NULL)
    return;

  evidence = sc_evidence_list (vault, sc_record_get_id (SC_RECORD (concern)), NULL);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      ScRecord *e = evidence->pdata[i];
      const char *file = sc_record_get_text (e, "file-name");
      g_autofree char *subtitle = sc_form_join_nonempty (" · ", sc_record_get_text (e, "held-where"),
                                                         sc_record_get_text (e, "secured-by"),
                                                         sc_record_get_text (e, "urls"), file, NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *since = sc_records_final_since (vault, e, now,
                                                       sc_vault_get_final_after_hours (vault), NULL);
      g_autoptr(GPtrArray) addenda = sc_addenda_for (vault, e, NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_record_get_text (e, "what"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (since != NULL)
        {
          g_autofree char *final = g_strconcat (*subtitle != '\0' ? subtitle : "",
                                                *subtitle != '\0' ? " · " : "", _("Final"), NULL);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), final);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* No file of any kind for a sexual or grooming concern, one file an
       * entry, and none added to a final one: no button then. */
      if (sc_evidence_files_allowed (concern) && *file == '\0' && since == NULL)
        {
          GtkWidget *attach = gtk_button_new_with_mnemonic (_("Attach _File…"));

          gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (attach), "x", sc_record_get_id (e));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (attach), "response.attach");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach);
        }
      {
        g_autoptr(GMenuModel) menu = sc_form_record_menu_model_new ("evidence", sc_record_get_id (e),
                                                                    since == NULL
                                                                    ? "response.finalise-evidence" : NULL,
                                                                    "response.add-evidence-addendum");

        /* Edited until it is final; its file removed, with a reason, at
         * any time. */
        if (*file != '\0')
          g_menu_prepend (G_MENU (menu), _("_Save File for the Police…"),
                          g_action_print_detailed_name ("response.save-evidence-file",
                                                        g_variant_new_int64 (sc_record_get_id (e))));
        if (*file != '\0')
          g_menu_prepend (G_MENU (menu), _("_Remove File…"),
                          g_action_print_detailed_name ("response.remove-evidence-file",
                                                        g_variant_new_int64 (sc_record_get_id (e))));
        if (since == NULL)
          g_menu_prepend (G_MENU (menu), _("_Edit…"),
                          g_action_print_detailed_name ("response.edit-evidence",
                                                        g_variant_new_int64 (sc_record_get_id (e))));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sc_form_record_menu_button_new (menu));
      }
      gtk_list_box_append (self->evidence_list, row);
      /* Its addenda, under it. */
      for (guint j = 0; addenda != NULL && j < addenda->len; j++)
        gtk_list_box_append (self->evidence_list, sc_form_addendum_row_new (addenda->pdata[j]));
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
  g_hash_table_remove_all (self->step_rows);
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
  /* A final or closed concern is not edited: the steps it leaves open are
   * settled one by one, and what was missing said in an addendum. */
  {
    ScVault *vault = sc_page_get_vault (SC_PAGE (self));
    ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *since = vault != NULL && concern != NULL
                             ? sc_records_final_since (vault, SC_RECORD (concern), now,
                                                       sc_vault_get_final_after_hours (vault), NULL)
                             : NULL;

    if (since != NULL || (concern != NULL && sc_concern_is_closed (concern)))
      text = g_strdup_printf (_("Some steps may apply, because the concern does not say %s. It is "
                                "not edited now: mark each of these steps done or not needed, and "
                                "say what was missing in an addendum."), list);
    else
      text = g_strdup_printf (_("Some steps may apply: edit the concern to answer %s, and the list "
                                "will say which do. Until then every step that could apply is "
                                "shown."), list);
  }
  adw_preferences_group_set_description (self->steps_group, text);
}

static void
rebuild (ScResponsePage *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScProcedure *procedure = sc_page_get_procedure (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *const *warnings;
  gboolean any_warning, police_open;

  clear_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (vault == NULL || concern == NULL)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->history_button), "(sx)", "concern",
                                    sc_record_get_id (SC_RECORD (concern)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->history_button), "window.show-history");

  /* Shown first, always: immediate danger, and the area's warnings (the
   * sexual area's for a sexual or grooming incident filed elsewhere). */
  warnings = sc_procedure_get_area_warnings (procedure,
                                             sc_evidence_files_allowed (concern)
                                             ? sc_record_get_text (SC_RECORD (concern), "area")
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

  self->items = sc_response_build (vault, procedure, concern, sc_page_get_child (SC_PAGE (self)),
                                   &error);
  if (self->items == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }
  police_open = police_step_open (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      ScResponseItem *item = self->items->pdata[i];
      GtkWidget *row = sc_step_row_new (item, procedure, police_open);
      ScRecord *record = SC_RECORD (item->record);

      /* A marked step's note is final in its turn, and takes addenda. */
      if (sc_record_get_id (record) > 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *since = sc_records_final_since (vault, record, now,
                                                           sc_vault_get_final_after_hours (vault),
                                                           NULL);
          g_autoptr(GPtrArray) addenda = sc_addenda_for (vault, record, NULL);

          sc_step_row_set_record (SC_STEP_ROW (row), sc_record_get_id (record), since, addenda);
        }
      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->rows, row);
      g_hash_table_replace (self->step_rows, g_strdup (sc_procedure_step_get_id (item->step)), row);
    }
  show_missing_answers (self);
}

/* Evidence ----------------------------------------------------------------------- */

/* Reviews ------------------------------------------------------------------------- */

/* The concern's reviews; a closed concern says who closed it, and offers
 * nothing that would change it. */
static void
fill_reviews (ScResponsePage *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  gboolean closed = concern != NULL && sc_concern_is_closed (concern);
  ScRecord *last = NULL;

  for (guint i = 0; i < self->review_rows->len; i++)
    adw_preferences_group_remove (self->reviews_group, self->review_rows->pdata[i]);
  g_ptr_array_set_size (self->review_rows, 0);
  if (vault != NULL && concern != NULL
      && !(reviews = sc_reviews_for_concern (vault, sc_record_get_id (SC_RECORD (concern)), &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
    }
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      ScRecord *r = last = reviews->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (r, "signed-at"));
      g_autofree char *title = g_strdup_printf (_("%s: %s"), sc_record_get_text (r, "manager"),
                                                sc_choice_label ("decision",
                                                                 sc_record_get_text (r, "decision")));
      g_autofree char *subtitle = g_strdup_printf (_("Signed %s. %s"), when,
                                                   sc_record_get_text (r, "comments"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "emblem-ok-symbolic");
      adw_preferences_group_add (self->reviews_group, row);
      g_ptr_array_add (self->review_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->closed_group), closed);
  if (closed && last != NULL)
    {
      g_autofree char *when = sc_datetime_format_display (sc_record_get_text (last, "signed-at"));
      g_autofree char *said = g_strdup_printf (_("%s closed this concern on %s. Nothing in it can be "
                                                 "changed; a new review reopens it."),
                                               sc_record_get_text (last, "manager"), when);

      adw_action_row_set_subtitle (self->closed_row, said);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.mark-step", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.save-step-field", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.add-evidence", !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "response.attach", !closed);
}

/* Final or not, and the addenda that correct the concern, under it. */
static void
fill_record (ScResponsePage *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) addenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;

  for (guint i = 0; i < self->addendum_rows->len; i++)
    adw_preferences_group_remove (self->record_group, self->addendum_rows->pdata[i]);
  g_ptr_array_set_size (self->addendum_rows, 0);
  if (vault == NULL || concern == NULL)
    return;

  since = sc_records_final_since (vault, SC_RECORD (concern), now,
                                  sc_vault_get_final_after_hours (vault), &error);
  if (since != NULL)
    {
      g_autofree char *when = sc_datetime_format_display (since);
      g_autofree char *said = g_strdup_printf (_("Final since %s, as notes made at the time must "
                                                 "be: add an addendum to correct it or say more."),
                                               when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->final_row), _("Final"));
      adw_action_row_set_subtitle (self->final_row, said);
    }
  else
    {
      g_autofree char *said = g_strdup_printf (_("It becomes final %u hours after it was first "
                                                 "saved, or when you mark it so; after that, an "
                                                 "addendum corrects it."),
                                               sc_vault_get_final_after_hours (vault));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->final_row),
                                     _("Open to corrections"));
      adw_action_row_set_subtitle (self->final_row, said);
    }
  gtk_widget_set_visible (self->finalise_button, since == NULL);
  /* Neither a final concern nor a closed one is edited in place. */
  gtk_widget_set_sensitive (self->edit_button, since == NULL && !sc_concern_is_closed (concern));

  if (!(addenda = sc_addenda_for (vault, SC_RECORD (concern), &error)))
    return;
  for (guint i = 0; i < addenda->len; i++)
    {
      GtkWidget *row = sc_form_addendum_row_new (addenda->pdata[i]);

      adw_preferences_group_add (self->record_group, row);
      g_ptr_array_add (self->addendum_rows, row);
    }
}

static void
refill_record (GtkWidget *page)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (page);

  fill_record (self);
  fill_evidence (self);
  if (self->items != NULL)
    show_missing_answers (self);
}

/* response.finalise: the concern final now. */
static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (widget));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (widget));

  if (vault != NULL && concern != NULL)
    sc_finality_mark_final (widget, vault, SC_RECORD (concern), refill_record);
}

/* response.export(s): a document about the concern, as PDF: its target
 * names which ("lado-referral", "police-summary", "monitoring-form"). */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const struct { const char *name; ScDocumentKind kind; } documents[] = {
    { "lado-referral", SC_DOCUMENT_LADO_REFERRAL },
    { "police-summary", SC_DOCUMENT_POLICE_SUMMARY },
    { "monitoring-form", SC_DOCUMENT_MONITORING_FORM },
  };
  ScVault *vault = sc_page_get_vault (SC_PAGE (widget));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (widget));
  const char *name = g_variant_get_string (parameter, NULL);

  if (vault == NULL || concern == NULL || sc_page_get_procedure (SC_PAGE (widget)) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (name, documents[i].name))
      sc_export_document (widget, documents[i].kind, vault, sc_page_get_procedure (SC_PAGE (widget)),
                          concern);
}

/* response.add-addendum: a dated, signed correction or addition, kept
 * under the concern. */
static void
add_addendum_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (widget));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (widget));

  if (vault != NULL && concern != NULL)
    sc_finality_add_addendum (widget, vault, SC_RECORD (concern), refill_record);
}

/* The evidence entry or step @id of this concern, or NULL (said in a
 * toast). */
static ScRecord *
load_of_concern (ScResponsePage *self,
                 GType           type,
                 gint64          id)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRecord) evidence = NULL;

  if (vault == NULL || concern == NULL)
    return NULL;
  if (!(evidence = sc_records_load (vault, type, id, &error))
      || sc_record_get_int64 (evidence, "concern-id") != sc_record_get_id (SC_RECORD (concern)))
    {
      g_autofree char *sentence = error != NULL ? sc_error_message_for (error)
                                                : g_strdup (_("This record is not this concern’s."));

      sc_form_toast (GTK_WIDGET (self), sentence);
      return NULL;
    }
  return g_steal_pointer (&evidence);
}

static void
refill_all (GtkWidget *page)
{
  rebuild (SC_RESPONSE_PAGE (page));
  refill_record (page);
}

/* An evidence entry's or a step's menu (sc_form_record_menu_new()): Mark
 * Final or Add Addendum… on the record of @type named by @parameter. */
static void
on_record_of_concern (GtkWidget  *widget,
                      GType       type,
                      GVariant   *parameter,
                      gboolean    finalise)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  g_autoptr(ScRecord) record = load_of_concern (self, type, g_variant_get_int64 (parameter));

  if (record == NULL)
    return;
  /* A step's row shows whether it is final: the steps are drawn again. */
  if (finalise)
    sc_finality_mark_final (widget, sc_page_get_vault (SC_PAGE (self)), record,
                            type == SC_TYPE_RESPONSE_STEP ? refill_all : refill_record);
  else
    sc_finality_add_addendum (widget, sc_page_get_vault (SC_PAGE (self)), record,
                              type == SC_TYPE_RESPONSE_STEP ? refill_all : refill_record);
}

/* response.finalise-evidence(x), response.finalise-step(x),
 * response.add-evidence-addendum(x), response.add-step-addendum(x). */
static void
record_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  on_record_of_concern (widget,
                        strstr (action_name, "step") != NULL ? SC_TYPE_RESPONSE_STEP : SC_TYPE_EVIDENCE,
                        parameter, strstr (action_name, "finalise") != NULL);
}

/* What the Sign Off dialog holds; kept if the signing fails, so nothing
 * typed is lost. */
typedef struct
{
  ScResponsePage *self;
  GPtrArray      *manager_ids;
  AdwComboRow    *manager;
  AdwComboRow    *decision;
  GtkEditable    *comments;
  GtkEditable    *passphrase;
} SignOff;

static void
sign_off_free (gpointer  data,
               GClosure *closure)
{
  SignOff *sign = data;

  g_ptr_array_unref (sign->manager_ids);
  g_free (sign);
}

static void present_sign_off (ScResponsePage *self,
                              GPtrArray      *managers,
                              guint           manager,
                              const char     *decision,
                              const char     *comments,
                              const char     *problem);

static void
sign_off_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SignOff          *sign)
{
  ScResponsePage *self = sign->self;
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  guint manager = adw_combo_row_get_selected (sign->manager);
  g_autoptr(ScReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) managers = NULL;

  if (!g_str_equal (response, "sign") || vault == NULL || concern == NULL)
    return;
  review = sc_review_sign (vault, concern,
                           manager < sign->manager_ids->len ? sign->manager_ids->pdata[manager] : NULL,
                           gtk_editable_get_text (sign->passphrase),
                           sc_form_combo_get_id (sign->decision),
                           gtk_editable_get_text (sign->comments), &error);
  if (review == NULL)
    {
      g_autofree char *sentence = sc_error_message_for (error);

      /* Asked again, with what was typed, and the reason. */
      managers = sc_vault_list_managers (vault, NULL);
      if (managers != NULL)
        present_sign_off (self, managers, manager, sc_form_combo_get_id (sign->decision),
                          gtk_editable_get_text (sign->comments), sentence);
      else
        sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  {
    g_autofree char *said = g_strdup_printf (_("Review signed by %s."),
                                             sc_record_get_text (SC_RECORD (review), "manager"));

    sc_form_toast (GTK_WIDGET (self), said);
  }
  rebuild (self);
  fill_reviews (self);
  fill_record (self);
}

static void
present_sign_off (ScResponsePage *self,
                  GPtrArray      *managers,
                  guint           manager,
                  const char     *decision,
                  const char     *comments,
                  const char     *problem)
{
  SignOff *sign = g_new0 (SignOff, 1);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row;
  AdwMessageDialog *dialog;

  sign->self = self;
  sign->manager_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < managers->len; i++)
    g_ptr_array_add (sign->manager_ids, g_strdup (((ScManager *) managers->pdata[i])->id));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  row = sc_form_manager_row_new (managers, manager);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  sign->manager = ADW_COMBO_ROW (row);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Decision"));
  sc_form_combo_setup (row, "decision", NULL);
  sc_form_combo_set_id (row, decision);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  sign->decision = ADW_COMBO_ROW (row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("What Was Reviewed, and Why"));
  gtk_editable_set_text (GTK_EDITABLE (row), comments != NULL ? comments : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  sign->comments = GTK_EDITABLE (row);

  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Manager’s Own Passphrase"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  sign->passphrase = GTK_EDITABLE (row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Sign Off the Concern"),
                                                       problem != NULL ? problem
                                                       : _("The manager reviews the concern with "
                                                           "the worker, then signs with their own "
                                                           "passphrase.")));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (sign_off_response_cb), sign,
                         sign_off_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* response.sign-off: a manager's review of the concern, signed. */
static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  g_autoptr(GPtrArray) managers = NULL;
  g_autoptr(GError) error = NULL;

  if (vault == NULL || sc_page_get_concern (SC_PAGE (self)) == NULL)
    return;
  if (!(managers = sc_vault_list_managers (vault, &error)))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_toast (widget, sentence);
      return;
    }
  if (managers->len == 0)
    {
      sc_form_toast (widget, _("No manager can sign yet. Add one in Preferences, under People."));
      return;
    }
  present_sign_off (self, managers, 0, "actions-agreed", NULL, NULL);
}

static void
add_evidence_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ScResponsePage   *self)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = sc_datetime_now_storage ();

  if (!g_str_equal (response, "add") || vault == NULL || concern == NULL)
    return;

  evidence = sc_evidence_new (sc_record_get_id (SC_RECORD (concern)));
  sc_evidence_dialog_fill (SC_EVIDENCE_DIALOG (dialog), evidence);
  sc_record_set_text (SC_RECORD (evidence), "secured-at", now);
  if (!sc_records_save (vault, SC_RECORD (evidence), &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }
  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
}

/* Which entry an Edit Evidence dialog changes. */
typedef struct
{
  ScResponsePage *self;
  gint64          id;
} EditEvidence;

static void
edit_evidence_free (gpointer  data,
                    GClosure *closure)
{
  g_free (data);
}

static void
edit_evidence_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           EditEvidence     *edit)
{
  ScResponsePage *self = edit->self;
  g_autoptr(ScRecord) evidence = NULL;
  g_autoptr(GError) error = NULL;

  /* "add" is Save here, and what a lock answers to keep the typing. */
  if (!g_str_equal (response, "add")
      || !(evidence = load_of_concern (self, SC_TYPE_EVIDENCE, edit->id)))
    return;
  sc_evidence_dialog_fill (SC_EVIDENCE_DIALOG (dialog), SC_EVIDENCE (evidence));
  if (!sc_records_save (sc_page_get_vault (SC_PAGE (self)), evidence, &error))
    {
      g_autofree char *sentence = sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }
  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
}

/* response.edit-evidence(x): what an entry says, until it is final; the
 * change is in its history. */
static void
edit_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  g_autoptr(ScRecord) evidence = load_of_concern (self, SC_TYPE_EVIDENCE, g_variant_get_int64 (parameter));
  EditEvidence *edit;
  GtkWidget *dialog;

  if (evidence == NULL)
    return;
  dialog = sc_evidence_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)));
  sc_evidence_dialog_load (SC_EVIDENCE_DIALOG (dialog), SC_EVIDENCE (evidence));
  edit = g_new0 (EditEvidence, 1);
  edit->self = self;
  edit->id = sc_record_get_id (evidence);
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_evidence_response_cb), edit,
                         edit_evidence_free, 0);
  g_set_weak_pointer (&self->evidence_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the Remove File dialog asks: why. */
typedef struct
{
  ScResponsePage *self;
  gint64          id;
  GtkEditable    *reason;
} RemoveFile;

static void
remove_file_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
remove_file_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         RemoveFile       *remove)
{
  ScResponsePage *self = remove->self;
  g_autoptr(ScRecord) evidence = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove")
      || !(evidence = load_of_concern (self, SC_TYPE_EVIDENCE, remove->id)))
    return;
  if (!sc_evidence_remove_file (sc_page_get_vault (SC_PAGE (self)), SC_EVIDENCE (evidence),
                                gtk_editable_get_text (remove->reason), &error))
    {
      g_autofree char *sentence = error->domain == SC_RECORD_ERROR
                                  ? g_strdup (error->message) : sc_error_message_for (error);

      sc_form_toast (GTK_WIDGET (self), sentence);
      return;
    }
  sc_form_toast (GTK_WIDGET (self), _("File removed. The audit trail keeps its name, size and "
                                      "fingerprint, and why."));
  fill_evidence (self);
}

/* response.remove-evidence-file(x): the file gone from the vault, with a
 * reason; the entry stays. */
static void
remove_evidence_file_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  g_autoptr(ScRecord) evidence = load_of_concern (self, SC_TYPE_EVIDENCE, g_variant_get_int64 (parameter));
  GtkWidget *list;
  GtkWidget *reason;
  RemoveFile *remove;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (evidence == NULL)
    return;
  body = g_strdup_printf (_("“%s” will be removed from the vault for good. The entry stays, and the "
                            "audit trail keeps the file’s name, size and fingerprint, and the reason "
                            "you give."), sc_record_get_text (evidence, "file-name"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Why It Is Removed"));
  gtk_list_box_append (GTK_LIST_BOX (list), reason);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Remove the File?"), body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  remove = g_new0 (RemoveFile, 1);
  remove->self = self;
  remove->id = sc_record_get_id (evidence);
  remove->reason = GTK_EDITABLE (reason);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_file_response_cb), remove,
                         remove_file_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving a stored file out: which entry, once the warning is read. */
typedef struct
{
  ScResponsePage *self;
  gint64          id;
} SaveFile;

static void
save_file_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveFile        *save)
{
  ScResponsePage *self = save->self;
  g_autoptr(ScRecord) evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (evidence = load_of_concern (self, SC_TYPE_EVIDENCE, save->id)) != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file == NULL || (path = g_file_get_path (file)) == NULL)
        sc_form_toast (GTK_WIDGET (self), _("Safecase can only save to a folder on this computer. "
                                            "Choose another place; nothing was saved."));
      else if (!sc_evidence_save_file_as (sc_page_get_vault (SC_PAGE (self)), SC_EVIDENCE (evidence),
                                          path, &error))
        {
          g_autofree char *sentence = sc_error_message_for (error);

          sc_form_toast (GTK_WIDGET (self), sentence);
        }
      else
        sc_form_toast (GTK_WIDGET (self), _("Saved, not encrypted. Hand it over, then delete it."));
    }
  /* Its creator's reference; a lock drops it instead, unanswered. */
  g_object_unref (chooser);
}

static void
save_file_chosen_free (gpointer  data,
                       GClosure *closure)
{
  SaveFile *save = data;

  g_object_unref (save->self);
  g_free (save);
}

static void
save_file_warned_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SaveFile         *save)
{
  ScResponsePage *self = save->self;
  g_autoptr(ScRecord) evidence = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (response, "save")
      || !(evidence = load_of_concern (self, SC_TYPE_EVIDENCE, save->id)))
    return;
  chooser = gtk_file_chooser_native_new (_("Save the File for the Police"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), sc_record_get_text (evidence, "file-name"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  {
    SaveFile *chosen = g_new0 (SaveFile, 1);

    chosen->self = g_object_ref (self);
    chosen->id = save->id;
    g_signal_connect_data (chooser, "response", G_CALLBACK (save_file_chosen_cb), chosen,
                           save_file_chosen_free, 0);
  }
  sc_form_track_native_dialog (GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_file_free (gpointer  data,
                GClosure *closure)
{
  g_free (data);
}

/* response.save-evidence-file(x): a copy of the file for the police,
 * after a warning that the copy is not encrypted; the trail says so. */
static void
save_evidence_file_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  g_autoptr(ScRecord) evidence = load_of_concern (self, SC_TYPE_EVIDENCE, g_variant_get_int64 (parameter));
  AdwMessageDialog *dialog;
  SaveFile *save;

  if (evidence == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Save a Copy That Is Not Encrypted?"),
                                                       _("The copy is for handing to the police. "
                                                         "Outside the vault it is not encrypted: save "
                                                         "it on an encrypted stick or the council’s "
                                                         "secure drive, never email it, and delete it "
                                                         "once it is handed over. The audit trail notes "
                                                         "where it was saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Choose Where…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  save = g_new0 (SaveFile, 1);
  save->self = self;
  save->id = sc_record_get_id (evidence);
  g_signal_connect_data (dialog, "response", G_CALLBACK (save_file_warned_cb), save, save_file_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  GtkWidget *dialog;

  if (sc_page_get_concern (SC_PAGE (self)) == NULL)
    return;

  dialog = sc_evidence_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_evidence_response_cb), self, 0);
  g_set_weak_pointer (&self->evidence_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
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
static void
attach_file (ScResponsePage *self,
             gint64          evidence_id,
             GFile          *file)
{
  ScVault *vault = sc_page_get_vault (SC_PAGE (self));
  ScConcern *concern = sc_page_get_concern (SC_PAGE (self));
  g_autoptr(ScEvidence) evidence = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (vault == NULL || concern == NULL)
    return;

  if (!(evidence = sc_records_load (vault, SC_TYPE_EVIDENCE, evidence_id, &error))
      || !(data = sc_evidence_read_file (concern, file, max_file_bytes (), NULL, &error))
      || !sc_evidence_attach (vault, evidence, concern, name, data, max_file_bytes (),
                              &error))
    {
      g_autofree char *sentence = error->domain == G_IO_ERROR
                                  ? g_strdup_printf (_("The file could not be read: %s."), error->message)
                                  : sc_error_message_for (error);

      sc_form_show_sentence (self->status_label, sentence);
      return;
    }

  sc_form_show_sentence (self->status_label, NULL);
  fill_evidence (self);
  sc_form_toast (GTK_WIDGET (self), _("File attached. Kept encrypted in this vault."));
}

static void
attach_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ScResponsePage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->attach_id > 0)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      attach_file (self, self->attach_id, file);
    }
  self->attach_id = 0;
  g_object_unref (dialog);
}

/* response.attach(x): a file for an evidence entry, chosen in a modal
 * chooser (so one entry at a time). */
static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach a File"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  self->attach_id = g_variant_get_int64 (parameter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (attach_response_cb), self, 0);
  sc_form_track_native_dialog (GTK_NATIVE_DIALOG (dialog));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Page ----------------------------------------------------------------------------- */

/* Built again once for each g_object_set() of the page's vault, child,
 * concern or procedure. */
static void
sc_response_page_show (ScPage *page)
{
  ScResponsePage *self = SC_RESPONSE_PAGE (page);

  if (self->steps_group == NULL)
    return;   /* disposed */
  /* Cleared first: a response that cannot be built says why. */
  sc_form_show_sentence (self->status_label, NULL);
  rebuild (self);
  fill_evidence (self);
  fill_reviews (self);
  fill_record (self);
}

static void
sc_response_page_dispose (GObject *object)
{
  ScResponsePage *self = (ScResponsePage *) object;

  if (self->rows != NULL && self->steps_group != NULL)
    clear_rows (self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_weak_pointer (&self->evidence_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RESPONSE_PAGE);

  G_OBJECT_CLASS (sc_response_page_parent_class)->dispose (object);
}

static void
sc_response_page_finalize (GObject *object)
{
  ScResponsePage *self = (ScResponsePage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
  g_clear_pointer (&self->addendum_rows, g_ptr_array_unref);
  g_clear_pointer (&self->step_rows, g_hash_table_unref);

  G_OBJECT_CLASS (sc_response_page_parent_class)->finalize (object);
}

static void
sc_response_page_class_init (ScResponsePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_response_page_dispose;
  SC_PAGE_CLASS (klass)->show = sc_response_page_show;
  object_class->finalize = sc_response_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-response-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, history_button);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, closed_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, closed_row);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, record_group);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, final_row);
  gtk_widget_class_bind_template_child (widget_class, ScResponsePage, finalise_button);

  gtk_widget_class_install_action (widget_class, "response.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "response.edit-evidence", "x", edit_evidence_action);
  gtk_widget_class_install_action (widget_class, "response.remove-evidence-file", "x",
                                   remove_evidence_file_action);
  gtk_widget_class_install_action (widget_class, "response.save-evidence-file", "x",
                                   save_evidence_file_action);
  gtk_widget_class_install_action (widget_class, "response.attach", "x", attach_action);
  gtk_widget_class_install_action (widget_class, "response.mark-step", "(ss)", mark_step_action);
  gtk_widget_class_install_action (widget_class, "response.save-step-field", "(sss)",
                                   save_step_field_action);
  gtk_widget_class_install_action (widget_class, "response.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "response.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "response.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "response.add-addendum", NULL, add_addendum_action);
  gtk_widget_class_install_action (widget_class, "response.export", "s", export_action);
  {
    const char *record_menu[] = { "response.finalise-evidence", "response.add-evidence-addendum",
                                  "response.finalise-step", "response.add-step-addendum" };

    for (guint i = 0; i < G_N_ELEMENTS (record_menu); i++)
      gtk_widget_class_install_action (widget_class, record_menu[i], "x", record_menu_action);
  }
}

static void
sc_response_page_init (ScResponsePage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
  self->addendum_rows = g_ptr_array_new ();
  self->step_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  placeholder = gtk_label_new (_("No evidence logged yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->evidence_list, placeholder);
}

/* Before a lock: an evidence entry being typed is kept, not dropped, once
 * it says what the evidence is; the dialog goes with the vault. */
void
sc_response_page_flush (ScResponsePage *self)
{
  g_return_if_fail (SC_IS_RESPONSE_PAGE (self));

  if (self->evidence_dialog == NULL)
    return;
  if (!sc_evidence_dialog_is_empty (SC_EVIDENCE_DIALOG (self->evidence_dialog)))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self->evidence_dialog), "add");
  gtk_window_destroy (GTK_WINDOW (self->evidence_dialog));
}
