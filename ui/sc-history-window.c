/* sc-history-window.c: a record's history, from the audit trail
 *
 * Read once from sc_vault_record_history() when the window opens: an
 * expander row for each entry (what was done, by whom, when), a row for
 * each field that changed, as it was and as it became.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-audit.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-form.h"
#include "sc-history-window.h"
#include "sc-records.h"
#include "sc-addendum.h"

struct _ScHistoryWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *entries_group;
  AdwPreferencesGroup *addenda_group;
};

G_DEFINE_FINAL_TYPE (ScHistoryWindow, sc_history_window, ADW_TYPE_WINDOW)

/* "own-words" → "Own words": the field as a worker would name it. */
static char *
field_label (const char *field)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (field), "-_", ' ');
  gunichar first = g_utf8_get_char (spaced);
  g_autoptr(GString) label = g_string_new (NULL);

  g_string_append_unichar (label, g_unichar_totitle (first));
  g_string_append (label, g_utf8_next_char (spaced));
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* A value as the worker reads it: a choice by its label, nothing said so. */
static char *
value_text (const char *field,
            const char *value)
{
  const char *label;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));
  label = sc_choice_label (field, value);
  return g_strdup_printf ("“%s”", label != NULL && *label != '\0' ? label : value);
}

static char *
describe_action (const char *action,
                 const char *actor)
{
  if (g_str_equal (action, "create"))
    return g_strdup_printf (_("Created by %s"), actor);
  if (g_str_equal (action, "update"))
    return g_strdup_printf (_("Changed by %s"), actor);
  if (g_str_equal (action, "remove-file"))
    return g_strdup_printf (_("File removed by %s"), actor);
  if (g_str_equal (action, "finalise"))
    return g_strdup_printf (_("Marked final by %s"), actor);
  if (g_str_equal (action, "finalise-rule"))
    /* Translators: %s is whoever's unlock noted it; the rule did it. */
    return g_strdup_printf (_("Final by the time rule (noted as %s used the vault)"), actor);
  return g_strdup_printf (_("Recorded by %s"), actor);
}

static GtkWidget *
entry_row_new (const ScAuditHistoryEntry *entry)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = describe_action (entry->action, entry->actor);
  g_autofree char *when = sc_datetime_format_display (entry->at);
  g_autofree char *subtitle = g_strdup_printf (_("%s · entry %lld of the audit trail"),
                                               when, (long long) entry->id);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint i = 0; entry->changes != NULL && i < entry->changes->len; i++)
    {
      const ScAuditChange *change = entry->changes->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = field_label (change->field);
      g_autofree char *before = value_text (change->field, change->before);
      g_autofree char *after = value_text (change->field, change->after);
      g_autofree char *text = g_str_equal (entry->action, "create")
                              ? g_strdup (after) : g_strdup_printf ("%s → %s", before, after);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (entry->note != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->note);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  return expander;
}

/* The history of @table's record @id, about @subject ("Concern 12"), or
 * NULL with @error set. */
GtkWidget *
sc_history_window_new (GtkWindow   *parent,
                       ScVault     *vault,
                       const char  *table,
                       gint64       id,
                       const char  *subject,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = sc_vault_record_history (vault, table, id, error);
  g_autoptr(GPtrArray) addenda = NULL;
  ScHistoryWindow *self;

  if (entries == NULL)
    return NULL;
  /* A child's details take no addenda; the records that may be final do. */
  if (!g_str_equal (table, "child")
      && !(addenda = sc_records_list_addenda (vault, table, id, error)))
    return NULL;
  self = g_object_new (SC_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (self->window_title, subject);
  for (guint i = 0; i < entries->len; i++)
    adw_preferences_group_add (self->entries_group, entry_row_new (entries->pdata[i]));
  for (guint i = 0; addenda != NULL && i < addenda->len; i++)
    adw_preferences_group_add (self->addenda_group, sc_form_addendum_row_new (addenda->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->addenda_group), addenda != NULL && addenda->len > 0);
  return GTK_WIDGET (self);
}

static void
sc_history_window_class_init (ScHistoryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScHistoryWindow, entries_group);
  gtk_widget_class_bind_template_child (widget_class, ScHistoryWindow, addenda_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_history_window_init (ScHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
