/* sc-explain.h: the steps a concern would get, for a council testing its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-procedure.h"

G_BEGIN_DECLS

#define SC_EXPLAIN_ERROR (sc_explain_error_quark ())

GQuark    sc_explain_error_quark    (void);

gboolean  sc_explain_response       (ScProcedure  *procedure,
                                     const char   *data,
                                     gsize         length,
                                     GString      *out,
                                     GError      **error);
gboolean  sc_explain_response_file  (ScProcedure  *procedure,
                                     const char   *path,
                                     GString      *out,
                                     GError      **error);

G_END_DECLS
