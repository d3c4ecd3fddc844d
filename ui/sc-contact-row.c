/* sc-contact-row.c: one electronic contact in a list
 *
 * A row template with the contact it shows and, on the manager's list of
 * every child's contacts, the child's label (initials or name). It reads
 * nothing from the vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-contact-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-choices.h"
#include "sc-contact-row.h"
#include "sc-dates.h"
#include "sc-form.h"

struct _ScContactRow
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *summary_label;
  GtkWidget *breach_badge;
  GtkWidget *approved_badge;
  GtkWidget *linked_badge;
  GtkWidget *copied_badge;
  GtkWidget *copy_button;
  GtkWidget *approve_button;
  GtkWidget *menu_button;

  ScContact *contact;
  char      *child_label;
};

G_DEFINE_FINAL_TYPE (ScContactRow, sc_contact_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT,
  PROP_CHILD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (ScContactRow *self)
{
  ScRecord *r;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *direction = NULL;
  gboolean personal, breach;

  if (self->contact == NULL)
    return;
  r = SC_RECORD (self->contact);
  when = sc_datetime_format_display (sc_record_get_text (r, "happened-at"));
  personal = g_str_equal (sc_record_get_text (r, "device"), "personal");
  breach = sc_contact_is_breach (self->contact);

  /* "20 November 2026, 15:30 · Text message, to them", and on the
   * manager's list, whose contact it was. */
  direction = g_utf8_strdown (sc_choice_label ("direction", sc_record_get_text (r, "direction")), -1);
  title = g_strdup_printf ("%s · %s, %s", when,
                           sc_choice_label ("channel", sc_record_get_text (r, "channel")),
                           direction);
  if (self->child_label != NULL)
    {
      g_autofree char *with_child = g_strdup_printf ("%s · %s", self->child_label, title);

      g_free (title);
      title = g_steal_pointer (&with_child);
    }

  gtk_label_set_text (self->title_label, title);
  sc_form_show_sentence (self->summary_label, sc_record_get_text (r, "summary"));
  gtk_widget_set_visible (self->breach_badge, breach);
  gtk_widget_set_visible (self->approved_badge, personal && !breach);
  gtk_widget_set_visible (self->linked_badge, sc_record_get_int64 (r, "concern-id") > 0);
  gtk_widget_set_visible (self->copied_badge, *sc_record_get_text (r, "copied-at") != '\0');
  /* The target first: a name without its target is an action that cannot run. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "x", sc_record_get_id (r));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "contacts.copy-one");
  gtk_widget_set_visible (self->approve_button, breach);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->approve_button), "x", sc_record_get_id (r));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->approve_button), "contacts.approve");
  {
    g_autoptr(GMenuModel) menu = sc_form_record_menu_model_new ("contact", sc_record_get_id (r),
                                                                "contacts.finalise",
                                                                "contacts.add-addendum");

    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  }
}

static void
sc_contact_row_dispose (GObject *object)
{
  ScContactRow *self = SC_CONTACT_ROW (object);

  g_clear_object (&self->contact);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CONTACT_ROW);
  /* The box the template lays out is not a bound child. */
  sc_form_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (sc_contact_row_parent_class)->dispose (object);
}

static void
sc_contact_row_finalize (GObject *object)
{
  g_free (SC_CONTACT_ROW (object)->child_label);

  G_OBJECT_CLASS (sc_contact_row_parent_class)->finalize (object);
}

static void
sc_contact_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScContactRow *self = SC_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_CHILD_LABEL:
      g_value_set_string (value, self->child_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_contact_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScContactRow *self = SC_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      if (g_set_object (&self->contact, g_value_get_object (value)))
        {
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CHILD_LABEL:
      if (g_strcmp0 (self->child_label, g_value_get_string (value)) != 0)
        {
          g_free (self->child_label);
          self->child_label = g_value_dup_string (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_contact_row_class_init (ScContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sc_contact_row_dispose;
  object_class->finalize = sc_contact_row_finalize;
  object_class->get_property = sc_contact_row_get_property;
  object_class->set_property = sc_contact_row_set_property;

  properties[PROP_CONTACT] = g_param_spec_object ("contact", NULL, NULL, SC_TYPE_CONTACT, flags);
  /* Whose contact, on the list of every child's; NULL on a child's own. */
  properties[PROP_CHILD_LABEL] = g_param_spec_string ("child-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, breach_badge);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, approved_badge);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, linked_badge);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, copied_badge);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ScContactRow, menu_button);
}

static void
sc_contact_row_init (ScContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
