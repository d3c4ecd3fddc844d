/* sc-vault-private.h: what the rest of the core (and its tests) may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_VAULT_DB_NAME  "vault.db"
#define SC_VAULT_KEY_NAME "vault.key"

sqlite3 *sc_vault_get_db                  (ScVault     *self);
gboolean sc_vault_set_sqlite_error        (sqlite3     *db,
                                           int          rc,
                                           const char  *what,
                                           GError     **error);

/* Creates a vault migrated only up to @version, as an older app would have
 * left it; for the migration tests. */
ScVault *sc_vault_create_at_version       (const char   *directory,
                                           const char   *worker_name,
                                           const char   *passphrase,
                                           int           version,
                                           GError      **error);

void     sc_vault_note_change             (ScVault     *self,
                                           const char  *entity,
                                           gint64       entity_id);

/* How long a keyring call may take, in milliseconds. */
void     sc_vault_set_keyring_timeout     (guint        timeout_ms);

G_END_DECLS
