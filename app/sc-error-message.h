/* sc-error-message.h: a sentence for every error a user can meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sc_error_message_for (const GError *error);

G_END_DECLS
