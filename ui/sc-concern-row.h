/* sc-concern-row.h: one concern in a child's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-concern.h"

G_BEGIN_DECLS

#define SC_TYPE_CONCERN_ROW (sc_concern_row_get_type ())

G_DECLARE_FINAL_TYPE (ScConcernRow, sc_concern_row, SC, CONCERN_ROW, AdwActionRow)

GtkWidget *sc_concern_row_new         (ScConcern    *concern);
ScConcern *sc_concern_row_get_concern (ScConcernRow *self);

G_END_DECLS
