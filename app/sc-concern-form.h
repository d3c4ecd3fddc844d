/* sc-concern-form.h: what the concern form shows, and its drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-concern.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CONCERN_FORM (sc_concern_form_get_type ())

G_DECLARE_FINAL_TYPE (ScConcernForm, sc_concern_form, SC, CONCERN_FORM, GObject)

ScConcernForm *sc_concern_form_new         (ScVault       *vault,
                                            ScConcern     *concern);
ScConcern     *sc_concern_form_get_concern (ScConcernForm *self);
const char    *sc_concern_form_get_missing (ScConcernForm *self);
const char    *sc_concern_form_get_error   (ScConcernForm *self);
gboolean       sc_concern_form_get_can_save (ScConcernForm *self);
gboolean       sc_concern_form_save        (ScConcernForm *self);
gboolean       sc_concern_form_save_draft  (ScConcernForm *self);
void           sc_concern_form_flush       (ScConcernForm *self);
gboolean       sc_concern_form_remove_forbidden_files (ScConcernForm *self);

G_END_DECLS
