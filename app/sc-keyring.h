/* sc-keyring.h: the vault key in the login keyring (Secret Service)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-secure.h"

G_BEGIN_DECLS

/* How long a keyring call may take before we stop waiting and ask for the
 * passphrase: a Secret Service that does not answer must not freeze a start. */
#define SC_KEYRING_DEFAULT_TIMEOUT_MS 5000

ScKey    *sc_keyring_lookup_key  (const char    *vault_id,
                                  guint          timeout_ms,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  sc_keyring_store_key   (const char    *vault_id,
                                  const ScKey   *key,
                                  guint          timeout_ms,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  sc_keyring_clear_key   (const char    *vault_id,
                                  guint          timeout_ms,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
