/* sc-child-list-model.h: the caseload, read from the vault a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CHILD_LIST_MODEL (sc_child_list_model_get_type ())

G_DECLARE_FINAL_TYPE (ScChildListModel, sc_child_list_model, SC, CHILD_LIST_MODEL, GObject)

#define SC_CHILD_LIST_PAGE_SIZE 64

ScChildListModel *sc_child_list_model_new          (ScVault          *vault);
void              sc_child_list_model_set_filter   (ScChildListModel *self,
                                                    const char       *filter);
const char       *sc_child_list_model_get_filter   (ScChildListModel *self);
void              sc_child_list_model_refresh      (ScChildListModel *self);
guint             sc_child_list_model_get_pages_loaded (ScChildListModel *self);

G_END_DECLS
