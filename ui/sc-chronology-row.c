/* sc-chronology-row.c: one line of a chronology
 *
 * A row template bound to its ScChronologyEntry: the labels follow the
 * entry's properties. No vault work here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-chronology-row"

#include "config.h"

#include "sc-chronology-row.h"
#include "sc-form.h"

struct _ScChronologyRow
{
  GtkWidget          parent_instance;

  GtkLabel          *serial_label;
  GtkLabel          *when_label;
  GtkLabel          *event_label;
  GtkLabel          *source_label;
  ScChronologyEntry *entry;
  GPtrArray         *bindings;
};

G_DEFINE_FINAL_TYPE (ScChronologyRow, sc_chronology_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
serial_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static void
set_entry (ScChronologyRow   *self,
           ScChronologyEntry *entry)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);
  g_set_object (&self->entry, entry);
  if (entry == NULL)
    return;

  g_ptr_array_add (self->bindings,
                   g_object_bind_property_full (entry, "serial", self->serial_label, "label",
                                                G_BINDING_SYNC_CREATE, serial_to_text, NULL, NULL,
                                                NULL));
  g_ptr_array_add (self->bindings, g_object_bind_property (entry, "when", self->when_label,
                                                           "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings, g_object_bind_property (entry, "event", self->event_label,
                                                           "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings, g_object_bind_property (entry, "source", self->source_label,
                                                           "label", G_BINDING_SYNC_CREATE));
}

static void
sc_chronology_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScChronologyRow *self = SC_CHRONOLOGY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chronology_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScChronologyRow *self = SC_CHRONOLOGY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_chronology_row_dispose (GObject *object)
{
  ScChronologyRow *self = SC_CHRONOLOGY_ROW (object);

  if (self->bindings != NULL)
    set_entry (self, NULL);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CHRONOLOGY_ROW);
  sc_form_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (sc_chronology_row_parent_class)->dispose (object);
}

static void
sc_chronology_row_class_init (ScChronologyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sc_chronology_row_get_property;
  object_class->set_property = sc_chronology_row_set_property;
  object_class->dispose = sc_chronology_row_dispose;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, SC_TYPE_CHRONOLOGY_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-chronology-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScChronologyRow, serial_label);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyRow, event_label);
  gtk_widget_class_bind_template_child (widget_class, ScChronologyRow, source_label);
}

static void
sc_chronology_row_init (ScChronologyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new ();
}
