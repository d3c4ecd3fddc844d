/* sc-caseload-row.h: one child on the caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-child.h"

G_BEGIN_DECLS

#define SC_TYPE_CASELOAD_ROW (sc_caseload_row_get_type ())

G_DECLARE_FINAL_TYPE (ScCaseloadRow, sc_caseload_row, SC, CASELOAD_ROW, GtkWidget)

G_END_DECLS
