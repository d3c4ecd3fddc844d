/* sc-checks-row.h: a multi-valued field as a row of check boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_CHECKS_ROW (sc_checks_row_get_type ())

G_DECLARE_FINAL_TYPE (ScChecksRow, sc_checks_row, SC, CHECKS_ROW, AdwExpanderRow)

const char *sc_checks_row_get_value (ScChecksRow *self);
void        sc_checks_row_set_value (ScChecksRow *self,
                                     const char  *value);

G_END_DECLS
