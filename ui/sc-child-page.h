/* sc-child-page.h: one child: details, edited in place, and concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_CHILD_PAGE (sc_child_page_get_type ())

G_DECLARE_FINAL_TYPE (ScChildPage, sc_child_page, SC, CHILD_PAGE, ScPage)

void         sc_child_page_flush         (ScChildPage *self);

G_END_DECLS
