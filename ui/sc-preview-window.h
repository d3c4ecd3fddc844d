/* sc-preview-window.h: a document's pages, as the reader will see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_PREVIEW_WINDOW (sc_preview_window_get_type ())

G_DECLARE_FINAL_TYPE (ScPreviewWindow, sc_preview_window, SC, PREVIEW_WINDOW, AdwWindow)

GtkWidget  *sc_preview_window_new      (GtkWindow   *parent,
                                        GBytes      *pdf,
                                        const char  *title,
                                        GError     **error);
guint       sc_preview_window_get_page (ScPreviewWindow *self);
guint       sc_preview_window_get_n_pages (ScPreviewWindow *self);
double      sc_preview_window_get_zoom (ScPreviewWindow *self,
                                        gboolean        *fitted);

G_END_DECLS
