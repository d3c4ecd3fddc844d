/* sc-choice-model.h: a field's choices, as a list a combo shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SC_TYPE_CHOICE_MODEL (sc_choice_model_get_type ())

G_DECLARE_FINAL_TYPE (ScChoiceModel, sc_choice_model, SC, CHOICE_MODEL, GObject)

ScChoiceModel *sc_choice_model_new       (const char    *field,
                                          const char    *none_label);
const char    *sc_choice_model_get_id    (ScChoiceModel *self,
                                          guint          position);
guint          sc_choice_model_find      (ScChoiceModel *self,
                                          const char    *id);

G_END_DECLS
