/* sc-response-page.h: the guided response to one concern
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_RESPONSE_PAGE (sc_response_page_get_type ())

G_DECLARE_FINAL_TYPE (ScResponsePage, sc_response_page, SC, RESPONSE_PAGE, ScPage)

void        sc_response_page_flush        (ScResponsePage *self);

G_END_DECLS
