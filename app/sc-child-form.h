/* sc-child-form.h: a child's details as the child page shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-child.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CHILD_FORM (sc_child_form_get_type ())

G_DECLARE_FINAL_TYPE (ScChildForm, sc_child_form, SC, CHILD_FORM, GObject)

ScChildForm *sc_child_form_new       (ScVault     *vault,
                                      ScChild     *child);
ScChild     *sc_child_form_get_child (ScChildForm *self);
void         sc_child_form_flush     (ScChildForm *self);
void         sc_child_form_undo      (ScChildForm *self);

G_END_DECLS
