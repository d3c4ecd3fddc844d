/* sc-child-form.c: a child's details as the child page shows them
 *
 * The view-model behind the child page: every edit is saved a moment after
 * typing stops (at once on flush, before a lock or when the page is left);
 * what the page opened with is kept, so Undo Changes puts it all back. The
 * date of birth as typed is checked here, the age and initials described,
 * and a failure to save said in a sentence, with what was typed kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-child-form"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-child-form.h"
#include "sc-dates.h"
#include "sc-error-message.h"
#include "sc-records.h"
#include "sc-view-model.h"

#define SAVE_DELAY_MS 400

struct _ScChildForm
{
  GObject  parent_instance;

  ScVault *vault;
  ScChild *child;
  ScChild *original;
  char    *date_of_birth_text;
  gboolean date_of_birth_valid;
  char    *description;
  char    *error;
  gboolean can_undo;
  guint    save_source;
};

G_DEFINE_FINAL_TYPE (ScChildForm, sc_child_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_CHILD,
  PROP_DATE_OF_BIRTH_TEXT,
  PROP_DATE_OF_BIRTH_VALID,
  PROP_DESCRIPTION,
  PROP_ERROR,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Age 14. Initials on documents: AJ." ("14 years old today" read like a
 * birthday.) */
static void
update_description (ScChildForm *self)
{
  g_autofree char *initials = sc_child_dup_initials (self->child);
  g_autofree char *description = NULL;
  GDate today;
  int age;

  sc_date_today (&today);
  age = sc_child_get_age (self->child, &today);
  if (age >= 0)
    description = g_strdup_printf (_("Age %d. Initials on documents: %s."), age, initials);
  else
    description = g_strdup_printf (_("Initials on documents: %s."), initials);
  sc_view_model_set_string (G_OBJECT (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

static gboolean
save_now (ScChildForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!sc_records_save (self->vault, SC_RECORD (self->child), &error))
    /* What was typed stays in the rows, to be corrected. */
    sentence = sc_error_message_for (error);
  else if (!self->date_of_birth_valid)
    return TRUE;   /* the date's own sentence stays */

  sc_view_model_set_string (G_OBJECT (self), &self->error, sentence, properties[PROP_ERROR]);
  sc_view_model_set_boolean (G_OBJECT (self), &self->can_undo,
                             !sc_record_fields_equal (SC_RECORD (self->child),
                                                      SC_RECORD (self->original)),
                             properties[PROP_CAN_UNDO]);
  return sentence == NULL;
}

static gboolean
save_timeout_cb (gpointer data)
{
  ScChildForm *self = data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
child_changed_cb (ScChildForm *self,
                  GParamSpec  *pspec)
{
  if (g_str_equal (pspec->name, "id"))
    return;
  update_description (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

void
sc_child_form_flush (ScChildForm *self)
{
  g_return_if_fail (SC_IS_CHILD_FORM (self));

  if (self->save_source != 0)
    save_now (self);
}

static void
show_date_of_birth (ScChildForm *self)
{
  g_autofree char *typed = sc_date_format_entry (sc_record_get_text (SC_RECORD (self->child),
                                                                     "date-of-birth"));

  g_free (self->date_of_birth_text);
  self->date_of_birth_text = g_steal_pointer (&typed);
  sc_view_model_set_boolean (G_OBJECT (self), &self->date_of_birth_valid, TRUE,
                             properties[PROP_DATE_OF_BIRTH_VALID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_OF_BIRTH_TEXT]);
}

/* Puts back what the page opened with, and saves it. */
void
sc_child_form_undo (ScChildForm *self)
{
  g_return_if_fail (SC_IS_CHILD_FORM (self));

  sc_record_copy_fields (SC_RECORD (self->child), SC_RECORD (self->original));
  show_date_of_birth (self);
  save_now (self);
}

/* Half-typed dates are normal: the sentence says what is wrong, and the
 * last good date stays in the vault until this one reads. */
static void
set_date_of_birth_text (ScChildForm *self,
                        const char  *value)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->date_of_birth_text, value) == 0)
    return;
  g_free (self->date_of_birth_text);
  self->date_of_birth_text = g_strdup (value);

  if (*value == '\0')
    sc_record_set_text (SC_RECORD (self->child), "date-of-birth", "");
  else if (sc_date_parse (value, &date, &error))
    {
      g_autofree char *stored = sc_date_to_storage (&date);

      sc_record_set_text (SC_RECORD (self->child), "date-of-birth", stored);
    }
  sc_view_model_set_boolean (G_OBJECT (self), &self->date_of_birth_valid, error == NULL,
                             properties[PROP_DATE_OF_BIRTH_VALID]);
  sc_view_model_set_string (G_OBJECT (self), &self->error, error != NULL ? error->message : NULL,
                            properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_OF_BIRTH_TEXT]);
}

ScChildForm *
sc_child_form_new (ScVault *vault,
                   ScChild *child)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (SC_IS_CHILD (child), NULL);

  return g_object_new (SC_TYPE_CHILD_FORM, "vault", vault, "child", child, NULL);
}

ScChild *
sc_child_form_get_child (ScChildForm *self)
{
  g_return_val_if_fail (SC_IS_CHILD_FORM (self), NULL);
  return self->child;
}

static void
sc_child_form_constructed (GObject *object)
{
  ScChildForm *self = SC_CHILD_FORM (object);

  G_OBJECT_CLASS (sc_child_form_parent_class)->constructed (object);

  self->original = sc_child_new ();
  sc_record_copy_fields (SC_RECORD (self->original), SC_RECORD (self->child));
  self->date_of_birth_text = sc_date_format_entry (sc_record_get_text (SC_RECORD (self->child),
                                                                       "date-of-birth"));
  update_description (self);
  g_signal_connect_object (self->child, "notify", G_CALLBACK (child_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sc_child_form_dispose (GObject *object)
{
  ScChildForm *self = SC_CHILD_FORM (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->child);
  g_clear_object (&self->original);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_child_form_parent_class)->dispose (object);
}

static void
sc_child_form_finalize (GObject *object)
{
  ScChildForm *self = SC_CHILD_FORM (object);

  g_free (self->date_of_birth_text);
  g_free (self->description);
  g_free (self->error);

  G_OBJECT_CLASS (sc_child_form_parent_class)->finalize (object);
}

static void
sc_child_form_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScChildForm *self = SC_CHILD_FORM (object);

  switch (prop_id)
    {
    case PROP_VAULT: g_value_set_object (value, self->vault); break;
    case PROP_CHILD: g_value_set_object (value, self->child); break;
    case PROP_DATE_OF_BIRTH_TEXT: g_value_set_string (value, self->date_of_birth_text); break;
    case PROP_DATE_OF_BIRTH_VALID: g_value_set_boolean (value, self->date_of_birth_valid); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, self->can_undo); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_child_form_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScChildForm *self = SC_CHILD_FORM (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_CHILD:
      self->child = g_value_dup_object (value);
      break;
    case PROP_DATE_OF_BIRTH_TEXT:
      set_date_of_birth_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_child_form_class_init (ScChildFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sc_child_form_constructed;
  object_class->dispose = sc_child_form_dispose;
  object_class->finalize = sc_child_form_finalize;
  object_class->get_property = sc_child_form_get_property;
  object_class->set_property = sc_child_form_set_property;

  properties[PROP_VAULT] = g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT, construct);
  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, SC_TYPE_CHILD, construct);
  /* As typed: "14/03/2011". */
  properties[PROP_DATE_OF_BIRTH_TEXT] =
    g_param_spec_string ("date-of-birth-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_OF_BIRTH_VALID] = sc_view_model_boolean_property ("date-of-birth-valid");
  /* "Age 14. Initials on documents: AJ." */
  properties[PROP_DESCRIPTION] = sc_view_model_string_property ("description");
  /* What went wrong, in a sentence; NULL when nothing did. */
  properties[PROP_ERROR] = sc_view_model_string_property ("error");
  /* Something was changed since the page opened. */
  properties[PROP_CAN_UNDO] = sc_view_model_boolean_property ("can-undo");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_child_form_init (ScChildForm *self)
{
  self->date_of_birth_valid = TRUE;
}
