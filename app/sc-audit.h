/* sc-audit.h: the audit trail as a hash chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hex of a SHA-256: 64 digits. */
#define SC_AUDIT_HEX_LEN 64

/* What a check of the whole trail found. */
typedef struct
{
  gboolean  intact;
  guint64   count;      /* entries in the trail */
  char     *head;       /* the last entry's hash, hex; "" for an empty trail */
  gint64    first_bad;  /* the first entry that fails, or 0 */
  char     *problem;    /* a sentence saying what was found, or NULL */
} ScAuditReport;

char          *sc_audit_values_digest (const char    *before,
                                       const char    *after);
char          *sc_audit_entry_hash    (const char    *previous,
                                       gint64         id,
                                       const char    *at,
                                       const char    *actor,
                                       const char    *action,
                                       const char    *entity,
                                       gint64         entity_id,
                                       const char    *values_digest);
char          *sc_audit_report_describe (const ScAuditReport *report);
void           sc_audit_report_free   (ScAuditReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAuditReport, sc_audit_report_free)

G_END_DECLS
