/* sc-choice-model.c: a field's choices, as a list a combo shows
 *
 * The labels of one field's choices (sc-choices.h), led by a label that
 * stands for no choice ("Not chosen yet", "All channels") where there is
 * one. The model itself maps a position to the choice's id and back, so a
 * combo carries no data of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-choice-model"

#include "config.h"

#include "sc-choice-model.h"
#include "sc-choices.h"

struct _ScChoiceModel
{
  GObject         parent_instance;

  char           *field;
  const ScChoice *choices;
  guint           n_choices;
  char           *none_label;   /* NULL: every position is a choice */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScChoiceModel, sc_choice_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
offset (ScChoiceModel *self)
{
  return self->none_label != NULL ? 1 : 0;
}

static GType
get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  ScChoiceModel *self = SC_CHOICE_MODEL (model);

  return self->n_choices + offset (self);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ScChoiceModel *self = SC_CHOICE_MODEL (model);

  if (position >= get_n_items (model))
    return NULL;
  if (position < offset (self))
    return gtk_string_object_new (self->none_label);
  return gtk_string_object_new (sc_choice_label (self->field,
                                                 self->choices[position - offset (self)].id));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* @field's choices, led by @none_label (standing for '') unless NULL. */
ScChoiceModel *
sc_choice_model_new (const char *field,
                     const char *none_label)
{
  ScChoiceModel *self;
  guint n = 0;
  const ScChoice *choices = sc_choices_for (field, &n);

  g_return_val_if_fail (choices != NULL, NULL);

  self = g_object_new (SC_TYPE_CHOICE_MODEL, NULL);
  self->field = g_strdup (field);
  self->choices = choices;
  self->n_choices = n;
  self->none_label = g_strdup (none_label);
  return self;
}

/* The id of the choice at @position; '' for none, or for no position. */
const char *
sc_choice_model_get_id (ScChoiceModel *self,
                        guint          position)
{
  g_return_val_if_fail (SC_IS_CHOICE_MODEL (self), "");

  if (position == GTK_INVALID_LIST_POSITION || position < offset (self)
      || position - offset (self) >= self->n_choices)
    return "";
  return self->choices[position - offset (self)].id;
}

/* Where @id is; the first position (none, where there is one) if it is not
 * one of the choices. */
guint
sc_choice_model_find (ScChoiceModel *self,
                      const char    *id)
{
  g_return_val_if_fail (SC_IS_CHOICE_MODEL (self), 0);

  for (guint i = 0; i < self->n_choices; i++)
    if (g_strcmp0 (self->choices[i].id, id) == 0)
      return i + offset (self);
  return 0;
}

static void
sc_choice_model_finalize (GObject *object)
{
  ScChoiceModel *self = SC_CHOICE_MODEL (object);

  g_free (self->field);
  g_free (self->none_label);

  G_OBJECT_CLASS (sc_choice_model_parent_class)->finalize (object);
}

static void
sc_choice_model_class_init (ScChoiceModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_choice_model_finalize;
}

static void
sc_choice_model_init (ScChoiceModel *self)
{
}
