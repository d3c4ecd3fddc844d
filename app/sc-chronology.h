/* sc-chronology.h: a child's chronology, in the form courts use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* What a line is about; also the chronology's filter. */
typedef enum
{
  SC_CHRONOLOGY_CHILD    = 1 << 0,
  SC_CHRONOLOGY_CONCERN  = 1 << 1,
  SC_CHRONOLOGY_STEP     = 1 << 2,
  SC_CHRONOLOGY_EVIDENCE = 1 << 3,
  SC_CHRONOLOGY_CONTACT  = 1 << 4,
  SC_CHRONOLOGY_REVIEW   = 1 << 5,
  SC_CHRONOLOGY_ADDENDUM = 1 << 6,
  SC_CHRONOLOGY_ALL      = 0x7f,
} ScChronologyKinds;

#define SC_TYPE_CHRONOLOGY_ENTRY (sc_chronology_entry_get_type ())

G_DECLARE_FINAL_TYPE (ScChronologyEntry, sc_chronology_entry, SC, CHRONOLOGY_ENTRY, GObject)

guint              sc_chronology_entry_get_serial    (ScChronologyEntry *self);
const char        *sc_chronology_entry_get_at        (ScChronologyEntry *self);
ScChronologyKinds  sc_chronology_entry_get_kind      (ScChronologyEntry *self);
const char        *sc_chronology_entry_get_event     (ScChronologyEntry *self);
const char        *sc_chronology_entry_get_source    (ScChronologyEntry *self);
const char        *sc_chronology_entry_get_action    (ScChronologyEntry *self);
gint64             sc_chronology_entry_get_target    (ScChronologyEntry *self);

GPtrArray         *sc_chronology_build               (ScVault           *vault,
                                                      ScProcedure       *procedure,
                                                      gint64             child_id,
                                                      ScChronologyKinds  kinds,
                                                      const char        *from,
                                                      const char        *to,
                                                      GError           **error);
const char *const *sc_chronology_get_sources         (void);

G_END_DECLS
