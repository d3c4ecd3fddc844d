/* sc-types.h: forward declarations shared by the core and the UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ScVault ScVault;

G_END_DECLS
