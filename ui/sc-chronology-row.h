/* sc-chronology-row.h: one line of a chronology
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-chronology.h"

G_BEGIN_DECLS

#define SC_TYPE_CHRONOLOGY_ROW (sc_chronology_row_get_type ())

G_DECLARE_FINAL_TYPE (ScChronologyRow, sc_chronology_row, SC, CHRONOLOGY_ROW, GtkWidget)

G_END_DECLS
