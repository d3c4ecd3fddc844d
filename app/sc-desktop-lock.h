/* sc-desktop-lock.h: when the desktop locks or the laptop sleeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_TYPE_DESKTOP_LOCK (sc_desktop_lock_get_type ())

G_DECLARE_FINAL_TYPE (ScDesktopLock, sc_desktop_lock, SC, DESKTOP_LOCK, GObject)

ScDesktopLock *sc_desktop_lock_new              (GDBusConnection *session_bus,
                                                 GDBusConnection *system_bus);
void           sc_desktop_lock_watch_system_bus (ScDesktopLock   *self);

G_END_DECLS
