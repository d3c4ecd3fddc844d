/* sc-test-core.h: helpers for the headless tests of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-vault-private.h"

G_BEGIN_DECLS

gint64 sc_test_count_rows (ScVault    *vault,
                           const char *sql);

void   sc_test_save       (ScVault    *vault,
                           gpointer    record);

void   sc_test_core_init  (int        *argc,
                           char     ***argv);

G_END_DECLS
