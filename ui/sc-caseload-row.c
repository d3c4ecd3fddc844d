/* sc-caseload-row.c: one child on the caseload
 *
 * A row template with two properties: the child it shows, and the overdue
 * line that the caseload reads with the row's page. It reads nothing from
 * the vault itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-caseload-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-caseload-row.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-form.h"

struct _ScCaseloadRow
{
  GtkWidget  parent_instance;

  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *details_label;
  GtkLabel  *urgent_label;
  GtkLabel  *concerns_label;

  ScChild   *child;
  char      *urgent;
};

G_DEFINE_FINAL_TYPE (ScCaseloadRow, sc_caseload_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_URGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "14 years old · Foster care · LAC/0042", as much as is known. */
static char *
describe_child (ScChild *child)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *placement = sc_record_get_text (SC_RECORD (child), "placement");
  const char *reference = sc_record_get_text (SC_RECORD (child), "case-reference");
  GDate today;
  int age;

  sc_date_today (&today);
  age = sc_child_get_age (child, &today);
  if (age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year old",
                                                          "%d years old", age), age));
  if (*placement != '\0')
    g_ptr_array_add (parts, g_strdup (sc_choice_label ("placement", placement)));
  if (*reference != '\0')
    g_ptr_array_add (parts, g_strdup (reference));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update (ScCaseloadRow *self)
{
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  g_autofree char *concerns = NULL;
  const char *preferred;
  guint open;

  if (self->child == NULL)
    return;
  preferred = sc_record_get_text (SC_RECORD (self->child), "preferred-name");
  details = describe_child (self->child);
  name = *preferred != '\0' ? g_strdup_printf ("%s (%s)", sc_child_get_name (self->child), preferred)
                            : g_strdup (sc_child_get_name (self->child));
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->details_label, details);
  adw_avatar_set_text (self->avatar, sc_child_get_name (self->child));

  open = sc_child_get_open_concerns (self->child);
  if (open > 0)
    concerns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open concern",
                                             "%u open concerns", open), open);
  sc_form_show_sentence (self->concerns_label, concerns);
  /* The most urgent thing overdue, under the child's details: what to do
   * next for them. */
  sc_form_show_sentence (self->urgent_label, open > 0 ? self->urgent : NULL);
}

static void
sc_caseload_row_dispose (GObject *object)
{
  ScCaseloadRow *self = SC_CASELOAD_ROW (object);

  g_clear_object (&self->child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CASELOAD_ROW);
  /* The box the template lays out is not a bound child. */
  sc_form_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (sc_caseload_row_parent_class)->dispose (object);
}

static void
sc_caseload_row_finalize (GObject *object)
{
  g_free (SC_CASELOAD_ROW (object)->urgent);

  G_OBJECT_CLASS (sc_caseload_row_parent_class)->finalize (object);
}

static void
sc_caseload_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScCaseloadRow *self = SC_CASELOAD_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_URGENT:
      g_value_set_string (value, self->urgent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_caseload_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScCaseloadRow *self = SC_CASELOAD_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      if (g_set_object (&self->child, g_value_get_object (value)))
        {
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_URGENT:
      if (g_strcmp0 (self->urgent, g_value_get_string (value)) != 0)
        {
          g_free (self->urgent);
          self->urgent = g_value_dup_string (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_caseload_row_class_init (ScCaseloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sc_caseload_row_dispose;
  object_class->finalize = sc_caseload_row_finalize;
  object_class->get_property = sc_caseload_row_get_property;
  object_class->set_property = sc_caseload_row_set_property;

  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, SC_TYPE_CHILD, flags);
  /* The most urgent overdue step, read with the caseload's page. */
  properties[PROP_URGENT] = g_param_spec_string ("urgent", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/sc-caseload-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadRow, urgent_label);
  gtk_widget_class_bind_template_child (widget_class, ScCaseloadRow, concerns_label);
}

static void
sc_caseload_row_init (ScCaseloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
