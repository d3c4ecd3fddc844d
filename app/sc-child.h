/* sc-child.h: a child on the worker's caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-record.h"

G_BEGIN_DECLS

#define SC_TYPE_CHILD (sc_child_get_type ())

G_DECLARE_FINAL_TYPE (ScChild, sc_child, SC, CHILD, ScRecord)

ScChild    *sc_child_new                  (void);
const char *sc_child_get_name             (ScChild     *self);
char       *sc_child_dup_initials         (ScChild     *self);
char       *sc_child_derive_initials      (const char  *name);
int         sc_child_get_age              (ScChild     *self,
                                           const GDate *on);
guint       sc_child_get_open_concerns    (ScChild     *self);
void        sc_child_set_open_concerns    (ScChild     *self,
                                           guint        count);

G_END_DECLS
