/* sc-lock-state.h: a lock that holds across restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sc_lock_state_write   (const char  *vault_directory,
                                 GError     **error);
gboolean  sc_lock_state_holds   (const char  *vault_directory);
void      sc_lock_state_clear   (const char  *vault_directory);
char     *sc_lock_state_session (void);

G_END_DECLS
