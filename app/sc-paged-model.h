/* sc-paged-model.h: a list of records, read from the vault a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* What a list shows: the caseload's filter, or a child's contacts with
 * their filters. Text fields are never NULL ('' for "any"). */
typedef struct
{
  char   *text;            /* children: what the worker typed in search */
  gint64  child_id;        /* contacts: whose (0 = every child's) */
  char   *channel;         /* contacts: one channel, or '' */
  char   *from;            /* contacts: UTC ISO 8601, inclusive, or '' */
  char   *to;              /* contacts: UTC ISO 8601, exclusive, or '' */
  gboolean personal_only;  /* contacts: only those on a personal device or account */
} ScQuery;

ScQuery  *sc_query_new   (void);
ScQuery  *sc_query_copy  (const ScQuery *query);
void      sc_query_free  (ScQuery       *query);
gboolean  sc_query_equal (const ScQuery *a,
                          const ScQuery *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuery, sc_query_free)

#define SC_TYPE_PAGED_MODEL (sc_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (ScPagedModel, sc_paged_model, SC, PAGED_MODEL, GObject)

#define SC_PAGED_MODEL_PAGE_SIZE 64

ScPagedModel  *sc_paged_model_new              (ScVault       *vault,
                                                GType          item_type,
                                                const ScQuery *query);
void           sc_paged_model_set_query        (ScPagedModel  *self,
                                                const ScQuery *query);
const ScQuery *sc_paged_model_get_query        (ScPagedModel  *self);
void           sc_paged_model_refresh          (ScPagedModel  *self);
guint          sc_paged_model_get_pages_loaded (ScPagedModel  *self);

typedef void (*ScPagedModelPageFunc) (ScPagedModel *model,
                                      GPtrArray    *items,
                                      gpointer      user_data);

void           sc_paged_model_set_page_func    (ScPagedModel         *self,
                                                ScPagedModelPageFunc  func,
                                                gpointer              user_data,
                                                GDestroyNotify        destroy);

G_END_DECLS
