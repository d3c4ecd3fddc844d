/* sc-records.h: reading and writing children and concerns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-child.h"
#include "sc-concern.h"
#include "sc-contact.h"
#include "sc-paged-model.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_RECORD_ERROR (sc_record_error_quark ())

/* The messages of these errors are sentences for the worker: they are
 * about what was typed. */
typedef enum
{
  SC_RECORD_ERROR_REQUIRED,
  SC_RECORD_ERROR_INVALID,
  SC_RECORD_ERROR_TOO_LONG,
  SC_RECORD_ERROR_NOT_FOUND,
  SC_RECORD_ERROR_CLOSED,
  SC_RECORD_ERROR_FINAL,
} ScRecordError;

/* Far more than any note; it keeps one paste from filling the vault. */
#define SC_RECORD_MAX_TEXT_BYTES (4 * 1024 * 1024)

GQuark     sc_record_error_quark      (void);

gboolean   sc_records_save            (ScVault      *vault,
                                       ScRecord     *record,
                                       GError      **error);
gboolean   sc_records_complete        (ScVault      *vault,
                                       ScRecord     *record,
                                       GError      **error);
gpointer   sc_records_load            (ScVault      *vault,
                                       GType         type,
                                       gint64        id,
                                       GError      **error);

gboolean   sc_records_count_children  (ScVault      *vault,
                                       const char   *filter,
                                       guint        *count,
                                       GError      **error);
GPtrArray *sc_records_list_children   (ScVault      *vault,
                                       const char   *filter,
                                       guint         offset,
                                       guint         limit,
                                       GError      **error);
GPtrArray *sc_records_list_concerns   (ScVault      *vault,
                                       gint64        child_id,
                                       GError      **error);
gboolean   sc_records_count_accidental (ScVault    *vault,
                                        gint64      child_id,
                                        gint64      except_id,
                                        const char *since,
                                        guint      *count,
                                        GError    **error);
GPtrArray *sc_records_list_open_concerns (ScVault    *vault,
                                          GError    **error);
GPtrArray *sc_records_list_addenda    (ScVault      *vault,
                                       const char   *entity,
                                       gint64        id,
                                       GError      **error);

char      *sc_records_child_created_at (ScVault      *vault,
                                        gint64        child_id,
                                        GError      **error);
gboolean   sc_records_count_contacts  (ScVault       *vault,
                                       const ScQuery *query,
                                       guint         *count,
                                       GError       **error);
GPtrArray *sc_records_list_contacts   (ScVault       *vault,
                                       const ScQuery *query,
                                       guint          offset,
                                       guint          limit,
                                       GError       **error);
GPtrArray *sc_records_list_contacts_for_concern (ScVault *vault,
                                                 gint64   concern_id,
                                                 GError **error);
gboolean   sc_records_mark_copied     (ScVault      *vault,
                                       GPtrArray    *contacts,
                                       GError      **error);
GArray    *sc_records_children_to_remind (ScVault   *vault,
                                          GDateTime *now,
                                          GError   **error);
gboolean   sc_records_mark_reminded   (ScVault      *vault,
                                       GArray       *child_ids,
                                       GDateTime    *now,
                                       GError      **error);

GPtrArray *sc_records_list_for_concern (ScVault    *vault,
                                        GType       type,
                                        gint64      concern_id,
                                        GError    **error);
gboolean   sc_records_save_with_file   (ScVault    *vault,
                                        ScRecord   *record,
                                        GBytes     *data,
                                        GError    **error);
GBytes    *sc_records_load_file        (ScVault    *vault,
                                        gint64      evidence_id,
                                        GError    **error);

GPtrArray *sc_records_list_where_in   (ScVault      *vault,
                                       GType         type,
                                       const char   *column,
                                       const gint64 *ids,
                                       guint         n_ids,
                                       const char   *filter,
                                       GError      **error);

gboolean   sc_records_remove_files    (ScVault      *vault,
                                       GPtrArray    *evidence,
                                       const char   *reason,
                                       GError      **error);

/* One match of a search across every child. */
typedef enum
{
  SC_SEARCH_CHILD,
  SC_SEARCH_CONCERN,
  SC_SEARCH_STEP,
  SC_SEARCH_EVIDENCE,
  SC_SEARCH_CONTACT,
  SC_SEARCH_REVIEW,
  SC_SEARCH_ADDENDUM,           /* to a concern or its evidence */
  SC_SEARCH_CONTACT_ADDENDUM,   /* to a contact */
} ScSearchKind;

typedef struct
{
  ScSearchKind  kind;
  gint64        child_id;
  char         *child_name;
  gint64        record_id;   /* the child, the concern (also for steps and evidence), the contact */
  char         *at;          /* storage form */
  char         *markup;      /* the words around the match, the matched words in bold */
} ScSearchHit;

char      *sc_search_query_from_text  (const char   *text);
GPtrArray *sc_records_search          (ScVault      *vault,
                                       const char   *text,
                                       guint         limit,
                                       GError      **error);
void       sc_search_hit_free         (ScSearchHit  *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSearchHit, sc_search_hit_free)

G_END_DECLS
