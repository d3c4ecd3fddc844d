/* sc-concern.h: an e-safety concern about a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-record.h"

G_BEGIN_DECLS

#define SC_TYPE_CONCERN (sc_concern_get_type ())

G_DECLARE_FINAL_TYPE (ScConcern, sc_concern, SC, CONCERN, ScRecord)

ScConcern *sc_concern_new          (gint64     child_id);
GStrv      sc_concern_missing      (ScConcern *self,
                                    gboolean   required_only);
gboolean   sc_concern_adult_alleged (ScConcern *self);
gboolean   sc_concern_child_alleged (ScConcern *self);

G_END_DECLS
