/* sc-audit-private.h: the chain over the vault's audit table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sc-audit.h"

G_BEGIN_DECLS

gboolean       sc_audit_append        (sqlite3      *db,
                                       gboolean      chained,
                                       const char   *at,
                                       const char   *actor,
                                       const char   *action,
                                       const char   *entity,
                                       gint64        entity_id,
                                       const char   *before,
                                       const char   *after,
                                       GError      **error);
gboolean       sc_audit_read_head     (sqlite3      *db,
                                       guint64      *count,
                                       char        **head,
                                       GError      **error);
char          *sc_audit_first_at      (sqlite3      *db,
                                       const char   *entity,
                                       gint64        entity_id,
                                       const char   *action,
                                       GError      **error);
char          *sc_audit_hash_at       (sqlite3      *db,
                                       guint64       id);
gboolean       sc_audit_chain_existing (sqlite3     *db,
                                        GError     **error);
GPtrArray     *sc_audit_history       (sqlite3      *db,
                                       const char   *entity,
                                       gint64        entity_id,
                                       GError      **error);
ScAuditReport *sc_audit_verify        (sqlite3      *db,
                                       guint64       anchor_count,
                                       const char   *anchor_head,
                                       GError      **error);

G_END_DECLS
