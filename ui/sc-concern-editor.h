/* sc-concern-editor.h: recording a concern, right after a disclosure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_CONCERN_EDITOR (sc_concern_editor_get_type ())

G_DECLARE_FINAL_TYPE (ScConcernEditor, sc_concern_editor, SC, CONCERN_EDITOR, ScPage)

void        sc_concern_editor_flush       (ScConcernEditor *self);

G_END_DECLS
