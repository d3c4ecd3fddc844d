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

/* One change to a record, from its audit entry. */
typedef struct
{
  char *field;       /* as the record names it, "own-words" */
  char *before;      /* NULL: the field was not there before */
  char *after;
} ScAuditChange;

typedef struct
{
  gint64     id;          /* the entry's number in the trail */
  char      *at;          /* storage form */
  char      *actor;
  char      *action;      /* "create", "update", "remove-file", … */
  GPtrArray *changes;     /* ScAuditChange, the fields whose values differ */
  char      *note;        /* an entry's text that is not a record's fields, or NULL */
} ScAuditHistoryEntry;

GPtrArray     *sc_audit_changes       (const char    *before,
                                       const char    *after);
void           sc_audit_history_entry_free (ScAuditHistoryEntry *entry);
void           sc_audit_report_free   (ScAuditReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAuditReport, sc_audit_report_free)

G_END_DECLS
