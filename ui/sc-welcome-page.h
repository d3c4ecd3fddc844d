/* sc-welcome-page.h: first start, where the worker creates their vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_WELCOME_PAGE (sc_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (ScWelcomePage, sc_welcome_page, SC, WELCOME_PAGE, GtkWidget)

void         sc_welcome_page_set_directory      (ScWelcomePage *self,
                                                 const char    *directory);

G_END_DECLS
