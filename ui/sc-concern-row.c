/* sc-concern-row.c: one concern in a child's list
 *
 * A row template bound to its concern: the title, subtitle and draft tag
 * follow the concern's properties, and the row names window.show-concern
 * with the concern's id. No vault work here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-concern-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sc-choices.h"
#include "sc-concern-row.h"
#include "sc-dates.h"
#include "sc-form.h"

struct _ScConcernRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *draft_tag;
  ScConcern    *concern;
};

G_DEFINE_FINAL_TYPE (ScConcernRow, sc_concern_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CONCERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The child's own words come first, wherever a concern is shown. */
static void
update (ScConcernRow *self)
{
  ScRecord *r = SC_RECORD (self->concern);
  const char *own_words = sc_record_get_text (r, "own-words");
  const char *summary = sc_record_get_text (r, "summary");
  const char *happened = sc_record_get_text (r, "happened-at");
  g_autofree char *when = sc_datetime_format_display (*happened != '\0'
                                                      ? happened
                                                      : sc_record_get_text (r, "recorded-at"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (*own_words != '\0')
    {
      g_autofree char *first_line = g_strndup (own_words, strcspn (own_words, "\n"));

      title = g_strdup_printf ("“%s”", first_line);
    }
  else
    title = g_strdup (*summary != '\0' ? summary : _("(Nothing written yet)"));
  subtitle = sc_form_join_nonempty (" · ", *own_words != '\0' ? summary : "", when,
                                    sc_choice_label ("area", sc_record_get_text (r, "area")),
                                    sc_choice_label ("status", sc_record_get_text (r, "status")),
                                    NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (self->draft_tag, sc_record_get_boolean (r, "is-draft"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", sc_record_get_id (r));
}

GtkWidget *
sc_concern_row_new (ScConcern *concern)
{
  g_return_val_if_fail (SC_IS_CONCERN (concern), NULL);

  return g_object_new (SC_TYPE_CONCERN_ROW, "concern", concern, NULL);
}

ScConcern *
sc_concern_row_get_concern (ScConcernRow *self)
{
  g_return_val_if_fail (SC_IS_CONCERN_ROW (self), NULL);

  return self->concern;
}

static void
sc_concern_row_dispose (GObject *object)
{
  ScConcernRow *self = SC_CONCERN_ROW (object);

  g_clear_object (&self->concern);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONCERN_ROW);

  G_OBJECT_CLASS (sc_concern_row_parent_class)->dispose (object);
}

static void
sc_concern_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScConcernRow *self = SC_CONCERN_ROW (object);

  switch (prop_id)
    {
    case PROP_CONCERN:
      g_value_set_object (value, self->concern);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_concern_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScConcernRow *self = SC_CONCERN_ROW (object);

  switch (prop_id)
    {
    case PROP_CONCERN:
      self->concern = g_value_dup_object (value);
      /* The row follows its concern as it changes. */
      g_signal_connect_object (self->concern, "notify", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_concern_row_class_init (ScConcernRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_concern_row_dispose;
  object_class->get_property = sc_concern_row_get_property;
  object_class->set_property = sc_concern_row_set_property;

  properties[PROP_CONCERN] =
    g_param_spec_object ("concern", NULL, NULL, SC_TYPE_CONCERN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-concern-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScConcernRow, draft_tag);
}

static void
sc_concern_row_init (ScConcernRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
