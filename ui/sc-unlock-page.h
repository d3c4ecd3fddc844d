/* sc-unlock-page.h: the passphrase prompt of a locked vault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_UNLOCK_PAGE (sc_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (ScUnlockPage, sc_unlock_page, SC, UNLOCK_PAGE, GtkWidget)

void         sc_unlock_page_set_directory      (ScUnlockPage *self,
                                                const char   *directory);
void         sc_unlock_page_reset              (ScUnlockPage *self,
                                                const char   *reason,
                                                gboolean      restore_keyring);

G_END_DECLS
