/* sc-application-private.h: test hooks of the application class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-application.h"

G_BEGIN_DECLS

/* Overrides the idle-lock-minutes setting, so a test need not wait minutes. */
void sc_application_set_idle_timeout_ms (ScApplication *self,
                                         guint          timeout_ms);

G_END_DECLS
