/* sc-search-page.h: search across every child's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_SEARCH_PAGE (sc_search_page_get_type ())

G_DECLARE_FINAL_TYPE (ScSearchPage, sc_search_page, SC, SEARCH_PAGE, ScPage)

void sc_search_page_search (ScSearchPage *self,
                            const char   *text);

G_END_DECLS
