/* sc-contact-row.h: one electronic contact in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-contact.h"

G_BEGIN_DECLS

#define SC_TYPE_CONTACT_ROW (sc_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (ScContactRow, sc_contact_row, SC, CONTACT_ROW, GtkWidget)

G_END_DECLS
