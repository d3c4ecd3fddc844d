/* sc-step-row.c: one step of the guided response
 *
 * A row template made from one ScResponseItem: the title, the status in
 * words and its icon, the guidance, the step's warnings and who to
 * contact, and rows for the reference, notes and why it was not needed.
 * It does no vault work: saving a field is response.save-step-field and a
 * status button is response.mark-step, both named with the step's id, for
 * the page to carry out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-dates.h"
#include "sc-form.h"
#include "sc-step-row.h"

struct _ScStepRow
{
  AdwExpanderRow  parent_instance;

  GtkImage       *icon;
  GtkBox         *guidance_box;
  GtkLabel       *guidance_label;
  GtkWidget      *police_open_label;
  GtkListBox     *contacts_list;
  GtkEditable    *reference_row;
  GtkEditable    *notes_row;
  GtkEditable    *reason_row;
  GtkWidget      *to_do_button;
  GtkWidget      *not_needed_button;
  GtkWidget      *done_button;

  char           *step_id;
  char           *status;
};

G_DEFINE_FINAL_TYPE (ScStepRow, sc_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STEP_ID,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Done by Sam Taylor, 24 November 2026, 10:02", "To do, due …", … */
static char *
describe_status (const ScResponseItem *item,
                 GDateTime            *now)
{
  ScRecord *r = SC_RECORD (item->record);
  const char *status = sc_record_get_text (r, "status");

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

static GtkWidget *
contact_row_new (const ScProcedureContact *contact)
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
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", reach);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "response.copy");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  else
    /* Never a wrong number: a local one the council has not set says so. */
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("Set your local number in the procedure file"));
  return row;
}

static void
entry_applied_cb (AdwEntryRow *row,
                  ScStepRow   *self)
{
  const char *field = GTK_EDITABLE (row) == self->reference_row ? "reference" : "notes";

  gtk_widget_activate_action (GTK_WIDGET (self), "response.save-step-field", "(sss)",
                              self->step_id, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* step.mark(s): the status buttons, passed on with the step's id. */
static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScStepRow *self = SC_STEP_ROW (widget);

  gtk_widget_activate_action (widget, "response.mark-step", "(ss)", self->step_id,
                              g_variant_get_string (parameter, NULL));
}

static void
fill (ScStepRow            *self,
      const ScResponseItem *item,
      ScProcedure          *procedure,
      gboolean              police_open)
{
  ScRecord *r = SC_RECORD (item->record);
  const char *const *contacts = sc_procedure_step_get_contacts (item->step);
  const char *const *warnings = sc_procedure_step_get_warnings (item->step);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *subtitle = describe_status (item, now);
  GtkWidget *after = self->police_open_label;

  self->step_id = g_strdup (sc_procedure_step_get_id (item->step));
  self->status = g_strdup (sc_record_get_text (r, "status"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sc_procedure_step_get_title (item->step));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->icon, g_str_equal (self->status, "done") ? "emblem-ok-symbolic"
                                          : g_str_equal (self->status, "not-needed")
                                          ? "window-close-symbolic" : "radio-symbolic");
  if (sc_response_is_overdue (item->record, now))
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self), "overdue-step");
    }

  gtk_label_set_text (self->guidance_label, sc_procedure_step_get_guidance (item->step));
  gtk_widget_set_visible (self->police_open_label,
                          police_open && g_str_equal (sc_procedure_step_get_kind (item->step),
                                                      "provider-takedown"));
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (warnings[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_insert_child_after (self->guidance_box, label, after);
      after = label;
    }
  for (guint i = 0; contacts[i] != NULL; i++)
    {
      const ScProcedureContact *contact = sc_procedure_get_contact (procedure, contacts[i]);

      if (contact != NULL)
        {
          gtk_list_box_append (self->contacts_list, contact_row_new (contact));
          gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), TRUE);
        }
    }

  gtk_editable_set_text (self->reference_row, sc_record_get_text (r, "reference"));
  gtk_editable_set_text (self->notes_row, sc_record_get_text (r, "notes"));
  gtk_editable_set_text (self->reason_row, sc_record_get_text (r, "reason"));
  gtk_widget_set_visible (self->to_do_button, !g_str_equal (self->status, "to-do"));
  gtk_widget_set_visible (self->not_needed_button, !g_str_equal (self->status, "not-needed"));
  gtk_widget_set_visible (self->done_button, !g_str_equal (self->status, "done"));
}

GtkWidget *
sc_step_row_new (const ScResponseItem *item,
                 ScProcedure          *procedure,
                 gboolean              police_open)
{
  ScStepRow *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (SC_TYPE_STEP_ROW, NULL);
  fill (self, item, procedure, police_open);
  return GTK_WIDGET (self);
}

/* What the page read of the step's saved record (@record_id, or 0 if it
 * has none yet): since when it is final (NULL if it is not) and its
 * addenda. A final step is not marked again nor its fields changed; its
 * menu makes it final, adds an addendum or shows its history. */
void
sc_step_row_set_record (ScStepRow  *self,
                        gint64      record_id,
                        const char *final_since,
                        GPtrArray  *addenda)
{
  g_return_if_fail (SC_IS_STEP_ROW (self));

  if (final_since != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s · Final"),
                                                   adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)));

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reference_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), FALSE);
      gtk_widget_set_visible (self->to_do_button, FALSE);
      gtk_widget_set_visible (self->not_needed_button, FALSE);
      gtk_widget_set_visible (self->done_button, FALSE);
    }
  if (record_id > 0 && !g_str_equal (self->status, "to-do"))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (self),
                                 sc_form_record_menu_new ("response_step", record_id,
                                                          final_since == NULL ? "response.finalise-step" : NULL,
                                                          "response.add-step-addendum"));
  for (guint i = 0; addenda != NULL && i < addenda->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), sc_form_addendum_row_new (addenda->pdata[i]));
}

const char *
sc_step_row_get_step_id (ScStepRow *self)
{
  g_return_val_if_fail (SC_IS_STEP_ROW (self), NULL);

  return self->step_id;
}

/* What is in the row's @field ("reference", "notes" or "reason") now,
 * applied or not. */
const char *
sc_step_row_get_typed (ScStepRow  *self,
                       const char *field)
{
  g_return_val_if_fail (SC_IS_STEP_ROW (self), NULL);

  if (g_str_equal (field, "reference"))
    return gtk_editable_get_text (self->reference_row);
  if (g_str_equal (field, "notes"))
    return gtk_editable_get_text (self->notes_row);
  g_return_val_if_fail (g_str_equal (field, "reason"), NULL);
  return gtk_editable_get_text (self->reason_row);
}

static void
sc_step_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScStepRow *self = SC_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_STEP_ID:
      g_value_set_string (value, self->step_id);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_STEP_ROW);

  G_OBJECT_CLASS (sc_step_row_parent_class)->dispose (object);
}

static void
sc_step_row_finalize (GObject *object)
{
  ScStepRow *self = SC_STEP_ROW (object);

  g_free (self->step_id);
  g_free (self->status);

  G_OBJECT_CLASS (sc_step_row_parent_class)->finalize (object);
}

static void
sc_step_row_class_init (ScStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sc_step_row_get_property;
  object_class->dispose = sc_step_row_dispose;
  object_class->finalize = sc_step_row_finalize;

  properties[PROP_STEP_ID] =
    g_param_spec_string ("step-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/sc-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, icon);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, guidance_box);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, police_open_label);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, to_do_button);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, not_needed_button);
  gtk_widget_class_bind_template_child (widget_class, ScStepRow, done_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_applied_cb);

  gtk_widget_class_install_action (widget_class, "step.mark", "s", mark_action);
}

static void
sc_step_row_init (ScStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
