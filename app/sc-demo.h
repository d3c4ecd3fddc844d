/* sc-demo.h: a vault of clearly fictional children, for training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

/* The demo vault holds no real record, so its passphrase can be printed on
 * its unlock page: trainers and newcomers need it. */
#define SC_DEMO_PASSPHRASE  "Demo-Vault-2026"
#define SC_DEMO_WORKER_NAME "Demo Worker"

gboolean sc_demo_fill (ScVault  *vault,
                       GError  **error);

G_END_DECLS
