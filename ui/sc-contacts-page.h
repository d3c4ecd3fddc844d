/* sc-contacts-page.h: a child's electronic contacts, or every personal-device one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_CONTACTS_PAGE (sc_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (ScContactsPage, sc_contacts_page, SC, CONTACTS_PAGE, ScPage)

G_END_DECLS
