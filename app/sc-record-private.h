/* sc-record-private.h: what the repository needs of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-record.h"

G_BEGIN_DECLS

void          sc_record_set_id    (ScRecord *self,
                                   gint64    id);
const GValue *sc_record_get_value (ScRecord *self,
                                   guint     index);
void          sc_record_set_value (ScRecord *self,
                                   guint     index,
                                   const GValue *value);

G_END_DECLS
