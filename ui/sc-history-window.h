/* sc-history-window.h: a record's history, from the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_HISTORY_WINDOW (sc_history_window_get_type ())

G_DECLARE_FINAL_TYPE (ScHistoryWindow, sc_history_window, SC, HISTORY_WINDOW, AdwWindow)

GtkWidget *sc_history_window_new (GtkWindow   *parent,
                                  ScVault     *vault,
                                  const char  *table,
                                  gint64       id,
                                  const char  *subject,
                                  GError     **error);

G_END_DECLS
