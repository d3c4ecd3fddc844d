/* sc-step-row.h: one step of the guided response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-response.h"

G_BEGIN_DECLS

#define SC_TYPE_STEP_ROW (sc_step_row_get_type ())

G_DECLARE_FINAL_TYPE (ScStepRow, sc_step_row, SC, STEP_ROW, AdwExpanderRow)

GtkWidget  *sc_step_row_new        (const ScResponseItem *item,
                                    ScProcedure          *procedure,
                                    gboolean              police_open);
void        sc_step_row_set_record  (ScStepRow   *self,
                                     gint64       record_id,
                                     const char  *final_since,
                                     GPtrArray   *addenda);
const char *sc_step_row_get_step_id (ScStepRow *self);
const char *sc_step_row_get_typed  (ScStepRow  *self,
                                    const char *field);

G_END_DECLS
