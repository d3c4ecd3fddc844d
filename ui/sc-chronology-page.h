/* sc-chronology-page.h: a child's chronology
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_CHRONOLOGY_PAGE (sc_chronology_page_get_type ())

G_DECLARE_FINAL_TYPE (ScChronologyPage, sc_chronology_page, SC, CHRONOLOGY_PAGE, ScPage)

G_END_DECLS
