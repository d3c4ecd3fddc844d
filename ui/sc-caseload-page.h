/* sc-caseload-page.h: the children the worker is allocated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_CASELOAD_PAGE (sc_caseload_page_get_type ())

G_DECLARE_FINAL_TYPE (ScCaseloadPage, sc_caseload_page, SC, CASELOAD_PAGE, ScPage)

gint64      sc_caseload_page_get_selected_id  (ScCaseloadPage *self);

G_END_DECLS
