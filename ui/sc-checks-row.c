/* sc-checks-row.c: a multi-valued field as a row of check boxes
 *
 * An expander row with a check box for each of a field's choices
 * (sc-choices.h), named in the .ui file by its "field". Its "value" is the
 * field's list as the vault keeps it (sc_choice_list_*), to be bound to a
 * record's property; collapsed, the subtitle says what is ticked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-checks-row"

#include "config.h"

#include "sc-checks-row.h"
#include "sc-choices.h"

struct _ScChecksRow
{
  AdwExpanderRow  parent_instance;

  char           *field;
  char           *value;
  GPtrArray      *checks;   /* GtkCheckButton, one a choice, in order */
  const ScChoice *choices;
  gboolean        showing;  /* ticking the boxes to show the value */
};

G_DEFINE_FINAL_TYPE (ScChecksRow, sc_checks_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_value (ScChecksRow *self)
{
  g_autofree char *labels = sc_choice_list_labels (self->field, self->value);

  self->showing = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (self->checks->pdata[i],
                                 sc_choice_list_has (self->value, self->choices[i].id));
  self->showing = FALSE;
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), labels);
}

static void
toggled_cb (ScChecksRow *self)
{
  g_autofree char *list = g_strdup ("");

  /* Ticking the boxes to show a value is not the worker ticking them:
   * written back one by one, the value would be emptied. */
  if (self->showing)
    return;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      {
        char *next = sc_choice_list_set (list, self->choices[i].id, TRUE);

        g_free (list);
        list = next;
      }
  sc_checks_row_set_value (self, list);
}

static void
set_field (ScChecksRow *self,
           const char  *field)
{
  guint n = 0;

  g_return_if_fail (self->field == NULL);

  if (field == NULL)
    return;
  self->field = g_strdup (field);
  self->choices = sc_choices_for (field, &n);
  g_return_if_fail (self->choices != NULL);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *item = adw_action_row_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item),
                                     sc_choice_label (field, self->choices[i].id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (toggled_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), item);
      g_ptr_array_add (self->checks, check);
    }
  show_value (self);
}

const char *
sc_checks_row_get_value (ScChecksRow *self)
{
  g_return_val_if_fail (SC_IS_CHECKS_ROW (self), NULL);

  return self->value;
}

void
sc_checks_row_set_value (ScChecksRow *self,
                         const char  *value)
{
  g_return_if_fail (SC_IS_CHECKS_ROW (self));

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->value, value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
  if (self->field != NULL)
    show_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
sc_checks_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScChecksRow *self = SC_CHECKS_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_checks_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScChecksRow *self = SC_CHECKS_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      set_field (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      sc_checks_row_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_checks_row_finalize (GObject *object)
{
  ScChecksRow *self = SC_CHECKS_ROW (object);

  g_free (self->field);
  g_free (self->value);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (sc_checks_row_parent_class)->finalize (object);
}

static void
sc_checks_row_class_init (ScChecksRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sc_checks_row_get_property;
  object_class->set_property = sc_checks_row_set_property;
  object_class->finalize = sc_checks_row_finalize;

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_READABLE | G_PARAM_CONSTRUCT_ONLY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_checks_row_init (ScChecksRow *self)
{
  self->value = g_strdup ("");
  self->checks = g_ptr_array_new ();
}
